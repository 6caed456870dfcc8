// Issue 11, the chart of completion over time per directive: the issuer's own cron pass keeps
// one point per ICT day of its whole subtree's totals (GET /directives/:id/history). Over two
// days the chart has two points, each equal to the subtree totals the page read that day
// (GET /children/progress); a second pass the same day rewrites the day's point, never adds
// one; the issuer wakes at the next ICT midnight for its next point even when nothing of its
// own changed; a child (not the issuer) and another tenant get 404.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { COUNT_KEYS } from "../../schema/rules/counts";
import { activeTenants, runScheduledPass, runTenantJobs } from "../../worker/cron";
import { adoptAndLaunch, directiveChain, submitPlan000, treesAt, type Tree } from "../support/tree";

const FIELDS = [...COUNT_KEYS, "meetingsHeld", "meetingsCompliant", "reportsOnTime"] as const;
type Figures = Record<(typeof FIELDS)[number], number>;
interface Node {
  totals: (Figures & { directiveId: string | null })[];
}
interface History {
  directiveId: string;
  points: (Figures & { day: string; computedAt: string })[];
}
const pick = (f: Figures) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]));
/** 12/3/2026 09:00 ICT. */
const AT = "2026-03-12T02:00:00Z";
const DAY = 86_400_000;

describe("a directive's completion over time", () => {
  it("keeps one point per ICT day equal to the subtree totals, once a day, for the issuer only", async () => {
    const { t, quan, p1, p2, other, directive } = await directiveChain(AT);
    const campaignOf = new Map<Tree, string>();
    for (const child of [p1, p2]) campaignOf.set(child, await adoptAndLaunch(child, directive));
    /** The subtree total of the directive, as the page reads it now. */
    const subtreeTotal = async () => {
      const { body } = await quan.api<{ children: Node[] }>("admin", "GET", "/children/progress");
      const mine = body.children
        .flatMap((c) => c.totals)
        .filter((x) => x.directiveId === directive);
      return Object.fromEntries(
        FIELDS.map((k) => [k, mine.reduce((s, x) => s + x[k], 0)]),
      ) as Figures;
    };
    const history = (tree: Tree, who = "admin") =>
      tree.api<History>(who, "GET", `/directives/${directive}/history`);

    // Day one: the children's passes push their figures, then the issuer's writes its point.
    const records = await activeTenants(t.platform);
    const record = (tree: Tree) => records.find((r) => r.slug === tree.slug)!;
    for (const tree of [p1, p2, quan]) await runTenantJobs(t.platform, record(tree), "day-1");
    const day1 = await subtreeTotal();
    expect(day1.expected).toBe(10);
    let h = await history(quan);
    expect(h.status).toBe(200);
    expect(h.body.points.map((p) => [p.day, pick(p)])).toEqual([["2026-03-12", day1]]);

    // Day two: a plan submitted and confirmed in the phường một; the next ICT day's pass
    // (the issuer is due at midnight for its running directive, nothing of its own changed).
    const id1 = campaignOf.get(p1)!;
    const sub = await submitPlan000(p1.api, id1, "a2", "Trần Thị Bình");
    expect((await p1.api("a1", "POST", `/submissions/${sub}/confirm`)).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + DAY);
    // Children first, so the issuer's point sums today's pushes, then the issuer's own pass.
    for (const child of [p1, p2]) await runTenantJobs(t.platform, record(child), "children");
    const due = (await runScheduledPass(t.platform)).tenants.map((r) => r.tenant);
    expect(due).toContain("quan-uy");
    const day2 = await subtreeTotal();
    expect([day2.submitted, day2.confirmed]).toEqual([1, 1]);
    h = await history(quan, "viewer");
    expect(h.status).toBe(200);
    expect(h.body.points.map((p) => [p.day, pick(p)])).toEqual([
      ["2026-03-12", day1],
      ["2026-03-13", day2],
    ]);

    // The same day again, twice: the day's point is rewritten, not doubled.
    t.clock.now = new Date(t.clock.now.getTime() + 3_600_000);
    const again = await runTenantJobs(t.platform, record(quan), "again");
    expect(again.directives).toEqual({ running: 1 });
    await runTenantJobs(t.platform, record(quan), "again-2");
    h = await history(quan);
    expect(h.body.points.map((p) => p.day)).toEqual(["2026-03-12", "2026-03-13"]);
    expect(pick(h.body.points[1]!)).toEqual(day2);
    expect(h.body.points[1]!.computedAt).toBe(t.clock.now.toISOString());

    // Only counts: no person's name in the answer.
    expect(JSON.stringify(h.body)).not.toMatch(/Trần|Nguyễn|Lê Văn/);
    // The child (not the issuer), another tenant, an unknown id: 404; a member: 403.
    expect((await history(p1)).status).toBe(404);
    expect((await history(other)).status).toBe(404);
    expect((await quan.api("admin", "GET", "/directives/khong-co/history")).status).toBe(404);
    expect((await history(quan, "a2")).status).toBe(403);
  }, 60_000);

  it("writes nothing for a tenant that issued nothing", async () => {
    const {
      t,
      trees: [solo],
    } = await treesAt(AT, "mot-minh");
    const [record] = await activeTenants(t.platform);
    const report = await runTenantJobs(t.platform, record!, "solo");
    expect(report.directives).toEqual({ running: 0 });
    const rows = await solo.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM directive_history`);
    expect(rows[0]!.n).toBe(0);
  });
});
