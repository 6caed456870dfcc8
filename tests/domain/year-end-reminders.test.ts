// The member's own year-end reminder (issue 10): due soon from 29/12 ICT (3 days before the
// end of 31/12), overdue once 31/12 is over in ICT, under keys the ledger makes once.
import { describe, expect, it } from "vitest";
import { dueInstant } from "../../schema/rules/deadlines";
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
