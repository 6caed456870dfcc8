// A field of a type the checker does not know accepts nothing: not a value, not a blank.
// (Saving such a template is refused too: tests/schema/vocab.test.ts.)
import { describe, expect, it } from "vitest";
import type { Form, LeafField } from "../../schema/template";
import { validateFormData } from "../../worker/domain/forms";

const unknownLeaf = { type: "signature", key: "chu-ky", label: "Chữ ký", required: false };
const form = (fields: unknown[]): Form =>
  ({ key: "f", version: 1, title: "Biểu mẫu", owner: "member", cite: "x", fields }) as Form;

describe("an unknown leaf", () => {
  it("is not accepted with a value, in draft or on submit", () => {
    const f = form([unknownLeaf as unknown as LeafField]);
    for (const mode of ["draft", "submit"] as const) {
      expect(validateFormData(f, { "chu-ky": "anything" }, [], mode)).toHaveProperty("chu-ky");
      expect(validateFormData(f, {}, [], mode)).toHaveProperty("chu-ky");
    }
  });

  it("is not accepted inside a section either", () => {
    const f = form([{ type: "section", key: "muc", label: "Mục", fields: [unknownLeaf] }]);
    expect(validateFormData(f, { muc: { "chu-ky": true } }, [], "draft")).toHaveProperty(
      "muc.chu-ky",
    );
  });
});
