// The meeting record the rules read (issue 10), through the app with CT 24's (004) cell
// meeting: the minutes secretary and the six agenda items with their presenters feed the
// compliance marks; agenda items outside the template and per-member records for someone
// absent are refused and change nothing.
import { describe, expect, it } from "vitest";
import { launchCt24Phuong } from "../support/templates";
import { treeAt } from "../support/tree";

type Meeting = {
  id: string;
  version: number;
  agenda: { no: number; presenter: string | null }[];
  attendance: { memberId: string; presentedPlan: boolean; commentedOn: boolean }[];
};
type Marks = {
  units: { unitId: string; marks: { rule: string; status: string; reason: string }[] }[];
};
type Refusal = { error: { code: string; fields: Record<string, string> } };

describe("the meeting record: minutes secretary and agenda (004 §II.4.1)", () => {
  it("marks what the record lacks, refuses what the template does not have, and passes when complete", async () => {
    const tree = await treeAt("2023-09-14T02:00:00Z");
    const { api, cellA, ids } = tree;
    const id = await launchCt24Phuong(tree);
    const created = await api<{ meeting: Meeting }>("a1", "POST", `/campaigns/${id}/meetings`, {
      unitId: cellA.id,
      stepKey: "cb-sinh-hoat",
      scheduledAt: "2023-09-18T19:30:00+07:00",
    });
    tree.t.clock.now = new Date("2023-09-19T00:00:00Z");
    const held = await api<{ meeting: Meeting }>(
      "a1",
      "PATCH",
      `/meetings/${created.body.meeting.id}`,
      {
        version: created.body.meeting.version,
        startedAt: "2023-09-18T19:30:00+07:00",
        endedAt: "2023-09-18T21:00:00+07:00",
        agenda: [{ no: 1 }, { no: 2, presenter: "Đ/c Bí thư" }],
      },
    );
    expect(held.status).toBe(200);
    const m = held.body.meeting;
    expect(m.agenda).toEqual([{ no: 1 }, { no: 2, presenter: "Đ/c Bí thư" }]);
    const mark = async (rule: string) =>
      (await api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units
        .find((u) => u.unitId === cellA.id)!
        .marks.find((x) => x.rule === `cb-sinh-hoat:${rule}`)!;
    expect(await mark("minutes-secretary")).toMatchObject({
      status: "fail",
      reason: "Biên bản chưa ghi thư ký.",
    });
    expect(await mark("agenda")).toMatchObject({
      status: "fail",
      reason: "Chưa ghi nhận nội dung 3, 4, 5 và 6.",
    });

    // Item 7 does not exist, and an item is recorded once: refused, nothing stored.
    for (const agenda of [[{ no: 7 }], [{ no: 1 }, { no: 1 }]]) {
      const bad = await api<Refusal>("a1", "PATCH", `/meetings/${m.id}`, {
        version: m.version,
        agenda,
      });
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.error.fields)).toEqual([`agenda.${agenda.length - 1}.no`]);
    }
    // Presenting a plan needs being there.
    const absent = await api<Refusal>("a1", "PUT", `/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: [{ memberId: ids.a2, presence: "absent", presentedPlan: true }],
    });
    expect(absent.status).toBe(422);

    const all = [1, 2, 3, 4, 5, 6].map((no) => ({ no, presenter: "Đ/c Bí thư" }));
    const done = await api<{ meeting: Meeting }>("a1", "PATCH", `/meetings/${m.id}`, {
      version: m.version,
      minutesSecretary: "Trần Thị Ghi",
      agenda: [...all].reverse(),
    });
    expect(done.status).toBe(200);
    expect(done.body.meeting.agenda.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await mark("minutes-secretary")).toMatchObject({
      status: "pass",
      reason: "Thư ký: Trần Thị Ghi.",
    });
    expect(await mark("agenda")).toMatchObject({ status: "pass", reason: "Đủ 6/6 nội dung." });

    // The per-member record is kept for those present.
    const rc = await api<{ meeting: Meeting }>("a1", "PUT", `/meetings/${m.id}/attendance`, {
      version: done.body.meeting.version,
      entries: [{ memberId: ids.a2, presence: "present", presentedPlan: true }],
    });
    expect(rc.status).toBe(200);
    expect(rc.body.meeting.attendance[0]).toMatchObject({
      presentedPlan: true,
      commentedOn: false,
    });
  });
});
