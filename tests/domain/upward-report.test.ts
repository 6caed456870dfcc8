// When a report upward is due, how it is marked, and which form it is written on.
import { describe, expect, it } from "vitest";
import { NARRATIVE_FORM } from "../../schema/api-upward";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import { reportDueAt, reportFormFor, reportMark } from "../../worker/domain/upward-report";

const directive = (dueRule: string) => ({
  dueOn: "2026-04-30",
  definition: JSON.stringify({ schedule: { dueRule } }),
});

describe("reports upward", () => {
  it("is due at the directive's due date read with its due rule (ICT)", () => {
    // "trước ngày 30/4": 30/4 00:00 ICT; "đến hết ngày 30/4": 1/5 00:00 ICT.
    expect(reportDueAt(directive("truoc-ngay")).toISOString()).toBe("2026-04-29T17:00:00.000Z");
    expect(reportDueAt(directive("den-het-ngay")).toISOString()).toBe("2026-04-30T17:00:00.000Z");
  });

  it("is on time only strictly before the due instant, and missing from it", () => {
    const due = new Date("2026-04-29T17:00:00Z");
    const before = new Date(due.getTime() - 1);
    expect(reportMark(before, due, due)).toBe("on-time");
    expect(reportMark(due, due, due)).toBe("late");
    expect(reportMark(null, due, before)).toBe("pending");
    expect(reportMark(null, due, due)).toBe("missing");
  });

  it("is written on the template's report form of the tenant's level, else the narrative", () => {
    const ct24 = getBuiltInTemplate("ct24-sinh-hoat") as TemplateDefinition;
    expect(reportFormFor(ct24, { kind: "dang-bo", name: "Đảng bộ phường" }).key).toBe(
      "bao-cao-ket-qua",
    );
    expect(reportFormFor(ct24, { kind: "chi-bo", name: "Chi bộ" }).key).toBe("bao-cao-ket-qua");
    const tss = getBuiltInTemplate("tu-soi-tu-sua") as TemplateDefinition;
    expect(reportFormFor(tss, { kind: "dang-bo", name: "Đảng bộ" })).toBe(NARRATIVE_FORM);
    expect(reportFormFor(ct24, undefined)).toBe(NARRATIVE_FORM);
  });
});
