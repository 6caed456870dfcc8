// What both sides need to agree on about a member's form data: what counts as blank, how
// length is counted, and when a field is required (`required`, or its `requiredIf` holds).
// The server decides on submit (worker/domain/forms.ts); the client shows the asterisk.
//
// Data is nested as the form is: a section's fields under the section's key; a checklist's
// answers under group key and item number ({ group: { itemNo: { level, note } } }).
import type { Condition, Form, LeafField } from "../template";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export const isBlank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === "string" && v.trim() === "") ||
  (Array.isArray(v) && v.length === 0);

/** Length as the server counts it: code points, so "ệ" (NFC) is one. */
export const codePoints = (s: string): number => [...s].length;

/** The value of the leaf field `key`, wherever it sits in the form (top level or a section). */
export function fieldValue(form: Pick<Form, "fields">, data: unknown, key: string): unknown {
  if (!isObj(data)) return undefined;
  for (const f of form.fields) {
    if (f.key === key) return data[key];
    if (f.type === "section" && f.fields.some((x) => x.key === key)) {
      const inner = data[f.key];
      return isObj(inner) ? inner[key] : undefined;
    }
  }
  return undefined;
}

/** Whether a `requiredIf` condition holds: the other field equals the value (for a checklist:
 *  any item has that level) or is one of the values (for a multiple choice: any chosen one). */
export function conditionHolds(
  form: Pick<Form, "fields">,
  data: unknown,
  cond: Condition,
): boolean {
  const value = fieldValue(form, data, cond.field);
  const wanted: unknown[] = "equals" in cond ? [cond.equals] : cond.oneOf;
  if (isObj(value))
    return Object.values(value).some(
      (g) => isObj(g) && Object.values(g).some((a) => isObj(a) && wanted.includes(a.level)),
    );
  if (Array.isArray(value)) return value.some((x) => wanted.includes(x));
  return wanted.includes(value);
}

/** Required now: always, or because its condition holds. The cell's confirmation is filled by
 *  the cell when it confirms, never by the member, so it is never required of the member. */
export function isRequired(form: Pick<Form, "fields">, data: unknown, field: LeafField): boolean {
  if (field.type === "cellConfirmation") return false;
  return field.required || (!!field.requiredIf && conditionHolds(form, data, field.requiredIf));
}
