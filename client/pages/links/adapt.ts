// The adopt-and-adapt form read into the adopt request: the child's own name, number, dates
// (none after the parent's deadline), units, and its wording in the sections the parent left
// unlocked. Checked here first with the server's own field names (`dueOn`, `overrides.<step>`,
// `definition.<section>`), so an error lands next to its input either way.
import { SECTION_LABELS, type Section } from "../../../schema/vocab/campaigns";
import type { TemplateDefinition } from "../../../schema/template";
import type { AdoptBody, Directive } from "../../api-parents";
import { DAY_HINT, formatDay, parseDay } from "../../lib/labels";

/** "Cấp trên khóa: Các bước, Biểu mẫu." — or "" when nothing is locked. */
export function lockedLine(locked: readonly string[]): string {
  const labels = locked.filter((s) => s in SECTION_LABELS).map((s) => SECTION_LABELS[s as Section]);
  return labels.length ? `Cấp trên khóa: ${labels.join(", ")}.` : "";
}

export const isLocked = (d: Pick<Directive, "lockedSections">, s: Section) =>
  d.lockedSections.includes(s);

export function readAdapt(
  directive: Pick<Directive, "name" | "dueOn" | "lockedSections" | "definition">,
  form: FormData | URLSearchParams,
): { body: AdoptBody; fields: Record<string, string> } {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const def = structuredClone(directive.definition) as TemplateDefinition;
  const fields: Record<string, string> = {};
  const late = `Không được sau ${formatDay(directive.dueOn)} (hạn của cấp trên).`;
  const day = (key: string, text: string) => {
    if (!text) return undefined;
    const ymd = parseDay(text);
    if (!ymd) fields[key] = `Ngày không hợp lệ. ${DAY_HINT}`;
    else if (key !== "startsOn" && ymd > directive.dueOn) fields[key] = late;
    return ymd ?? undefined;
  };
  const startsOn = day("startsOn", s("startsOn"));
  const dueOn = day("dueOn", s("dueOn"));
  const overrides: Record<string, string> = {};
  let reworded = false;
  for (const step of def.steps) {
    const on = day(`overrides.${step.key}`, s(`due.${step.key}`));
    if (on) overrides[step.key] = on;
    const title = s(`title.step.${step.key}`);
    if (title && title !== step.title && !isLocked(directive, "steps")) {
      step.title = title;
      reworded = true;
    }
  }
  for (const f of def.forms) {
    const title = s(`title.form.${f.key}`);
    if (title && title !== f.title && !isLocked(directive, "forms")) {
      f.title = title;
      reworded = true;
    }
  }
  const description = s("description");
  if (description && description !== def.description) {
    def.description = description;
    reworded = true;
  }
  const unitIds = form.getAll("unitIds").map(String).filter(Boolean);
  if (!unitIds.length) fields.unitIds = "Cần chọn ít nhất một đơn vị.";
  const name = s("name");
  if (name && [...name].length < 3) fields.name = "Tên cần ít nhất 3 ký tự.";
  return {
    body: {
      unitIds,
      ...(name && name !== directive.name ? { name } : {}),
      ...(s("documentNo") ? { documentNo: s("documentNo") } : {}),
      ...(startsOn ? { startsOn } : {}),
      ...(dueOn ? { dueOn } : {}),
      ...(Object.keys(overrides).length ? { overrides } : {}),
      ...(reworded ? { definition: def as unknown as Record<string, unknown> } : {}),
    },
    fields,
  };
}
