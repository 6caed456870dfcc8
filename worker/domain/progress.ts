// Who counts, and how, in a campaign's progress — the rules the API, the cron's rollups and
// the dashboards share by construction. Pure functions: no I/O, no clock but the one passed.
//
// - A member's status is read on the evaluation date: today while the campaign runs, the
//   due date once it has passed. So a member excused (or transferred in) mid-campaign moves
//   out of (or into) the counts from that date, and the figures of a finished campaign stop
//   moving.
// - Excused members (the template's excusals) count in `excused` only: out of both the
//   numerator and the denominator, even if they submitted voluntarily.
// - Members who left (transferred out, deceased) do not count at all.
// - `submitted` means a plan is in the cell's hands now (submitted or confirmed); a returned
//   plan is back with its author. Lateness is judged on the first submission, so a plan sent
//   on time and returned for a fix is not late for the fix. On time means strictly before the
//   due instant: "trước ngày D" ends as D begins, and 00:00 on D is already D.
import { isGone } from "../../schema/rules/roll";
import type { MemberStatus } from "../../schema/vocab/people";
import { ictDate, isOnTime } from "./deadlines";

import type { SubmissionStatus } from "../../schema/vocab/tasks";
import { addCounts, zeroCounts, type Counts } from "../../schema/rules/counts";

export { addCounts, zeroCounts, type Counts };

export type { SubmissionStatus };

export interface StatusChange {
  status: string;
  since: string;
}

/** The status in force on `date` (YYYY-MM-DD): the latest change on or before it, or the
 *  member's recorded status when the history says nothing that early. */
export function statusOn(history: StatusChange[], current: string, date: string): string {
  let best: StatusChange | null = null;
  for (const h of history) if (h.since <= date && (!best || h.since >= best.since)) best = h;
  return best?.status ?? current;
}

/** The date statuses are read on. */
export function evaluationDate(now: Date, dueAt: Date | null): string {
  return ictDate(dueAt && dueAt < now ? dueAt : now);
}

export type CountState = "expected" | "excused" | "gone";
export function countState(status: string, excused: readonly MemberStatus[]): CountState {
  if (isGone(status)) return "gone";
  return (excused as readonly string[]).includes(status) ? "excused" : "expected";
}

export interface MemberFacts {
  state: CountState;
  submission: SubmissionStatus | null;
  firstSubmittedAt: Date | null;
}

/** One member's contribution to the counts. */
export function classify(m: MemberFacts, dueAt: Date | null, now: Date): Counts {
  const c = zeroCounts();
  if (m.state === "gone") return c;
  if (m.state === "excused") {
    c.excused = 1;
    return c;
  }
  c.expected = 1;
  const inHand = m.submission === "submitted" || m.submission === "confirmed";
  if (inHand) c.submitted = 1;
  if (m.submission === "confirmed") c.confirmed = 1;
  const first = m.firstSubmittedAt;
  if (dueAt && first && inHand) {
    if (isOnTime(dueAt, first)) c.onTime = 1;
    else c.late = 1;
  } else if (!dueAt && inHand) c.onTime = 1;
  else if (dueAt && !inHand && now >= dueAt) c.late = 1;
  return c;
}

/** Counts as stored per unit (worker/data/progress-figures.ts): lateness by the due instant
 *  only — `lateSubmitted` is the plans in hand first submitted at or after it. */
export interface StoredCounts {
  expected: number;
  excused: number;
  submitted: number;
  confirmed: number;
  onTime: number;
  lateSubmitted: number;
}

/** The counts on `now` from stored ones: a member expected and without a plan in hand is
 *  late once the due instant has passed (as `classify` says), so
 *  late = lateSubmitted + (expected − submitted) from then on. */
export function fromStored(s: StoredCounts, dueAt: Date | null, now: Date): Counts {
  const overdue = dueAt !== null && now >= dueAt ? s.expected - s.submitted : 0;
  return {
    expected: s.expected,
    submitted: s.submitted,
    confirmed: s.confirmed,
    onTime: s.onTime,
    late: s.lateSubmitted + overdue,
    excused: s.excused,
  };
}

/** What `classify` gives, as stored: `late` split off into plans handed in late. */
export function toStored(c: Counts, inHand: boolean): StoredCounts {
  return {
    expected: c.expected,
    excused: c.excused,
    submitted: c.submitted,
    confirmed: c.confirmed,
    onTime: c.onTime,
    lateSubmitted: inHand ? c.late : 0,
  };
}
