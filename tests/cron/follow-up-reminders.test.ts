// The reminder day reminds the secretary of the follow-up (issue 10): a milestone coming due
// (001's peak of 19/5/2022), a monthly review on the template's form left undone past its
// month, and nothing for what the unit already recorded.
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { launch001 } from "../support/templates";
import { notificationsOf, treeAt } from "../support/tree";

const PEAK = "Cao điểm: kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2022)";

describe("follow-up reminders", () => {
  it("reminds of a milestone 3 days ahead and a missed month, and not of what is recorded", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA, cellB, t } = tree;
    const id = await launch001(tree);
    t.clock.now = new Date("2022-05-17T01:00:00Z"); // 08:00 on 17/5 ICT
    // Cell 2 already marked the peak.
    const done = await api("b1", "PUT", `/campaigns/${id}/follow-ups/${cellB.id}/moc-1`, {
      version: 0,
      note: "Tọa đàm kỷ niệm Ngày sinh Bác.",
    });
    expect(done.status).toBe(200);
    await runScheduledPass(t.platform);
    const lines = async (who: string) =>
      (await notificationsOf(tree, who)).flatMap((n) => (n.body ?? "").split("\n"));
    expect(await lines("a1")).toEqual(
      expect.arrayContaining([
        `• ${cellA.name}: thực hiện «${PEAK}» hạn cuối 19/05/2022.`,
        `• ${cellA.name}: «Kiểm điểm tự phê bình và phê bình trong các kỳ sinh hoạt hằng tháng (tháng 04/2022)» đã quá hạn 30/04/2022.`,
      ]),
    );
    const b = await lines("b1");
    expect(b).toContain(
      `• ${cellB.name}: «Kiểm điểm tự phê bình và phê bình trong các kỳ sinh hoạt hằng tháng (tháng 04/2022)» đã quá hạn 30/04/2022.`,
    );
    expect(b.some((l) => l.includes(PEAK))).toBe(false);
    // The half-year review (30/6) and the year's end are not yet within 3 days.
    expect((await lines("a1")).some((l) => l.includes("6 tháng đầu năm"))).toBe(false);
  });

  it("reminds the secretary of the members' own year-end input until every one is in", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA, cellB, ids, t } = tree;
    const id = await launch001(tree);
    t.clock.now = new Date("2022-12-29T01:00:00Z"); // 08:00 on 29/12 ICT
    const body = { version: 0, level: "hoan-thanh", note: "Hoàn thành kế hoạch cá nhân." };
    // a2 recorded hers; in cell 2 both members are in.
    expect((await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
    for (const m of ["b1", "b2"])
      expect(
        (await api("b1", "PUT", `/campaigns/${id}/follow-ups/${cellB.id}/members/${ids[m]}`, body))
          .status,
      ).toBe(200);
    await runScheduledPass(t.platform);
    const lines = async (who: string) =>
      (await notificationsOf(tree, who)).flatMap((n) => (n.body ?? "").split("\n"));
    const TITLE =
      "Tự đánh giá kết quả thực hiện kế hoạch, cam kết cá nhân làm đầu vào kiểm điểm, xếp loại đảng viên cuối năm";
    expect(await lines("a1")).toContain(
      `• ${cellA.name}: thực hiện «${TITLE} (1/4 đảng viên đã ghi nhận)» hạn cuối 31/12/2022.`,
    );
    expect((await lines("b1")).some((l) => l.includes(TITLE))).toBe(false);
  });
});
