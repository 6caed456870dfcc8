// When the milestones and the year-end input are owed (worker/domain/follow-up.ts): a dated
// milestone moves with the campaign, a named half-year or year ends on 30/6 or 31/12 of the
// campaign's year, an undated peak is owed on no day.
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import { followUpObligations, milestoneDueOn } from "../../worker/domain/follow-up";

const dates = (campaignStart: string) => ({ templateStart: "2022-03-01", campaignStart });

describe("milestone days", () => {
  it("keeps the document's date on the document's start, and moves it with a later one", () => {
    expect(milestoneDueOn({ date: "2022-05-19" }, dates("2022-03-01"))).toBe("2022-05-19");
    expect(milestoneDueOn({ date: "2022-05-19" }, dates("2022-03-11"))).toBe("2022-05-29");
  });

  it("ends a half-year on 30/6 and a year on 31/12 of the campaign's year; undated is null", () => {
    expect(milestoneDueOn({ at: "giua-nam" }, dates("2026-03-11"))).toBe("2026-06-30");
    expect(milestoneDueOn({ at: "cuoi-nam" }, dates("2026-03-11"))).toBe("2026-12-31");
    expect(milestoneDueOn({}, dates("2026-03-11"))).toBeNull();
  });

  it("lists 002's undated peak without a day, its reviews and year-end input with theirs", () => {
    const def = getBuiltInTemplate("tu-soi-tu-sua-huyen")!;
    expect(followUpObligations(def, "2022-03-31").map((o) => [o.key, o.dueOn])).toEqual([
      ["moc-1", null],
      ["moc-2", "2022-06-30"],
      ["moc-3", "2022-12-31"],
      ["xep-loai-cuoi-nam", "2022-12-31"],
    ]);
  });
});
