// A campaign's units are checked in one read (issue 9): creating or editing a draft with five
// units costs the round trips that one unit does, and an unknown unit among them still
// answers 404, changing nothing.
import { describe, expect, it } from "vitest";
import { openTenantBySlug } from "../support/app";
import { recordStatements } from "../support/statements";
import { treeAt } from "../support/tree";

describe("a campaign's units", () => {
  it("are checked in one read however many there are, on create and on edit", async () => {
    const tree = await treeAt("2026-03-01T02:00:00Z");
    const { api, root, cellA, cellB } = tree;
    const more = [
      await tree.addUnit("Chi bộ số 3", "chi-bo"),
      await tree.addUnit("Chi bộ số 4", "chi-bo"),
    ];
    const five = [root.id, cellA.id, cellB.id, ...more.map((u) => u.id)];
    const { client } = await openTenantBySlug(tree.t, tree.slug);
    const base = {
      templateKey: "tu-soi-tu-sua",
      name: "Đợt 1",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
    };
    const create = (unitIds: string[]) =>
      recordStatements(client, () =>
        api<{ id: string }>("admin", "POST", "/campaigns", { ...base, unitIds }),
      );
    const one = await create([root.id]);
    const many = await create(five);
    expect([one.result!.status, many.result!.status]).toEqual([201, 201]);
    expect(many.roundTrips).toBe(one.roundTrips);

    const id = many.result!.body.id;
    const edit = (version: number, unitIds: string[]) =>
      recordStatements(client, () =>
        api<{ version: number }>("admin", "PATCH", `/campaigns/${id}`, { version, unitIds }),
      );
    const editOne = await edit(1, [root.id]);
    const editMany = await edit(2, five);
    expect([editOne.result!.status, editMany.result!.status]).toEqual([200, 200]);
    expect(editMany.roundTrips).toBe(editOne.roundTrips);

    // An unknown unit among known ones: 404, the draft unchanged.
    const unknown = await api("admin", "PATCH", `/campaigns/${id}`, {
      version: 3,
      unitIds: [...five, "khongco"],
    });
    expect(unknown.status).toBe(404);
    const after = await api<{ version: number }>("admin", "GET", `/campaigns/${id}`);
    expect(after.body.version).toBe(3);
  });
});
