// Deadlines as the directives write them, turned into instants: the one statement of the rule
// for the server and the client. Pure: no I/O, no clock, and no dependence on the machine's
// time zone — ICT is UTC+7 all year (no DST), so a calendar date in ICT is plain arithmetic on
// UTC, and "N days before" an instant is N × 24 hours before it.
//
// DESIGN.md §3: "Trước ngày D" is due at D 00:00 ICT (D-1 17:00 UTC); "đến hết ngày D" at
// D+1 00:00 ICT. The two rules are two wordings of a midnight: "trước ngày 10/4" and "đến hết
// ngày 9/4" are the same instant, and `describeDue` words an instant either way.
import type { Step, TemplateDefinition } from "../template";
import { DUE_RULE_WORDS, type DueRule } from "../vocab/tasks";

export const DAY_MS = 86_400_000;
const ICT_OFFSET_MS = 7 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DueDateErrorCode = "INVALID_DATE" | "UNKNOWN_STEP" | "CYCLE" | "UNDATED_ANCHOR";

/** A template or campaign whose deadlines cannot be computed; the message is Vietnamese. */
export class DueDateError extends Error {
  constructor(
    readonly code: DueDateErrorCode,
    message: string,
    readonly steps: readonly string[] = [],
  ) {
    super(message);
    this.name = "DueDateError";
  }
}

/** Whether a YYYY-MM-DD string names a day that exists (2023-02-30 does not). */
export function isRealDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(Date.UTC(y, mo - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

/** Days since 1970-01-01 of a real calendar date, or an error naming it. */
export function dayNumber(date: string): number {
  if (isRealDate(date)) return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  throw new DueDateError("INVALID_DATE", `Ngày «${date}» không hợp lệ (cần dạng YYYY-MM-DD).`);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a deadline falls due. */
export function dueInstant(rule: DueRule, dateYYYYMMDD: string): Date {
  const midnightIct = dayNumber(dateYYYYMMDD) * DAY_MS - ICT_OFFSET_MS;
  return new Date(rule === "truoc-ngay" ? midnightIct : midnightIct + DAY_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in ICT. */
export function ictDate(instant: Date): string {
  return new Date(instant.getTime() + ICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of the ICT day after `now`'s. */
export const nextIctMidnight = (now: Date): number =>
  Date.parse(`${ictDate(now)}T00:00:00Z`) - ICT_OFFSET_MS + DAY_MS;

/** dd/mm/yyyy in ICT, as official papers print dates. */
export function formatDateVi(instant: Date): string {
  const [y, m, d] = ictDate(instant).split("-");
  return `${d}/${m}/${y}`;
}

export function addDaysIct(dateYYYYMMDD: string, days: number): string {
  return fromDayNumber(dayNumber(dateYYYYMMDD) + days);
}

/** Whole days later (earlier when negative); exact because ICT has no DST. */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Done in time: strictly before the due instant ("trước ngày 10/4" ends at 10/4 00:00 ICT). */
export function isOnTime(dueAt: Date, doneAt: Date): boolean {
  return doneAt.getTime() < dueAt.getTime();
}

/** The date D such that dueInstant(rule, D) is this instant's deadline day (inverse). */
export function dueDateFor(rule: DueRule, instant: Date): string {
  // An instant that is not a midnight belongs to the day it falls in.
  const day = ictDate(new Date(instant.getTime() - 1));
  return rule === "truoc-ngay" ? addDaysIct(day, 1) : day;
}

/** "trước ngày 10/04/2022" or "đến hết ngày 09/04/2022". */
export function describeDue(rule: DueRule, instant: Date): string {
  const [y, m, d] = dueDateFor(rule, instant).split("-");
  return `${DUE_RULE_WORDS[rule]} ${d}/${m}/${y}`;
}

/** The last day one may still act before a due instant ("trước ngày 10/4" → 09/04), dd/mm/yyyy. */
export const lastDayVi = (dueAt: Date): string => formatDateVi(new Date(dueAt.getTime() - 1));

/** The wording a step's deadline is shown with, and the rule an override date is read with. */
export function stepRule(
  def: Pick<TemplateDefinition, "schedule">,
  step: Pick<Step, "due">,
): DueRule {
  switch (step.due.kind) {
    case "absolute":
    case "relative":
      return step.due.rule;
    case "campaign-end":
      return step.due.rule ?? def.schedule.dueRule;
    case "undated":
      return "den-het-ngay";
    default: {
      const unknown: never = step.due;
      throw new Error(`Unknown due kind: ${JSON.stringify(unknown)}`);
    }
  }
}
