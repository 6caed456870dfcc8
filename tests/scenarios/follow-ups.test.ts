// Milestones and the year-end input as dated obligations (issue 10), on 001 (Kế hoạch
// 52-KH/ĐUK) with the document's dates: the peak of 19/5/2022, the 6-month review by 30/6,
// the year-end review and the year-end ranking input by 31/12. Each unit records each one;
// the compliance marks follow; refused records change nothing and leave no audit row.
import { describe, expect, it } from "vitest";
import { auditLog } from "../../schema/tables/tenant";
import { launch001, REVIEW_001 } from "../support/templates";
import { treeAt } from "../support/tree";

type FollowUps = {
  followUps: { key: string; dueOn: string | null; record: { version: number } | null }[];
};
type Marks = {
  units: { unitId: string; marks: { rule: string; status: string; reason: string }[] }[];
};

describe("milestones and the year-end input (001 §III.4)", () => {
  it("dates each for the campaign, marks them, and records them once per version", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA } = tree;
    const id = await launch001(tree);
    const path = `/campaigns/${id}/follow-ups/${cellA.id}`;
    const list = await api<FollowUps>("admin", "GET", path);
    expect(list.status).toBe(200);
    expect(list.body.followUps.map((o) => [o.key, o.dueOn])).toEqual([
      ["moc-1", "2022-05-19"],
      ["moc-2", "2022-06-30"],
      ["moc-3", "2022-12-31"],
      ["xep-loai-cuoi-nam", "2022-12-31"],
    ]);

    // The peak recorded on its day passes; on 20/5 the 6-month review is still ahead.
    tree.t.clock.now = new Date("2022-05-19T09:00:00Z");
    const saved = await api("a1", "PUT", `${path}/moc-1`, {
      version: 0,
      note: "Tổ chức dâng hương, tọa đàm kỷ niệm 132 năm Ngày sinh Bác.",
    });
    expect(saved.status).toBe(200);
    tree.t.clock.now = new Date("2022-05-20T02:00:00Z");
    const marks = async () =>
      Object.fromEntries(
        (await api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units
          .find((u) => u.unitId === cellA.id)!
          .marks.filter((m) => m.rule.startsWith("follow-up:"))
          .map((m) => [m.rule, `${m.status}: ${m.reason}`]),
      );
    expect(await marks()).toEqual({
      "follow-up:moc-1": "pass: Ghi nhận ngày 19/05/2022.",
      "follow-up:moc-2": "pending: Hạn đến hết ngày 30/06/2022.",
      "follow-up:moc-3": "pending: Hạn đến hết ngày 31/12/2022.",
      "follow-up:xep-loai-cuoi-nam": "pending: Hạn đến hết ngày 31/12/2022.",
      // Each member's own (tests/scenarios/member-year-end.test.ts): a3 is excused.
      "follow-up:tu-danh-gia-cuoi-nam":
        "pending: Đúng hạn 0/4, muộn 0, chưa có 4, được miễn 1 (hạn 31/12/2022).",
    });

    // Refused: a stale version, a day ahead, an empty note, a milestone the campaign lacks.
    const audits = async () => (await tree.db.select().from(auditLog)).length;
    const before = await audits();
    const stale = await api("a1", "PUT", `${path}/moc-1`, { version: 0, note: "Lần nữa." });
    expect(stale.status).toBe(409);
    const ahead = await api<{ error: { fields: object } }>("a1", "PUT", `${path}/moc-2`, {
      version: 0,
      note: "Kiểm điểm.",
      doneOn: "2022-05-21",
    });
    expect([ahead.status, ahead.body.error.fields]).toEqual([
      422,
      { doneOn: "Ngày thực hiện chưa đến." },
    ]);
    const empty = await api("a1", "PUT", `${path}/moc-2`, { version: 0, note: "  " });
    expect(empty.status).toBe(422);
    expect((await api("a1", "PUT", `${path}/moc-9`, { version: 0, note: "x" })).status).toBe(404);
    expect(await audits()).toBe(before);

    // Past 30/6 with nothing recorded: failed; the list shows what was recorded.
    tree.t.clock.now = new Date("2022-07-01T02:00:00Z");
    expect((await marks())["follow-up:moc-2"]).toBe("fail: Chưa ghi nhận khi đã hết hạn.");
    const after = await api<FollowUps>("a1", "GET", path);
    expect(after.body.followUps.map((o) => o.record?.version ?? 0)).toEqual([1, 0, 0, 0]);
  });

  it("reviews each month on 001's own form, from the month after the cell's meeting", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA } = tree;
    const id = await launch001(tree);
    tree.t.clock.now = new Date("2022-05-02T02:00:00Z");
    const review = async () =>
      (await api<Marks>("admin", "GET", `/campaigns/${id}/compliance`)).body.units
        .find((u) => u.unitId === cellA.id)!
        .marks.find((m) => m.rule === "monthly-review")!;
    expect(await review()).toMatchObject({
      status: "fail",
      reason: "Chưa nhận xét tháng 04/2022 (đã làm 0/2 tháng).",
    });
    const path = `/campaigns/${id}/monthly-reviews/${cellA.id}/2022-04`;
    const { "nhiem-vu-giai-phap": _last, ...data } = REVIEW_001;
    const partial = await api<{ error: { fields: object } }>("a1", "PUT", path, {
      version: 0,
      data,
    });
    expect(partial.status).toBe(422);
    expect(Object.keys(partial.body.error.fields)).toEqual(["data.nhiem-vu-giai-phap"]);
    const full = REVIEW_001;
    // The form built from 001's text is checked like any form: an answer that is not text, a
    // field it does not have, a blank one — each named, nothing stored, no audit row.
    const audits = async () => (await tree.db.select().from(auditLog)).length;
    const before = await audits();
    for (const [bad, field] of [
      [{ ...full, "mat-tich-cuc": 7 }, "data.mat-tich-cuc"],
      [{ ...full, "xep-loai": "tot" }, "data.xep-loai"],
      [{ ...full, "han-che": "  " }, "data.han-che"],
    ] as const) {
      const refused = await api<{ error: { code: string; fields: object } }>("a1", "PUT", path, {
        version: 0,
        data: bad,
      });
      expect([refused.status, Object.keys(refused.body.error.fields)]).toEqual([422, [field]]);
    }
    expect(await audits()).toBe(before);
    expect((await api("a1", "PUT", path, { version: 0, data: full })).status).toBe(200);
    expect(await review()).toMatchObject({ status: "pass", reason: "Đã nhận xét 1/2 tháng." });
  });
});
