// Turning a failed write into text for the alert region. The server's messages are
// Vietnamese and shown as they are; per-field detail of a 422 goes next to its field.
import { ApiError } from "../api";

/** The message alone, for forms that show field errors beside the fields. */
export function errorMessage(e: unknown): string {
  if (!e) return "";
  return e instanceof Error ? e.message : String(e);
}

/** The message, then every field's detail. */
const texts = (e: unknown) => [
  errorMessage(e),
  ...(e instanceof ApiError ? Object.values(e.fields) : []),
];

/** The message followed by every field's detail, for forms without per-field slots. */
export function errorText(e: unknown): string {
  return e ? texts(e).join(" ") : "";
}

/** As errorText, each text once (a code's message and its field detail are often the same). */
export function distinctErrorText(e: unknown): string {
  return e ? [...new Set(texts(e))].join(" ") : "";
}

/** The 422 detail for one field, or "". */
export function fieldError(e: unknown, name: string): string {
  return e instanceof ApiError ? (e.fields[name] ?? "") : "";
}

/** The message for the alert region, unless one of `fields` already shows it beside itself. */
export function alertUnlessField(e: unknown, ...fields: string[]): string {
  return fields.some((f) => fieldError(e, f)) ? "" : errorMessage(e);
}

export function errorCode(e: unknown): string {
  return e instanceof ApiError ? e.code : "";
}
