// The rollup recomputes only what changed: a plan submitted in one cell recomputes that cell,
// writes snapshots for it and its ancestors only, and agrees with a full recompute.
import { describe, expect, it } from "vitest";
import { progressSnapshots } from "../../schema/tables/tenant";
import { activeTenants } from "../../worker/cron";
import { computeRollup, runRollup } from "../../worker/cron/rollup";
import { requireCampaign } from "../../worker/data/campaigns";
import { treeAt, launchCampaign, submitPlan000 } from "../support/tree";

describe("incremental rollup", () => {
  it("recomputes only the cell whose plan changed, and agrees with a full recompute", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { api, db, root, cellA, cellB, ids } = tree;
    const id = await launchCampaign(api, root.id);
    const [tenant] = (await activeTenants(tree.t.platform)).filter((x) => x.slug === tree.slug);
    const control = tree.t.platform.control().db;
    const rollup = () => runRollup(db, control, tenant!, tree.t.clock.now);

    expect(await rollup()).toMatchObject({ skipped: 0, recomputed: 2, snapshots: 3 });
    expect(await rollup()).toMatchObject({ skipped: 1, recomputed: 0, snapshots: 0 });

    tree.t.clock.now = new Date("2026-03-12T03:00:00Z");
    await submitPlan000(api, id, "a2", "Trần Thị Bình");
    const step = await rollup();
    expect(step).toMatchObject({ skipped: 0, recomputed: 1, snapshots: 2 });
    const latest = await db.select().from(progressSnapshots);
    const at = tree.t.clock.now.getTime();
    expect(
      latest
        .filter((s) => s.computedAt.getTime() === at)
        .map((s) => s.unitId)
        .sort(),
    ).toEqual([cellA.id, root.id].sort());

    // The stored figures equal a full recompute for every subtree.
    const full = await computeRollup(db, await requireCampaign(db, id), tree.t.clock.now);
    const newest = new Map<string, (typeof latest)[number]>();
    for (const s of latest)
      if (!newest.has(s.unitId) || newest.get(s.unitId)!.computedAt < s.computedAt)
        newest.set(s.unitId, s);
    for (const [unitId, f] of full)
      expect({ unitId, ...f }).toMatchObject({
        unitId,
        expected: newest.get(unitId)!.expected,
        submitted: newest.get(unitId)!.submitted,
        late: newest.get(unitId)!.late,
        excused: newest.get(unitId)!.excused,
      });
    expect(full.get(root.id)).toMatchObject({ expected: 5, submitted: 1, excused: 2 });
    expect(full.get(cellB.id)).toMatchObject({ expected: 2, submitted: 0 });

    // A status change is structural: every unit is recomputed.
    tree.t.clock.now = new Date("2026-03-12T04:00:00Z");
    await api("admin", "POST", `/members/${ids.b2}/status`, {
      status: "mien-sinh-hoat",
      since: "2026-03-12",
    });
    expect(await rollup()).toMatchObject({ skipped: 0, recomputed: 2, snapshots: 2 });
  });
});
