// The fidelity registry (worker/domain/fidelity.ts) must not claim what the engine does not
// do: every module it names for a part of the template language reads that part, and every
// way of completing a step has a reader. The count itself is checked on a template bent one
// part at a time.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getBuiltInTemplate } from "../../schema/templates";
import { COMPLETIONS } from "../../schema/vocab/campaigns";
import type { TemplateDefinition } from "../../schema/template";
import {
  COMPLETION_READERS,
  fidelityItems,
  fidelityLine,
  MEETING_RULE_READERS,
  PART_READERS,
  SHOWN_BY,
} from "../../worker/domain/fidelity";

const source = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the fidelity registry", () => {
  it("names, for every way of completing a step, a module that handles that way", () => {
    for (const way of COMPLETIONS)
      expect(source(COMPLETION_READERS[way]), way).toContain(`"${way}"`);
  });

  it("names, for each meeting rule it counts, a module that reads that rule", () => {
    for (const [rule, file] of Object.entries(MEETING_RULE_READERS))
      expect(source(file!), rule).toMatch(new RegExp(`\\.${rule}\\b`));
  });

  it("names, for the other parts it counts, a module that reads them", () => {
    for (const [part, file] of Object.entries(PART_READERS))
      if (file) expect(source(file), part).toContain(part.split(".").pop()!);
  });

  it("names, for the guidance it counts as shown, a screen that reads it", () => {
    for (const [part, file] of Object.entries(SHOWN_BY))
      expect(source(file), part).toMatch(new RegExp(`\\.${part}\\b`));
  });

  it("marks shown items apart from enforced ones, and counts both", () => {
    const def = getBuiltInTemplate("ct24-sinh-hoat") as TemplateDefinition;
    const items = fidelityItems(def);
    const notes = items.find((i) => i.what === "meeting:cb-sinh-hoat.notes")!;
    expect(notes).toMatchObject({ enforced: true, shown: true });
    expect(items.find((i) => i.what === "material:1")).toMatchObject({ shown: true });
    expect(items.find((i) => i.what === "meeting:cb-sinh-hoat.agenda")!.shown).toBeUndefined();
  });

  it("counts from the template: a step without a way, or a way that cannot happen, is not enforced", () => {
    const def = getBuiltInTemplate("tu-soi-tu-sua") as TemplateDefinition;
    const before = fidelityLine(def);
    expect(before.name).toBe("fidelity.tu-soi-tu-sua");
    expect(before.baseline).toBe(fidelityItems(def).length);
    delete def.steps.find((s) => s.key === "gui-giam-sat")!.completion;
    delete def.steps.find((s) => s.key === "niem-yet-cong-khai")!.evidence;
    const after = fidelityLine(def);
    expect([after.value, after.baseline]).toEqual([before.value - 2, before.baseline]);
    const items = Object.fromEntries(fidelityItems(def).map((i) => [i.what, i.enforced]));
    expect(items).toMatchObject({
      "step:gui-giam-sat": false,
      "step:niem-yet-cong-khai": false,
      "step:viet-ke-hoach": true,
      "meeting:hoi-nghi-tu-soi.leadersPresentFirst": true,
      "meeting:hoi-nghi-tu-soi.agenda": true,
      "followUp.monthlyReview": true,
    });
  });
});
