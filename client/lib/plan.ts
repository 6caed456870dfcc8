// Forms drawn from a campaign's template (schema/template.ts), on the client: values read and
// written by their path in the nested data, prefill, the ids and labels that tie a server
// error ("tu-duong-ren-luyen.pham-chat", "lien-he-27.nhom-2.4.note") to its control.
//
// What must stay true: paths here are the server's paths (worker/domain/forms.ts) — a
// section's fields under the section key, a checklist's answers under group key and item
// number — so that a 422 lands next to the right field.
import { codePoints, isBlank, isRequired } from "../../schema/rules/forms";
import type {
  ChecklistField,
  Form,
  LeafField,
  ListGroup,
  Prefill,
  SectionField,
  TemplateList,
} from "../../schema/template";
import type { PlanData } from "../api";

export type Path = readonly string[];

export const pathKey = (p: Path): string => p.join(".");

/** A DOM id for a path. "__" joins keys: keys are kebab-case, so "-" alone could collide. */
export const fieldId = (p: Path | string): string =>
  `pf__${(typeof p === "string" ? p.split(".") : p).join("__")}`;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function getAt(data: PlanData, path: Path): unknown {
  let cur: unknown = data;
  for (const k of path) {
    if (!isObj(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Writes a value in place; `undefined` removes the key (the server treats absent as blank). */
export function setAt(data: PlanData, path: Path, value: unknown): void {
  let cur: Obj = data;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (!isObj(next)) cur[k] = {};
    cur = cur[k] as Obj;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

// Blankness, length and requiredness are the server's rules (schema/rules/forms.ts).
export { codePoints, isBlank, isRequired };

export interface LeafEntry {
  field: LeafField;
  path: Path;
  section?: SectionField;
}

/** Every leaf field with its data path, in form order. */
export function leafEntries(form: Pick<Form, "fields">): LeafEntry[] {
  return form.fields.flatMap((f): LeafEntry[] =>
    f.type === "section"
      ? f.fields.map((x) => ({ field: x, path: [f.key, x.key], section: f }))
      : [{ field: f, path: [f.key] }],
  );
}

/** A title printed in capitals reads better in sentence case on a screen. */
export function screenTitle(title: string): string {
  if (title !== title.toLocaleUpperCase("vi")) return title;
  const lower = title.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/** `{nam}` in a form's title or intro stands for the campaign's year. */
export const withYear = (text: string, year: string): string => text.replaceAll("{nam}", year);

/** The groups of the list a checklist asks about (all, or the ones it names). */
export function checklistGroups(
  field: ChecklistField,
  lists: readonly TemplateList[],
): ListGroup[] {
  const list = lists.find((l) => l.key === field.listKey);
  return (list?.groups ?? []).filter((g) => !field.groups || field.groups.includes(g.key));
}

// ---- Prefill ----

/** What prefill draws on: the member's record and unit, and the campaign. */
export interface PrefillFacts {
  fullName?: string;
  birthYear?: number | null;
  position?: string | null;
  unitName?: string;
  parentUnitName?: string;
  year: string;
}

function prefillValue(p: Prefill, f: PrefillFacts): string | number | undefined {
  switch (p) {
    case "member.fullName":
      return f.fullName || undefined;
    case "member.birthYear":
      return f.birthYear ?? undefined;
    case "member.position":
      return f.position || undefined;
    case "member.unitName":
      return f.unitName || undefined;
    case "member.parentUnitName":
      return f.parentUnitName || undefined;
    case "campaign.year":
      return Number(f.year) || undefined;
  }
}

const prefillOf = (field: LeafField): Prefill | undefined =>
  field.type === "shortText" || field.type === "number" ? field.prefill : undefined;

/** Whether some empty field asks for the member's record (worth two more requests). */
export function prefillNeeded(form: Form, data: PlanData): boolean {
  return leafEntries(form).some(({ field, path }) => {
    const p = prefillOf(field);
    return p !== undefined && p !== "campaign.year" && isBlank(getAt(data, path));
  });
}

/** A copy of the data with empty prefilled fields filled in; what is there is never replaced. */
export function applyPrefill(form: Form, data: PlanData, facts: PrefillFacts): PlanData {
  const out = structuredClone(data);
  for (const { field, path } of leafEntries(form)) {
    const p = prefillOf(field);
    if (!p || !isBlank(getAt(out, path))) continue;
    let v = prefillValue(p, facts);
    if (v === undefined) continue;
    if (field.type === "number") v = Number(v);
    else v = String(v);
    setAt(out, path, v);
  }
  return out;
}

/** The value of the field of the given prefill kind, if the data has one (for print headers). */
export function valueOfPrefill(form: Form, data: PlanData, p: Prefill): string {
  const e = leafEntries(form).find(({ field }) => prefillOf(field) === p);
  const v = e ? getAt(data, e.path) : undefined;
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

// ---- Labels of paths, for the error summary ----

const short = (s: string, n = 80) => (codePoints(s) > n ? `${[...s].slice(0, n).join("")}…` : s);

/** A reader's name for a server path: the field's label, the checklist item, or the path. */
export function pathLabel(form: Form, lists: readonly TemplateList[], path: string): string {
  if (path === "formKey" || path === "_") return "Biểu mẫu";
  const parts = path.split(".");
  for (const { field, path: p } of leafEntries(form)) {
    if (!p.every((k, i) => parts[i] === k)) continue;
    const rest = parts.slice(p.length);
    if (rest.length === 0 || field.type !== "checklist") return short(field.label);
    const groups = checklistGroups(field, lists);
    const gi = groups.findIndex((g) => g.key === rest[0]);
    const group = groups[gi];
    if (!group) return short(field.label);
    if (rest.length === 1) return `${short(field.label, 50)} — nhóm ${gi + 1}`;
    const item = `${short(field.label, 40)} — nhóm ${gi + 1}, nội dung ${rest[1]}`;
    return rest[2] === "note" ? `${item} (${field.noteLabel.toLocaleLowerCase("vi")})` : item;
  }
  // A section key alone ("Sai kiểu dữ liệu" of a whole section).
  const section = form.fields.find((f) => f.key === parts[0]);
  return section ? short(section.label) : path;
}

/**
 * The element a path's error should focus: the control itself, else the nearest ancestor
 * path that has one (an item's first level radio, a checklist's container).
 */
export function focusTarget(path: string): HTMLElement | null {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n);
    const el =
      document.getElementById(fieldId(p)) ?? document.getElementById(fieldId([...p, "level"]));
    if (el) return el;
  }
  return null;
}
