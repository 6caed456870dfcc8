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
  return tenant;
}
