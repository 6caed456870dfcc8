import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import { withListItems, type TemplateDefinition } from "../../schema/template";
import { validateFormData } from "../../worker/domain/forms";

let def = getBuiltInTemplate("dien-dan-chi-bo") as TemplateDefinition;
for (const g of ["nhom-1", "nhom-2", "nhom-3"])
  def = withListItems(
    def,
    "nq04-27-bieu-hien",
    g,
    Array.from({ length: 9 }, (_, i) => `Nội dung ${i + 1}`),
  );
const form = def.forms.find((f) => f.key === "tu-lien-he-27")!;
/** Every one of the 27 items answered; `level(group, n)` says how. */
function answers(level: (g: string, n: number) => string) {
  const out: Record<string, Record<string, { level: string; note?: string }>> = {};
  for (const g of ["nhom-1", "nhom-2", "nhom-3"]) {
    out[g] = {};
    for (let n = 1; n <= 9; n++) {
      const l = level(g, n);
      out[g]![String(n)] = l === "co" ? { level: l, note: "Có lúc còn nể nang." } : { level: l };
    }
  }
  return out;
}

describe("form rules", () => {
  it("requires the follow-up fields once any of the 27 items is answered 'có' (requiredIf on a checklist)", () => {
    const none = validateFormData(
      form,
      { "lien-he-27": answers(() => "khong") },
      def.lists,
      "submit",
    );
    expect(none).toEqual({});
    const some = validateFormData(
      form,
      { "lien-he-27": answers((g, n) => (g === "nhom-2" && n === 4 ? "co" : "khong")) },
      def.lists,
      "submit",
    );
    expect(Object.keys(some).sort()).toEqual(
      form.fields
        .filter((f) => f.type !== "section" && f.type !== "checklist" && f.requiredIf)
        .map((f) => f.key)
        .sort(),
    );
    expect(Object.keys(some).length).toBeGreaterThan(0);
  });

  it("saves an unticked commitment as a draft and refuses it on submit", () => {
    const plan = getBuiltInTemplate("tu-soi-tu-sua")!.forms.find(
      (f) => f.key === "ke-hoach-tu-duong",
    )!;
    expect(validateFormData(plan, { "cam-ket": false }, [], "draft")).toEqual({});
    expect(validateFormData(plan, { "cam-ket": false }, [], "submit")["cam-ket"]).toBe(
      "Hãy đánh dấu để cam kết.",
    );
    expect(validateFormData(plan, {}, [], "submit")["cam-ket"]).toBe("Hãy đánh dấu để cam kết.");
    expect(validateFormData(plan, { "cam-ket": "có" }, [], "draft")["cam-ket"]).toBe(
      "Sai kiểu dữ liệu.",
    );
  });
});
