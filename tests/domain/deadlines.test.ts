/**
 * Deadlines: the two wordings, the ICT day boundary, relative steps and loops. Values are
 * exact instants so a one-hour or one-day slip fails.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Step, TemplateDefinition } from "../../schema/template";
import { tuSoiTuSua } from "../../schema/templates/tu-soi-tu-sua";
import {
  addDays,
  addDaysIct,
  describeDue,
  dueDateFor,
  DueDateError,
  dueInstant,
  formatDateVi,
  ictDate,
  isOnTime,
  resolveStepDueDates,
} from "../../worker/domain/deadlines";

const iso = (d: Date | undefined) => d?.toISOString();
const isoAll = (r: Record<string, Date>) =>
  Object.fromEntries(Object.entries(r).map(([k, d]) => [k, d.toISOString()]));

function expectDueDateError(fn: () => unknown, code: string): DueDateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DueDateError);
    expect((e as DueDateError).code).toBe(code);
    return e as DueDateError;
  }
  throw new Error("expected a DueDateError");
}

type MiniDef = Pick<TemplateDefinition, "steps" | "schedule">;
function mini(steps: Array<Pick<Step, "key" | "due">>): MiniDef {
  return {
    schedule: { startsOn: "2022-03-11", dueOn: "2022-04-10", dueRule: "truoc-ngay", cite: "test" },
    steps: steps.map((s) => ({
      ...s,
      title: s.key,
      owner: "unit",
      kind: "meeting",
      appliesTo: {},
      cite: "test",
    })),
  };
}

describe("dueInstant", () => {
  it("reads “trước ngày 10/4/2022” as 10/4 00:00 ICT = 9/4 17:00 UTC", () => {
    expect(iso(dueInstant("truoc-ngay", "2022-04-10"))).toBe("2022-04-09T17:00:00.000Z");
  });

  it("reads “đến hết ngày 10/4/2022” as 11/4 00:00 ICT", () => {
    expect(iso(dueInstant("den-het-ngay", "2022-04-10"))).toBe("2022-04-10T17:00:00.000Z");
  });

  it("makes “đến hết ngày D” and “trước ngày D+1” the same instant", () => {
    expect(dueInstant("den-het-ngay", "2022-04-09").getTime()).toBe(
      dueInstant("truoc-ngay", "2022-04-10").getTime(),
    );
  });

  it("crosses month, year and leap-day boundaries in calendar days", () => {
    expect(iso(dueInstant("truoc-ngay", "2023-01-01"))).toBe("2022-12-31T17:00:00.000Z");
    expect(iso(dueInstant("den-het-ngay", "2022-12-31"))).toBe("2022-12-31T17:00:00.000Z");
    expect(iso(dueInstant("den-het-ngay", "2024-02-28"))).toBe("2024-02-28T17:00:00.000Z");
    expect(iso(dueInstant("den-het-ngay", "2024-02-29"))).toBe("2024-02-29T17:00:00.000Z");
    expect(iso(dueInstant("den-het-ngay", "2023-02-28"))).toBe("2023-02-28T17:00:00.000Z");
  });

  it("refuses dates that do not exist or are not YYYY-MM-DD", () => {
    expectDueDateError(() => dueInstant("truoc-ngay", "2022-02-30"), "INVALID_DATE");
    expectDueDateError(() => dueInstant("truoc-ngay", "2023-02-29"), "INVALID_DATE");
    expectDueDateError(() => dueInstant("truoc-ngay", "2022-4-10"), "INVALID_DATE");
    expectDueDateError(() => dueInstant("truoc-ngay", "10/04/2022"), "INVALID_DATE");
    expectDueDateError(() => dueInstant("truoc-ngay", ""), "INVALID_DATE");
  });
});

describe("the ICT day boundary", () => {
  const due = dueInstant("truoc-ngay", "2022-04-10");
  const at2359 = new Date("2022-04-09T16:59:59.999Z"); // 9/4 23:59:59.999 ICT
  const at0000 = new Date("2022-04-09T17:00:00.000Z"); // 10/4 00:00 ICT

  it("puts 23:59 ICT on the same day and 00:00 ICT on the next", () => {
    expect(ictDate(at2359)).toBe("2022-04-09");
    expect(ictDate(at0000)).toBe("2022-04-10");
    expect(formatDateVi(at2359)).toBe("09/04/2022");
    expect(formatDateVi(at0000)).toBe("10/04/2022");
    // 17:00 UTC on 31/12 is already New Year's Day in ICT.
    expect(formatDateVi(new Date("2022-12-31T17:00:00Z"))).toBe("01/01/2023");
    expect(formatDateVi(new Date("2022-12-31T16:59:59Z"))).toBe("31/12/2022");
  });

  it("counts work done at 23:59 ICT the day before as on time and at 00:00 as late", () => {
    expect(isOnTime(due, at2359)).toBe(true);
    expect(isOnTime(due, at0000)).toBe(false);
  });

  it("words a deadline both ways", () => {
    expect(describeDue("truoc-ngay", due)).toBe("trước ngày 10/04/2022");
    expect(describeDue("den-het-ngay", due)).toBe("đến hết ngày 09/04/2022");
    expect(dueDateFor("truoc-ngay", due)).toBe("2022-04-10");
    expect(dueDateFor("den-het-ngay", due)).toBe("2022-04-09");
    // An instant inside a day is due by the end of that day.
    expect(describeDue("den-het-ngay", new Date("2022-04-10T01:00:00Z"))).toBe(
      "đến hết ngày 10/04/2022",
    );
  });

  describe("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
      it(`in ${tz}`, () => {
        process.env.TZ = tz;
        expect(iso(dueInstant("truoc-ngay", "2022-04-10"))).toBe("2022-04-09T17:00:00.000Z");
        expect(ictDate(at2359)).toBe("2022-04-09");
        expect(formatDateVi(at0000)).toBe("10/04/2022");
        expect(addDaysIct("2022-03-27", 7)).toBe("2022-04-03");
      });
    }
  });
});

describe("date arithmetic", () => {
  it("adds calendar days across months and years", () => {
    expect(addDaysIct("2022-04-10", 5)).toBe("2022-04-15");
    expect(addDaysIct("2023-09-20", 40)).toBe("2023-10-30");
    expect(addDaysIct("2022-03-01", -1)).toBe("2022-02-28");
    expect(addDaysIct("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDaysIct("2022-12-31", 1)).toBe("2023-01-01");
    expect(iso(addDays(new Date("2022-04-09T17:00:00Z"), -3))).toBe("2022-04-06T17:00:00.000Z");
  });
});

describe("resolveStepDueDates", () => {
  it("gives 000's own deadlines at the document's dates", () => {
    const due = resolveStepDueDates(tuSoiTuSua, { startsOn: "2022-03-11", dueOn: "2022-04-10" });
    expect(isoAll(due)).toEqual({
      "chuan-bi": "2022-04-06T17:00:00.000Z",
      "gui-tai-lieu": "2022-04-06T17:00:00.000Z", // đến hết 06/4: ≥ 03 days before 09/4
      "viet-ke-hoach": "2022-04-08T17:00:00.000Z", // trước ngày 09/4: before the meeting day
      "hoi-nghi": "2022-04-09T17:00:00.000Z", // trước ngày 10/4/2022
      "hoan-thien-ky-nop": "2022-04-09T17:00:00.000Z",
      "xac-nhan-ke-hoach": "2022-04-09T17:00:00.000Z",
      "niem-yet-cong-khai": "2022-04-09T17:00:00.000Z",
      "nop-ban-tuyen-giao": "2022-04-14T17:00:00.000Z", // trước ngày 15/4/2022
    });
  });

  it("re-bases absolute dates and relative steps on another campaign's dates", () => {
    const due = resolveStepDueDates(tuSoiTuSua, { startsOn: "2025-03-10", dueOn: "2025-04-20" });
    expect(iso(due["hoi-nghi"])).toBe("2025-04-19T17:00:00.000Z"); // đến hết 19/4
    expect(iso(due["gui-tai-lieu"])).toBe("2025-04-16T17:00:00.000Z"); // đến hết 16/4
    expect(iso(due["viet-ke-hoach"])).toBe("2025-04-18T17:00:00.000Z"); // trước 19/4
    expect(iso(due["nop-ban-tuyen-giao"])).toBe("2025-04-24T17:00:00.000Z"); // trước 25/4
  });

  it("moves materials and plans with the meeting's scheduled day", () => {
    const due = resolveStepDueDates(tuSoiTuSua, {
      startsOn: "2022-03-11",
      dueOn: "2022-04-10",
      overrides: { "hoi-nghi": "2022-03-25" },
    });
    expect(iso(due["hoi-nghi"])).toBe("2022-03-25T17:00:00.000Z"); // đến hết 25/3
    expect(describeDue("den-het-ngay", due["gui-tai-lieu"]!)).toBe("đến hết ngày 22/03/2022");
    expect(describeDue("truoc-ngay", due["viet-ke-hoach"]!)).toBe("trước ngày 25/03/2022");
    expect(iso(due["chuan-bi"])).toBe("2022-03-22T17:00:00.000Z");
    // Steps tied to the campaign end do not move.
    expect(iso(due["hoan-thien-ky-nop"])).toBe("2022-04-09T17:00:00.000Z");
  });

  it("reads an override with the step's own wording", () => {
    const due = resolveStepDueDates(tuSoiTuSua, {
      startsOn: "2022-03-11",
      dueOn: "2022-04-10",
      overrides: { "nop-ban-tuyen-giao": "2022-04-20", "gui-giam-sat": "2022-04-30" },
    });
    expect(iso(due["nop-ban-tuyen-giao"])).toBe("2022-04-19T17:00:00.000Z"); // trước 20/4
    expect(iso(due["gui-giam-sat"])).toBe("2022-04-30T17:00:00.000Z"); // undated → đến hết
  });

  it.each<{
    name: string;
    steps: Array<Pick<Step, "key" | "due">>;
    dates: { startsOn: string; dueOn: string };
    expected: Record<string, string>;
  }>([
    {
      name: "leaves undated steps out and keeps an absolute date without rebase",
      steps: [
        { key: "a", due: { kind: "absolute", date: "2022-04-15", rule: "truoc-ngay" } },
        { key: "b", due: { kind: "undated", note: "không nêu" } },
        { key: "c", due: { kind: "campaign-end", offsetDays: 2 } },
        { key: "d", due: { kind: "campaign-end", rule: "den-het-ngay" } },
      ],
      dates: { startsOn: "2030-01-01", dueOn: "2030-02-01" },
      expected: {
        a: "2022-04-14T17:00:00.000Z",
        c: "2030-02-02T17:00:00.000Z",
        d: "2030-01-31T17:00:00.000Z",
      },
    },
    {
      name: "resolves a chain in dependency order whatever the declaration order",
      steps: [
        { key: "c", due: { kind: "relative", toStep: "b", offsetDays: -1, rule: "truoc-ngay" } },
        { key: "b", due: { kind: "relative", toStep: "a", offsetDays: -3, rule: "den-het-ngay" } },
        { key: "a", due: { kind: "campaign-end" } },
      ],
      dates: { startsOn: "2022-03-11", dueOn: "2022-04-10" },
      expected: {
        a: "2022-04-09T17:00:00.000Z",
        b: "2022-04-06T17:00:00.000Z",
        c: "2022-04-05T17:00:00.000Z",
      },
    },
  ])("$name", ({ steps, dates, expected }) => {
    expect(isoAll(resolveStepDueDates(mini(steps), dates))).toEqual(expected);
  });

  it("refuses a cycle, naming its steps", () => {
    const def = mini([
      { key: "a", due: { kind: "relative", toStep: "b", offsetDays: -3, rule: "truoc-ngay" } },
      { key: "b", due: { kind: "relative", toStep: "c", offsetDays: 0, rule: "truoc-ngay" } },
      { key: "c", due: { kind: "relative", toStep: "a", offsetDays: 1, rule: "truoc-ngay" } },
    ]);
    const err = expectDueDateError(
      () => resolveStepDueDates(def, { startsOn: "2022-03-11", dueOn: "2022-04-10" }),
      "CYCLE",
    );
    expect(err.message).toBe("Hạn của các bước tạo thành vòng lặp: «a» → «b» → «c» → «a».");
    expect(err.steps).toEqual(["a", "b", "c", "a"]);
  });

  it("refuses a step due relative to itself even when overridden", () => {
    const def = mini([
      { key: "a", due: { kind: "relative", toStep: "a", offsetDays: -1, rule: "truoc-ngay" } },
    ]);
    expectDueDateError(
      () =>
        resolveStepDueDates(def, {
          startsOn: "2022-03-11",
          dueOn: "2022-04-10",
          overrides: { a: "2022-04-01" },
        }),
      "CYCLE",
    );
  });

  it("refuses unknown steps, undated anchors and bad campaign dates", () => {
    const def = mini([
      { key: "a", due: { kind: "undated", note: "không nêu" } },
      { key: "b", due: { kind: "relative", toStep: "a", offsetDays: -1, rule: "truoc-ngay" } },
    ]);
    const dates = { startsOn: "2022-03-11", dueOn: "2022-04-10" };
    expectDueDateError(() => resolveStepDueDates(def, dates), "UNDATED_ANCHOR");
    // Dating the anchor for this campaign makes the dependent step computable.
    expect(iso(resolveStepDueDates(def, { ...dates, overrides: { a: "2022-04-05" } }).b)).toBe(
      "2022-04-04T17:00:00.000Z",
    );
    expectDueDateError(
      () => resolveStepDueDates(def, { ...dates, overrides: { z: "2022-04-05" } }),
      "UNKNOWN_STEP",
    );
    const dangling = mini([
      { key: "b", due: { kind: "relative", toStep: "missing", offsetDays: 0, rule: "truoc-ngay" } },
    ]);
    expectDueDateError(() => resolveStepDueDates(dangling, dates), "UNKNOWN_STEP");
    expectDueDateError(
      () => resolveStepDueDates(def, { startsOn: "2022-03-11", dueOn: "2022-04-31" }),
      "INVALID_DATE",
    );
  });
});
