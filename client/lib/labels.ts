// Display helpers of the structure and account screens: unit kinds, member statuses, times.
// Apart from format.ts so that they travel in the lazy chunks of those screens, not in the
// entry chunk every member's phone downloads. Same rules: ICT, dd/mm/yyyy.
import { foldVietnamese } from "../../schema/rules/text";
import { MEMBER_STATUS_LABELS, UNIT_KIND_LABELS } from "../../schema/vocab/people";
import { DAY_PARTS, formatDate, ictParts, TIME_PARTS } from "./format";

const dateTimeParts = ictParts({ ...DAY_PARTS, ...TIME_PARTS });

/** dd/mm/yyyy hh:mm in ICT; "" for a value that is not a date. */
export function formatDateTime(iso: string | number | Date): string {
  const p = dateTimeParts(iso);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : "";
}

/** A calendar date YYYY-MM-DD as dd/mm/yyyy, without any time-zone arithmetic. */
export function formatDay(ymd: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

/** Today in ICT as YYYY-MM-DD, the form date inputs and the API use. */
export function todayIct(now: Date = new Date()): string {
  const [d, m, y] = formatDate(now).split("/");
  return `${y}-${m}-${d}`;
}

export { MEMBER_STATUS_LABELS, UNIT_KIND_LABELS };

export function unitKindLabel(kind: string): string {
  return (UNIT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function memberStatusLabel(status: string): string {
  return (MEMBER_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** "3 đảng viên": Vietnamese nouns do not change with the number. */
export function countLabel(n: number, noun: string): string {
  return `${n.toLocaleString("vi-VN")} ${noun}`;
}

/** Lower case without diacritics, for matching what people type against names: the
 *  server's folding (schema/rules/text.ts). */
export const foldText = foldVietnamese;

/**
 * A date typed as dd/mm/yyyy (d/m/yyyy too; YYYY-MM-DD is accepted as well) to YYYY-MM-DD;
 * null when it is not a real calendar date. Text fields rather than <input type="date">:
 * the browser shows a date input in the phone's language, and many phones here are set to
 * English, which would show mm/dd/yyyy.
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const ymd = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${ymd}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === ymd ? ymd : null;
}

export const DAY_HINT = "Dạng ngày/tháng/năm, ví dụ 31/01/2024.";
