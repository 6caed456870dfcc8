// Each member's year-end input (issue 10): dated by the template (default 31/12 of the
// campaign's year, ICT), marked on time / late / missing / excused, with the day's boundary
// at the end of 31/12 in Asia/Ho_Chi_Minh; a unit's mark counts its members.
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import {
  memberYearEnd,
  memberYearEndReason,
  memberYearEndState,
  unitYearEndMark,
} from "../../worker/domain/year-end";

const def001 = getBuiltInTemplate("tu-soi-tu-sua-so") as TemplateDefinition;
const ict = (local: string) => new Date(`${local}+07:00`);

describe("a member's year-end input", () => {
  it("is due by the end of 31/12 of the campaign's year (ICT) unless the template dates it", () => {
    const o = memberYearEnd(def001, "2022-03-15")!;
    expect([o.dueOn, o.dueAt.toISOString()]).toEqual(["2022-12-31", "2022-12-31T17:00:00.000Z"]);
    // A template's own day moves with the campaign, as milestones do.
    const dated = structuredClone(def001);
    dated.followUp.yearEndRanking!.members!.dueOn = "2022-12-15";
    expect(memberYearEnd(dated, def001.schedule.startsOn)!.dueOn).toBe("2022-12-15");
    // 001 starts on 01/3/2022: a campaign started nine days later owes it nine days later.
    expect(memberYearEnd(dated, "2022-03-10")!.dueOn).toBe("2022-12-24");
    // A template that asks none (000) has none.
    expect(
      memberYearEnd(getBuiltInTemplate("tu-soi-tu-sua") as TemplateDefinition, "2022-03-11"),
    ).toBeNull();
  });

  it("marks on time at 31/12 23:59 ICT and late at 01/01 00:00; missing only after the day", () => {
    const { dueAt } = memberYearEnd(def001, "2022-03-15")!;
    const state = (recordedAt: string | null, now: string, excused = false) =>
      memberYearEndState(
        { excused, recordedAt: recordedAt ? ict(recordedAt) : null },
        dueAt,
        ict(now),
      );
    expect(state("2022-12-31T23:59:59", "2023-01-02T08:00:00")).toBe("on-time");
    expect(state("2023-01-01T00:00:00", "2023-01-02T08:00:00")).toBe("late");
    expect(state(null, "2022-12-31T23:59:59")).toBe("pending");
    expect(state(null, "2023-01-01T00:00:00")).toBe("missing");
    expect(state(null, "2023-01-01T00:00:00", true)).toBe("excused");
    expect(state("2023-01-05T00:00:00", "2023-01-06T00:00:00", true)).toBe("excused");
  });

  it("says why, in Vietnamese with dd/mm/yyyy", () => {
    const o = memberYearEnd(def001, "2022-03-15")!;
    expect(memberYearEndReason("late", o, ict("2023-01-01T00:00:00"))).toBe(
      "Ghi nhận ngày 01/01/2023, sau hạn 31/12/2022.",
    );
    expect(memberYearEndReason("missing", o, null)).toBe(
      "Chưa ghi nhận khi đã hết hạn 31/12/2022.",
    );
    expect(memberYearEndReason("pending", o, null)).toBe("Hạn đến hết ngày 31/12/2022.");
  });

  it("marks a unit from its counts, naming the rule", () => {
    const o = memberYearEnd(def001, "2022-03-15")!;
    const before = ict("2022-12-31T23:59:00");
    const after = ict("2023-01-01T00:00:00");
    const mark = (
      n: { expected: number; onTime: number; late: number; excused: number },
      now: Date,
    ) => unitYearEndMark(o, n, now);
    expect(mark({ expected: 3, onTime: 3, late: 0, excused: 1 }, after)).toMatchObject({
      rule: "follow-up:tu-danh-gia-cuoi-nam",
      status: "pass",
      reason: "Đúng hạn 3/3, muộn 0, chưa có 0, được miễn 1 (hạn 31/12/2022).",
    });
    expect(mark({ expected: 3, onTime: 2, late: 1, excused: 0 }, after).status).toBe("late");
    expect(mark({ expected: 3, onTime: 2, late: 0, excused: 0 }, before).status).toBe("pending");
    expect(mark({ expected: 3, onTime: 2, late: 0, excused: 0 }, after)).toMatchObject({
      status: "fail",
      reason: "Đúng hạn 2/3, muộn 0, chưa có 1 (hạn 31/12/2022).",
    });
    // Everyone excused: nothing owed.
    expect(mark({ expected: 0, onTime: 0, late: 0, excused: 2 }, after).status).toBe("pass");
  });
});
