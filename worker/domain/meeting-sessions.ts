// A meeting step held as several sessions: 003's forum "trong 01 ngày, hoặc 02 buổi", a
// template's `sessions: N`, or a session every month (001, 002: "hằng tháng"). The step is
// held when the count the template asks for is reached; each held session is judged on the
// other rules and the step keeps the worst mark, naming the session. Pure.
import type { MeetingRules, UnitForMatch } from "../../schema/template";
import { meetingMarks, type Mark, type MarkStatus, type MeetingFacts } from "./compliance";
import { formatDateVi } from "./deadlines";

export interface SessionFacts extends MeetingFacts {
  session: number;
}

const SEVERITY: Record<MarkStatus, number> = { pass: 0, pending: 1, late: 2, fail: 3 };
const HOUR = 3600_000;

/** Year and month (1–12) of an instant in ICT. */
function ictMonth(d: Date): [number, number] {
  const x = new Date(d.getTime() + 7 * HOUR);
  return [x.getUTCFullYear(), x.getUTCMonth() + 1];
}

/** The months from `from` to `to` inclusive, in ICT. */
function monthsBetween(from: Date, to: Date): [number, number][] {
  const out: [number, number][] = [];
  let [y, m] = ictMonth(from);
  const [ty, tm] = ictMonth(to);
  while (y < ty || (y === ty && m <= tm)) {
    out.push([y, m]);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The "held" mark of a monthly step: one held session in every month from the campaign's
 *  start to now (or the deadline); a past month without one fails, the current one waits.
 *  Sessions before the first owed month count for nothing but do no harm. */
function monthlyHeld(held: SessionFacts[], startsAt: Date, dueAt: Date | null, now: Date): Mark {
  const rule = "held";
  const label = "Sinh hoạt hằng tháng";
  const end = dueAt && dueAt < now ? new Date(dueAt.getTime() - 1) : now;
  // A campaign starting late in a month (002: 31/3) owes no session for that month, whose
  // regular meeting has usually been held already; one that lies within a single month
  // (001: 1/3–28/3) owes that month.
  const all = monthsBetween(startsAt, end);
  const startsMidMonth = new Date(startsAt.getTime() + 7 * HOUR).getUTCDate() > 1;
  const months = startsMidMonth && all.length > 1 ? all.slice(1) : all;
  const heldIn = new Set(held.map((s) => ictMonth(s.startedAt!).join("-")));
  const missing = months.filter((ym) => !heldIn.has(ym.join("-")));
  const [cy, cm] = ictMonth(now);
  const pastMissing = missing.filter(([y, m]) => y !== cy || m !== cm || end < now);
  const done = months.length - missing.length;
  const list = missing.map(([y, m]) => `${m}/${y}`).join(", ");
  if (!missing.length)
    return {
      rule,
      label,
      status: "pass",
      reason: `Đã sinh hoạt đủ ${done}/${months.length} tháng.`,
    };
  return {
    rule,
    label,
    status: pastMissing.length ? "fail" : "pending",
    reason: `Đã sinh hoạt ${done}/${months.length} tháng; chưa có buổi tháng ${list}.`,
  };
}

/** The "held" mark when the step needs `needed` sessions (more than one). */
function countHeld(held: SessionFacts[], needed: number, dueAt: Date | null, now: Date): Mark {
  const rule = "held";
  const label = `Tổ chức đủ ${needed} buổi đúng hạn`;
  const onTime = held.filter((s) => !dueAt || s.startedAt! < dueAt).length;
  const dates = held.map((s) => formatDateVi(s.startedAt!)).join(", ");
  if (onTime >= needed)
    return { rule, label, status: "pass", reason: `Đã tổ chức ${onTime} buổi: ${dates}.` };
  if (held.length >= needed)
    return {
      rule,
      label,
      status: "late",
      reason: `Đủ ${held.length} buổi nhưng có buổi sau hạn: ${dates}.`,
    };
  const overdue = dueAt !== null && now >= dueAt;
  return {
    rule,
    label,
    status: overdue ? "fail" : "pending",
    reason: `Mới tổ chức ${held.length}/${needed} buổi${held.length ? `: ${dates}` : ""}.`,
  };
}

/**
 * The marks of a meeting step over all its sessions. With one session needed and at most one
 * held, exactly the marks of that meeting (or of the scheduled one, or none).
 */
export function stepMeetingMarks(
  rules: MeetingRules,
  sessions: SessionFacts[],
  dueAt: Date | null,
  now: Date,
  opts: { unit?: UnitForMatch; startsAt: Date },
): Mark[] {
  const ordered = [...sessions].sort((a, b) => a.session - b.session);
  const held = ordered
    .filter((s) => s.startedAt && s.startedAt.getTime() <= now.getTime())
    .sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime());
  const needed = rules.sessions ?? 1;
  const counted = rules.recurrence === "monthly" || needed > 1;
  if (held.length === 0) {
    const marks = meetingMarks(rules, ordered[0] ?? null, dueAt, now, opts.unit);
    if (!counted) return marks;
    const heldMark =
      rules.recurrence === "monthly"
        ? monthlyHeld([], opts.startsAt, dueAt, now)
        : countHeld([], needed, dueAt, now);
    return marks.map((m) => (m.rule === "held" ? heldMark : m));
  }
  const per = held.map((s) => ({ s, marks: meetingMarks(rules, s, dueAt, now, opts.unit) }));
  const out: Mark[] = per[0]!.marks.map((first) => {
    if (per.length === 1) return first;
    let worst = first;
    let from = per[0]!.s;
    for (const { s, marks } of per.slice(1)) {
      const m = marks.find((x) => x.rule === first.rule)!;
      if (SEVERITY[m.status] > SEVERITY[worst.status]) [worst, from] = [m, s];
    }
    return { ...worst, reason: `Buổi ${from.session}: ${worst.reason}` };
  });
  if (!counted) {
    // One session needed: the first held one says whether it was held in time.
    const firstHeld = per[0]!.marks.find((m) => m.rule === "held")!;
    return out.map((m) => (m.rule === "held" ? firstHeld : m));
  }
  const heldMark =
    rules.recurrence === "monthly"
      ? monthlyHeld(held, opts.startsAt, dueAt, now)
      : countHeld(held, needed, dueAt, now);
  return out.map((m) => (m.rule === "held" ? heldMark : m));
}
