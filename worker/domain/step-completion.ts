// Which steps a fact completes, read from each step's declared way (schema/vocab/completions):
// a meeting record completes its own step once held, the steps preparing it once scheduled or
// once its materials went out, and nothing else ("no step completes because another did").
import { completionOf, meetingStepOf, type TemplateDefinition } from "../../schema/template";
import type { Mark } from "./compliance";
import { formatDateVi, isOnTime, lastDayVi } from "./deadlines";

export interface MeetingRecordFacts {
  stepKey: string;
  scheduledAt: Date | null;
  place: string | null;
  materialsSentAt: Date | null;
  soTayLink: string | null;
  soTayPostedAt: Date | null;
  startedAt: Date | null;
}

/** Keys of the unit steps a meeting record, as it now stands, completes. */
export function stepsDoneByMeeting(
  def: Pick<TemplateDefinition, "steps">,
  m: MeetingRecordFacts,
): string[] {
  return def.steps
    .filter((s) => {
      if (s.owner !== "unit") return false;
      const way = completionOf(s);
      if (s.key === m.stepKey) return way === "meeting-held" && !!m.startedAt;
      if (way !== "meeting-scheduled" && way !== "materials-sent") return false;
      if (meetingStepOf(def, s)?.key !== m.stepKey) return false;
      if (way === "meeting-scheduled") return !!m.scheduledAt && !!m.place?.trim();
      // CT 24 asks for the Sổ tay link and the time it was posted as the proof.
      if (s.proof === "link-and-time") return !!m.soTayLink && !!m.soTayPostedAt;
      return !!(m.materialsSentAt || m.soTayPostedAt);
    })
    .map((s) => s.key);
}

/** A unit's step done by its own record (an acknowledgement, the unit's form), judged by when
 *  it was first recorded against the step's deadline; the rule names the step and its way. */
export function recordMark(
  step: { key: string; title: string },
  recordedAt: Date | null,
  dueAt: Date | null,
  now: Date,
): Mark {
  const rule = `step:${step.key}`;
  const label = `Bước: ${step.title}`;
  if (recordedAt) {
    if (dueAt && !isOnTime(dueAt, recordedAt))
      return {
        rule,
        label,
        status: "late",
        reason: `Ghi nhận ngày ${formatDateVi(recordedAt)}, sau hạn ${lastDayVi(dueAt)}.`,
      };
    return { rule, label, status: "pass", reason: `Ghi nhận ngày ${formatDateVi(recordedAt)}.` };
  }
  if (dueAt && now >= dueAt)
    return { rule, label, status: "fail", reason: "Chưa ghi nhận khi đã hết hạn." };
  return {
    rule,
    label,
    status: "pending",
    reason: dueAt ? `Hạn đến hết ngày ${lastDayVi(dueAt)}.` : "Chưa ghi nhận.",
  };
}
