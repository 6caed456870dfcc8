// What the meeting's record must show under its rules (issue 10): the minutes secretary
// appointed ("cử thư ký ghi biên bản"), every agenda item of the template covered with its
// presenter, and, at 000's conference, every member present presenting their own plan and
// the collective commenting on each. One mark per rule, read from the held meeting's record.
// Pure: the caller says whether the meeting was held and how an unheld rule is marked.
import type { MeetingRules } from "../../schema/template";
import type { AttendanceFacts, Mark, MeetingFacts } from "./compliance";

type NotYet = (rule: string, label: string) => Mark;

/** Numbers of a list of items, "1, 3 và 4". */
const listed = (ns: string[]) =>
  ns.length > 1 ? `${ns.slice(0, -1).join(", ")} và ${ns.at(-1)}` : (ns[0] ?? "");

/** The record marks of one meeting; `m` is null or unheld when `held` is false. */
export function recordMarks(
  rules: MeetingRules,
  m: MeetingFacts | null,
  held: boolean,
  notYet: NotYet,
): Mark[] {
  const marks: Mark[] = [];
  if (rules.appointsMinutesSecretary) {
    const rule = "minutes-secretary";
    const label = "Cử thư ký ghi biên bản";
    const who = m?.minutesSecretary?.trim();
    if (!held) marks.push(notYet(rule, label));
    else
      marks.push(
        who
          ? { rule, label, status: "pass", reason: `Thư ký: ${who}.` }
          : { rule, label, status: "fail", reason: "Biên bản chưa ghi thư ký." },
      );
  }
  if (rules.agenda?.length) {
    const rule = "agenda";
    const label = `Thực hiện đủ ${rules.agenda.length} nội dung của chương trình`;
    if (!held) marks.push(notYet(rule, label));
    else {
      const covered = new Map((m!.agenda ?? []).map((a) => [a.no, a.presenter?.trim() ?? ""]));
      const missing = rules.agenda.flatMap((_, i) => (covered.has(i + 1) ? [] : [String(i + 1)]));
      // Where the template names who presents an item, the record names who did.
      const noPresenter = rules.agenda.flatMap((a, i) =>
        a.presenter && covered.has(i + 1) && !covered.get(i + 1) ? [String(i + 1)] : [],
      );
      marks.push(
        missing.length
          ? {
              rule,
              label,
              status: "fail",
              reason: `Chưa ghi nhận nội dung ${listed(missing)}.`,
            }
          : noPresenter.length
            ? {
                rule,
                label,
                status: "fail",
                reason: `Nội dung ${listed(noPresenter)} chưa ghi người trình bày.`,
              }
            : {
                rule,
                label,
                status: "pass",
                reason: `Đủ ${rules.agenda.length}/${rules.agenda.length} nội dung.`,
              },
      );
    }
  }
  const each = (
    rule: string,
    label: string,
    did: (a: AttendanceFacts) => boolean | undefined,
    verb: string,
  ) => {
    if (!held) return marks.push(notYet(rule, label));
    const present = m!.attendance.filter((a) => a.presence === "present");
    const done = present.filter((a) => did(a)).length;
    marks.push(
      present.length === 0
        ? { rule, label, status: "fail", reason: "Không ghi nhận đảng viên nào có mặt." }
        : done === present.length
          ? { rule, label, status: "pass", reason: `${done}/${present.length} ${verb}.` }
          : {
              rule,
              label,
              status: "fail",
              reason: `Mới ${done}/${present.length} ${verb}.`,
            },
    );
  };
  if (rules.eachMemberPresentsPlan)
    each(
      "each-presents-plan",
      "Từng đảng viên trình bày kế hoạch",
      (a) => a.presentedPlan,
      "đảng viên có mặt đã trình bày kế hoạch",
    );
  if (rules.collectiveCommentsOnEachMember)
    each(
      "collective-comments",
      "Tập thể góp ý từng đảng viên",
      (a) => a.commentedOn,
      "đảng viên có mặt được tập thể góp ý",
    );
  return marks;
}
