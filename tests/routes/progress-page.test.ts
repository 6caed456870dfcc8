// GET /campaigns/:id/progress answers one page of the tree (issue 15): the anchor unit's own
// counts and each direct child's subtree, with how many units sit under each row, and
// drills down with ?unitId=. Never every unit of the tenant.
import { describe, expect, it } from "vitest";
import { memberStatusHistory, members, units } from "../../schema/tables/tenant";
import { historyRow, newMemberRow } from "../../worker/data/members";
import { newUnitRow } from "../../worker/data/units";
import { launchCampaign, treeAt } from "../support/tree";

interface Row {
  unitId: string;
  expected: number;
  excused: number;
  childCount: number;
}
interface Page {
  unitId: string | null;
  totals: { expected: number };
  units: Row[];
}

describe("the progress page", () => {
  it("answers the root and its children, and drills down a level at a time", async () => {
    const tree = await treeAt();
    const { t, db, root } = tree;
    // root → two party committees → three cells each → two members each.
    const now = t.clock.now;
    const committees = [
      newUnitRow({ name: "Đảng bộ 1", kind: "dang-bo-co-so" }, root, now),
      newUnitRow({ name: "Đảng bộ 2", kind: "dang-bo-co-so" }, root, now),
    ];
    await db.insert(units).values(committees);
    const cells = committees.flatMap((d, i) =>
      [1, 2, 3].map((j) => newUnitRow({ name: `Chi bộ ${i + 1}.${j}`, kind: "chi-bo" }, d, now)),
    );
    await db.insert(units).values(cells);
    const people = [...cells, ...cells].map((u, i) =>
      newMemberRow(
        {
          fullName: `Người ${i}`,
          unitId: u.id,
          status: "dang-sinh-hoat",
          statusSince: "2020-01-01",
        },
        now,
      ),
    );
    await db.insert(members).values(people);
    await db.insert(memberStatusHistory).values(people.map((m) => historyRow(m, now, null)));
    const id = await launchCampaign(tree.api, root.id);
    const page = async (unitId?: string) => {
      const res = await tree.api<Page>(
        "admin",
        "GET",
        `/campaigns/${id}/progress${unitId ? `?unitId=${unitId}` : ""}`,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    const top = await page();
    const byId = (p: Page) =>
      Object.fromEntries(p.units.map((u) => [u.unitId, [u.expected, u.childCount]]));
    // buildTree's two cells (cellA: 3 members, cellB: 2) are the root's children too.
    expect(top.unitId).toBe(root.id);
    expect(byId(top)).toEqual({
      [committees[0]!.id]: [6, 3],
      [committees[1]!.id]: [6, 3],
      [tree.cellA.id]: [3, 0],
      [tree.cellB.id]: [2, 0],
    });
    expect(top.totals.expected).toBe(17);
    const d1 = await page(committees[0]!.id);
    expect(d1.unitId).toBe(committees[0]!.id);
    expect(byId(d1)).toEqual({
      [cells[0]!.id]: [2, 0],
      [cells[1]!.id]: [2, 0],
      [cells[2]!.id]: [2, 0],
    });
    expect(d1.totals.expected).toBe(6);
    // A cell's page is the cell alone.
    expect(byId(await page(cells[4]!.id))).toEqual({ [cells[4]!.id]: [2, 0] });
  });

  it("stays under 100 KB for a unit with 500 children", async () => {
    const tree = await treeAt();
    const { t, db, root } = tree;
    const now = t.clock.now;
    const committee = newUnitRow({ name: "Đảng bộ lớn", kind: "dang-bo-co-so" }, root, now);
    await db.insert(units).values(committee);
    const cells = Array.from({ length: 500 }, (_, i) =>
      newUnitRow({ name: `Chi bộ ${i + 1}`, kind: "chi-bo" }, committee, now),
    );
    const people = cells.flatMap((u, i) =>
      [0, 1].map((k) =>
        newMemberRow(
          {
            fullName: `Người ${i}.${k}`,
            unitId: u.id,
            status: "dang-sinh-hoat",
            statusSince: "2020-01-01",
          },
          now,
        ),
      ),
    );
    for (let i = 0; i < cells.length; i += 100)
      await db.insert(units).values(cells.slice(i, i + 100));
    for (let i = 0; i < people.length; i += 100)
      await db.insert(members).values(people.slice(i, i + 100));
    const id = await launchCampaign(tree.api, root.id);
    const res = await tree.api<Page>(
      "admin",
      "GET",
      `/campaigns/${id}/progress?unitId=${committee.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.units).toHaveLength(500);
    expect(res.body.totals.expected).toBe(1000);
    expect(res.body.unitId).toBe(committee.id);
    const bytes = new TextEncoder().encode(JSON.stringify(res.body)).length;
    expect(bytes).toBeLessThan(100 * 1024);
    // From the root the 500 cells are one row (beside buildTree's two cells).
    const top = await tree.api<Page>("admin", "GET", `/campaigns/${id}/progress`);
    expect(
      Object.fromEntries(top.body.units.map((u) => [u.unitId, [u.expected, u.childCount]])),
    ).toEqual({ [committee.id]: [1000, 500], [tree.cellA.id]: [3, 0], [tree.cellB.id]: [2, 0] });
  });

  it("counts the plans not handed in as late from the due instant, read again or not", async () => {
    const tree = await treeAt();
    const id = await launchCampaign(tree.api, tree.root.id);
    type Late = Page & { dueAt: string; totals: { expected: number; late: number } };
    const read = async (at: number) => {
      tree.t.clock.now = new Date(at);
      const res = await tree.api<Late>("admin", "GET", `/campaigns/${id}/progress`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const dueAt = Date.parse((await read(tree.t.clock.now.getTime())).dueAt);
    const before = await read(dueAt - 60_000);
    expect(before.totals).toMatchObject({ expected: 5, late: 0 });
    // Read twice on each side: a page kept from before the instant is not answered after it.
    expect((await read(dueAt - 30_000)).totals.late).toBe(0);
    expect((await read(dueAt + 60_000)).totals).toMatchObject({ expected: 5, late: 5 });
    expect((await read(dueAt + 120_000)).totals.late).toBe(5);
  });
});
