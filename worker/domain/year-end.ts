// Each member's own year-end input (issue 10: "the year-end input for members and for the tổ
// chức đảng"): the template's followUp.yearEndRanking.members asks every expected member for a
// self-assessment of how they carried out their plan, recorded by the member or by the cell's
// secretary on their behalf, by the template's day (moved with the campaign) or else 31/12 of
// the campaign's year, ICT. Each member is marked on time, late, missing or excused; a unit's
// mark counts its members and says which rule produced the figure. Pure: no I/O.
import { dueInstant } from "../../schema/rules/deadlines";
import type { TemplateDefinition } from "../../schema/template";
import type { YearEndState } from "../../schema/vocab/campaigns";
import type { Mark } from "./compliance";
import { formatDateVi, isOnTime, lastDayVi } from "./deadlines";
import { milestoneDueOn } from "./follow-up";

/** The reserved step key a member's year-end input is recorded under (with its member id). */
export const MEMBER_YEAR_END_KEY = "~tu-danh-gia-cuoi-nam";
/** The rule its marks carry: in compliance, on the follow-ups screen, in reminders. */
const MEMBER_YEAR_END_RULE = "follow-up:tu-danh-gia-cuoi-nam";

export interface MemberYearEnd {
  title: string;
  /** The last day (YYYY-MM-DD, ICT) it is owed by. */
  dueOn: string;
  /** The end of that day in ICT: a record made before it is on time. */
  dueAt: Date;
  cite: string;
}

/** The member's year-end input this campaign owes, dated for it; null when the template asks
 *  none. */
export function memberYearEnd(
  def: Pick<TemplateDefinition, "followUp" | "schedule">,
  campaignStart: string,
): MemberYearEnd | null {
  const m = def.followUp.yearEndRanking?.members;
  if (!m) return null;
  const dates = { templateStart: def.schedule.startsOn, campaignStart };
  const dueOn = milestoneDueOn({ ...(m.dueOn ? { date: m.dueOn } : {}), at: "cuoi-nam" }, dates)!;
  return { title: m.title, dueOn, dueAt: dueInstant("den-het-ngay", dueOn), cite: m.cite };
}

/** One member's state: excused members are excused whatever they recorded; a record made by
 *  the end of the due day is on time, after it late; none is missing once the day is over. */
export function memberYearEndState(
  o: { excused: boolean; recordedAt: Date | null },
  dueAt: Date,
  now: Date,
): YearEndState {
  if (o.excused) return "excused";
  if (o.recordedAt) return isOnTime(dueAt, o.recordedAt) ? "on-time" : "late";
  return now >= dueAt ? "missing" : "pending";
}

export interface YearEndCounts {
  expected: number;
  onTime: number;
  late: number;
  excused: number;
}

/** A unit's mark: every expected member on time passes; a late one makes it late; anyone
 *  missing after the day fails it; before the day, pending until all are in. */
export function unitYearEndMark(o: MemberYearEnd, n: YearEndCounts, now: Date): Mark {
  const rule = MEMBER_YEAR_END_RULE;
  const label = `Theo dõi: ${o.title}`;
  const missing = n.expected - n.onTime - n.late;
  const figures =
    `Đúng hạn ${n.onTime}/${n.expected}, muộn ${n.late}, chưa có ${missing}` +
    (n.excused ? `, được miễn ${n.excused}` : "") +
    ` (hạn ${lastDayVi(o.dueAt)}).`;
  if (missing > 0)
    return { rule, label, status: now >= o.dueAt ? "fail" : "pending", reason: figures };
  return { rule, label, status: n.late ? "late" : "pass", reason: figures };
}

/** How the member's own line reads: the state and the day it was recorded or is due. */
export function memberYearEndReason(state: YearEndState, o: MemberYearEnd, at: Date | null) {
  if (at && (state === "on-time" || state === "late"))
    return `Ghi nhận ngày ${formatDateVi(at)}${state === "late" ? `, sau hạn ${lastDayVi(o.dueAt)}` : ""}.`;
  if (state === "excused") return "Được miễn theo quy định của đợt.";
  return state === "missing"
    ? `Chưa ghi nhận khi đã hết hạn ${lastDayVi(o.dueAt)}.`
    : `Hạn đến hết ngày ${lastDayVi(o.dueAt)}.`;
}
