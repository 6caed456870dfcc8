// GET /campaigns/:id/history, the completion chart's series: the rollup's snapshots of one
// subtree, one point per day (the day's last, in ICT), the latest HISTORY_DAYS days at most,
// oldest first; without ?unitId= the reader's own subtree.
import { describe, expect, it } from "vitest";
import { progressSnapshots } from "../../schema/tables/tenant";
import { activeTenants } from "../../worker/cron";
import { runRollup } from "../../worker/cron/rollup";
import { HISTORY_DAYS } from "../../worker/data/progress";
import { launchCampaign, submitPlan000, treeAt } from "../support/tree";

interface History {
  unitId: string;
  points: { computedAt: string; expected: number; submitted: number; confirmed: number }[];
}

const figures = { onTime: 0, late: 0, excused: 0, meetingsHeld: 0, meetingsCompliant: 0 };

describe("progress history", () => {
  it("answers the rollup's points, the day's last one per ICT day", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, db, root, cellA } = tree;
    const id = await launchCampaign(api, root.id);
    const [tenant] = (await activeTenants(tree.t.platform)).filter((x) => x.slug === tree.slug);
    const control = tree.t.platform.control().db;
    await runRollup(db, control, tenant!, tree.t.clock.now);
    // Later the same ICT day (16:30Z is 23:30 ICT): the day's point moves to this one.
    tree.t.clock.now = new Date("2026-03-12T16:30:00Z");
    await submitPlan000(api, id, "a2", "Trần Thị Bình");
    await runRollup(db, control, tenant!, tree.t.clock.now);
    // 17:30Z is already the 13th in ICT: a new day.
    tree.t.clock.now = new Date("2026-03-12T17:30:00Z");
    await submitPlan000(api, id, "a5", "Hoàng Văn Em");
    await runRollup(db, control, tenant!, tree.t.clock.now);

    const admin = await api<History>("admin", "GET", `/campaigns/${id}/history`);
    expect(admin.status).toBe(200);
    expect(admin.body.unitId).toBe(root.id);
    expect(
      admin.body.points.map((p) => [p.computedAt, p.expected, p.submitted, p.confirmed]),
    ).toEqual([
      ["2026-03-12T16:30:00.000Z", 5, 1, 0],
      ["2026-03-12T17:30:00.000Z", 5, 2, 0],
    ]);
    // A secretary without ?unitId= reads the cell they lead, not the campaign's root (404).
    const own = await api<History>("a1", "GET", `/campaigns/${id}/history`);
    expect(own.status).toBe(200);
    expect(own.body.unitId).toBe(cellA.id);
    expect(own.body.points.map((p) => p.submitted)).toEqual([1, 2]);
  });

  it("keeps the latest days only, however long the campaign ran", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, db, root } = tree;
    const id = await launchCampaign(api, root.id);
    const start = Date.parse("2025-01-01T05:00:00Z");
    const rows = Array.from({ length: HISTORY_DAYS + 40 }, (_, i) => ({
      campaignId: id,
      unitId: root.id,
      computedAt: new Date(start + i * 86_400_000),
      fingerprint: "f",
      expected: 10,
      submitted: i % 11,
      confirmed: 0,
      reportsOnTime: 0,
      ...figures,
    }));
    for (let i = 0; i < rows.length; i += 100)
      await db.insert(progressSnapshots).values(rows.slice(i, i + 100));
    const res = await api<History>("admin", "GET", `/campaigns/${id}/history`);
    expect(res.body.points).toHaveLength(HISTORY_DAYS);
    expect(res.body.points[0]!.computedAt).toBe(rows[40]!.computedAt.toISOString());
    expect(res.body.points.at(-1)!.computedAt).toBe(rows.at(-1)!.computedAt.toISOString());
  });
});
