// What to remind whom, decided from the campaign's dates in Asia/Ho_Chi_Minh. Pure: the cron
// feeds it facts and the clock; the ledger's unique keys make each reminder happen once, and
// a day's items reach a person as one digest, not a storm of messages.
import { materialsDueAt } from "../../schema/rules/materials";
import { formatDateVi, ictDate, lastDayVi as lastDay, addDays } from "./deadlines";
import type { DueFollowUp } from "./follow-up";

export interface ReminderItem {
  /** Unique forever: the same reminder is never decided twice. */
  key: string;
  /** Who: a user id. */
  userId: string;
  text: string;
}

const DAY = 24 * 60 * 60 * 1000;

export interface PlanFacts {
  campaignId: string;
  campaignName: string;
  memberUserId: string;
  memberId: string;
  submission: "draft" | "submitted" | "returned" | "confirmed" | null;
  dueAt: Date | null;
}

/** Which plan reminder is due today for a member whose plan is not in: "plan-overdue" once
 *  the plan is overdue, "plan-due-soon" from N ICT days before, else none. The same for every
 *  member of a campaign, so the cron asks it once and reads members only when it is not null. */
export function planReminderKind(
  dueAt: Date | null,
  daysBefore: number,
  now: Date,
): "plan-overdue" | "plan-due-soon" | null {
  if (!dueAt) return null;
  if (now >= dueAt) return "plan-overdue";
  // Days counted on the ICT calendar: "3 days before" is the morning of D − 3, wherever the
  // server is and whatever hour the cron runs.
  if (ictDate(now) >= ictDate(addDays(dueAt, -daysBefore))) return "plan-due-soon";
  return null;
}

/** A member whose plan is not in: N days before it is due, and once it is overdue. */
export function planReminders(p: PlanFacts, daysBefore: number, now: Date): ReminderItem[] {
  if (p.submission === "submitted" || p.submission === "confirmed") return [];
  const kind = planReminderKind(p.dueAt, daysBefore, now);
  if (!kind || !p.dueAt) return [];
  return [
    {
      key: `${kind}:${p.campaignId}:${p.memberId}`,
      userId: p.memberUserId,
      text:
        kind === "plan-overdue"
          ? `Kế hoạch cá nhân (${p.campaignName}) đã quá hạn ${lastDay(p.dueAt)}: hãy hoàn thành và nộp.`
          : `Kế hoạch cá nhân (${p.campaignName}) cần nộp hạn cuối ${lastDay(p.dueAt)}.`,
    },
  ];
}

/** A member's own year-end input not yet recorded (issue 10): N ICT days before its day, and
 *  once it is overdue — the plan's schedule, under its own keys. */
export function yearEndReminders(
  p: { campaignId: string; campaignName: string; memberUserId: string; memberId: string },
  dueAt: Date,
  daysBefore: number,
  now: Date,
): ReminderItem[] {
  const kind = planReminderKind(dueAt, daysBefore, now);
  if (!kind) return [];
  const overdue = kind === "plan-overdue";
  return [
    {
      key: `${overdue ? "year-end-overdue" : "year-end-due"}:${p.campaignId}:${p.memberId}`,
      userId: p.memberUserId,
      text: overdue
        ? `Tự đánh giá cuối năm: đã quá hạn ${lastDay(dueAt)}, hãy ghi nhận (${p.campaignName}).`
        : `Tự đánh giá cuối năm: hạn đến hết ngày ${lastDay(dueAt)} (${p.campaignName}).`,
    },
  ];
}

export interface UnitFacts {
  campaignId: string;
  campaignName: string;
  unitId: string;
  unitName: string;
  secretaryUserIds: string[];
  awaitingConfirmation: number;
  meetings: {
    stepKey: string;
    title: string;
    dueAt: Date | null;
    scheduledAt: Date | null;
    startedAt: Date | null;
    materialsSent: boolean;
    materialsLeadDays: number | null;
  }[];
  reports: { key: string; title: string; dueAt: Date | null; submitted: boolean }[];
  /** Monthly reviews, periodic reports, milestones, the year-end input (domain/follow-up). */
  followUps?: DueFollowUp[];
}

/** A secretary's reminders for one unit: materials not sent 3 days before the meeting, a
 *  meeting not recorded by its deadline, plans waiting for confirmation, a report coming due. */
export function unitReminders(u: UnitFacts, daysBefore: number, now: Date): ReminderItem[] {
  const items: { key: string; text: string }[] = [];
  const today = ictDate(now);
  for (const m of u.meetings) {
    if (m.materialsLeadDays !== null && m.scheduledAt && !m.startedAt && !m.materialsSent) {
      const sendBy = materialsDueAt(m.scheduledAt, m.materialsLeadDays);
      // Remind on the ICT day before the materials must go out, or on the day itself.
      if (today >= ictDate(addDays(sendBy, -1)))
        items.push({
          key: `materials:${u.campaignId}:${u.unitId}:${m.stepKey}`,
          text: `${u.unitName}: gửi tài liệu cho «${m.title}» trước ${formatDateVi(sendBy)} (ít nhất ${m.materialsLeadDays} ngày trước buổi sinh hoạt).`,
        });
    }
    if (m.dueAt && !m.startedAt && now >= m.dueAt)
      items.push({
        key: `meeting-missing:${u.campaignId}:${u.unitId}:${m.stepKey}`,
        text: `${u.unitName}: chưa ghi nhận «${m.title}», hạn đã hết ngày ${lastDay(m.dueAt)}.`,
      });
  }
  if (u.awaitingConfirmation > 0)
    items.push({
      key: `awaiting:${u.campaignId}:${u.unitId}:${today}`,
      text: `${u.unitName}: ${u.awaitingConfirmation} kế hoạch đang chờ chi bộ xác nhận (${u.campaignName}).`,
    });
  // Reports, then the follow-up: due soon from N ICT days before, and once overdue.
  const owed = [
    ...u.reports.map((r) => ({ ...r, done: r.submitted, key: r.key, verb: "nộp" })),
    ...(u.followUps ?? []).map((f) => ({ ...f, key: `theo-doi:${f.key}`, verb: "thực hiện" })),
  ];
  for (const r of owed) {
    if (r.done || !r.dueAt) continue;
    if (now >= r.dueAt)
      items.push({
        key: `report-overdue:${u.campaignId}:${u.unitId}:${r.key}`,
        text: `${u.unitName}: «${r.title}» đã quá hạn ${lastDay(r.dueAt)}.`,
      });
    else if (today >= ictDate(addDays(r.dueAt, -daysBefore)))
      items.push({
        key: `report-due:${u.campaignId}:${u.unitId}:${r.key}`,
        text: `${u.unitName}: ${r.verb} «${r.title}» hạn cuối ${lastDay(r.dueAt)}.`,
      });
  }
  return u.secretaryUserIds.flatMap((userId) =>
    items.map((i) => ({ key: `${i.key}:${userId}`, userId, text: i.text })),
  );
}

/** Quiet hours "HH:MM"–"HH:MM" in ICT (may wrap midnight): when outbound messages may leave. */
export function nextSendTime(now: Date, quiet: { from: string; to: string } | null): Date {
  if (!quiet) return now;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const ictMinutes = Math.floor(((now.getTime() + 7 * 3600_000) % DAY) / 60_000);
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  const inQuiet =
    from <= to ? ictMinutes >= from && ictMinutes < to : ictMinutes >= from || ictMinutes < to;
  if (!inQuiet) return now;
  const wait = (to - ictMinutes + 24 * 60) % (24 * 60);
  return new Date(now.getTime() + wait * 60_000 - (now.getTime() % 60_000));
}
