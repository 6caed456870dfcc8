// Whether a unit did what its campaign's directive asks of a meeting and of its report —
// one mark per rule, with the reason in Vietnamese. Every parameter comes from the
// template's meeting rules (004: ≥ 90 minutes, materials ≥ 3 days ahead, not merged with a
// regular meeting, 100% of committee members speak, minutes adopted by vote…), so a
// tenant's own variant is judged by its own numbers. Pure: no I/O, the clock is passed in.
//
// A mark is `pass`, `late` (done, but after the time the rule sets), `fail` (not done, or
// done against the rule) or `pending` (not yet due, nothing to judge).
import { materialsDueAt, materialsInTime } from "../../schema/rules/materials";
import type { MeetingRules, UnitForMatch } from "../../schema/template";
import { MERGE_KIND_LABELS, type MergeKind } from "../../schema/vocab/campaigns";
import { formatDateVi, isOnTime, lastDayVi } from "./deadlines";
import { leadersFirst, requiredAttendees } from "./meeting-people";
import { recordMarks } from "./meeting-record";

export type MarkStatus = "pass" | "late" | "fail" | "pending";
export interface Mark {
  rule: string;
  label: string;
  status: MarkStatus;
  reason: string;
}

export interface AttendanceFacts {
  memberId: string;
  presence: "present" | "excused" | "absent";
  isCommittee: boolean;
  spokeOrder: number | null;
  /** Lower ranks are the leaders who speak first. */
  leadershipRank: number;
  /** The template's attendance line (its key) this person fills, if any. */
  role?: string | null;
  /** Presented their own plan; the collective commented on it (meeting-record.ts). */
  presentedPlan?: boolean;
  commentedOn?: boolean;
}

/** Someone from outside the unit's roll-call: 003's invited guests, 004's UBND leaders. */
export interface GuestFacts {
  name: string;
  organisation?: string;
  role?: string | null;
}

export interface MeetingFacts {
  scheduledAt: Date | null;
  materialsSentAt: Date | null;
  soTayPostedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  mergedWithRegular: boolean | null;
  /** Every kind of meeting it was merged into ([] = held on its own); null = not recorded. */
  mergedWith?: MergeKind[] | null;
  voteFor: number | null;
  voteAgainst: number | null;
  voteAbstain: number | null;
  attendance: AttendanceFacts[];
  guests?: GuestFacts[];
  minutesSecretary?: string | null;
  /** The template's agenda items covered (1-based) and who presented each. */
  agenda?: { no: number; presenter?: string | null }[] | null;
}

/** A working day is 8 hours (Bộ luật Lao động 2019, Điều 105), so 003's "01 ngày, hoặc 02
 *  buổi" makes half a day one 4-hour buổi: 001's "0,5 ngày" is 240 minutes. */
export const WORKDAY_MINUTES = 8 * 60;

/** The least a meeting must last under its rules, in minutes, and how the rule words it. */
export function minDuration(rules: MeetingRules): { minutes: number; label: string } | null {
  if (rules.minDurationMinutes !== undefined)
    return {
      minutes: rules.minDurationMinutes,
      label: `Thời gian sinh hoạt tối thiểu ${rules.minDurationMinutes} phút`,
    };
  if (rules.minDurationDays !== undefined) {
    const minutes = Math.round(rules.minDurationDays * WORKDAY_MINUTES);
    const days = String(rules.minDurationDays).replace(".", ",");
    return { minutes, label: `Thời gian sinh hoạt tối thiểu ${days} ngày (${minutes} phút)` };
  }
  return null;
}

/** The kinds of meeting the rules forbid merging into: "separate" alone means the regular. */
export function forbiddenMerges(rules: MeetingRules): MergeKind[] {
  if (rules.notMergedWith?.length) return rules.notMergedWith;
  return rules.relationToRegularMeeting === "separate" ? ["thuong-ky"] : [];
}

/** What it was merged into, as far as recorded. `mergedWithRegular: false` is the screen's
 *  "Tổ chức riêng" (held on its own), so it answers for every kind. */
function mergedKinds(m: MeetingFacts): MergeKind[] | null {
  if (m.mergedWith) return m.mergedWith;
  if (m.mergedWithRegular === null) return null;
  return m.mergedWithRegular ? ["thuong-ky"] : [];
}

const HOUR = 60 * 60 * 1000;
const fmtTime = (d: Date) =>
  `${formatDateVi(d)} ${new Date(d.getTime() + 7 * HOUR).toISOString().slice(11, 16)}`;

type SpeakerGroup = NonNullable<MeetingRules["speakers"]>[number]["who"];

/** Who a speaking rule counts among those present, and what they are called. */
function speakerGroup(who: SpeakerGroup, present: AttendanceFacts[]) {
  switch (who) {
    case "committee-members":
      return { group: present.filter((a) => a.isCommittee), noun: "cấp ủy viên" };
    case "members":
    case "attendees":
      return { group: present, noun: "đảng viên" };
    default: {
      const unhandled: never = who;
      throw new Error(`Unknown speaker group: ${String(unhandled)}`);
    }
  }
}

/** The marks of one meeting against its rules; `dueAt` is the meeting step's deadline. A
 *  meeting whose start is still ahead of `now` is not held, whatever was typed. `unit` picks
 *  the attendance lines that concern it (all of them when absent). */
export function meetingMarks(
  rules: MeetingRules,
  m: MeetingFacts | null,
  dueAt: Date | null,
  now: Date,
  unit?: UnitForMatch,
): Mark[] {
  const marks: Mark[] = [];
  const held = !!m?.startedAt && m.startedAt.getTime() <= now.getTime();
  const overdue = dueAt !== null && now >= dueAt;
  const notYet = (rule: string, label: string) => marks.push(notYetMark(overdue)(rule, label));

  // Held by the deadline.
  if (!held && m?.startedAt && !overdue)
    marks.push({
      rule: "held",
      label: "Tổ chức sinh hoạt đúng hạn",
      status: "pending",
      reason: `Lịch ngày ${formatDateVi(m.startedAt)}, chưa diễn ra.`,
    });
  else if (!held) notYet("held", "Tổ chức sinh hoạt đúng hạn");
  else if (dueAt && !isOnTime(dueAt, m!.startedAt!))
    marks.push({
      rule: "held",
      label: "Tổ chức sinh hoạt đúng hạn",
      status: "late",
      reason: `Sinh hoạt ngày ${formatDateVi(m!.startedAt!)}, sau hạn.`,
    });
  else
    marks.push({
      rule: "held",
      label: "Tổ chức sinh hoạt đúng hạn",
      status: "pass",
      reason: `Sinh hoạt ngày ${formatDateVi(m!.startedAt!)}.`,
    });

  if (rules.materialsLeadDays !== undefined) {
    const label = `Gửi tài liệu trước ít nhất ${rules.materialsLeadDays} ngày`;
    const meetingAt = m?.startedAt ?? m?.scheduledAt ?? null;
    const sent =
      rules.materialsChannel === "so-tay-dang-vien-dien-tu"
        ? (m?.soTayPostedAt ?? m?.materialsSentAt ?? null)
        : (m?.materialsSentAt ?? null);
    if (!sent) {
      if (meetingAt && now.getTime() > materialsDueAt(meetingAt, rules.materialsLeadDays).getTime())
        marks.push({
          rule: "materials",
          label,
          status: "fail",
          reason: "Chưa ghi nhận thời điểm gửi tài liệu.",
        });
      else
        marks.push({ rule: "materials", label, status: "pending", reason: "Chưa gửi tài liệu." });
    } else if (!meetingAt)
      marks.push({
        rule: "materials",
        label,
        status: "pending",
        reason: "Chưa có lịch sinh hoạt để so.",
      });
    else if (materialsInTime(sent, meetingAt, rules.materialsLeadDays))
      marks.push({ rule: "materials", label, status: "pass", reason: `Gửi lúc ${fmtTime(sent)}.` });
    else {
      const hours = Math.max(0, Math.floor((meetingAt.getTime() - sent.getTime()) / HOUR));
      marks.push({
        rule: "materials",
        label,
        status: "late",
        reason: `Gửi lúc ${fmtTime(sent)}, chỉ trước ${hours} giờ (yêu cầu ${rules.materialsLeadDays * 24} giờ).`,
      });
    }
  }

  const duration = minDuration(rules);
  if (duration) {
    const { minutes: need, label } = duration;
    if (!held || !m!.endedAt) notYet("duration", label);
    else {
      const minutes = Math.floor((m!.endedAt!.getTime() - m!.startedAt!.getTime()) / 60000);
      marks.push(
        minutes >= need
          ? { rule: "duration", label, status: "pass", reason: `Kéo dài ${minutes} phút.` }
          : {
              rule: "duration",
              label,
              status: "fail",
              reason: `Chỉ kéo dài ${minutes} phút (yêu cầu tối thiểu ${need} phút).`,
            },
      );
    }
  }

  const forbidden = forbiddenMerges(rules);
  if (forbidden.length) {
    const label = `Không ghép với ${forbidden.map((k) => MERGE_KIND_LABELS[k]).join(", ")}`;
    const merged = held ? mergedKinds(m!) : null;
    const bad = (merged ?? []).filter((k) => forbidden.includes(k));
    if (merged === null) notYet("separate", label);
    else
      marks.push(
        bad.length
          ? {
              rule: "separate",
              label,
              status: "fail",
              reason: `Đã ghép với ${bad.map((k) => MERGE_KIND_LABELS[k]).join(", ")}.`,
            }
          : { rule: "separate", label, status: "pass", reason: "Tổ chức riêng." },
      );
  }

  const present = (m?.attendance ?? []).filter((a) => a.presence === "present");
  if (rules.rollCall) {
    const label = "Điểm danh";
    if (!held) notYet("roll-call", label);
    else if ((m?.attendance ?? []).length === 0)
      marks.push({ rule: "roll-call", label, status: "fail", reason: "Chưa ghi điểm danh." });
    else {
      const excused = m!.attendance.filter((a) => a.presence === "excused").length;
      const absent = m!.attendance.filter((a) => a.presence === "absent").length;
      marks.push({
        rule: "roll-call",
        label,
        status: "pass",
        reason: `Có mặt ${present.length}, vắng có lý do ${excused}, vắng không lý do ${absent}.`,
      });
    }
  }

  if (rules.leadersPresentFirst) {
    const label = "Đồng chí lãnh đạo trình bày trước";
    const speakers = present
      .filter((a) => a.spokeOrder !== null)
      .sort((a, b) => a.spokeOrder! - b.spokeOrder!);
    if (!held) notYet("leaders-first", label);
    else if (speakers.length === 0)
      marks.push({
        rule: "leaders-first",
        label,
        status: "fail",
        reason: "Chưa ghi thứ tự phát biểu.",
      });
    else marks.push(leadersFirst(label, present));
  }

  if (rules.attendance?.some((a) => a.required))
    marks.push(requiredAttendees(rules, held ? m : null, unit, notYetMark(overdue)));
  marks.push(...recordMarks(rules, m, held, notYetMark(overdue)));

  for (const s of rules.speakers ?? []) {
    const { group, noun } = speakerGroup(s.who, present);
    const label = `${Math.round(s.minShare * 100)}% ${noun} có mặt phát biểu`;
    const rule = `speakers-${s.who}`;
    if (!held) {
      notYet(rule, label);
      continue;
    }
    const spoke = group.filter((a) => a.spokeOrder !== null).length;
    if (group.length === 0) {
      marks.push({ rule, label, status: "fail", reason: `Không ghi nhận ${noun} nào có mặt.` });
      continue;
    }
    // Whole people: "100%" of 9 is 9, "50%" of 9 is 5.
    const needed = Math.ceil(s.minShare * group.length - 1e-9);
    marks.push(
      spoke >= needed
        ? { rule, label, status: "pass", reason: `${spoke}/${group.length} ${noun} phát biểu.` }
        : {
            rule,
            label,
            status: "fail",
            reason: `Mới có ${spoke}/${group.length} ${noun} phát biểu (cần ${needed}).`,
          },
    );
  }

  for (const vote of rules.votes ?? []) {
    const label =
      vote.subject === "minutes"
        ? "Biên bản được biểu quyết thông qua"
        : "Nghị quyết được biểu quyết thông qua";
    const rule = `vote-${vote.subject}`;
    if (!held) {
      notYet(rule, label);
      continue;
    }
    if (m!.voteFor === null) {
      marks.push({ rule, label, status: "fail", reason: "Chưa ghi kết quả biểu quyết." });
      continue;
    }
    const voters = present.length || m!.voteFor + (m!.voteAgainst ?? 0) + (m!.voteAbstain ?? 0);
    // Adopted by more than half of those present (the usual party rule for a cell's vote).
    marks.push(
      m!.voteFor * 2 > voters
        ? {
            rule,
            label,
            status: "pass",
            reason: `Tán thành ${m!.voteFor}/${voters}, không tán thành ${m!.voteAgainst ?? 0}, không biểu quyết ${m!.voteAbstain ?? 0}.`,
          }
        : {
            rule,
            label,
            status: "fail",
            reason: `Chỉ ${m!.voteFor}/${voters} tán thành: chưa quá nửa.`,
          },
    );
  }
  return marks;
}

/** A report upward against its deadline ("trước ngày D" = D 00:00 ICT). */
export function reportMark(
  title: string,
  submittedAt: Date | null,
  dueAt: Date | null,
  now: Date,
): Mark {
  const label = `Báo cáo: ${title}`;
  if (submittedAt) {
    if (dueAt && !isOnTime(dueAt, submittedAt))
      return {
        rule: "report",
        label,
        status: "late",
        reason: `Nộp ngày ${formatDateVi(submittedAt)}, sau hạn ${lastDayVi(dueAt)}.`,
      };
    return {
      rule: "report",
      label,
      status: "pass",
      reason: `Nộp ngày ${formatDateVi(submittedAt)}.`,
    };
  }
  if (dueAt && now >= dueAt)
    return { rule: "report", label, status: "fail", reason: "Chưa nộp báo cáo khi đã hết hạn." };
  return {
    rule: "report",
    label,
    status: "pending",
    reason: dueAt ? `Hạn nộp hết ngày ${lastDayVi(dueAt)}.` : "Chưa nộp.",
  };
}

const notYetMark =
  (overdue: boolean) =>
  (rule: string, label: string): Mark =>
    overdue
      ? { rule, label, status: "fail", reason: "Chưa tổ chức sinh hoạt khi đã hết hạn." }
      : { rule, label, status: "pending", reason: "Chưa tổ chức sinh hoạt." };

export type MarkSummary = Record<string, Record<MarkStatus, number>>;
export function summariseMarks(all: Mark[][]): MarkSummary {
  const out: MarkSummary = {};
  for (const marks of all)
    for (const m of marks) {
      out[m.rule] ??= { pass: 0, late: 0, fail: 0, pending: 0 };
      out[m.rule]![m.status]++;
    }
  return out;
}
