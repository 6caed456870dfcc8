// GET /campaigns/:id/units/:unitId/paper: the one-page papers' figures for one unit, read
// from the stored per-unit figures (the progress page's own read), never the unit list. Its
// figures equal the progress page's for the same unit; a unit with more children than a
// sheet holds lists the first PAPER_ROWS by name and sums the rest in one line; sessions
// held are counted per line over each child's subtree.
import { describe, expect, it } from "vitest";
import { meetings, units } from "../../schema/tables/tenant";
import { newId } from "../../worker/data/ids";
import { PAPER_ROWS } from "../../worker/data/unit-paper";
import { newUnitRow } from "../../worker/data/units";
import { openTenantBySlug } from "../support/app";
import { recordStatements } from "../support/statements";
import { addMembersWithAccounts, launchCampaign, treeAt } from "../support/tree";

interface Counts {
  expected: number;
  excused: number;
  submitted: number;
  late: number;
  confirmed: number;
  onTime: number;
}
interface Line {
  unitId: string;
  name: string;
  counts: Counts;
  held: number;
  childCount: number;
}
interface Paper {
  unit: { id: string; name: string; kind: string; parentId: string | null };
  superior: string;
  evaluatedOn: string;
  own: { counts: Counts; held: number } | null;
  lines: Line[];
  rest: { units: number; counts: Counts; held: number } | null;
  totals: { counts: Counts; held: number };
}
interface Progress {
  evaluatedOn: string;
  totals: Counts;
  units: (Counts & { unitId: string; childCount: number })[];
}

const strip = ({ unitId: _u, childCount: _c, ...c }: Progress["units"][number]) => c;
const sum = (xs: Counts[]) =>
  xs.reduce(
    (a, c) =>
      Object.fromEntries(
        Object.keys(a).map((k) => [k, a[k as keyof Counts] + c[k as keyof Counts]]),
      ) as unknown as Counts,
    { expected: 0, excused: 0, submitted: 0, late: 0, confirmed: 0, onTime: 0 },
  );

describe("a unit's paper figures", () => {
  it("equal the progress page's, capped to one sheet, with sessions held per line", async () => {
    const tree = await treeAt();
    const { t, db, root } = tree;
    const now = t.clock.now;
    const committee = newUnitRow(
      { name: "Đảng bộ Khối cơ quan", kind: "dang-bo-co-so" },
      root,
      now,
    );
    await db.insert(units).values(committee);
    // More cells than a sheet holds, named so that name order is not insertion order.
    const n = PAPER_ROWS + 7;
    const cells = Array.from({ length: n }, (_, i) =>
      newUnitRow(
        { name: `Chi bộ ${String((i * 17) % n).padStart(2, "0")}`, kind: "chi-bo" },
        committee,
        now,
      ),
    );
    await db.insert(units).values(cells);
    // A unit under one cell: its sessions count in that cell's line.
    const group = newUnitRow({ name: "Chi bộ ghép 1", kind: "chi-bo" }, cells[3]!, now);
    await db.insert(units).values(group);
    // One to three members in each unit (the committee's own are not this template's target).
    const slots = [...cells, group, committee].flatMap((u, i) =>
      Array.from({ length: (i % 3) + 1 }, () => u.id),
    );
    await addMembersWithAccounts(tree, now, slots.length, (i) => slots[i]!);
    const id = await launchCampaign(tree.api, root.id);
    // Sessions: held in cells 3 (and its group) and 5 and in the committee itself; one only
    // scheduled (not held); one in another branch (cellA).
    const meeting = (unitId: string, session: number, held = true) => ({
      id: newId(),
      campaignId: id,
      unitId,
      stepKey: "sinh-hoat",
      session,
      startedAt: held ? now : null,
      createdAt: now,
      updatedAt: now,
    });
    await db
      .insert(meetings)
      .values([
        meeting(cells[3]!.id, 1),
        meeting(cells[3]!.id, 2),
        meeting(group.id, 1),
        meeting(cells[5]!.id, 1),
        meeting(cells[5]!.id, 2, false),
        meeting(committee.id, 1),
        meeting(tree.cellA.id, 1),
      ]);

    const get = async <T>(path: string) => {
      const res = await tree.api<T>("admin", "GET", `/campaigns/${id}${path}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const paper = await get<Paper>(`/units/${committee.id}/paper`);
    const progress = await get<Progress>(`/progress?unitId=${committee.id}`);

    expect(paper.unit).toMatchObject({ id: committee.id, name: committee.name, parentId: root.id });
    expect(paper.superior).toBe(root.name);
    expect(paper.evaluatedOn).toBe(progress.evaluatedOn);
    // The totals are the progress page's; each listed line is its row for that unit.
    expect(paper.totals.counts).toEqual(progress.totals);
    const row = new Map(progress.units.map((r) => [r.unitId, r]));
    // The committee's own members are not a target of this template: no own line, as the
    // progress page has no own row.
    expect([paper.own, row.has(committee.id)]).toEqual([null, false]);
    for (const l of paper.lines) {
      expect(l.counts).toEqual(strip(row.get(l.unitId)!));
      expect(l.childCount).toBe(row.get(l.unitId)!.childCount);
    }
    // One sheet: the first PAPER_ROWS children by name, the rest summed and counted.
    const byName = [...cells].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(paper.lines.map((l) => l.name)).toEqual(byName.slice(0, PAPER_ROWS).map((c) => c.name));
    expect(paper.rest?.units).toBe(n - PAPER_ROWS);
    const restIds = byName.slice(PAPER_ROWS).map((c) => c.id);
    expect(paper.rest?.counts).toEqual(sum(restIds.map((u) => strip(row.get(u)!))));
    // Lines + rest = totals.
    expect(sum([...paper.lines.map((l) => l.counts), paper.rest!.counts])).toEqual(
      paper.totals.counts,
    );
    // Sessions held: over each line's subtree; the committee's own; never another branch's.
    const heldOf = (u: { id: string }) =>
      [...paper.lines].find((l) => l.unitId === u.id)?.held ?? "not listed";
    const listed = new Set(paper.lines.map((l) => l.unitId));
    const held3 = listed.has(cells[3]!.id) ? 3 : "not listed";
    const held5 = listed.has(cells[5]!.id) ? 1 : "not listed";
    expect([heldOf(cells[3]!), heldOf(cells[5]!)]).toEqual([held3, held5]);
    expect(paper.totals.held).toBe(5);
    const listedHeld = paper.lines.reduce((a, l) => a + l.held, 0);
    // The rest's sessions: the total less the listed lines' and the committee's own one.
    expect(paper.rest!.held).toBe(5 - 1 - listedHeld);

    // A cell with members of its own and a group under it: the own line is the progress
    // page's own row, with the cell's own sessions; the group's line has its one.
    const cell = await get<Paper>(`/units/${cells[3]!.id}/paper`);
    const cellProgress = await get<Progress>(`/progress?unitId=${cells[3]!.id}`);
    const cellRow = new Map(cellProgress.units.map((r) => [r.unitId, r]));
    expect(cell.superior).toBe(committee.name);
    expect(cell.own).toEqual({ counts: strip(cellRow.get(cells[3]!.id)!), held: 2 });
    expect(cell.lines.map((l) => [l.name, l.held, l.counts])).toEqual([
      [group.name, 1, strip(cellRow.get(group.id)!)],
    ]);
    expect([cell.rest, cell.totals]).toEqual([null, { counts: cellProgress.totals, held: 3 }]);

    // The root's paper: the committee is one line; the đảng bộ has no body above it here.
    const top = await get<Paper>(`/units/${root.id}/paper`);
    const topProgress = await get<Progress>(`/progress`);
    expect(top.superior).toBe("");
    expect(top.totals.counts).toEqual(topProgress.totals);
    expect(top.rest).toBeNull();
    expect(top.lines.find((l) => l.unitId === committee.id)).toMatchObject({
      held: 5,
      childCount: n,
      counts: strip(topProgress.units.find((r) => r.unitId === committee.id)!),
    });
    expect(top.totals.held).toBe(6);

    // A repeated read while nothing moves: the progress page's kept read and one batch.
    const tenant = await openTenantBySlug(t, tree.slug);
    const seen = await recordStatements(tenant.client, () =>
      get<Paper>(`/units/${committee.id}/paper`),
    );
    // The test's own session, the request's session check and campaign, the figures' state
    // (progress-page.ts), then this paper's one batch.
    expect(seen.roundTrips).toBe(5);
    const batch = seen.filter((s) => s.roundTrip === 5);
    expect(batch).toHaveLength(3);
    // Each of the batch's statements walks indexes only: no scan of a whole table.
    for (const s of batch) {
      const plan = await tenant.client.execute({
        sql: `EXPLAIN QUERY PLAN ${s.sql}`,
        args: s.args as never,
      });
      const steps = plan.rows.map((r) => String(r.detail));
      // (A SCAN of the page's own few rows, the sub-select x, is not a table's.)
      const tables = /^SCAN (u|p|d|m|f|units|meetings|progress_figures)\b/;
      expect(steps.filter((d) => tables.test(d) && !/USING (COVERING )?INDEX/.test(d))).toEqual([]);
    }
  });
});
