// A small đảng bộ for campaign scenarios: two cells under a ward committee, members in every
// status that matters, and sessions made directly (no password hashing, so tests stay fast).
import { eq } from "drizzle-orm";
import { grants, memberStatusHistory, members, units, users } from "../../schema/tables/tenant";
import { createSession } from "../../worker/auth/sessions";
import { newId } from "../../worker/data/ids";
import { historyRow, newMemberRow, type MemberInput } from "../../worker/data/members";
import type { UnitKind } from "../../schema/vocab/people";
import { newUnitRow } from "../../worker/data/units";
import type { Role } from "../../worker/env";
import { expect, onTestFinished } from "vitest";
import { makeApp, openTenant, signupTenant, type TestApp } from "./app";

export async function buildTree(t: TestApp, slug = "phuong-mau") {
  const signup = await signupTenant(t, slug);
  const { db } = await openTenant(t, signup.tenant.id);
  const now = t.clock.now;
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  const cellA = newUnitRow({ name: "Chi bộ Khu dân cư số 1", kind: "chi-bo" }, root!, now);
  const cellB = newUnitRow({ name: "Chi bộ Khu dân cư số 2", kind: "chi-bo" }, root!, now);
  await db.insert(units).values([cellA, cellB]);

  /** Who is who: a session is made at the test clock's time for every call, so scenarios
   *  can move the clock by days without outliving the 12-hour idle timeout. */
  const userIds: Record<string, string> = { admin: signup.user.id };
  const ids: Record<string, string> = {};
  const addMember = async (
    key: string,
    input: Omit<MemberInput, "status"> & { status?: MemberInput["status"] },
    roles: [Role, string][] = [],
  ) => {
    const m = newMemberRow({ status: "dang-sinh-hoat", statusSince: "2020-01-01", ...input }, now);
    await db.insert(members).values(m);
    await db.insert(memberStatusHistory).values(historyRow(m, now, null));
    ids[key] = m.id;
    const userId = newId();
    await db.insert(users).values({
      id: userId,
      email: `${key}@${slug}.vn`,
      fullName: m.fullName,
      passwordHash: null,
      memberId: m.id,
      createdAt: now,
      updatedAt: now,
    });
    for (const [role, unitId] of [["member", m.unitId] as [Role, string], ...roles])
      await db.insert(grants).values({ id: newId(), userId, role, unitId, createdAt: now });
    userIds[key] = userId;
    return m;
  };
  await addMember(
    "a1",
    {
      fullName: "Nguyễn Văn An",
      birthYear: 1980,
      unitId: cellA.id,
      position: "Bí thư chi bộ",
      leadershipRank: 1,
    },
    [["secretary", cellA.id]],
  );
  await addMember("a2", { fullName: "Trần Thị Bình", birthYear: 1985, unitId: cellA.id });
  await addMember("a3", {
    fullName: "Lê Văn Cường",
    birthYear: 1950,
    unitId: cellA.id,
    status: "mien-sinh-hoat",
  });
  await addMember("a4", {
    fullName: "Phạm Thị Dung",
    birthYear: 1935,
    unitId: cellA.id,
    status: "tuoi-cao-benh",
  });
  await addMember("a5", { fullName: "Hoàng Văn Em", birthYear: 1990, unitId: cellA.id });
  await addMember(
    "b1",
    {
      fullName: "Đỗ Thị Giang",
      birthYear: 1978,
      unitId: cellB.id,
      position: "Bí thư chi bộ",
      leadershipRank: 1,
    },
    [["secretary", cellB.id]],
  );
  await addMember("b2", {
    fullName: "Vũ Văn Hải",
    birthYear: 1992,
    unitId: cellB.id,
    managedByStandingCommittee: true,
    position: "Chủ tịch UBND phường",
  });

  /** An account that is not a member (a supervisor at MTTQ, a viewer at the committee…). */
  const addUser = async (key: string, roles: [Role, string][]) => {
    const userId = newId();
    await db.insert(users).values({
      id: userId,
      email: `${key}@${slug}.vn`,
      fullName: key,
      passwordHash: null,
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
    });
    for (const [role, unitId] of roles)
      await db.insert(grants).values({ id: newId(), userId, role, unitId, createdAt: t.clock.now });
    userIds[key] = userId;
  };
  const addUnit = async (name: string, kind: UnitKind, parent = root!) => {
    const u = newUnitRow({ name, kind }, parent, t.clock.now);
    await db.insert(units).values(u);
    return u;
  };
  const api = async <T = Record<string, unknown>>(
    who: string,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const token = (await createSession(db, userIds[who]!, t.clock.now)).token;
    const res = await t.request(method, `/api/t/${slug}${path}`, { token, body });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return { db, slug, root: root!, cellA, cellB, ids, userIds, api, addUser, addUnit };
}

export type Tree = Awaited<ReturnType<typeof buildTree>>;

/** A fresh app with its clock at `now` (an ISO instant; else makeApp's) and the tree built in it, as `t` and
 *  the tree; the app closes when the current test ends. */
export async function treeAt(now?: string, slug?: string): Promise<Tree & { t: TestApp }> {
  const t = await makeApp();
  onTestFinished(() => t.close());
  if (now) t.clock.now = new Date(now);
  return { ...(await buildTree(t, slug)), t };
}

/** A fresh app with its clock at `now` (an ISO instant) and one tree per slug, in their order, as
 *  `t` and `trees`; the app closes when the current test ends. */
export async function treesAt<S extends string[]>(now: string, ...slugs: S) {
  const t = await makeApp();
  onTestFinished(() => t.close());
  t.clock.now = new Date(now);
  const trees: Tree[] = [];
  for (const slug of slugs) trees.push(await buildTree(t, slug));
  return { t, trees: trees as { [K in keyof S]: Tree } };
}

/** `count` plain members ("Người i", active since 2020) in the units `unitOf(i)` names, each
 *  with an account (nguoi{i}@{slug}.vn), written 100 at a time; the member rows. */
export async function addMembersWithAccounts(
  tree: Tree,
  now: Date,
  count: number,
  unitOf: (i: number) => string,
) {
  const people = Array.from({ length: count }, (_, i) =>
    newMemberRow(
      {
        fullName: `Người ${i}`,
        unitId: unitOf(i),
        status: "dang-sinh-hoat",
        statusSince: "2020-01-01",
      },
      now,
    ),
  );
  for (let i = 0; i < people.length; i += 100) {
    const part = people.slice(i, i + 100);
    await tree.db.insert(members).values(part);
    await tree.db.insert(memberStatusHistory).values(part.map((m) => historyRow(m, now, null)));
    await tree.db.insert(users).values(
      part.map((m, k) => ({
        id: newId(),
        email: `nguoi${i + k}@${tree.slug}.vn`,
        fullName: m.fullName,
        passwordHash: null,
        memberId: m.id,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }
  return people;
}

/** Someone's notifications, newest first, as they read them. */
export const notificationsOf = async (tree: Tree, who: string) =>
  (
    await tree.api<{ notifications: { id: string; kind: string; title: string; body: string }[] }>(
      who,
      "GET",
      "/notifications",
    )
  ).body.notifications;

/** Seed 000's campaign over the whole tree, launched: the plan is due on 8/4/2026. */
export const launchCampaign000 = (tree: Tree): Promise<string> =>
  launchCampaign(tree.api, tree.root.id, { name: "Tự soi, tự sửa 2026" });

/** A complete "Kế hoạch tu dưỡng, rèn luyện" (seed 000's form) for one member. */
export const fullPlan000 = (name: string) => ({
  "ho-ten": name,
  "nam-sinh": 1980,
  "chuc-vu": "Đảng viên",
  "chi-bo": "Chi bộ Khu dân cư số 1",
  "dang-bo": "Đảng bộ phường",
  "tu-duong-ren-luyen": {
    "pham-chat": "Giữ gìn phẩm chất chính trị, đạo đức, lối sống.",
    "nhung-dieu-khong-duoc-lam": "Thực hiện nghiêm 19 điều đảng viên không được làm.",
    "chuc-trach": "Hoàn thành tốt nhiệm vụ được giao.",
  },
  "khac-phuc": "Khắc phục hạn chế về tác phong làm việc.",
  "cam-ket": true,
});

/** On 000's launch day (the app's clock set to 12/3/2026), the tree built in `t` with 000
 *  launched over it: the tree and the campaign's id. */
export async function treeWith000(t: TestApp, slug?: string) {
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t, slug);
  return { tree, id: await launchCampaign000(tree) };
}

/** Creates a campaign on the unit and launches it, as the admin; the id. Defaults are seed
 *  000's dates, so a scenario names only what differs. */
export async function launchCampaign(
  api: Tree["api"],
  unitId: string,
  over: { templateKey?: string; name?: string; startsOn?: string; dueOn?: string } = {},
): Promise<string> {
  const { body } = await api<{ id: string }>("admin", "POST", "/campaigns", {
    templateKey: "tu-soi-tu-sua",
    name: "Đợt 1",
    startsOn: "2026-03-11",
    dueOn: "2026-04-10",
    ...over,
    unitIds: [unitId],
  });
  await api("admin", "POST", `/campaigns/${body.id}/launch`);
  return body.id;
}

/** Member `who` drafts seed 000's plan under `name` and submits it; the submission's id (the
 *  submission must succeed). */
export async function submitPlan000(
  api: Tree["api"],
  campaignId: string,
  who: string,
  name: string,
): Promise<string> {
  await api(who, "PUT", `/campaigns/${campaignId}/submissions/mine`, {
    formKey: "ke-hoach-tu-duong",
    data: fullPlan000(name),
  });
  const sent = await api<{ id: string }>(
    who,
    "POST",
    `/campaigns/${campaignId}/submissions/mine/submit`,
    {},
  );
  if (sent.status !== 200) throw new Error(`nộp kế hoạch của ${who}: ${sent.status}`);
  return sent.body.id;
}

/** A campaign's progress totals, in the order the dashboard prints them. */
export const progressTotals = (
  expected: number,
  submitted: number,
  confirmed: number,
  onTime: number,
  late: number,
  excused: number,
) => ({ expected, submitted, confirmed, onTime, late, excused });

/** The figures a tree sends up for seed 000's campaign once one plan is submitted and confirmed
 *  on time: five members expected, two of them excused, no meetings or reports yet. */
export const ONE_CONFIRMED_PLAN = {
  ...progressTotals(5, 1, 1, 1, 0, 2),
  meetingsHeld: 0,
  meetingsCompliant: 0,
  reportsOnTime: 0,
};

/** `child` asks to be linked under `parent`, which approves; the link's id. */
export async function linkUnder(parent: Tree, child: Tree) {
  const r = await child.api<{ id: string }>("admin", "POST", "/links", { parentSlug: parent.slug });
  expect((await parent.api("admin", "POST", `/links/${r.body.id}/approve`)).status).toBe(200);
  return r.body.id;
}

/** `child` adopts the directive over its whole tree (due 20/4/2026) and launches it; the
 *  campaign's id. */
export async function adoptAndLaunch(child: Tree, directiveId: string) {
  const adopted = await child.api<{ id: string }>(
    "admin",
    "POST",
    `/directives/${directiveId}/adopt`,
    { unitIds: [child.root.id], dueOn: "2026-04-20" },
  );
  expect(adopted.status).toBe(201);
  const launched = await child.api("admin", "POST", `/campaigns/${adopted.body.id}/launch`);
  expect(launched.status).toBe(200);
  return adopted.body.id;
}

/** The quận ủy `parent` with `children` linked under it (each asks, the parent approves) and
 *  a viewer, and its directive "Kế hoạch thực hiện Chỉ thị 24" (187-KH/QU, seed 000, from
 *  11/3/2026 to 30/4/2026) published; the directive's id. */
export async function directiveWithChildren(parent: Tree, children: Tree[]): Promise<string> {
  await parent.addUser("viewer", [["viewer", parent.root.id]]);
  for (const child of children) await linkUnder(parent, child);
  const d = await parent.api<{ id: string }>("admin", "POST", "/directives", {
    templateKey: "tu-soi-tu-sua",
    name: "Kế hoạch thực hiện Chỉ thị 24",
    documentNo: "187-KH/QU",
    startsOn: "2026-03-11",
    dueOn: "2026-04-30",
  });
  if (d.status !== 201) throw new Error(`ban hành văn bản: ${d.status}`);
  return d.body.id;
}

/** Issue 11's chain at `now`: a quận ủy with a viewer and its directive (directiveWithChildren),
 *  two phường linked under it, and a tenant outside the chain. */
export async function directiveChain(now: string) {
  const {
    t,
    trees: [quan, p1, p2, other],
  } = await treesAt(now, "quan-uy", "phuong-mot", "phuong-hai", "khac");
  const directive = await directiveWithChildren(quan, [p1, p2]);
  return { t, quan, p1, p2, other, directive };
}
