// Which steps a fact completes, read from each step's declared way (schema/vocab/completions):
// a meeting record completes its own step once held, the steps preparing it once scheduled or
// once its materials went out, and nothing else ("no step completes because another did").
import { completionOf, meetingStepOf, type TemplateDefinition } from "../../schema/template";

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
