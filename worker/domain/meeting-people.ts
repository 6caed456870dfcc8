// Who was at a meeting and in what order they spoke, against the template: "leaders first"
// and the attendance lines it requires. Pure; compliance.ts gathers the marks.
import { unitMatches, type MeetingRules, type UnitForMatch } from "../../schema/template";
import type { AttendanceFacts, Mark, MeetingFacts } from "./compliance";

/** "Leaders first": every leader present (a rank below the plainest one present) speaks
 *  before every other member, and no leader present stays silent while members speak. */
export function leadersFirst(label: string, present: AttendanceFacts[]): Mark {
  const rule = "leaders-first";
  const plain = Math.max(...present.map((a) => a.leadershipRank));
  const leaders = present.filter((a) => a.leadershipRank < plain);
  const others = present.filter((a) => a.leadershipRank >= plain && a.spokeOrder !== null);
  const firstOther = Math.min(...others.map((a) => a.spokeOrder!));
  const silent = leaders.filter((a) => a.spokeOrder === null).length;
  const after = leaders
    .filter((a) => a.spokeOrder !== null && a.spokeOrder > firstOther)
    .map((a) => a.spokeOrder!)
    .sort((a, b) => a - b);
  if (after.length)
    return {
      rule,
      label,
      status: "fail",
      reason: `Đồng chí lãnh đạo phát biểu thứ ${after.join(", ")} sau đảng viên phát biểu thứ ${firstOther}.`,
    };
  if (silent && others.length)
    return {
      rule,
      label,
      status: "fail",
      reason: `${silent} đồng chí lãnh đạo có mặt chưa trình bày.`,
    };
  return {
    rule,
    label,
    status: "pass",
    reason: leaders.length
      ? `${leaders.length} đồng chí lãnh đạo có mặt trình bày trước.`
      : "Không có đồng chí lãnh đạo nào khác có mặt.",
  };
}

/** Each required attendance line concerning the unit is filled by someone present on the
 *  roll-call or a guest recorded with that line's key; the reason names who is missing. */
export function requiredAttendees(
  rules: MeetingRules,
  m: MeetingFacts | null,
  unit: UnitForMatch | undefined,
  notYet: (rule: string, label: string) => Mark,
): Mark {
  const rule = "attendees";
  const label = "Thành phần bắt buộc tham dự";
  if (!m) return notYet(rule, label);
  const lines = (rules.attendance ?? []).filter(
    (a) => a.required && (!unit || !a.appliesTo || unitMatches(a.appliesTo, unit)),
  );
  const filled = new Set([
    ...m.attendance.filter((a) => a.presence === "present" && a.role).map((a) => a.role!),
    ...(m.guests ?? []).filter((g) => g.role).map((g) => g.role!),
  ]);
  const missing = lines.filter((a) => !a.key || !filled.has(a.key));
  return missing.length
    ? {
        rule,
        label,
        status: "fail",
        reason: `Thiếu: ${missing.map((a) => a.who.join(", ")).join("; ")}.`,
      }
    : { rule, label, status: "pass", reason: `Có mặt đủ ${lines.length} thành phần bắt buộc.` };
}
