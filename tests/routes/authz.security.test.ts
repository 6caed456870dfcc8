// Every route × every kind of caller → the expected status. The table is the specification
// of who may do what (DESIGN.md §2); a route registered without a policy, or without a row
// here, fails the coverage test — so routes added later must come with their rows.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountTokens,
  grants,
  members,
  notifications,
  submissions,
  units,
  users,
} from "../../schema/tables/tenant";
import { createInvitation } from "../../worker/data/invitations";
import { issueReset } from "../../worker/data/accounts";
import { createCampaign, requireCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { launchCampaign } from "../../worker/data/launch";
import { saveDraft, submit } from "../../worker/data/submission-drafts";
import { createMeeting } from "../../worker/data/meetings";
import { cloneTemplate } from "../../worker/data/templates";
import { getBuiltInTemplate } from "../../schema/templates";
import { fullPlan000 } from "../support/tree";
import { newId } from "../../worker/data/ids";
import { newMemberRow } from "../../worker/data/members";
import { newUnitRow } from "../../worker/data/units";
import { createSession } from "../../worker/auth/sessions";
import { hashPassword } from "../../worker/auth/password";
import { describeRoutes } from "../../worker/openapi";
import type { Role } from "../../worker/env";
import { makeApp, openTenantBySlug, signupTenant, type TestApp } from "../support/app";
import { fillPath, paramKinds } from "../support/rich";

const CALLERS = [
  "none",
  "member",
  "secretaryHere",
  "secretaryElsewhere",
  "supervisor",
  "viewer",
  "admin",
  "otherTenantAdmin",
] as const;
type Caller = (typeof CALLERS)[number];

let t: TestApp;
let fx: Awaited<ReturnType<typeof buildFixture>>;
const PASSWORD = "mat-khau-du-dai";

async function buildFixture() {
  const a = await signupTenant(t, "dang-bo-a");
  const b = await signupTenant(t, "dang-bo-b");
  const { db } = await openTenantBySlug(t, "dang-bo-a");
  const now = t.clock.now;
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  const cellA = newUnitRow({ name: "Chi bộ A", kind: "chi-bo" }, root!, now);
  const cellB = newUnitRow({ name: "Chi bộ B", kind: "chi-bo" }, root!, now);
  const mttq = newUnitRow({ name: "Ủy ban MTTQ", kind: "doan-the" }, root!, now);
  const memberA = newMemberRow(
    { fullName: "Trần Thị Hồng", unitId: cellA.id, status: "dang-sinh-hoat", email: "hong@a.vn" },
    now,
  );
  const memberB = newMemberRow(
    { fullName: "Lê Văn Bảo", unitId: cellB.id, status: "dang-sinh-hoat" },
    now,
  );
  await db.insert(units).values([cellA, cellB, mttq]);
  await db.insert(members).values([memberA, memberB]);
  const hash = await hashPassword(PASSWORD);
  const makeUser = async (
    email: string,
    roles: [Role, string | null][],
    memberId: string | null = null,
  ) => {
    const id = newId();
    await db.insert(users).values({
      id,
      email,
      fullName: email,
      passwordHash: hash,
      memberId,
      createdAt: now,
      updatedAt: now,
    });
    for (const [role, unitId] of roles)
      await db.insert(grants).values({ id: newId(), userId: id, role, unitId, createdAt: now });
    return { id, token: (await createSession(db, id, now)).token };
  };
  const userIds: Partial<Record<Caller, { id: string; tenant: "a" | "b" }>> = {};
  const remember = async (caller: Caller, u: Promise<{ id: string; token: string }>) => {
    const user = await u;
    userIds[caller] = { id: user.id, tenant: "a" };
    return user.token;
  };
  const tokens: Record<Caller, string | null> = {
    none: null,
    member: await remember("member", makeUser("hong@a.vn", [["member", cellA.id]], memberA.id)),
    secretaryHere: await remember(
      "secretaryHere",
      makeUser("bithu-a@a.vn", [["secretary", cellA.id]]),
    ),
    secretaryElsewhere: await remember(
      "secretaryElsewhere",
      makeUser("bithu-b@a.vn", [["secretary", cellB.id]]),
    ),
    supervisor: await remember("supervisor", makeUser("mttq@a.vn", [["supervisor", mttq.id]])),
    viewer: await remember("viewer", makeUser("thuong-truc@a.vn", [["viewer", root!.id]])),
    admin: a.token,
    otherTenantAdmin: b.token,
  };
  userIds.admin = { id: a.user.id, tenant: "a" };
  userIds.otherTenantAdmin = { id: b.user.id, tenant: "b" };
  const { db: dbB } = await openTenantBySlug(t, "dang-bo-b");
  /** A second session for the caller, for routes that end the session they are called with. */
  const sessionFor = async (caller: Caller) => {
    const u = userIds[caller];
    if (!u) return null;
    return (await createSession(u.tenant === "a" ? db : dbB, u.id, now)).token;
  };
  let n = 0;
  const system = systemCtx(db, now);
  /** Plans written by a user "test" (the version rows name who wrote them). */
  const tester = { ...system, actor: { actorUserId: "test", requestId: null } };
  const fresh = {
    unit: async () => {
      const u = newUnitRow({ name: `Đơn vị tạm ${++n}`, kind: "chi-bo" }, root!, now);
      await db.insert(units).values(u);
      return u;
    },
    member: async () => {
      const m = newMemberRow(
        { fullName: `Đảng viên tạm ${++n}`, unitId: cellA.id, status: "dang-sinh-hoat" },
        now,
      );
      await db.insert(members).values(m);
      return m;
    },
    user: async () => makeUser(`tam-${++n}@a.vn`, [["member", cellA.id]]),
    grant: async () => {
      const u = await makeUser(`tam-${++n}@a.vn`, []);
      const id = newId();
      await db
        .insert(grants)
        .values({ id, userId: u.id, role: "member", unitId: cellA.id, createdAt: now });
      return { userId: u.id, grantId: id };
    },
    invitation: async () =>
      createInvitation(systemCtx(db, now), {
        email: `moi-${++n}@a.vn`,
        role: "member",
        unitId: cellA.id,
        byAdmin: true,
      }),
    reset: async () =>
      issueReset(systemCtx(db, now), { userId: (await makeUser(`reset-${++n}@a.vn`, [])).id }),
    email: () => `moi-${++n}@a.vn`,
    draftCampaign: async () =>
      (
        await createCampaign(system, {
          templateKey: "tu-soi-tu-sua",
          name: `Đợt ${++n}`,
          startsOn: "2026-03-11",
          dueOn: "2026-04-10",
          unitIds: [cellA.id],
        })
      ).id,
    activeCampaign: async () => {
      const id = await fresh.draftCampaign();
      await launchCampaign(system, id);
      return id;
    },
    /** A member of cell A with a complete plan saved (and submitted if asked). */
    planned: async (andSubmit: boolean) => {
      const m = await fresh.member();
      const c = await requireCampaign(db, campaignId);
      const target = { campaign: c, memberId: m.id, onBehalf: true, formKey: "ke-hoach-tu-duong" };
      await saveDraft(tester, { ...target, data: fullPlan000(m.fullName) });
      const sub = andSubmit ? await submit(tester, target) : null;
      return { memberId: m.id, submissionId: sub?.id ?? "" };
    },
    meeting: async () => {
      const c = await requireCampaign(db, await fresh.activeCampaign());
      return (await createMeeting(system, { campaign: c, unitId: cellA.id, stepKey: "hoi-nghi" }))
        .id;
    },
    reportCampaign: async () => {
      const c = await createCampaign(system, {
        templateKey: "tu-soi-tu-sua-so",
        name: `Đợt ${++n}`,
        startsOn: "2026-03-01",
        dueOn: "2026-03-28",
        unitIds: [cellA.id],
      });
      await launchCampaign(system, c.id);
      return c.id;
    },
    /** A notification of the member's (only its owner may mark it read). */
    notification: async () => {
      const id = newId();
      await db.insert(notifications).values({
        id,
        userId: userIds.member!.id,
        kind: "test",
        title: "Thông báo",
        dedupeKey: id,
        createdAt: now,
      });
      return id;
    },
    /** A fresh tenant this one can ask to report to. */
    parentSlug: async () => (await signupTenant(t, `cap-tren-${++n}`)).tenant.slug,
    /** A pending link from a fresh child tenant to tenant A. */
    incomingLink: async () => {
      const child = await signupTenant(t, `cap-duoi-${++n}`);
      const res = await t.request("POST", `/api/t/${child.tenant.slug}/links`, {
        token: child.token,
        body: { parentSlug: "dang-bo-a" },
      });
      return ((await res.json()) as { id: string }).id;
    },
    /** A directive of tenant A's own and a fresh child linked below it (issue 11's reminder,
     *  once a day per child: a fresh one each call). */
    behindChild: async () => {
      const child = await signupTenant(t, `cap-duoi-${++n}`);
      const res = await t.request("POST", `/api/t/${child.tenant.slug}/links`, {
        token: child.token,
        body: { parentSlug: "dang-bo-a" },
      });
      const linkId = ((await res.json()) as { id: string }).id;
      await t.request("POST", `/api/t/dang-bo-a/links/${linkId}/approve`, { token: a.token });
      const d = await t.request("POST", "/api/t/dang-bo-a/directives", {
        token: a.token,
        body: {
          templateKey: "tu-soi-tu-sua",
          name: "Chỉ đạo",
          startsOn: "2026-03-11",
          dueOn: "2026-04-10",
        },
      });
      return { id: ((await d.json()) as { id: string }).id, slug: child.tenant.slug };
    },
    /** A directive of a fresh parent that tenant A is linked to. */
    parentDirective: async () => {
      const parent = await signupTenant(t, `cap-tren-${++n}`);
      // A child has one approved parent at a time: leave the previous one first.
      const links = (await (
        await t.request("GET", "/api/t/dang-bo-a/links", { token: a.token })
      ).json()) as { asChild: { id: string; status: string }[] };
      for (const l of links.asChild.filter((x) => x.status === "approved"))
        await t.request("POST", `/api/t/dang-bo-a/links/${l.id}/revoke`, { token: a.token });
      const link = await t.request("POST", "/api/t/dang-bo-a/links", {
        token: a.token,
        body: { parentSlug: parent.tenant.slug },
      });
      await t.request(
        "POST",
        `/api/t/${parent.tenant.slug}/links/${((await link.json()) as { id: string }).id}/approve`,
        { token: parent.token },
      );
      const d = await t.request("POST", `/api/t/${parent.tenant.slug}/directives`, {
        token: parent.token,
        body: {
          templateKey: "tu-soi-tu-sua",
          name: "Chỉ đạo",
          startsOn: "2026-03-11",
          dueOn: "2026-04-10",
        },
      });
      return ((await d.json()) as { id: string }).id;
    },
    /** A running campaign of tenant A adopted from a fresh parent's directive (issue 11's
     *  report upward). */
    adoptedCampaign: async () => {
      const directive = await fresh.parentDirective();
      const res = await t.request("POST", `/api/t/dang-bo-a/directives/${directive}/adopt`, {
        token: a.token,
        body: { unitIds: [cellA.id] },
      });
      const id = ((await res.json()) as { id: string }).id;
      await launchCampaign(system, id);
      return id;
    },
    /** A parent's directive tenant A has adopted (a level republishes only what it adopted). */
    adoptedDirective: async () => {
      const id = await fresh.parentDirective();
      await t.request("POST", `/api/t/dang-bo-a/directives/${id}/adopt`, {
        token: a.token,
        body: { unitIds: [root!.id] },
      });
      return id;
    },
    clone: async () =>
      (
        await cloneTemplate(system, {
          fromKey: "tu-soi-tu-sua",
          key: `mau-${++n}`,
          name: "Mẫu riêng",
          tenantName: "Đảng bộ phường Mẫu",
        })
      ).key,
  };
  const campaignId = await fresh.activeCampaign();
  const c = await requireCampaign(db, campaignId);
  const mine = { campaign: c, memberId: memberA.id, onBehalf: false, formKey: "ke-hoach-tu-duong" };
  await saveDraft(tester, { ...mine, data: fullPlan000(memberA.fullName) });
  const mySubmission = await submit(tester, mine);
  const currentVersion = async () =>
    (
      await db
        .select({ v: submissions.version })
        .from(submissions)
        .where(eq(submissions.id, mySubmission.id))
    )[0]!.v;
  return {
    db,
    tokens,
    sessionFor,
    campaignId,
    mySubmission,
    currentVersion,
    cellA,
    cellB,
    root: root!,
    memberA,
    memberB,
    fresh,
    tenantA: a,
    tenantB: b,
    accountTokens,
  };
}

type Fx = typeof fx;
interface Row {
  method: string;
  /** The route as registered (Hono's pattern), for the coverage check. */
  route: string;
  /** A request per cell; may create its own target so cells never depend on each other. */
  request: (
    fx: Fx,
  ) => Promise<{ path: string; body?: unknown; raw?: string; contentType?: string }>;
  /** Call with a session of its own instead of the caller's shared one (logout ends it). */
  ownSession?: true;
  expect: Partial<Record<Caller, number>>;
}

const T = "/api/t/dang-bo-a";
const signedIn = (status: number): Partial<Record<Caller, number>> => ({
  member: status,
  secretaryHere: status,
  secretaryElsewhere: status,
  supervisor: status,
  viewer: status,
  admin: status,
});
const publicRoute = (status: number): Partial<Record<Caller, number>> => ({
  ...signedIn(status),
  none: status,
  otherTenantAdmin: status,
});

/** The admin and both cells' secretaries: lists each reads within its own scope. */
const STAFF = { admin: 200, secretaryHere: 200, secretaryElsewhere: 200 };
/** The same and the viewer (READERS in worker/routes). */
const READERS = { ...STAFF, viewer: 200 };
/** Cell A's staff: the admin and cell A's secretary are answered `status`; cell B's secretary
 *  is told cell A's things do not exist. */
const cellA = (status: number) => ({
  admin: status,
  secretaryHere: status,
  secretaryElsewhere: 404,
});
const CELL_A_READERS = { ...cellA(200), viewer: 200 };

/** A record of member A's (cell A): the admin, cell A's secretary and A read it; every other
 *  signed-in caller is told it does not exist. Member B's (cell B): the admin and cell B's. */
const MEMBER_A_RECORD = { ...signedIn(404), admin: 200, secretaryHere: 200, member: 200 };
const MEMBER_B_RECORD = { ...signedIn(404), admin: 200, secretaryElsewhere: 200 };

/** The shared fixture's id for each kind of path parameter (tests/support/rich.ts's kinds). */
const SHARED: Record<string, (f: Fx) => string> = {
  slug: () => "dang-bo-a",
  campaign: (f) => f.campaignId,
  unit: (f) => f.cellA.id,
  member: (f) => f.memberA.id,
  submission: (f) => f.mySubmission.id,
};
/** The route on the ids given, else on the shared fixture: tenant A, its running campaign,
 *  cell A, member A and A's submitted plan. A row on anything else names its path. */
const onShared = (route: string, f: Fx, fresh: Record<string, string> = {}) =>
  fillPath(
    route,
    Object.fromEntries(
      Object.entries(paramKinds(route)).map(([name, kind]) => {
        const id = fresh[name] ?? SHARED[kind]?.(f);
        if (id === undefined) throw new Error(`${route}: no shared ${kind}; give the row a path`);
        return [name, id];
      }),
    ),
  );

/** A directive of tenant A's with a fresh child linked under it: `:id` and the child's `:slug`. */
const belowDirective = (f: Fx) => f.fresh.behindChild();

/** A row whose request is the route on the shared fixture (onShared) unless a path is given
 *  (often on a target the cell makes fresh), with a body if any: fixed, or made per cell
 *  (after the path). */
function at(
  key: `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/${string}`,
  expect: Row["expect"],
  opts: {
    path?: (f: Fx) => string | Promise<string>;
    /** Ids the cell makes fresh, by parameter name (the others are the shared fixture's). */
    ids?: (f: Fx) => Promise<Record<string, string>>;
    body?: object | ((f: Fx) => unknown);
    ownSession?: true;
  } = {},
): Row {
  const [method, route] = key.split(" ") as [string, string];
  const { body, ownSession } = opts;
  return {
    method,
    route,
    request: async (f) => {
      const path = opts.path ? await opts.path(f) : onShared(route, f, await opts.ids?.(f));
      if (body === undefined) return { path };
      return {
        path,
        body: typeof body === "function" ? await body(f) : body,
      };
    },
    expect,
    ...(ownSession ? { ownSession } : {}),
  };
}

const ROWS: Row[] = [
  at("GET /api/health", publicRoute(200)),
  at("GET /api/openapi.json", publicRoute(200)),
  at("GET /api/tenants/:slug", publicRoute(200)),
  at("POST /api/signup", publicRoute(201), {
    body: (f) => ({
      tenant: {
        slug: `moi-${f.fresh.email().replace(/\W/g, "")}`.slice(0, 40),
        name: "Đảng bộ mới",
        kind: "khac",
      },
      admin: { email: "a@b.vn", password: PASSWORD, fullName: "Người Mới" },
    }),
  }),
  at("GET /api/signup", publicRoute(200)),
  at("POST /api/signup/verify", publicRoute(400), { body: { token: "khong-co-that" } }),
  at("POST /api/t/:tenant/auth/login", publicRoute(200), {
    body: { email: "hong@a.vn", password: PASSWORD },
  }),
  at("POST /api/t/:tenant/auth/logout", publicRoute(204), { ownSession: true }),
  at("POST /api/t/:tenant/auth/accept", publicRoute(200), {
    body: async (f) => ({ token: (await f.fresh.invitation()).token, password: PASSWORD }),
  }),
  at("POST /api/t/:tenant/auth/reset", publicRoute(200), {
    body: async (f) => ({ token: (await f.fresh.reset()).token, password: PASSWORD }),
  }),
  // The second factor: every signed-in account may manage its own; nobody here has one on,
  // so enabling with a made-up code is refused (422) and disabling finds nothing (409). The
  // code steps answer 401 to everyone without a pending session (tests/routes/totp.test.ts).
  at("GET /api/t/:tenant/auth/two-factor", signedIn(200)),
  at("POST /api/t/:tenant/auth/two-factor/setup", signedIn(200)),
  at("POST /api/t/:tenant/auth/two-factor/enable", signedIn(422), {
    body: { key: "A".repeat(32), code: "000000" },
  }),
  at("POST /api/t/:tenant/auth/two-factor/disable", signedIn(409), { body: { code: "000000" } }),
  at("POST /api/t/:tenant/auth/two-factor/verify", publicRoute(401), { body: { code: "000000" } }),
  at("POST /api/t/:tenant/auth/two-factor/recover", publicRoute(401), {
    body: { recoveryCode: "AAAA-BBBB-CCCC-DDDD" },
  }),
  at("GET /api/t/:tenant/me", signedIn(200)),
  at("GET /api/t/:tenant/units", signedIn(200)),
  at("POST /api/t/:tenant/units", { admin: 201 }, { body: { name: "Chi bộ mới", kind: "chi-bo" } }),
  at(
    "PATCH /api/t/:tenant/units/:id",
    { admin: 200 },
    {
      path: async (f) => `${T}/units/${(await f.fresh.unit()).id}`,
      body: { name: "Tên mới", version: 1 },
    },
  ),
  at(
    "POST /api/t/:tenant/units/:id/close",
    { admin: 200 },
    {
      path: async (f) => `${T}/units/${(await f.fresh.unit()).id}/close`,
      body: { closedOn: "2026-04-01" },
    },
  ),
  at("GET /api/t/:tenant/members", STAFF),
  at("GET /api/t/:tenant/members", cellA(200), {
    path: (f) => `${T}/members?unitId=${f.cellA.id}`,
  }),
  at("POST /api/t/:tenant/members", cellA(201), {
    body: (f) => ({ fullName: "Nguyễn Văn Mới", unitId: f.cellA.id }),
  }),
  {
    method: "POST",
    route: "/api/t/:tenant/members/import",
    request: async (f) => ({
      path: `${T}/members/import?dryRun=1`,
      raw: `ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly\nNgô Thị Nhập,1990,,${f.cellA.id},,dang-sinh-hoat,\n`,
      contentType: "text/csv",
    }),
    expect: { admin: 200 },
  },
  at("GET /api/t/:tenant/members/export", STAFF, { path: () => `${T}/members/export?format=csv` }),
  at("GET /api/t/:tenant/members/:id", MEMBER_A_RECORD),
  at("GET /api/t/:tenant/members/:id", MEMBER_B_RECORD, {
    path: (f) => `${T}/members/${f.memberB.id}`,
  }),
  at("PATCH /api/t/:tenant/members/:id", cellA(200), {
    path: async (f) => `${T}/members/${(await f.fresh.member()).id}`,
    body: { position: "Tổ trưởng", version: 1 },
  }),
  at("POST /api/t/:tenant/members/:id/status", cellA(200), {
    path: async (f) => `${T}/members/${(await f.fresh.member()).id}/status`,
    body: { status: "mien-sinh-hoat", since: "2026-04-15" },
  }),
  at("GET /api/t/:tenant/invitations", STAFF),
  at("POST /api/t/:tenant/invitations", cellA(201), {
    body: (f) => ({ email: f.fresh.email(), role: "member", unitId: f.cellA.id }),
  }),
  at(
    "POST /api/t/:tenant/invitations",
    { admin: 201 },
    { body: (f) => ({ email: f.fresh.email(), role: "secretary", unitId: f.cellA.id }) },
  ),
  at("POST /api/t/:tenant/invitations/bulk", cellA(201), { body: (f) => ({ unitId: f.cellA.id }) }),
  at("POST /api/t/:tenant/invitations/bulk", { admin: 201 }, { body: {} }),
  at("DELETE /api/t/:tenant/invitations/:id", cellA(204), {
    path: async (f) => `${T}/invitations/${(await f.fresh.invitation()).id}`,
  }),
  at("GET /api/t/:tenant/accounts", { admin: 200 }),
  at(
    "POST /api/t/:tenant/accounts/:id/disable",
    { admin: 200 },
    { path: async (f) => `${T}/accounts/${(await f.fresh.user()).id}/disable` },
  ),
  at(
    "POST /api/t/:tenant/accounts/:id/enable",
    { admin: 200 },
    { path: async (f) => `${T}/accounts/${(await f.fresh.user()).id}/enable` },
  ),
  at("POST /api/t/:tenant/accounts/reset-slips", cellA(201), {
    body: (f) => ({ memberId: f.memberA.id }),
  }),
  at(
    "POST /api/t/:tenant/accounts/:id/reset",
    { admin: 201 },
    { path: async (f) => `${T}/accounts/${(await f.fresh.user()).id}/reset` },
  ),
  at(
    "POST /api/t/:tenant/accounts/:id/grants",
    { admin: 201 },
    {
      path: async (f) => `${T}/accounts/${(await f.fresh.user()).id}/grants`,
      body: (f) => ({ role: "viewer", unitId: f.root.id }),
    },
  ),
  {
    method: "DELETE",
    route: "/api/t/:tenant/accounts/:id/grants/:grantId",
    request: async (f) => {
      const g = await f.fresh.grant();
      return { path: `${T}/accounts/${g.userId}/grants/${g.grantId}` };
    },
    expect: { admin: 204 },
  },
  at("GET /api/t/:tenant/audit", { admin: 200 }),
  at("GET /api/t/:tenant/templates", signedIn(200)),
  at("GET /api/t/:tenant/templates/:key", signedIn(200), {
    path: () => `${T}/templates/tu-soi-tu-sua`,
  }),
  at(
    "POST /api/t/:tenant/templates",
    { admin: 201 },
    {
      body: (f) => ({
        fromKey: "dien-dan-chi-bo",
        key: `ban-sao-${f.fresh.email().replace(/\W/g, "")}`,
        name: "Bản sao",
      }),
    },
  ),
  {
    method: "PUT",
    route: "/api/t/:tenant/templates/:key",
    request: async (f) => {
      const key = await f.fresh.clone();
      return {
        path: `${T}/templates/${key}`,
        body: {
          version: 1,
          definition: {
            ...getBuiltInTemplate("tu-soi-tu-sua"),
            name: "Tự soi, tự sửa — bản của phường",
          },
        },
      };
    },
    expect: { admin: 200 },
  },
  at("GET /api/t/:tenant/campaigns", signedIn(200)),
  at(
    "POST /api/t/:tenant/campaigns",
    { admin: 201 },
    {
      body: (f) => ({
        templateKey: "tu-soi-tu-sua",
        name: "Đợt mới",
        startsOn: "2026-03-11",
        dueOn: "2026-04-10",
        unitIds: [f.root.id],
      }),
    },
  ),
  at("GET /api/t/:tenant/campaigns/:id", signedIn(200)),
  at(
    "POST /api/t/:tenant/campaigns/:id/launch",
    { admin: 200 },
    { path: async (f) => `${T}/campaigns/${await f.fresh.draftCampaign()}/launch` },
  ),
  at(
    "PATCH /api/t/:tenant/campaigns/:id",
    { admin: 200 },
    {
      path: async (f) => `${T}/campaigns/${await f.fresh.draftCampaign()}`,
      body: { version: 1, name: "Đợt đã sửa" },
    },
  ),
  at(
    "POST /api/t/:tenant/campaigns/:id/refresh",
    { admin: 200 },
    {
      path: async (f) => `${T}/campaigns/${await f.fresh.draftCampaign()}/refresh`,
      body: { version: 1 },
    },
  ),
  at(
    "POST /api/t/:tenant/campaigns/:id/close",
    { admin: 200 },
    { path: async (f) => `${T}/campaigns/${await f.fresh.activeCampaign()}/close` },
  ),
  at("GET /api/t/:tenant/campaigns/:id/progress", READERS),
  at("GET /api/t/:tenant/campaigns/:id/progress", CELL_A_READERS, {
    path: (f) => `${T}/campaigns/${f.campaignId}/progress?unitId=${f.cellA.id}`,
  }),
  at("GET /api/t/:tenant/campaigns/:id/units/:unitId/paper", CELL_A_READERS),
  at("GET /api/t/:tenant/campaigns/:id/queue", STAFF),
  at("GET /api/t/:tenant/campaigns/:id/submissions/mine", { ...signedIn(403), member: 200 }),
  at(
    "PUT /api/t/:tenant/campaigns/:id/submissions/mine",
    { ...signedIn(403), member: 200 },
    {
      body: async (f) => ({
        formKey: "ke-hoach-tu-duong",
        data: fullPlan000("Trần Thị Hồng"),
        version: await f.currentVersion(),
      }),
    },
  ),
  at(
    "POST /api/t/:tenant/campaigns/:id/submissions/mine/submit",
    { ...signedIn(403), member: 200 },
    { body: {} },
  ),
  at("PUT /api/t/:tenant/campaigns/:id/submissions/member/:memberId", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${f.campaignId}/submissions/member/${(await f.fresh.member()).id}`,
    body: { formKey: "ke-hoach-tu-duong", data: { "ho-ten": "Người không có điện thoại" } },
  }),
  at("POST /api/t/:tenant/campaigns/:id/submissions/member/:memberId/submit", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${f.campaignId}/submissions/member/${(await f.fresh.planned(false)).memberId}/submit`,
    body: {},
  }),
  at("GET /api/t/:tenant/submissions/:id", MEMBER_A_RECORD),
  at("POST /api/t/:tenant/submissions/:id/confirm", cellA(200), {
    path: async (f) => `${T}/submissions/${(await f.fresh.planned(true)).submissionId}/confirm`,
  }),
  at("POST /api/t/:tenant/submissions/:id/return", cellA(200), {
    path: async (f) => `${T}/submissions/${(await f.fresh.planned(true)).submissionId}/return`,
    body: { comment: "Cần bổ sung phần khắc phục." },
  }),
  at("GET /api/t/:tenant/my/tasks", signedIn(200)),
  // Consent is the member's own: an account without a member has none to give.
  at(
    "PUT /api/t/:tenant/my/consent-on-behalf",
    { ...signedIn(403), member: 200 },
    { body: { consent: false } },
  ),
  at("GET /api/t/:tenant/campaigns/:id/meetings", STAFF),
  at("POST /api/t/:tenant/campaigns/:id/meetings", cellA(201), {
    path: async (f) => `${T}/campaigns/${await f.fresh.activeCampaign()}/meetings`,
    body: (f) => ({
      unitId: f.cellA.id,
      stepKey: "hoi-nghi",
      scheduledAt: "2026-04-05T19:30:00+07:00",
    }),
  }),
  at("GET /api/t/:tenant/campaigns/:id/compliance", READERS),
  at("GET /api/t/:tenant/campaigns/:id/reports", READERS),
  at("PUT /api/t/:tenant/campaigns/:id/reports/:unitId", cellA(200), {
    path: async (f) => `${T}/campaigns/${await f.fresh.reportCampaign()}/reports/${f.cellA.id}`,
    body: {
      reportKey: "bao-cao-dang-uy-so",
      data: {
        "hoc-tap-quan-triet": "Đã học tập đầy đủ.",
        "sinh-hoat-chinh-tri": "Đã sinh hoạt.",
      },
    },
  }),
  at("GET /api/t/:tenant/campaigns/:id/monthly-reviews/:unitId", CELL_A_READERS),
  at("PUT /api/t/:tenant/campaigns/:id/monthly-reviews/:unitId/:period", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${await f.fresh.activeCampaign()}/monthly-reviews/${f.cellA.id}/2026-03`,
    body: {
      version: 0,
      data: {
        "nhan-xet-chung": "Đa số thực hiện tốt.",
        "mat-duoc": "Gương mẫu.",
        "mat-chua-duoc": "Còn chậm.",
        "yeu-cau-bao-cao": "khong",
      },
    },
  }),
  // 000 has no periodic report: past the guard, not found (404) for every reader.
  at(
    "GET /api/t/:tenant/campaigns/:id/periodic-reports/:reportKey/:unitId",
    { ...cellA(404), viewer: 404 },
    {
      path: (f) => `${T}/campaigns/${f.campaignId}/periodic-reports/bao-cao-6-thang/${f.cellA.id}`,
    },
  ),
  at("GET /api/t/:tenant/campaigns/:id/follow-ups/:unitId", CELL_A_READERS),
  // 000 has no milestones: past the guard, the milestone is not found (404); 001's are
  // recorded in tests/scenarios/follow-ups.test.ts.
  at("PUT /api/t/:tenant/campaigns/:id/follow-ups/:unitId/:followUpKey", cellA(404), {
    path: (f) => `${T}/campaigns/${f.campaignId}/follow-ups/${f.cellA.id}/moc-1`,
    body: { version: 0, note: "Đã kiểm điểm." },
  }),
  // 001 asks each member's year-end input (tests/scenarios/member-year-end.test.ts).
  // Members' own self-assessments: staff only, not viewers.
  at("GET /api/t/:tenant/campaigns/:id/follow-ups/:unitId/members", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${await f.fresh.reportCampaign()}/follow-ups/${f.cellA.id}/members`,
  }),
  at("PUT /api/t/:tenant/campaigns/:id/follow-ups/:unitId/members/:memberId", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${await f.fresh.reportCampaign()}/follow-ups/${f.cellA.id}/members/${(await f.fresh.member()).id}`,
    body: { version: 0, level: "hoan-thanh", note: "Hoàn thành kế hoạch." },
  }),
  // Any account passes the guard; one not tied to a member is refused (403).
  at(
    "PUT /api/t/:tenant/campaigns/:id/follow-ups/mine",
    { ...signedIn(403), member: 200 },
    {
      path: async (f) => `${T}/campaigns/${await f.fresh.reportCampaign()}/follow-ups/mine`,
      body: { version: 0, level: "hoan-thanh-tot", note: "Hoàn thành cam kết." },
    },
  ),
  // 000 has no periodic report: past the guard, the report is not found (404); 003's is
  // filed in tests/scenarios/fidelity.test.ts.
  at("PUT /api/t/:tenant/campaigns/:id/periodic-reports/:reportKey/:unitId/:period", cellA(404), {
    path: (f) =>
      `${T}/campaigns/${f.campaignId}/periodic-reports/bao-cao-6-thang/${f.cellA.id}/2026-H1`,
    body: { version: 0, data: {} },
  }),
  at("GET /api/t/:tenant/campaigns/:id/steps/:stepKey/checklist", READERS, {
    path: async (f) =>
      `${T}/campaigns/${await f.fresh.reportCampaign()}/steps/ke-hoach-hanh-dong/checklist`,
  }),
  at("GET /api/t/:tenant/campaigns/:id/steps/:stepKey/units/:unitId", CELL_A_READERS, {
    path: (f) => `${T}/campaigns/${f.campaignId}/steps/gui-giam-sat/units/${f.cellA.id}`,
  }),
  at("PUT /api/t/:tenant/campaigns/:id/steps/:stepKey/units/:unitId", cellA(200), {
    path: async (f) =>
      `${T}/campaigns/${await f.fresh.activeCampaign()}/steps/gui-giam-sat/units/${f.cellA.id}`,
    body: {
      version: 0,
      doneOn: "2025-01-02",
      note: "Đã gửi ban công tác mặt trận khu dân cư.",
      fileRef: "Sổ công văn đi số 12",
    },
  }),
  // The member passes the guard but is not one who posts publicly: 422, not 403.
  at(
    "PUT /api/t/:tenant/campaigns/:id/steps/:stepKey/mine",
    { ...signedIn(403), member: 422 },
    {
      path: (f) => `${T}/campaigns/${f.campaignId}/steps/niem-yet-cong-khai/mine`,
      body: {
        version: 0,
        doneOn: "2025-01-02",
        place: "Bảng tin cơ quan",
        link: "https://example.vn/niem-yet.jpg",
      },
    },
  ),
  at("GET /api/t/:tenant/campaigns/:id/reviews", MEMBER_A_RECORD, {
    path: (f) => `${T}/campaigns/${f.campaignId}/reviews?memberId=${f.memberA.id}`,
  }),
  at("PUT /api/t/:tenant/campaigns/:id/reviews", cellA(200), {
    body: (f) => ({ memberId: f.memberA.id, period: "2026-05", rating: "hoan-thanh" }),
  }),
  at("GET /api/t/:tenant/meetings/:id", cellA(200), {
    path: async (f) => `${T}/meetings/${await f.fresh.meeting()}`,
  }),
  at("PATCH /api/t/:tenant/meetings/:id", cellA(200), {
    path: async (f) => `${T}/meetings/${await f.fresh.meeting()}`,
    body: { version: 1, place: "Hội trường" },
  }),
  at("PUT /api/t/:tenant/meetings/:id/attendance", cellA(200), {
    path: async (f) => `${T}/meetings/${await f.fresh.meeting()}/attendance`,
    body: (f) => ({ version: 1, entries: [{ memberId: f.memberA.id, presence: "present" }] }),
  }),
  at("GET /api/t/:tenant/supervision/plans", { supervisor: 200 }),
  at("GET /api/t/:tenant/public/plans", publicRoute(200)),
  at("GET /api/t/:tenant/submissions/:id/comments", MEMBER_A_RECORD),
  at(
    "POST /api/t/:tenant/submissions/:id/comments",
    { ...cellA(201), supervisor: 404 },
    {
      body: { body: "Góp ý của chi bộ." },
    },
  ),
  at("GET /api/t/:tenant/campaigns/:id/history", CELL_A_READERS, {
    path: (f) => `${T}/campaigns/${f.campaignId}/history?unitId=${f.cellA.id}`,
  }),
  at("GET /api/t/:tenant/notifications", signedIn(200)),
  at(
    "POST /api/t/:tenant/notifications/:id/read",
    { ...signedIn(404), member: 204 },
    { path: async (f) => `${T}/notifications/${await f.fresh.notification()}/read` },
  ),
  at("GET /api/t/:tenant/notifications/preferences", signedIn(200)),
  at("PUT /api/t/:tenant/notifications/preferences", signedIn(204), { body: { mode: "app" } }),
  at("GET /api/t/:tenant/settings/notifications", { admin: 200 }),
  at(
    "PUT /api/t/:tenant/settings/notifications",
    { admin: 204 },
    {
      body: {
        daysBefore: 2,
        quietHours: null,
        email: false,
        webhookUrl: null,
        webhookSecret: null,
      },
    },
  ),
  at("GET /api/t/:tenant/links", { admin: 200 }),
  at(
    "POST /api/t/:tenant/links",
    { admin: 201 },
    { body: async (f) => ({ parentSlug: await f.fresh.parentSlug() }) },
  ),
  at(
    "POST /api/t/:tenant/links/:id/approve",
    { admin: 200 },
    { path: async (f) => `${T}/links/${await f.fresh.incomingLink()}/approve` },
  ),
  at(
    "POST /api/t/:tenant/links/:id/revoke",
    { admin: 200 },
    { path: async (f) => `${T}/links/${await f.fresh.incomingLink()}/revoke` },
  ),
  at("GET /api/t/:tenant/children/progress", { admin: 200, viewer: 200 }),
  at("GET /api/t/:tenant/directives", { admin: 200 }),
  at(
    "POST /api/t/:tenant/directives",
    { admin: 201 },
    {
      body: {
        templateKey: "tu-soi-tu-sua",
        name: "Hướng dẫn của cấp trên",
        startsOn: "2026-03-11",
        dueOn: "2026-04-10",
      },
    },
  ),
  at(
    "POST /api/t/:tenant/directives/:id/adopt",
    { admin: 201 },
    {
      path: async (f) => `${T}/directives/${await f.fresh.parentDirective()}/adopt`,
      body: (f) => ({ unitIds: [f.root.id] }),
    },
  ),
  at(
    "POST /api/t/:tenant/directives/:id/republish",
    { admin: 201 },
    {
      path: async (f) => `${T}/directives/${await f.fresh.adoptedDirective()}/republish`,
      body: { name: "Kế hoạch thực hiện", startsOn: "2026-03-11", dueOn: "2026-04-10" },
    },
  ),
  at(
    "GET /api/t/:tenant/directives/:id/behind",
    { admin: 200, viewer: 200 },
    { ids: belowDirective },
  ),
  at(
    "GET /api/t/:tenant/directives/:id/history",
    { admin: 200, viewer: 200 },
    { ids: belowDirective },
  ),
  at(
    "POST /api/t/:tenant/directives/:id/behind/:slug/remind",
    { admin: 200 },
    { ids: belowDirective },
  ),
  at(
    "GET /api/t/:tenant/directives/:id/reports",
    { admin: 200, viewer: 200 },
    { ids: belowDirective },
  ),
  // Past the guard, the child has filed nothing yet: 409 for the admin.
  at(
    "POST /api/t/:tenant/directives/:id/reports/:slug/return",
    { admin: 409 },
    {
      ids: belowDirective,
      body: { version: 1, comment: "Đề nghị bổ sung" },
    },
  ),
  at(
    "GET /api/t/:tenant/campaigns/:id/upward-report",
    { admin: 200, viewer: 200 },
    { path: async (f) => `${T}/campaigns/${await f.fresh.adoptedCampaign()}/upward-report` },
  ),
  at(
    "PUT /api/t/:tenant/campaigns/:id/upward-report",
    { admin: 200 },
    {
      path: async (f) => `${T}/campaigns/${await f.fresh.adoptedCampaign()}/upward-report`,
      body: { version: 0, narrative: { "ket-qua": "Đã triển khai" } },
    },
  ),
  at(
    "GET /api/t/:tenant/directives/campaigns/:id/chain",
    { admin: 200 },
    { path: async (f) => `${T}/directives/campaigns/${await f.fresh.draftCampaign()}/chain` },
  ),
  at("GET /api/t/:tenant/archive/export", { admin: 200 }),
  {
    // Only into a fresh tenant: this one has data, so even its admin is refused (409).
    method: "POST",
    route: "/api/t/:tenant/archive/import",
    request: async () => ({
      path: `${T}/archive/import`,
      raw: "PK\u0005\u0006 not an archive",
      contentType: "application/zip",
    }),
    expect: { admin: 409 },
  },
  at(
    "DELETE /api/t/:tenant/campaigns/:id",
    { admin: 204 },
    { path: async (f) => `${T}/campaigns/${await f.fresh.draftCampaign()}` },
  ),
];

/** Denied unless the row says otherwise: 401 without a valid session for this tenant
 *  (another tenant's token is no session here), 403 for a role the route does not serve. */
const expected = (row: Row, caller: Caller) =>
  row.expect[caller] ?? (caller === "none" || caller === "otherTenantAdmin" ? 401 : 403);

beforeAll(async () => {
  t = await makeApp();
  fx = await buildFixture();
}, 60_000);
afterAll(() => t?.close());

describe("authorization matrix", () => {
  it("covers every registered route, and every route names its policy", () => {
    const routes = describeRoutes(t.app.routes);
    const missingPolicy = routes.filter((r) => !r.meta.policy).map((r) => `${r.method} ${r.path}`);
    expect(missingPolicy).toEqual([]);
    const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    const uncovered = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !covered.has(k));
    expect(uncovered).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.route} ${JSON.stringify(row.expect)}`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const caller of CALLERS) {
        const req = await row.request(fx);
        const token = row.ownSession ? await fx.sessionFor(caller) : fx.tokens[caller];
        const headers: Record<string, string> = {};
        if (token) headers.Authorization = `Bearer ${token}`;
        if (req.contentType) headers["Content-Type"] = req.contentType;
        else if (req.body !== undefined) headers["Content-Type"] = "application/json";
        const res = await t.app.request(`http://localhost${req.path}`, {
          method: row.method,
          headers,
          body: req.raw ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
        });
        got[caller] = res.status;
        want[caller] = expected(row, caller);
        if (res.status >= 400) {
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toMatch(/^[A-Z_]+$/);
        }
      }
      expect(got).toEqual(want);
    });
  }
});

describe("tenant isolation", () => {
  it("answers 404 to another tenant's admin for every id of this tenant", async () => {
    const idRoutes = ROWS.filter((r) => r.route.includes("/:id"));
    expect(idRoutes.length).toBeGreaterThan(8);
    for (const row of idRoutes) {
      const req = await row.request(fx);
      const path = req.path.replace("/api/t/dang-bo-a/", "/api/t/dang-bo-b/");
      const res = await t.app.request(`http://localhost${path}`, {
        method: row.method,
        headers: {
          Authorization: `Bearer ${fx.tokens.otherTenantAdmin}`,
          ...(req.body !== undefined ? { "Content-Type": "application/json" } : {}),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      expect({ route: `${row.method} ${row.route}`, status: res.status }).toEqual({
        route: `${row.method} ${row.route}`,
        status: 404,
      });
    }
  });
});
