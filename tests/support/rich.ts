// A tenant with something in every table a person writes to, for the sweeps of issue 14
// (property tests over every write route, the isolation sweep over every read route): units
// and members, accounts of every role, a launched campaign with a confirmed plan and a later
// draft, a comment, a meeting written up with its roll-call, a report, a review, an
// invitation, a template copy, notification settings, a notification, a link to a parent
// tenant and the parent's directive. Every free text carries `marker`, so a sweep can look
// for it where it must not appear. `paramsFor(route)` fills a route's path parameters with
// this tenant's real ids; a parameter it cannot name throws, so a new route must be taught
// here before a sweep passes.
import { createSession } from "../../worker/auth/sessions";
import { newId } from "../../worker/data/ids";
import { notifications } from "../../schema/tables/tenant";
import { openTenant, signupTenant, type TestApp } from "./app";
import { buildTree, fullPlan000, type Tree } from "./tree";
import { saveCt24Phuong } from "./templates";

export const ROLE_KEYS = ["admin", "secretary", "member", "supervisor", "viewer"] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

/** One example of a valid body per route (`METHOD /api/t/:tenant/…`), as the fixture sent it. */
export type Examples = Map<string, unknown>;

export interface Rich extends Tree {
  tenantId: string;
  marker: string;
  /** A fresh session per role (the admin is the sign-up's, the others are made directly). */
  token(role: RoleKey | "other"): Promise<string>;
  /** Real ids by kind: unit, member, user, grant, invitation, template, campaign, submission,
   *  meeting, notification, link, directive, slug. */
  ids: Tree["ids"] & Record<string, string>;
  examples: Examples;
  /** The approved parent tenant and its admin's token. */
  parent: { slug: string; token: string };
  paramsFor(route: string): Record<string, string>;
}

/** Which kind of id a path parameter names: by its name, else by the segment before it. */
const BY_NAME: Record<string, string> = {
  tenant: "slug",
  slug: "slug",
  unitId: "unit",
  memberId: "member",
  grantId: "grant",
  key: "template",
  stepKey: "step",
  reportKey: "report",
  followUpKey: "follow-up",
};
const BY_SEGMENT: Record<string, string> = {
  units: "unit",
  members: "member",
  invitations: "invitation",
  accounts: "user",
  templates: "template",
  campaigns: "campaign",
  submissions: "submission",
  meetings: "meeting",
  notifications: "notification",
  links: "link",
  directives: "directive",
  tenants: "slug",
};

/** The kind of each `:param` of `route`; throws for one no table above names. */
export function paramKinds(route: string): Record<string, string> {
  const segments = route.split("/");
  const out: Record<string, string> = {};
  segments.forEach((s, i) => {
    if (!s.startsWith(":")) return;
    const name = s.slice(1);
    const kind =
      name === "period"
        ? route.includes("/monthly-reviews/")
          ? "month"
          : "half-year"
        : (BY_NAME[name] ?? (name === "id" ? BY_SEGMENT[segments[i - 1]!] : undefined));
    if (!kind)
      throw new Error(
        `${route}: no fixture id for :${name} — name its kind in tests/support/rich.ts`,
      );
    out[name] = kind;
  });
  return out;
}

export function fillPath(route: string, values: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

/** Builds the tenant `slug` in `t` (clock: March 2026, seed 000's campaign running), with a
 *  parent tenant `${slug}-tren` it reports to. */
export async function buildRich(t: TestApp, slug: string, marker: string): Promise<Rich> {
  const tree = await buildTree(t, slug);
  const { api, db, cellA, cellB, root } = tree;
  const M = marker;
  const examples: Examples = new Map();
  const ids: Record<string, string> = { ...tree.ids, slug };
  const T = "/api/t/:tenant";
  /** A write through the app that must succeed; its body is kept as the route's example. */
  const write = async <B = Record<string, unknown>>(
    who: string,
    method: string,
    route: string,
    params: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await api<B>(who, method, fillPath(route, params), body);
    if (res.status >= 300)
      throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
    if (body !== undefined && !examples.has(`${method} ${T}${route}`))
      examples.set(`${method} ${T}${route}`, body);
    return res.body;
  };
  const asAdmin = <B = Record<string, unknown>>(
    method: string,
    route: string,
    params: Record<string, string>,
    body?: unknown,
  ) => write<B>("admin", method, route, params, body);

  // Names of the tree (built by buildTree) carry the marker too.
  const tenantId = String(
    (
      await t.platform.control().client.execute({
        sql: "SELECT id FROM tenants WHERE slug = ?",
        args: [slug],
      })
    ).rows[0]!.id,
  );
  const { client } = await openTenant(t, tenantId);
  await client.batch([
    { sql: "UPDATE units SET name = name || ' ' || ?", args: [M] },
    {
      sql: "UPDATE members SET full_name = full_name || ' ' || ?, search_name = search_name || ' ' || ?",
      args: [M, M],
    },
    { sql: "UPDATE users SET full_name = full_name || ' ' || ?", args: [M] },
  ]);
  await tree.addUser("viewer", [["viewer", root.id]]);
  const mttq = await tree.addUnit(`Ủy ban MTTQ Việt Nam phường ${M}`, "doan-the");
  await tree.addUser("supervisor", [["supervisor", mttq.id]]);
  ids.unit = cellA.id;

  // Structure through the API: a unit, a member with every text field, a status change.
  const unit = await asAdmin<{ id: string }>(
    "POST",
    "/units",
    {},
    { name: `Chi bộ ${M}`, kind: "chi-bo", parentId: root.id },
  );
  const { member } = await asAdmin<{ member: { id: string } }>(
    "POST",
    "/members",
    {},
    {
      fullName: `Đảng viên ${M}`,
      birthYear: 1970,
      email: `${M}@${slug}.vn`,
      phone: "0912 345 678",
      unitId: cellB.id,
      position: `Tổ trưởng ${M}`,
    },
  );
  ids.member = member.id;
  await asAdmin("PATCH", "/units/:id", { id: unit.id }, { name: `Chi bộ mới ${M}`, version: 1 });
  await asAdmin(
    "POST",
    "/members/:id/status",
    { id: member.id },
    { status: "mien-sinh-hoat", since: "2026-03-01", note: `Lý do ${M}` },
  );
  const invitation = await asAdmin<{ id: string }>(
    "POST",
    "/invitations",
    {},
    { email: `moi-${M}@${slug}.vn`, role: "member", unitId: cellA.id },
  );
  ids.invitation = invitation.id;
  ids.user = tree.userIds.viewer!;
  const grant = await asAdmin<{ id: string }>(
    "POST",
    "/accounts/:id/grants",
    { id: tree.userIds.viewer! },
    { role: "viewer", unitId: cellB.id },
  );
  ids.grant = grant.id;

  // A template copy (its name marked) and seed 000's campaign over the whole tree.
  await asAdmin(
    "POST",
    "/templates",
    {},
    { fromKey: "tu-soi-tu-sua", key: "mau-rieng", name: `Mẫu riêng ${M}` },
  );
  ids.template = "mau-rieng";
  const campaign = await asAdmin<{ id: string }>(
    "POST",
    "/campaigns",
    {},
    {
      templateKey: "tu-soi-tu-sua",
      name: `Tự soi, tự sửa ${M}`,
      documentNo: `01-KH/${M}`,
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [root.id],
    },
  );
  ids.campaign = campaign.id;
  // Keys and periods of the campaign's own obligations: a unit step done by acknowledgement,
  // a periodic report (seed 000 has none: its routes answer that), a month and a half-year.
  Object.assign(ids, {
    step: "gui-giam-sat",
    report: "bao-cao-6-thang",
    "follow-up": "moc-1",
    month: "2026-03",
    "half-year": "2026-H1",
  });
  await asAdmin("POST", "/campaigns/:id/launch", { id: campaign.id });
  // A cell step acknowledged with its evidence (place, note, the number of what was sent).
  await asAdmin(
    "PUT",
    "/campaigns/:id/steps/:stepKey/units/:unitId",
    { id: campaign.id, stepKey: "gui-giam-sat", unitId: cellA.id },
    {
      version: 0,
      doneOn: "2026-03-10",
      place: `Hội trường ${M}`,
      note: `Đã triển khai tới các chi bộ ${M}`,
      fileRef: `Số 12-HD ${M}`,
    },
  );
  const C = { id: campaign.id };

  // Plans: a2 writes and submits, a1 confirms with the cell's opinion, a2 drafts again;
  // a1 enters b-less a5's plan on behalf; a comment from the supervisor's side (admin).
  const plan = (name: string) => ({
    ...fullPlan000(`${name} ${M}`),
    "khac-phuc": `Khắc phục ${M}`,
    "tu-duong-ren-luyen": {
      "pham-chat": `Phẩm chất ${M}`,
      "nhung-dieu-khong-duoc-lam": `Không làm ${M}`,
      "chuc-trach": `Chức trách ${M}`,
    },
  });
  /** `who` saves the plan of `name` at `route` (a plan's address), then submits it. */
  const enterAndSubmit = async (
    who: string,
    route: string,
    params: Record<string, string>,
    name: string,
  ) => {
    await write(who, "PUT", route, params, { formKey: "ke-hoach-tu-duong", data: plan(name) });
    return write<{ id: string }>(who, "POST", `${route}/submit`, params, {});
  };
  const sub = await enterAndSubmit("a2", "/campaigns/:id/submissions/mine", C, "Trần Thị Bình");
  ids.submission = sub.id;
  await write(
    "a1",
    "POST",
    "/submissions/:id/confirm",
    { id: sub.id },
    { opinion: `Ý kiến chi bộ ${M}` },
  );
  const current = await api<{ submission: { version: number } }>(
    "a2",
    "GET",
    `/campaigns/${campaign.id}/submissions/mine`,
  );
  await write("a2", "PUT", "/campaigns/:id/submissions/mine", C, {
    formKey: "ke-hoach-tu-duong",
    data: { ...plan("Trần Thị Bình"), "khac-phuc": `Bản nháp sau ${M}` },
    version: current.body.submission.version,
  });
  await asAdmin("POST", "/submissions/:id/comments", { id: sub.id }, { body: `Góp ý ${M}` });
  const a5 = { id: campaign.id, memberId: tree.ids.a5! };
  const a5sub = await enterAndSubmit(
    "a1",
    "/campaigns/:id/submissions/member/:memberId",
    a5,
    "Hoàng Văn Em",
  );
  await write(
    "a1",
    "POST",
    "/submissions/:id/return",
    { id: a5sub.id },
    { comment: `Trả lại ${M}` },
  );
  await write("a2", "PUT", "/my/consent-on-behalf", {}, { consent: true });

  await write("a1", "PUT", "/campaigns/:id/reviews", C, {
    memberId: tree.ids.a2!,
    period: "2026-03",
    rating: "hoan-thanh-tot",
    note: `Nhận xét ${M}`,
  });

  // The cell's meeting, written up, with its roll-call.
  const created = await write<{ meeting: { id: string; version: number } }>(
    "a1",
    "POST",
    "/campaigns/:id/meetings",
    C,
    {
      unitId: cellA.id,
      stepKey: "hoi-nghi",
      scheduledAt: "2026-03-12T19:30:00+07:00",
      place: `Nhà văn hóa ${M}`,
      format: `Trực tiếp ${M}`,
    },
  );
  ids.meeting = created.meeting.id;
  const patched = await write<{ meeting: { version: number } }>(
    "a1",
    "PATCH",
    "/meetings/:id",
    { id: created.meeting.id },
    {
      version: created.meeting.version,
      soTayLink: `https://sotay.vn/${M}`,
      minutesSecretary: `Thư ký ${M}`,
      guests: [{ name: `Khách ${M}`, organisation: `Đảng ủy ${M}` }],
      minutes: `Biên bản ${M}`,
    },
  );
  await write(
    "a1",
    "PUT",
    "/meetings/:id/attendance",
    { id: created.meeting.id },
    {
      version: patched.meeting.version,
      entries: [
        { memberId: tree.ids.a1!, presence: "present", spokeOrder: 1 },
        { memberId: tree.ids.a3!, presence: "excused", reason: `Ốm ${M}` },
      ],
    },
  );

  // A campaign with reports and reviews: the ward's CT 24.
  await saveCt24Phuong(api);
  await asAdmin(
    "PUT",
    "/settings/notifications",
    {},
    {
      daysBefore: 3,
      quietHours: { from: "21:00", to: "06:00" },
      email: true,
      webhookUrl: `https://hook.vn/${M}`,
      webhookSecret: `bi-mat-${M}-0123456789`,
    },
  );
  const notification = newId();
  await db.insert(notifications).values({
    id: notification,
    userId: tree.userIds.a2!,
    kind: "test",
    title: `Thông báo ${M}`,
    body: `Nội dung ${M}`,
    dedupeKey: notification,
    createdAt: t.clock.now,
  });
  ids.notification = notification;

  // The parent tenant: a link approved, a directive sent down.
  const parent = await signupTenant(t, `${slug}-tren`);
  const link = await asAdmin<{ id: string }>("POST", "/links", {}, { parentSlug: `${slug}-tren` });
  ids.link = link.id;
  const P = `/api/t/${slug}-tren`;
  await t.request("POST", `${P}/links/${link.id}/approve`, { token: parent.token });
  const directive = await t.request("POST", `${P}/directives`, {
    token: parent.token,
    body: {
      templateKey: "tu-soi-tu-sua",
      name: "Chỉ đạo cấp trên",
      startsOn: "2026-03-11",
      dueOn: "2026-04-30",
    },
  });
  ids.directive = ((await directive.json()) as { id: string }).id;
  await asAdmin(
    "POST",
    "/directives/:id/adopt",
    { id: ids.directive },
    {
      unitIds: [cellA.id],
      name: `Thực hiện chỉ đạo ${M}`,
    },
  );

  const userOf: Record<RoleKey, string> = {
    admin: tree.userIds.admin!,
    secretary: tree.userIds.a1!,
    member: tree.userIds.a2!,
    supervisor: tree.userIds.supervisor!,
    viewer: tree.userIds.viewer!,
  };
  return {
    ...tree,
    tenantId,
    marker,
    ids: ids as Rich["ids"],
    examples,
    parent: { slug: `${slug}-tren`, token: parent.token },
    async token(role) {
      if (role === "other") throw new Error("no other");
      return (await createSession(db, userOf[role], t.clock.now)).token;
    },
    paramsFor(route) {
      const kinds = paramKinds(route);
      return Object.fromEntries(
        Object.entries(kinds).map(([name, kind]) => {
          const value = ids[kind];
          if (!value) throw new Error(`${route}: the fixture has no ${kind}`);
          return [name, value];
        }),
      );
    },
  } as Rich;
}
