// The demo đảng bộ created on an empty DATA_DIR (CONTRACT.md, "Running"): a ward committee
// with four cells, a handful of members in every status the directives name, and the three
// accounts the README lists. Names are invented.
import { count } from "drizzle-orm";
import { tenants } from "../schema/tables/control";
import { grants, members, units, users } from "../schema/tables/tenant";
import { hashPassword } from "./auth/password";
import { newId } from "./data/ids";
import { newMemberRow, type MemberInput } from "./data/members";
import { provisionTenant } from "./data/tenants";
import { newUnitRow } from "./data/units";
import { createCampaign, requireCampaign } from "./data/campaigns";
import { systemCtx } from "./data/context";
import { launchCampaign } from "./data/launch";
import { saveDraft, submit } from "./data/submission-drafts";
import { confirm, returnSubmission } from "./data/submission-review";
import type { MemberRow } from "./data/members";
import type { TenantDb } from "./db/handles";
import { addDaysIct, ictDate } from "./domain/deadlines";
import type { Platform } from "./env";

export const DEMO = {
  slug: "demo",
  name: "Đảng bộ phường Long Biên (mẫu)",
  password: "demo12345",
  admin: { email: "admin@demo.vn", fullName: "Nguyễn Thị Thu Hà" },
  secretary: { email: "bithu@demo.vn", fullName: "Trần Văn Bình" },
  member: { email: "dangvien@demo.vn", fullName: "Lê Thị Hồng" },
};

export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  const control = platform.control().db;
  const [{ n }] = (await control.select({ n: count() }).from(tenants)) as [{ n: number }];
  if (n > 0) return false;
  await seedDemo(platform);
  return true;
}

export async function seedDemo(platform: Platform) {
  const { tenant, rootUnitId } = await provisionTenant(
    platform,
    {
      tenant: { slug: DEMO.slug, name: DEMO.name, kind: "dang-uy-phuong" },
      admin: { ...DEMO.admin, password: DEMO.password },
    },
    { allowReserved: true },
  );
  const { db } = platform.tenant(tenant);
  const now = platform.now();
  const root = { id: rootUnitId, path: `/${rootUnitId}/`, depth: 0 };
  const kdc1 = newUnitRow({ name: "Chi bộ Khu dân cư số 1", kind: "chi-bo" }, root, now);
  const kdc2 = newUnitRow({ name: "Chi bộ Khu dân cư số 2", kind: "chi-bo" }, root, now);
  const ubnd = newUnitRow({ name: "Chi bộ Cơ quan UBND phường", kind: "chi-bo" }, root, now);
  const mttq = newUnitRow({ name: "Ủy ban MTTQ Việt Nam phường", kind: "doan-the" }, root, now);

  const m = (input: Omit<MemberInput, "status"> & { status?: MemberInput["status"] }) =>
    newMemberRow({ status: "dang-sinh-hoat", ...input }, now);
  const secretary = m({
    fullName: DEMO.secretary.fullName,
    birthYear: 1975,
    email: DEMO.secretary.email,
    unitId: kdc1.id,
    position: "Bí thư chi bộ",
    leadershipRank: 1,
  });
  const member = m({
    fullName: DEMO.member.fullName,
    birthYear: 1988,
    email: DEMO.member.email,
    unitId: kdc1.id,
  });
  const roster = [
    secretary,
    member,
    m({
      fullName: "Phạm Quốc Hùng",
      birthYear: 1969,
      unitId: kdc1.id,
      position: "Phó Bí thư chi bộ",
      leadershipRank: 2,
    }),
    m({ fullName: "Đỗ Thị Lan", birthYear: 1992, unitId: kdc1.id }),
    m({
      fullName: "Vũ Văn Thắng",
      birthYear: 1938,
      unitId: kdc1.id,
      status: "tuoi-cao-benh",
      statusSince: "2024-01-01",
    }),
    m({
      fullName: "Hoàng Thị Mai",
      birthYear: 1955,
      unitId: kdc1.id,
      status: "mien-sinh-hoat",
      statusSince: "2023-06-01",
    }),
    m({
      fullName: "Ngô Văn Tú",
      birthYear: 1972,
      unitId: kdc2.id,
      position: "Bí thư chi bộ",
      leadershipRank: 1,
    }),
    m({ fullName: "Bùi Thị Hạnh", birthYear: 1985, unitId: kdc2.id }),
    m({ fullName: "Đặng Minh Khoa", birthYear: 1990, unitId: kdc2.id }),
    m({
      fullName: "Nguyễn Đức Long",
      birthYear: 1970,
      unitId: ubnd.id,
      position: "Chủ tịch UBND phường",
      leadershipRank: 1,
      managedByStandingCommittee: true,
      mustPublishPlan: true,
    }),
    m({
      fullName: "Trịnh Thị Thu",
      birthYear: 1983,
      unitId: ubnd.id,
      position: "Công chức Văn phòng",
    }),
    m({
      fullName: "Lý Văn Nam",
      birthYear: 1966,
      unitId: mttq.id,
      position: "Chủ tịch Ủy ban MTTQ phường",
      leadershipRank: 1,
    }),
  ];
  const hash = await hashPassword(DEMO.password);
  const secretaryUser = newId();
  const memberUser = newId();
  await db.batch([
    db.insert(units).values([kdc1, kdc2, ubnd, mttq]),
    db.insert(members).values(roster),
    db.insert(users).values([
      {
        id: secretaryUser,
        email: DEMO.secretary.email,
        fullName: DEMO.secretary.fullName,
        passwordHash: hash,
        memberId: secretary.id,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: memberUser,
        email: DEMO.member.email,
        fullName: DEMO.member.fullName,
        passwordHash: hash,
        memberId: member.id,
        createdAt: now,
        updatedAt: now,
      },
    ]),
    db.insert(grants).values([
      { id: newId(), userId: secretaryUser, role: "secretary", unitId: kdc1.id, createdAt: now },
      { id: newId(), userId: secretaryUser, role: "member", unitId: kdc1.id, createdAt: now },
      { id: newId(), userId: memberUser, role: "member", unitId: kdc1.id, createdAt: now },
    ]),
  ]);
  await seedDemoCampaign(db, { rootUnitId, now, secretaryUser, roster });
  return tenant;
}

const demoPlan = (
  m: { fullName: string; birthYear: number | null; position: string | null },
  unitName: string,
) => ({
  "ho-ten": m.fullName,
  "nam-sinh": m.birthYear ?? 1980,
  "chuc-vu": m.position ?? "Đảng viên",
  "chi-bo": unitName,
  "dang-bo": DEMO.name,
  "tu-duong-ren-luyen": {
    "pham-chat": "Kiên định lập trường chính trị; giữ gìn phẩm chất đạo đức, lối sống giản dị.",
    "nhung-dieu-khong-duoc-lam":
      "Thực hiện nghiêm Quy định 37-QĐ/TW về những điều đảng viên không được làm.",
    "chuc-trach": "Hoàn thành nhiệm vụ được giao ở khu dân cư; gương mẫu trong gia đình.",
  },
  "khac-phuc": "Khắc phục việc đôi lúc chưa mạnh dạn phát biểu ý kiến trong sinh hoạt chi bộ.",
  "cam-ket": true,
});

/** A running "Tự soi, tự sửa" campaign over the whole đảng bộ, started a week ago and due
 *  in three weeks, with plans in every state: draft, submitted, returned, confirmed, and one
 *  entered by the secretary on a member's behalf. */
async function seedDemoCampaign(
  db: TenantDb,
  ctx: { rootUnitId: string; now: Date; secretaryUser: string; roster: MemberRow[] },
) {
  const { now, roster } = ctx;
  const today = ictDate(now);
  const sys = systemCtx(db, now);
  // The plans are written and reviewed by the cell's secretary.
  const secretary = { ...sys, actor: { actorUserId: ctx.secretaryUser, requestId: null } };
  const { id } = await createCampaign(sys, {
    templateKey: "tu-soi-tu-sua",
    name: `Sinh hoạt chính trị “Tự soi, tự sửa” năm ${today.slice(0, 4)}`,
    documentNo: "05-HD/ĐU",
    startsOn: addDaysIct(today, -7),
    dueOn: addDaysIct(today, 21),
    unitIds: [ctx.rootUnitId],
  });
  await launchCampaign(sys, id);
  const campaign = await requireCampaign(db, id);
  const unitNames = new Map(
    (await db.select({ id: units.id, name: units.name }).from(units)).map((u) => [u.id, u.name]),
  );
  const byName = (name: string) => roster.find((m) => m.fullName === name)!;
  const write = async (
    name: string,
    state: "draft" | "submitted" | "confirmed" | "returned",
    onBehalf = false,
  ) => {
    const m = byName(name);
    const target = { campaign, memberId: m.id, onBehalf, formKey: "ke-hoach-tu-duong" };
    await saveDraft(secretary, {
      ...target,
      data: demoPlan(m, unitNames.get(m.unitId) ?? ""),
    });
    if (state === "draft") return;
    const sent = await submit(secretary, target);
    if (state === "confirmed") await confirm(secretary, sent.id);
    if (state === "returned")
      await returnSubmission(secretary, {
        id: sent.id,
        comment: "Đề nghị nêu cụ thể hạn chế và thời hạn khắc phục.",
      });
  };
  await write(DEMO.member.fullName, "draft");
  await write("Phạm Quốc Hùng", "submitted");
  await write("Đỗ Thị Lan", "confirmed");
  await write("Bùi Thị Hạnh", "returned");
  await write("Đặng Minh Khoa", "submitted", true);
  await write("Nguyễn Đức Long", "confirmed");
}
