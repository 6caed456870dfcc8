// Follow-up on the template's own forms, as dated obligations: the monthly review (000 Bước 4:
// "mặt được, chưa được, yêu cầu báo cáo làm rõ"; 003 §3.4's rà soát), one per unit per month,
// and the periodic reports (003's 6-monthly report), one per unit per period. Filled by the
// unit's secretary, versioned (409 when stale) and audited; compliance marks each unit against
// the months and periods owed (worker/domain/follow-up.ts).
import type { AuditAction } from "../../schema/vocab/audit-actions";
import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { dueInstant, ictDate, isOnTime } from "../../schema/rules/deadlines";
import { unitMatches, type Form, type UnitKind } from "../../schema/template";
import { stepRecords } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { validateFormData } from "../domain/forms";
import { MONTHLY_REVIEW_KEY, periodEnd, periodicReportKey, periodOf } from "../domain/follow-up";
import { invalidBody, notFound } from "../errors";
import { unitRecordRows, writeRecordVersion } from "./acknowledgements";
import {
  requireActiveCampaign,
  requireCampaignUnit,
  stepDueDates,
  type Campaign,
} from "./campaigns";
import type { Ctx } from "./context";

/** The review's rule and form, or a 422 when the campaign reviews on no form. */
function reviewForm(c: Campaign) {
  const mr = c.def.followUp.monthlyReview;
  const form = mr?.formKey ? c.def.forms.find((f) => f.key === mr.formKey) : undefined;
  if (!mr || !form)
    throw invalidBody(
      { period: "Đợt này không có nhận xét hằng tháng theo biểu mẫu." },
      "Đợt sinh hoạt này không có nhận xét hằng tháng theo biểu mẫu.",
    );
  return { mr, form };
}

/** The day the monthly reviews are owed from: the due day of the step they start after. */
export function reviewAnchor(c: Campaign): string {
  const after = c.def.followUp.monthlyReview?.startsAfterStep;
  const due = after ? stepDueDates(c)[after] : undefined;
  return due ? ictDate(new Date(due.getTime() - 1)) : c.startsOn;
}

/** Writes the next version of a unit's follow-up record of `period` on `form`. */
async function saveFollowUp(
  { db, actor, now }: Ctx,
  input: {
    campaign: Campaign;
    unitId: string;
    stepKey: string;
    period: string;
    version: number;
    form: Form;
    data: unknown;
    action: AuditAction;
  },
) {
  const c = input.campaign;
  const errors = validateFormData(input.form, input.data, c.def.lists, "submit");
  if (Object.keys(errors).length)
    throw invalidBody(
      Object.fromEntries(Object.entries(errors).map(([k, m]) => [`data.${k}`, m])),
      "Biểu mẫu còn trường bắt buộc chưa điền hoặc chưa hợp lệ.",
    );
  const key = {
    campaignId: c.id,
    stepKey: input.stepKey,
    unitId: input.unitId,
    memberId: "",
    period: input.period,
  };
  // The record speaks of members: the audit keeps that it was made, not what it says.
  const { version } = await writeRecordVersion(
    { db, actor, now },
    { key, expected: input.version },
    { ...key, doneOn: ictDate(now), data: JSON.stringify(input.data) },
    (version) => ({
      action: input.action,
      entity: "unit",
      entityId: input.unitId,
      after: { campaignId: c.id, key: input.stepKey, period: input.period, version },
    }),
  );
  return { unitId: input.unitId, period: input.period, version, data: input.data };
}

export async function saveMonthlyReview(
  ctx: Ctx,
  input: { campaign: Campaign; unitId: string; period: string; version: number; data: unknown },
) {
  const c = input.campaign;
  requireActiveCampaign(c);
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const { mr, form } = reviewForm(c);
  if (!unitMatches(mr.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }))
    throw invalidBody({ unitId: "Đơn vị này không nhận xét hằng tháng trong đợt." });
  const month = ictDate(ctx.now).slice(0, 7);
  if (input.period > month) throw invalidBody({ period: "Tháng này chưa đến." });
  if (input.period < c.startsOn.slice(0, 7))
    throw invalidBody({ period: "Tháng này trước khi đợt sinh hoạt bắt đầu." });
  return saveFollowUp(ctx, {
    ...input,
    unitId: unit.id,
    stepKey: MONTHLY_REVIEW_KEY,
    form,
    action: "monthly-review.save",
  });
}

/** A periodic report (003's 6-monthly) of a period ("YYYY-H1"/"YYYY-H2", or "YYYY"). */
export async function savePeriodicReport(
  ctx: Ctx,
  input: {
    campaign: Campaign;
    reportKey: string;
    unitId: string;
    period: string;
    version: number;
    data: unknown;
  },
) {
  const c = input.campaign;
  requireActiveCampaign(c);
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const report = c.def.followUp.periodicReports.find((r) => r.key === input.reportKey);
  const form = report?.formKey ? c.def.forms.find((f) => f.key === report.formKey) : undefined;
  if (!report || !form) throw notFound("Đợt sinh hoạt không có báo cáo định kỳ này.");
  if (!unitMatches(report.from, { kind: unit.kind as UnitKind, name: unit.name }))
    throw invalidBody({ unitId: "Đơn vị này không nộp báo cáo định kỳ này." });
  const shape = report.every === "hang-nam" ? /^\d{4}$/ : /^\d{4}-H[12]$/;
  if (!shape.test(input.period))
    throw invalidBody({
      period:
        report.every === "hang-nam"
          ? "Kỳ báo cáo có dạng YYYY."
          : "Kỳ báo cáo có dạng YYYY-H1 hoặc YYYY-H2.",
    });
  const today = ictDate(ctx.now);
  if (input.period > periodOf(report.every, today))
    throw invalidBody({ period: "Kỳ báo cáo này chưa đến." });
  if (input.period < periodOf(report.every, c.startsOn))
    throw invalidBody({ period: "Kỳ báo cáo này trước khi đợt sinh hoạt bắt đầu." });
  return saveFollowUp(ctx, {
    ...input,
    unitId: unit.id,
    stepKey: periodicReportKey(report.key),
    form,
    action: "periodic-report.save",
  });
}

/** A unit's records of a follow-up, the latest version of each period, newest period first. */
async function latestByPeriod(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId: string },
  stepKey: string,
) {
  const { unit, rows } = await unitRecordRows(ctx, input, { stepKey }, [
    desc(stepRecords.period),
    desc(stepRecords.version),
  ]);
  const byPeriod = new Map<
    string,
    { period: string; version: number; data: unknown; recordedAt: Date; firstAt: Date }
  >();
  for (const r of rows) {
    const had = byPeriod.get(r.period);
    // Newest version first: the first row is the latest, the last one the first sent.
    if (had) had.firstAt = r.createdAt < had.firstAt ? r.createdAt : had.firstAt;
    else
      byPeriod.set(r.period, {
        period: r.period,
        version: r.version,
        data: r.data ? (JSON.parse(r.data) as unknown) : null,
        recordedAt: r.createdAt,
        firstAt: r.createdAt,
      });
  }
  return { unit, records: [...byPeriod.values()] };
}

/** A unit's reviews, the latest version of each month, newest month first. */
export async function listMonthlyReviews(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId: string },
) {
  const { unit, records } = await latestByPeriod(ctx, input, MONTHLY_REVIEW_KEY);
  return { unitId: unit.id, anchor: reviewAnchor(input.campaign), reviews: records };
}

/** A unit's periodic report (003's 6-monthly), the latest version of each period. */
export async function listPeriodicReports(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; reportKey: string; unitId: string },
) {
  const report = input.campaign.def.followUp.periodicReports.find(
    (r) => r.key === input.reportKey && r.formKey,
  );
  if (!report) throw notFound("Đợt sinh hoạt không có báo cáo định kỳ này.");
  const { unit, records } = await latestByPeriod(ctx, input, periodicReportKey(report.key));
  // Each period's report is due by the end of its last day (ICT), judged by its first version.
  const reports = records.map((r) => {
    const dueOn = periodEnd(r.period);
    const onTime = isOnTime(dueInstant("den-het-ngay", dueOn), r.firstAt);
    return { ...r, dueOn, onTime };
  });
  return { unitId: unit.id, reportKey: report.key, every: report.every, reports };
}

/** Every unit's recorded periods of several follow-ups (the monthly review, periodic reports)
 *  in one statement: a query, batched by the compliance (periodsByStep groups it). */
export const recordedPeriodsQuery = (
  db: TenantDb,
  campaignId: string,
  stepKeys: string[],
  where?: SQL,
) =>
  db
    .selectDistinct({
      stepKey: stepRecords.stepKey,
      unitId: stepRecords.unitId,
      period: stepRecords.period,
    })
    .from(stepRecords)
    .where(
      and(
        eq(stepRecords.campaignId, campaignId),
        inArray(stepRecords.stepKey, stepKeys.length ? stepKeys : [""]),
        where,
      ),
    );

/** Step key → unit → its recorded periods. */
export function periodsByStep(
  rows: { stepKey: string; unitId: string; period: string }[],
): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const r of rows) {
    const byUnit = out.get(r.stepKey) ?? out.set(r.stepKey, new Map()).get(r.stepKey)!;
    (byUnit.get(r.unitId) ?? byUnit.set(r.unitId, new Set()).get(r.unitId)!).add(r.period);
  }
  return out;
}
