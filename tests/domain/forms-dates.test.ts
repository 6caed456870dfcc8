// A date field in a form is the API's one date type (schema/scalars.ts): a day that does not
// exist is refused with the same words as everywhere else.
import { describe, expect, it } from "vitest";
import type { Form } from "../../schema/template";
import { validateFormData } from "../../worker/domain/forms";

const f = {
  key: "bao-cao",
  version: 1,
  title: "Báo cáo",
  owner: "unit",
  cite: "x",
  fields: [{ type: "date", key: "ngay", label: "Ngày", required: true }],
} as unknown as Form;

describe("a date field", () => {
  it("refuses impossible and malformed days, accepts real ones", () => {
    const check = (ngay: unknown) => validateFormData(f, { ngay }, [], "draft");
    expect(check("2023-02-30")).toEqual({ ngay: "Ngày không có thật." });
    expect(check("2023-02-29")).toEqual({ ngay: "Ngày không có thật." });
    expect(check("18/09/2023")).toEqual({ ngay: "Ngày phải có dạng YYYY-MM-DD." });
    expect(check(20230918)).toEqual({ ngay: "Ngày phải có dạng YYYY-MM-DD." });
    expect(check("2024-02-29")).toEqual({});
  });
});
