// Idle tenants cost nothing (issue 13): the pass opens and leases only tenants with something
// due — a write's mark, a reminder day, a deadline, an outbox retry — and a pass killed midway
// is finished by the next one with nothing doubled and nothing missed.
import { afterEach, describe, expect, it } from "vitest";
import { tenants } from "../../schema/tables/control";
import { runScheduledPass, runTenantJobs, activeTenants, WALK_PAGE } from "../../worker/cron";
import { nextIctMidnight } from "../../worker/cron/due";
import { dueTenantsPage } from "../../worker/data/tenants";
import { newId } from "../../worker/data/ids";
import type { TenantRecord } from "../../worker/env";
import { makeApp, type TestApp } from "../support/app";
import { recordStatements } from "../support/statements";
import { buildTree, launchCampaign000, notificationsOf, treeWith000 } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

/** Counts the tenant databases the code opens (Platform.tenant is the only way to one). */
function countOpens(t: TestApp) {
  const opened: string[] = [];
  const real = t.platform.tenant.bind(t.platform);
  t.platform.tenant = (x) => {
    opened.push(x.id);
    return real(x);
  };
  return opened;
}

const slugsRun = (r: Awaited<ReturnType<typeof runScheduledPass>>) =>
  r.tenants.filter((x) => x.ran).map((x) => x.tenant);

/** A pass with every control-plane statement recorded: nothing else reaches the control plane. */
async function recordedPass(t: TestApp) {
  return recordStatements(t.platform.control().client, () => runScheduledPass(t.platform));
}

const nextDue = async (t: TestApp, slug: string) =>
  (
    await t.platform
      .control()
      .client.execute({ sql: "SELECT next_due_at FROM tenants WHERE slug = ?", args: [slug] })
  ).rows[0]!.next_due_at as number | null;

describe("idle tenants", () => {
  it("are neither opened nor leased; a write marks its own tenant and the next pass runs it", async () => {
    t = await makeApp();
    const one = await buildTree(t, "phuong-mot");
    await buildTree(t, "phuong-hai");
    // New tenants are due at once; their first pass finds nothing scheduled.
    expect(slugsRun(await runScheduledPass(t.platform)).sort()).toEqual([
      "phuong-hai",
      "phuong-mot",
    ]);
    expect(await nextDue(t, "phuong-mot")).toBeNull();

    const opened = countOpens(t);
    const idle = await recordedPass(t);
    expect(idle.result!.tenants).toEqual([]);
    expect(opened).toEqual([]);
    // No lease taken or written: the control plane saw only reads.
    expect(idle.filter((s) => !/^\s*select/i.test(s.sql))).toEqual([]);
    expect(idle.some((s) => /cron_leases/.test(s.sql))).toBe(false);

    // A refused write leaves no mark.
    const refused = await one.api("admin", "POST", "/units", { name: "", kind: "chi-bo" });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await nextDue(t, "phuong-mot")).toBeNull();
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);

    // A successful write marks its tenant (and no other); the next pass runs only that one.
    const made = await one.api("admin", "POST", "/units", {
      name: "Chi bộ Khu dân cư số 3",
      kind: "chi-bo",
      parentId: one.root.id,
    });
    expect(made.status).toBe(201);
    expect(await nextDue(t, "phuong-mot")).toBe(t.clock.now.getTime());
    expect(await nextDue(t, "phuong-hai")).toBeNull();
    // Debounced: a later write while marked leaves the mark where it was.
    const marked = t.clock.now.getTime();
    t.clock.now = new Date(marked + 60_000);
    await one.api("admin", "POST", "/units", {
      name: "Chi bộ Khu dân cư số 4",
      kind: "chi-bo",
      parentId: one.root.id,
    });
    expect(await nextDue(t, "phuong-mot")).toBe(marked);
    opened.length = 0; // the API requests opened it too; now only the pass
    const pass = await runScheduledPass(t.platform);
    expect(slugsRun(pass)).toEqual(["phuong-mot"]);
    const [mot] = (await activeTenants(t.platform)).filter((x) => x.slug === "phuong-mot");
    expect(opened).toEqual([mot!.id]);
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
  });

  it("keeps the mark of a write made during the tenant's own pass, so the next pass runs it", async () => {
    t = await makeApp();
    const one = await buildTree(t, "phuong-mot");
    const [record] = await activeTenants(t.platform);
    // The pass opens the tenant after taking its lease; the write starts then, and the pass's
    // statements wait for it to finish: it lands between the lease and the end of the pass.
    const real = t.platform.tenant.bind(t.platform);
    let write: Promise<unknown> | undefined;
    t.platform.tenant = (x) => {
      const h = real(x);
      t.platform.tenant = real;
      write = one.api("admin", "POST", "/units", {
        name: "Chi bộ mới",
        kind: "chi-bo",
        parentId: one.root.id,
      });
      const db = new Proxy(h.db, {
        get(target, prop, receiver) {
          if (prop === "batch")
            return async (...args: Parameters<typeof target.batch>) => {
              await write;
              return target.batch(...args);
            };
          return Reflect.get(target, prop, receiver);
        },
      });
      return { ...h, db };
    };
    expect((await runTenantJobs(t.platform, record!, "pass")).ran).toBe(true);
    expect((await write) as { status: number }).toMatchObject({ status: 201 });
    expect(await nextDue(t, "phuong-mot")).toBe(t.clock.now.getTime());
    expect(slugsRun(await runScheduledPass(t.platform))).toEqual(["phuong-mot"]);
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
  });
});

describe("a link approved by the parent", () => {
  it("marks the child, whose next pass pushes its figures to the new parent", async () => {
    t = await makeApp();
    const { tree: child } = await treeWith000(t, "phuong-con");
    const parent = await buildTree(t, "quan-cha");
    const link = await child.api<{ id: string }>("admin", "POST", "/links", {
      parentSlug: "quan-cha",
    });
    await runScheduledPass(t.platform);
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
    // The parent's write marks the parent (its own request) and the child (the link's other
    // side, whose audit row waits in the control plane and whose figures now go up).
    expect((await parent.api("admin", "POST", `/links/${link.body.id}/approve`)).status).toBe(200);
    expect(await nextDue(t, "phuong-con")).toBe(t.clock.now.getTime());
    expect(slugsRun(await runScheduledPass(t.platform)).sort()).toEqual(["phuong-con", "quan-cha"]);
    const pushed = await t.platform.control().client.execute("SELECT count(*) AS n FROM rollups");
    expect(Number(pushed.rows[0]!.n)).toBe(1);
  });
});

describe("due work wakes a tenant on time", () => {
  it("wakes for the reminder day at 00:00 ICT, not at 23:59, and sleeps between", async () => {
    t = await makeApp();
    const { tree } = await treeWith000(t);
    await runScheduledPass(t.platform);
    // With a campaign running the tenant is due at the next ICT midnight.
    expect(await nextDue(t, tree.slug)).toBe(nextIctMidnight(t.clock.now));
    expect(nextIctMidnight(t.clock.now)).toBe(Date.parse("2026-03-12T17:00:00Z"));
    t.clock.now = new Date("2026-04-05T16:59:00Z"); // 23:59 on 5/4 ICT: due, nothing to remind
    expect(slugsRun(await runScheduledPass(t.platform))).toEqual([tree.slug]);
    expect(await notificationsOf(tree, "a2")).toEqual([]);
    t.clock.now = new Date("2026-04-05T16:59:30Z");
    const opened = countOpens(t);
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
    expect(opened).toEqual([]);
    t.clock.now = new Date("2026-04-05T17:00:00Z"); // 00:00 on 6/4 ICT: three days' notice
    expect(slugsRun(await runScheduledPass(t.platform))).toEqual([tree.slug]);
    expect((await notificationsOf(tree, "a2")).map((n) => n.title)).toEqual([
      "Kế hoạch cá nhân (Tự soi, tự sửa 2026) cần nộp hạn cuối 08/04/2026.",
    ]);
  });

  it("wakes at a deadline inside the day and at an outbox retry", async () => {
    t = await makeApp();
    const { tree } = await treeWith000(t);
    // The plan is due before 9/4 ICT: 8/4 17:00 UTC is both a deadline and an ICT midnight;
    // the pass just before it schedules exactly that instant.
    t.clock.now = new Date("2026-04-08T16:00:00Z");
    await runScheduledPass(t.platform);
    expect(await nextDue(t, tree.slug)).toBe(Date.parse("2026-04-08T17:00:00Z"));
    // An outbox row waiting for its retry brings the tenant's next due instant forward.
    const { client } = t.platform.tenant(
      (await activeTenants(t.platform)).find((x) => x.slug === tree.slug)!,
    );
    await client.execute({
      sql: `INSERT INTO outbox (id, channel, recipient, payload_json, idempotency_key, attempts, next_attempt_at, created_at)
            VALUES (?, 'webhook', 'https://relay.example/x', '{}', 'k-1', 1, ?, ?)`,
      args: [newId(), Date.parse("2026-04-08T16:20:00Z"), t.clock.now.getTime()],
    });
    const [record] = await activeTenants(t.platform);
    await runTenantJobs(t.platform, record!, "forced");
    expect(await nextDue(t, tree.slug)).toBe(Date.parse("2026-04-08T16:20:00Z"));
  });
});

describe("a pass killed midway", () => {
  it("is finished by the next passes: every reminder once, none missed", async () => {
    t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    for (const slug of ["phuong-a", "phuong-b", "phuong-c"])
      await launchCampaign000(await buildTree(t, slug));
    await runScheduledPass(t.platform);
    t.clock.now = new Date("2026-04-07T01:00:00Z");
    // The process dies inside the second tenant's digest: its pass never returns, never
    // releases its lease, never stores its next due instant. The third is never reached.
    const real = t.platform.tenant.bind(t.platform);
    const opened: string[] = [];
    let reached!: () => void;
    const died = new Promise<void>((resolve) => (reached = resolve));
    t.platform.tenant = (x) => {
      const h = real(x);
      opened.push(x.id);
      if (opened.length !== 2) return h;
      return {
        ...h,
        db: new Proxy(h.db, {
          get(target, prop, receiver) {
            if (prop === "batch")
              return () => {
                reached();
                return new Promise(() => {}); // killed: nothing after this runs
              };
            return Reflect.get(target, prop, receiver);
          },
        }),
      };
    };
    void runScheduledPass(t.platform, "killed");
    await died;
    t.platform.tenant = real;
    const records = await activeTenants(t.platform);
    const byId = new Map(records.map((r) => [r.id, r]));
    const [done, killed] = opened.map((id) => byId.get(id)!);
    const untouched = records.find((r) => r.id !== done!.id && r.id !== killed!.id)!;
    const count = async (r: TenantRecord, sql: string) =>
      Number((await real(r).client.execute(sql)).rows[0]!.n);
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const r of [done!, killed!, untouched])
        out[r.slug] = await count(r, "SELECT count(*) AS n FROM notifications");
      return out;
    };
    const expected = (k: number, u: number) => ({
      [done!.slug]: 5,
      [killed!.slug]: k,
      [untouched.slug]: u,
    });
    expect(await counts()).toEqual(expected(0, 0));
    // The restarted process: the killed tenant is leased until its lease runs out.
    const rerun = await runScheduledPass(t.platform);
    expect(slugsRun(rerun)).toEqual([untouched.slug]);
    expect(await counts()).toEqual(expected(0, 5));
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    expect(slugsRun(await runScheduledPass(t.platform))).toEqual([killed!.slug]);
    expect(await counts()).toEqual(expected(5, 5));
    // And once more, forced, changes nothing.
    for (const r of records) await runTenantJobs(t.platform, r, "again");
    expect(await counts()).toEqual(expected(5, 5));
    for (const r of records)
      expect(
        await count(r, "SELECT count(*) AS n FROM reminder_ledger WHERE notification_id IS NULL"),
      ).toBe(0);
  });
});

describe("the walk", () => {
  it("reads due tenants a page at a time in (next_due_at, id) order, and never an idle one", async () => {
    t = await makeApp();
    const control = t.platform.control().db;
    const now = t.clock.now.getTime();
    const rows = Array.from({ length: 25 }, (_, i) => ({
      id: newId(),
      slug: `t-${i}`,
      name: `Đảng bộ ${i}`,
      kind: "dang-uy-phuong",
      status: "active" as const,
      dbUrl: `file:tenants/none-${i}.db`,
      // Every third is idle (later, or never); the rest due at various instants.
      nextDueAt: i % 3 === 0 ? (i % 2 ? null : now + 60_000) : now - (i % 4) * 1000,
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
    }));
    await control.insert(tenants).values(rows);
    const seen: TenantRecord[] = [];
    let cursor = null;
    let pages = 0;
    do {
      const page = await dueTenantsPage(control, t.clock.now, cursor, 4);
      seen.push(...page.tenants);
      cursor = page.next;
      pages++;
    } while (cursor);
    const due = rows.filter((r) => r.nextDueAt !== null && r.nextDueAt <= now);
    expect(seen.map((r) => r.id).sort()).toEqual(due.map((r) => r.id).sort());
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(due.length / 4) + (due.length % 4 === 0 ? 1 : 0));
    // The query is an index range, not a scan of the tenant list.
    const plan = await t.platform.control().client.execute({
      sql: `EXPLAIN QUERY PLAN SELECT * FROM tenants WHERE status = 'active' AND next_due_at <= ?
            AND (next_due_at, id) > (?, ?) ORDER BY next_due_at, id LIMIT ${WALK_PAGE}`,
      args: [now, 0, ""],
    });
    const detail = plan.rows.map((r) => String(r.detail)).join("\n");
    expect(detail).toMatch(/USING (COVERING )?INDEX tenants_due_idx/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
