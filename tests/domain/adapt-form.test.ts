// The adopt-and-adapt screen's reading of its form (client/pages/links/adapt.ts) against the
// server's rule for locked sections (schema/rules/locked.ts): the page never sends a change to
// a locked section, names a date after the parent's deadline on its own field, and what it
// sends for an unlocked section passes the server's rule.
import { describe, expect, it } from "vitest";
import { lockedChanges } from "../../schema/rules/locked";
import { getBuiltInTemplate } from "../../schema/templates";
import type { TemplateDefinition } from "../../schema/template";
import { lockedLine, readAdapt } from "../../client/pages/links/adapt";
import type { Directive } from "../../client/api-parents";

const def = getBuiltInTemplate("tu-soi-tu-sua")!;
const directive = (lockedSections: string[]) => ({
  name: "Chỉ thị về kỷ cương",
  dueOn: "2026-04-10",
  lockedSections,
  definition: def as unknown as Directive["definition"],
});
const step = def.steps[0]!;
const form = (entries: Record<string, string>) => {
  const f = new URLSearchParams({ unitIds: "u1", ...entries });
  return f;
};

describe("the adopt-and-adapt form", () => {
  it("names what the parent locked", () => {
    expect(lockedLine(["steps", "forms", "meetingRules"])).toBe(
      "Cấp trên khóa: Các bước, Biểu mẫu, Quy định về hội nghị.",
    );
    expect(lockedLine([])).toBe("");
  });

  it("refuses a date after the parent's deadline on its own field", () => {
    const { fields } = readAdapt(
      directive([]),
      form({ dueOn: "11/04/2026", [`due.${step.key}`]: "12/04/2026", startsOn: "01/05/2026" }),
    );
    expect(fields).toEqual({
      dueOn: "Không được sau 10/04/2026 (hạn của cấp trên).",
      [`overrides.${step.key}`]: "Không được sau 10/04/2026 (hạn của cấp trên).",
    });
  });

  it("sends a locked section unchanged, and an unlocked one the server accepts", () => {
    const input = form({ [`title.step.${step.key}`]: "Bước một của phường", dueOn: "05/04/2026" });
    const locked = readAdapt(directive(["steps"]), input);
    expect([locked.fields, locked.body.definition, locked.body.dueOn]).toEqual([
      {},
      undefined,
      "2026-04-05",
    ]);
    const open = readAdapt(directive(["forms"]), input);
    const sent = open.body.definition as unknown as TemplateDefinition;
    expect(sent.steps[0]!.title).toBe("Bước một của phường");
    expect(lockedChanges(["forms"], def, sent)).toEqual({});
    expect(lockedChanges(["steps"], def, sent)).toEqual({
      "definition.steps": "Cấp trên khóa phần “Các bước”: không được thay đổi.",
    });
  });

  it("compares content, not the order keys were written in", () => {
    const reordered = JSON.parse(
      JSON.stringify(def, (_k, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).reverse())
          : v,
      ),
    ) as unknown;
    expect(lockedChanges(["steps", "forms", "lists", "routing"], def, reordered)).toEqual({});
  });
});
