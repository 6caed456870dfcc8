// Words for the parts of a template and a campaign: step kinds, owners, statuses, and the
// due rules of steps as a reader says them ("3 ngày trước bước «Hội nghị»").
import type { Due, Step, TemplateDefinition } from "../../../schema/template";
import type { CampaignStatus } from "../../api";
import { formatDay } from "../../lib/labels";
import { OWNER_LABELS, STEP_KIND_LABELS } from "../../../schema/vocab/campaigns";

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<CampaignStatus, string>> = {
  draft: "Nháp — chưa phát động",
  active: "Đang diễn ra",
  closed: "Đã kết thúc",
};

export { OWNER_LABELS };

const KIND_LABELS: Readonly<Record<string, string>> = STEP_KIND_LABELS;

export const stepKindLabel = (kind: string): string => KIND_LABELS[kind] ?? kind;

/**
 * The member form progress counts, as the server picks it (worker/data/campaigns.ts,
 * trackedStep): the personal plan, else a self-assessment, else a commitment, else any.
 */
export function trackedFormKey(def: TemplateDefinition): string | null {
  const withForm = def.steps.filter((s) => s.owner === "member" && s.formKey);
  for (const kind of ["personal-plan", "self-assessment", "commitment"]) {
    const s = withForm.find((x) => x.kind === kind);
    if (s) return s.formKey!;
  }
  return withForm[0]?.formKey ?? null;
}

const ruleWord = (rule: "truoc-ngay" | "den-het-ngay") =>
  rule === "truoc-ngay" ? "trước ngày" : "đến hết ngày";

/** A template's due rule in words. */
export function dueRuleText(due: Due, steps: readonly Pick<Step, "key" | "title">[]): string {
  switch (due.kind) {
    case "absolute": {
      const text = `${ruleWord(due.rule)} ${formatDay(due.date)}`;
      if (!due.rebase) return text;
      const anchor = due.rebase.anchor === "campaign-start" ? "bắt đầu" : "kết thúc";
      return `${text} (đợt khác: tính lại theo ngày ${anchor} đợt)`;
    }
    case "relative": {
      const title = steps.find((s) => s.key === due.toStep)?.title ?? due.toStep;
      const n = due.offsetDays;
      if (n === 0) return `cùng hạn với bước «${title}»`;
      return `${Math.abs(n)} ngày ${n < 0 ? "trước" : "sau"} bước «${title}»`;
    }
    case "campaign-end": {
      const n = due.offsetDays ?? 0;
      const end =
        due.rule === "den-het-ngay" ? "đến hết ngày kết thúc đợt" : "trước ngày kết thúc đợt";
      if (n === 0) return end;
      return `${Math.abs(n)} ngày ${n < 0 ? "trước" : "sau"} hạn kết thúc đợt`;
    }
    case "undated":
      return `không có hạn — ${due.note}`;
  }
}
