// Turning a failed write into text for the alert region. The server's messages are
// Vietnamese and shown as they are; per-field detail of a 422 goes next to its field.
import { ApiError } from "../api";

/** The message alone, for forms that show field errors beside the fields. */
export function errorMessage(e: unknown): string {
  if (!e) return "";
  return e instanceof Error ? e.message : String(e);
}

/** The message followed by every field's detail, for forms without per-field slots. */
export function errorText(e: unknown): string {
  if (!e) return "";
  const fields = e instanceof ApiError ? Object.values(e.fields) : [];
  return [errorMessage(e), ...fields].join(" ");
}

/** The 422 detail for one field, or "". */
export function fieldError(e: unknown, name: string): string {
  return e instanceof ApiError ? (e.fields[name] ?? "") : "";
}

export function errorCode(e: unknown): string {
  return e instanceof ApiError ? e.code : "";
}
