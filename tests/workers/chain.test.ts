// Issue 11 on the real Worker bundle in workerd: a three-level chain (Thành ủy → Quận ủy → two
// Đảng ủy phường) seeded through the Worker's own routes, its figures pushed up by the Cron
// Trigger fanned out through the Queue (Miniflare's consumer), drained until quiet. The Thành
// ủy's directive figures equal the exact sum of the levels below; revoking the middle link and
// running the cron again leaves the branch gone from the top.
import { createClient } from "@libsql/client";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_KEYS } from "../../schema/rules/counts";
import { fullPlan000 } from "../support/tree";
import { ORG, startWorkerBundle, tenantCall } from "../support/worker-bundle";

let bundle: Awaited<ReturnType<typeof startWorkerBundle>>;
let mf: Miniflare;

beforeAll(async () => {
  bundle = await startWorkerBundle({ queue: true });
  mf = bundle.mf;
}, 180_000);

afterAll(async () => {
  await bundle?.close();
});

const FIELDS = [...COUNT_KEYS, "meetingsHeld", "meetingsCompliant", "reportsOnTime"] as const;
type Figures = Record<(typeof FIELDS)[number], number>;
interface Node {
  tenant: { slug: string };
  campaigns: (Figures & { directiveId: string | null })[];
  totals: (Figures & { directiveId: string | null })[];
  children: Node[];
}
const pick = (f: Figures) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]));
const sum = (fs: Figures[]) =>
  Object.fromEntries(FIELDS.map((k) => [k, fs.reduce((s, f) => s + f[k], 0)]));

/** An ICT calendar day `offset` days from today. */
const day = (offset: number) =>
  new Date(Date.now() + 7 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);

/** A tenant signed up through the Worker, with a cell of `people` members. */
async function tenant(slug: string, kind: string, people: number) {
  const res = await mf.dispatchFetch("https://app.example/api/signup", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      tenant: { slug, name: `Đảng bộ ${slug}`, kind },
      admin: { email: `admin@${slug}.vn`, password: "mat-khau-du-dai", fullName: "Quản Trị" },
    }),
  });
  expect(res.status).toBe(201);
  const { token, tenant } = (await res.json()) as { token: string; tenant: { id: string } };
  const call = <T>(method: string, path: string, body?: unknown) =>
    tenantCall<T>(mf, token, slug, method, path, body);
  const units = await call<{ units: { id: string; parentId: string | null }[] }>("GET", "/units");
  const root = units.body.units.find((u) => !u.parentId)!;
  const cell = await call<{ id: string }>("POST", "/units", {
    name: "Chi bộ số 1",
    kind: "chi-bo",
  });
  expect(cell.status).toBe(201);
  const memberIds: string[] = [];
  for (let i = 0; i < people; i++) {
    const m = await call<{ member: { id: string } }>("POST", "/members", {
      fullName: `Đảng Viên Bí Mật ${i}`,
      unitId: cell.body.id,
    });
    expect(m.status).toBe(201);
    memberIds.push(m.body.member.id);
  }
  return { slug, id: tenant.id, call, rootId: root.id, memberIds };
}
type Tenant = Awaited<ReturnType<typeof tenant>>;

/** The child asks, the parent approves. */
async function link(child: Tenant, parent: Tenant) {
  const asked = await child.call<{ id: string }>("POST", "/links", { parentSlug: parent.slug });
  expect(asked.status).toBe(201);
  expect((await parent.call("POST", `/links/${asked.body.id}/approve`)).status).toBe(200);
  return asked.body.id;
}

/** Adopts a directive over the tenant's root and launches the campaign. */
async function adoptAndLaunch(t: Tenant, directiveId: string, body: Record<string, unknown>) {
  const adopted = await t.call<{ id: string }>("POST", `/directives/${directiveId}/adopt`, {
    unitIds: [t.rootId],
    ...body,
  });
  expect(adopted.status).toBe(201);
  expect((await t.call("POST", `/campaigns/${adopted.body.id}/launch`)).status).toBe(200);
  return adopted.body.id;
}

/** A plan entered for a member by the admin, submitted and confirmed. */
async function confirmedPlan(t: Tenant, campaignId: string, memberId: string) {
  const path = `/campaigns/${campaignId}/submissions/member/${memberId}`;
  const saved = await t.call("PUT", path, {
    formKey: "ke-hoach-tu-duong",
    data: fullPlan000("Đảng Viên Bí Mật"),
  });
  expect(saved.status).toBe(200);
  const sent = await t.call<{ id: string }>("POST", `${path}/submit`, {});
  expect(sent.status).toBe(200);
  expect((await t.call("POST", `/submissions/${sent.body.id}/confirm`, {})).status).toBe(200);
}

/** Fires the Cron Trigger and waits until the Worker has been quiet (no database request, so
 *  no queue message running) for a while; then every tenant it ran is due only later. */
async function cronUntilQuiet(tenantIds: string[]) {
  const worker = await mf.getWorker();
  const fired = await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date() });
  expect(fired.outcome).toBe("ok");
  const started = Date.now();
  let seen = -1;
  let quietSince = Date.now();
  // Longer than the consumer's batch timeout (1 s): a message sent is delivered within it.
  const from = bundle.hosts.length;
  while (Date.now() - quietSince < 2500) {
    expect(Date.now() - started).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 100));
    if (bundle.hosts.length !== seen) [seen, quietSince] = [bundle.hosts.length, Date.now()];
  }
  const control = createClient({ url: `file:${bundle.controlFile}` });
  const due = await control.execute({
    sql: `SELECT count(*) AS n FROM tenants WHERE id IN (SELECT value FROM json_each(?))
      AND (next_due_at IS NULL OR next_due_at > ?)`,
    args: [JSON.stringify(tenantIds), Date.now()],
  });
  control.close();
  expect(Number(due.rows[0]!.n)).toBe(tenantIds.length);
  /** The tenants whose databases the pass opened. */
  return new Set(bundle.hosts.slice(from).filter((h) => h.startsWith("t-")));
}
const host = (t: Tenant) => `t-${t.id}-${ORG}.turso.io`;

describe("the cron on the Worker bundle, through the Queue", () => {
  it("pushes a three-level chain's figures to the top, exactly, and drops a revoked branch", async () => {
    const thanh = await tenant("thanh-uy-w", "thanh-uy", 0);
    const quan = await tenant("quan-uy-w", "quan-uy", 2);
    const p1 = await tenant("phuong-mot-w", "dang-uy-phuong", 3);
    const p2 = await tenant("phuong-hai-w", "dang-uy-phuong", 4);
    const quanLink = await link(quan, thanh);
    await link(p1, quan);
    await link(p2, quan);

    // The Thành ủy publishes; the Quận ủy adopts, runs it and passes it down; the phường adopt.
    const d1 = await thanh.call<{ id: string }>("POST", "/directives", {
      templateKey: "tu-soi-tu-sua",
      name: "Chỉ thị về kỷ cương, kỷ luật",
      documentNo: "24-CT/TU",
      startsOn: day(-5),
      dueOn: day(20),
    });
    expect(d1.status).toBe(201);
    const qc = await adoptAndLaunch(quan, d1.body.id, { documentNo: "187-KH/QU", dueOn: day(18) });
    const d2 = await quan.call<{ id: string }>("POST", `/directives/${d1.body.id}/republish`, {
      name: "Kế hoạch thực hiện Chỉ thị 24",
      documentNo: "187-KH/QU",
      startsOn: day(-5),
      dueOn: day(18),
      lockedSections: ["meetingRules"],
    });
    expect(d2.status).toBe(201);
    const c1 = await adoptAndLaunch(p1, d2.body.id, { name: "Kế hoạch 155-KH/ĐU", dueOn: day(15) });
    const c2 = await adoptAndLaunch(p2, d2.body.id, { name: "Kế hoạch 20-KH/ĐU", dueOn: day(15) });
    // Some plans confirmed: two in the phường một, one in the phường hai, one at the Quận ủy.
    await confirmedPlan(p1, c1, p1.memberIds[0]!);
    await confirmedPlan(p1, c1, p1.memberIds[1]!);
    await confirmedPlan(p2, c2, p2.memberIds[2]!);
    await confirmedPlan(quan, qc, quan.memberIds[0]!);

    const all = [thanh, quan, p1, p2].map((t) => t.id);
    const progress = async (t: Tenant) =>
      (await t.call<{ children: Node[] }>("GET", "/children/progress")).body.children;
    // Nothing has reached the top before the cron runs.
    const before = await progress(thanh);
    expect([...before, ...before.flatMap((n) => n.children)].flatMap((n) => n.totals)).toEqual([]);
    const opened = await cronUntilQuiet(all);
    expect([quan, p1, p2].every((t) => opened.has(host(t)))).toBe(true);
    const top = await progress(thanh);
    expect(top.map((n) => [n.tenant.slug, n.children.map((c) => c.tenant.slug).sort()])).toEqual([
      ["quan-uy-w", ["phuong-hai-w", "phuong-mot-w"]],
    ]);
    // Each node's totals are its own campaigns plus its children's totals, exactly …
    const checkSums = (n: Node) => {
      expect(n.totals.map(pick)).toEqual([
        sum([...n.campaigns, ...n.children.flatMap((c) => c.totals)]),
      ]);
      n.children.forEach(checkSums);
    };
    top.forEach(checkSums);
    // … under the Thành ủy's directive, and they are the people and plans seeded below.
    const q = top[0]!;
    expect(q.totals.map((x) => [x.directiveId, x.expected, x.submitted, x.confirmed])).toEqual([
      [d1.body.id, 2 + 3 + 4, 4, 4],
    ]);
    const below = Object.fromEntries(
      q.children.map((c) => [c.tenant.slug, c.totals.map((x) => [x.expected, x.confirmed])]),
    );
    expect(below).toEqual({ "phuong-mot-w": [[3, 2]], "phuong-hai-w": [[4, 1]] });
    // The Quận ủy sees the same figures for its phường, under its own directive.
    const mid = await progress(quan);
    for (const n of mid) {
      expect(n.totals.map((x) => x.directiveId)).toEqual([d2.body.id]);
      const same = q.children.find((c) => c.tenant.slug === n.tenant.slug)!;
      expect(n.totals.map(pick)).toEqual(same.totals.map(pick));
    }
    expect(JSON.stringify([top, mid])).not.toContain("Bí Mật");

    // The middle link revoked: the branch leaves the top at once, and a new pass (the revoke
    // marks the Quận ủy, which runs again) does not bring it back.
    expect((await quan.call("POST", `/links/${quanLink}/revoke`)).status).toBe(200);
    expect(await progress(thanh)).toEqual([]);
    expect((await cronUntilQuiet(all)).has(host(quan))).toBe(true);
    expect(await progress(thanh)).toEqual([]);
    expect((await progress(quan)).map((n) => n.tenant.slug).sort()).toEqual([
      "phuong-hai-w",
      "phuong-mot-w",
    ]);
  }, 180_000);
});
