// How each step is done (schema/vocab/campaigns.ts), and the check that every step of a
// template can be done: its form, meeting or report exists and belongs to the step's owner,
// an acknowledgement states its evidence. The engine completes a task only by its step's way.
import type { Completion } from "../vocab/campaigns";
import type { TemplateDefinition } from "./definition";
import type { Evidence, Step } from "./steps-forms";

type Def = Pick<TemplateDefinition, "steps" | "forms" | "reports" | "meetingRules">;

/**
 * The step's way of being done. Templates saved since the way became part of the language
 * state it; a campaign frozen before then gets the way its step kind always had, so a running
 * campaign keeps working (validateTemplate refuses a template that leaves it out).
 */
export function completionOf(step: Step): Completion {
  if (step.completion) return step.completion;
  if (step.owner === "member") {
    if (step.kind === "attend-meeting" && !step.formKey && step.due.kind === "relative")
      return "meeting-attended";
    if (step.formKey)
      return step.kind === "revise-and-sign" ? "member-form-confirmed" : "member-form-submitted";
    return "acknowledged";
  }
  if (step.kind === "meeting" || step.kind === "adopt-resolution") return "meeting-held";
  if (step.kind === "prepare-meeting" || step.kind === "send-materials") return "materials-sent";
  if (step.kind === "report-upward") return "report-filed";
  if (step.kind === "confirm-plans") return "all-plans-confirmed";
  if (step.formKey) return "unit-form-submitted";
  return "acknowledged";
}

/** What an acknowledgement of the step carries: the step's spec, or (for a campaign frozen
 *  before specs existed) a note. */
export function evidenceOf(step: Step): Evidence {
  return step.evidence ?? { what: step.title, needs: ["note"] };
}

/** The meeting step a preparing or attending step belongs to: the first step along its chain
 *  of relative deadlines that is done by holding a meeting; null when there is none. */
export function meetingStepOf(def: Pick<Def, "steps">, step: Step): Step | null {
  const seen = new Set<string>();
  let s: Step | undefined = step;
  while (s && s.due.kind === "relative" && !seen.has(s.key)) {
    seen.add(s.key);
    const anchor: string = s.due.toStep;
    s = def.steps.find((x) => x.key === anchor);
    if (s && completionOf(s) === "meeting-held") return s;
  }
  return null;
}

/** Member steps completed when the cell confirms a form: those the template says are done by
 *  the confirmation of that form. */
export const stepsConfirmedBy = (def: Pick<Def, "steps">, formKey: string): Step[] =>
  def.steps.filter(
    (s) =>
      s.owner === "member" && s.formKey === formKey && completionOf(s) === "member-form-confirmed",
  );

const OWNER_OF: Record<Completion, "unit" | "member"> = {
  "member-form-submitted": "member",
  "member-form-confirmed": "member",
  "meeting-attended": "member",
  "unit-form-submitted": "unit",
  "meeting-held": "unit",
  "meeting-scheduled": "unit",
  "materials-sent": "unit",
  "all-plans-confirmed": "unit",
  "report-filed": "unit",
  acknowledged: "member",
};

/** Why steps of the template cannot be done, one Vietnamese sentence each, naming the step. */
export function completionProblems(def: Def): string[] {
  const out: string[] = [];
  const forms = new Map(def.forms.map((f) => [f.key, f]));
  for (const s of def.steps) {
    const where = `Bước «${s.key}» («${s.title}»)`;
    const c = s.completion;
    if (!c) {
      out.push(`${where} chưa nêu cách hoàn thành: không có cách nào để đánh dấu bước này đã làm.`);
      continue;
    }
    if (c !== "acknowledged" && OWNER_OF[c] !== s.owner)
      out.push(
        `${where} do ${s.owner === "unit" ? "đơn vị" : "đảng viên"} làm nhưng cách hoàn thành «${c}» dành cho ${OWNER_OF[c] === "unit" ? "đơn vị" : "đảng viên"}.`,
      );
    if (c !== "acknowledged" && s.evidence)
      out.push(`${where} chỉ nêu minh chứng khi hoàn thành bằng xác nhận kèm minh chứng.`);
    switch (c) {
      case "member-form-submitted":
      case "member-form-confirmed":
      case "unit-form-submitted": {
        // A formKey naming no form is reported with the references (validateTemplate).
        const form = s.formKey ? forms.get(s.formKey) : undefined;
        if (!s.formKey)
          out.push(`${where} hoàn thành khi nộp biểu mẫu nhưng không có biểu mẫu nào để nộp.`);
        else if (form && form.owner !== s.owner)
          out.push(`${where}: biểu mẫu «${form.key}» không do người làm bước này điền.`);
        break;
      }
      case "meeting-held":
        // A key naming no rules is reported with the references (validateTemplate).
        if (!s.meetingRulesKey)
          out.push(`${where} hoàn thành khi họp nhưng không nêu quy định cuộc họp nào.`);
        break;
      case "meeting-scheduled":
      case "materials-sent":
      case "meeting-attended":
        if (!meetingStepOf(def, s))
          out.push(
            `${where} gắn với một cuộc họp nhưng hạn của bước không tính theo bước họp nào: không có cuộc họp để ghi nhận.`,
          );
        break;
      case "all-plans-confirmed":
        if (
          !def.steps.some((x) => x.owner === "member" && x.completion === "member-form-confirmed")
        )
          out.push(
            `${where} hoàn thành khi xác nhận đủ kế hoạch nhưng không bước nào của đảng viên hoàn thành bằng xác nhận của chi bộ.`,
          );
        break;
      case "report-filed":
        if (!def.reports.some((r) => r.stepKey === s.key))
          out.push(`${where} hoàn thành khi nộp báo cáo nhưng không có báo cáo nào gắn với bước.`);
        break;
      case "acknowledged":
        if (!s.evidence)
          out.push(`${where} hoàn thành bằng xác nhận nhưng chưa nêu minh chứng cần có.`);
        if (s.formKey)
          out.push(`${where} hoàn thành bằng xác nhận nên không gắn biểu mẫu để điền.`);
        break;
    }
  }
  return out;
}
