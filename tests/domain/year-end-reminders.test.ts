// The member's own year-end reminder (issue 10): due soon from 29/12 ICT (3 days before the
// end of 31/12), overdue once 31/12 is over in ICT, under keys the ledger makes once.
import { describe, expect, it } from "vitest";
import { dueInstant } from "../../schema/rules/deadlines";
import type { TemplateDefinition } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import { yearEndDue, yearEndIndex } from "../../worker/cron/year-end-reminders";
import type { Campaign } from "../../worker/data/campaigns";
import { yearEndCountsByUnit, yearEndUnitMarks } from "../../worker/data/member-year-end";
import { yearEndReminders } from "../../worker/domain/reminders";

const dueAt = dueInstant("den-het-ngay", "2026-12-31");
const who = { campaignId: "c1", campaignName: "Kế hoạch 28", memberUserId: "u1", memberId: "m1" };
const at = (iso: string) => yearEndReminders(who, dueAt, 3, new Date(iso));

describe("yearEndReminders", () => {
  it("says nothing before 29/12 ICT, then names the day dd/mm/yyyy", () => {
    expect(at("2026-12-28T16:59:00Z")).toEqual([]); // 23:59 on 28/12 ICT
    expect(at("2026-12-28T17:00:00Z")).toEqual([
      {
        key: "year-end-due:c1:m1",
        userId: "u1",
        text: "Tự đánh giá cuối năm: hạn đến hết ngày 31/12/2026 (Kế hoạch 28).",
      },
    ]);
  });

  it("is overdue once 31/12 is over in ICT, under its own key", () => {
    expect(at("2026-12-31T16:59:00Z")[0]!.key).toBe("year-end-due:c1:m1");
    const late = at("2026-12-31T17:00:00Z");
    expect(late.map((i) => i.key)).toEqual(["year-end-overdue:c1:m1"]);
    expect(late[0]!.text).toBe(
      "Tự đánh giá cuối năm: đã quá hạn 31/12/2026, hãy ghi nhận (Kế hoạch 28).",
    );
  });
});

// 001's template, its member input read through a counter: how many times a pass dates it.
function counted() {
  const def = structuredClone(getBuiltInTemplate("tu-soi-tu-sua-so")) as TemplateDefinition;
  const ranking = def.followUp.yearEndRanking!;
  const members = ranking.members;
  let reads = 0;
  Object.defineProperty(ranking, "members", { get: () => (reads++, members) });
  const c = { id: "c1", name: "Kế hoạch 28", startsOn: "2022-03-01", def } as Campaign;
  return { c, reads: () => reads };
}
const cells = ["u1", "u2", "u3"].map((id) => ({ id, kind: "chi-bo", name: `Chi bộ ${id}` }));

describe("the members' year-end input over many units", () => {
  it("is dated once a campaign in the reminder pass", () => {
    const { c, reads } = counted();
    const counts = cells.map((u) => ({ unitId: u.id, status: "dang-sinh-hoat", n: 2 }));
    const index = yearEndIndex([], counts);
    const due = cells.flatMap((u) => yearEndDue(c, u, index));
    expect(due.map((d) => d.done)).toEqual([false, false, false]);
    expect(reads()).toBe(1);
  });

  it("is dated once a campaign in compliance", () => {
    const { c, reads } = counted();
    const rows = cells.map((u) => ({
      unitId: u.id,
      status: "dang-sinh-hoat",
      n: 2,
      onTime: 1,
      late: 0,
    }));
    const tally = yearEndCountsByUnit(c, rows);
    const now = new Date("2022-06-01T00:00:00Z");
    const marks = cells.flatMap((u) => yearEndUnitMarks(c, u, tally, now));
    expect(marks.map((m) => m.status)).toEqual(["pending", "pending", "pending"]);
    expect(reads()).toBe(1);
  });
});
