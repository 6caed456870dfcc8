// When a report upward across tenants is due and how it is marked, and which form its
// narrative is written on (worker/data/upward-reports.ts says why the directive's due date).
import { NARRATIVE_FORM } from "../../schema/api-upward";
import { dueInstant } from "../../schema/rules/deadlines";
import type { Form, TemplateDefinition } from "../../schema/template";
import { unitMatches, type UnitForMatch } from "../../schema/template/match";
import type { ReportMark } from "../../schema/vocab/campaigns";

/** The instant a report for directive `d` falls due: its due date read with its definition's
 *  due rule ("trước ngày D": D 00:00 ICT; "đến hết ngày D": D+1 00:00 ICT). */
export function reportDueAt(d: { dueOn: string; definition: string }): Date {
  const def = JSON.parse(d.definition) as Partial<Pick<TemplateDefinition, "schedule">>;
  return dueInstant(def.schedule?.dueRule ?? "den-het-ngay", d.dueOn);
}

export type { ReportMark };

/** "on-time" when first filed strictly before the due instant, else "late"; before any
 *  filing, "pending" until the due instant and "missing" from it. */
export function reportMark(
  firstFiledAt: Date | null | undefined,
  dueAt: Date,
  now: Date,
): ReportMark {
  if (firstFiledAt) return firstFiledAt < dueAt ? "on-time" : "late";
  return now < dueAt ? "pending" : "missing";
}

/** The form of the definition's report from the tenant's own level (its root unit), else the
 *  plain narrative. */
export function reportFormFor(def: TemplateDefinition, root: UnitForMatch | undefined): Form {
  const report = root && def.reports.find((r) => unitMatches(r.from, root));
  return (report && def.forms.find((f) => f.key === report.formKey)) ?? NARRATIVE_FORM;
}
