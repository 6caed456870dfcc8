// 001 prints no monthly review form: the template builds it from the plan's text (§III.3.1).
// Its answers are checked by the same domain check as every other form (worker/domain/forms.ts)
// — here directly, and through the real route in tests/scenarios/follow-ups.test.ts.
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import { validateFormData } from "../../worker/domain/forms";
import { REVIEW_001 } from "../support/templates";

const def = getBuiltInTemplate("tu-soi-tu-sua-so") as TemplateDefinition;
const form = def.forms.find((f) => f.key === def.followUp.monthlyReview!.formKey)!;
const check = (data: unknown) => validateFormData(form, data, def.lists, "submit");

describe("001's monthly review form, checked like every form", () => {
  it("is the cell's own form with the four parts §III.3.1 asks, all required", () => {
    expect(form.owner).toBe("unit");
    expect(form.fields.map((f) => [f.key, f.type, "required" in f && f.required])).toEqual([
      ["noi-dung-thao-luan", "longText", true],
      ["mat-tich-cuc", "longText", true],
      ["han-che", "longText", true],
      ["nhiem-vu-giai-phap", "longText", true],
    ]);
  });

  it("accepts a full review", () => {
    expect(check(REVIEW_001)).toEqual({});
  });

  it("names each wrong answer: missing, blank, not text, too long, unknown, not an object", () => {
    const { "han-che": _, ...noHanChe } = REVIEW_001;
    expect(Object.keys(check(noHanChe))).toEqual(["han-che"]);
    expect(Object.keys(check({ ...REVIEW_001, "mat-tich-cuc": "   " }))).toEqual(["mat-tich-cuc"]);
    expect(Object.keys(check({ ...REVIEW_001, "mat-tich-cuc": 5 }))).toEqual(["mat-tich-cuc"]);
    expect(
      Object.keys(check({ ...REVIEW_001, "nhiem-vu-giai-phap": "x".repeat(100_000) })),
    ).toEqual(["nhiem-vu-giai-phap"]);
    expect(check({ ...REVIEW_001, "xep-loai": "tot" })).toEqual({
      "xep-loai": "Biểu mẫu không có trường này.",
    });
    expect(Object.keys(check(["a"]))).toEqual(["_"]);
  });
});
