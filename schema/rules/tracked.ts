// The member step progress counts ("the tracked form"): the personal plan where there is one,
// else another member form (self-assessment, then commitment, then any), else the first member
// step (CT 24's members only attend: they are counted as expected or excused, and nothing is
// "submitted"). The dashboard, the cron and the client's queue all pick it here.
import type { Step, TemplateDefinition } from "../template";
import { TRACKED_STEP_KINDS } from "../vocab/campaigns";

export function trackedStep(def: Pick<TemplateDefinition, "steps">): Step | null {
  const memberSteps = def.steps.filter((s) => s.owner === "member");
  const withForm = memberSteps.filter((s) => s.formKey);
  for (const kind of TRACKED_STEP_KINDS) {
    const s = withForm.find((x) => x.kind === kind);
    if (s) return s;
  }
  return withForm[0] ?? memberSteps[0] ?? null;
}

/** The tracked step's form; null when the tracked step has none (members only attend). */
export const trackedFormKey = (def: Pick<TemplateDefinition, "steps">): string | null =>
  trackedStep(def)?.formKey ?? null;
