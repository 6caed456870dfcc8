// After the plans: reports upward (each unit on the template's report form, judged against
// the report step's deadline) and the follow-up of each member's plan — monthly reviews in
// the regular cell meeting, the 6-monthly summary and the year-end input to đánh giá, xếp loại.
import { and, asc, eq } from "drizzle-orm";
import { completionOf, unitMatches, type UnitKind } from "../../schema/template";
import { reports, reviews } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { reportMark } from "../domain/compliance";
import { validateFormData } from "../domain/forms";
import { DomainError, invalidBody, versionConflict } from "../errors";
import { auditInsert } from "./audit";
import { openUnitsInScope, requireCampaignUnit, stepDueDates, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { isStaleWrite } from "./concurrency";
import { reportNotice } from "./event-notices";
import { newId } from "./ids";
import { holds, markUnits } from "./progress-marks";
import { requireMemberInScope } from "./members";
import { casWrite, eqAll } from "./sql";
import { completeUnitSteps } from "./step-completion";

export async function submitReport(
  { db, scope, actor, now }: Ctx,
  input: { campaign: Campaign; unitId: string; reportKey: string; data: unknown; version?: number },
) {
  const { campaign: c, unitId } = input;
  if (c.status === "draft")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt chưa được phát động.");
  const unit = await requireCampaignUnit({ db, scope }, { campaign: c, unitId });
  const report = c.def.reports.find((r) => r.key === input.reportKey);
  if (!report || !unitMatches(report.from, { kind: unit.kind as UnitKind, name: unit.name }))
    throw invalidBody({ reportKey: "Đơn vị này không có báo cáo này trong đợt." });
  const form = c.def.forms.find((f) => f.key === report.formKey);
  if (form) {
    const errors = validateFormData(form, input.data, c.def.lists, "submit");
    if (Object.keys(errors).length)
      throw invalidBody(errors, "Báo cáo còn trường bắt buộc chưa điền hoặc chưa hợp lệ.");
  }
  const [existing] = await db
    .select()
    .from(reports)
    .where(eqAll(reports, { campaignId: c.id, unitId: unit.id, reportKey: report.key }));
  if (isStaleWrite(existing, input.version)) throw versionConflict();
  const data = JSON.stringify(input.data);
  const reportId = existing?.id ?? newId();
  const version = (existing?.version ?? 0) + 1;
  // What follows the row (marks, notice) is written only if this write won.
  const won = holds("reports", reportId, version);
  const [written] = await db.batch([
    // A corrected report keeps the moment it was first sent: that is what "on time" judges.
    casWrite(
      db,
      reports,
      existing,
      { data, version, submittedBy: actor.actorUserId },
      {
        id: reportId,
        campaignId: c.id,
        unitId: unit.id,
        reportKey: report.key,
        data,
        submittedAt: now,
        submittedBy: actor.actorUserId,
        createdAt: now,
      },
    ),
    // The report completes its step when that step is done by filing it ("report-filed"),
    // at the first filing: a correction keeps the moment.
    completeUnitSteps(
      db,
      {
        campaignId: c.id,
        unitId: unit.id,
        stepKeys: c.def.steps.some(
          (s) => s.key === report.stepKey && completionOf(s) === "report-filed",
        )
          ? [report.stepKey]
          : [],
      },
      now,
    ),
    // The unit's compliance marks (compliance-figures.ts), if the report was written.
    markUnits(db, [unit.id], c.id, won),
    auditInsert(
      db,
      {
        ...actor,
        action: existing ? "report.correct" : "report.submit",
        entity: "report",
        entityId: `${c.id}:${unit.id}:${report.key}`,
      },
      now,
    ),
    reportNotice(
      db,
      {
        campaignId: c.id,
        unitId: unit.id,
        reportKey: report.key,
        version,
        actorUserId: actor.actorUserId,
      },
      now,
      won,
    ),
  ]);
  if (!written[0]) throw versionConflict();
  const due = stepDueDates(c)[report.stepKey] ?? null;
  const submittedAt = existing?.submittedAt ?? now;
  return {
    reportKey: report.key,
    unitId: unit.id,
    version,
    submittedAt,
    mark: reportMark(report.title, submittedAt, due, now),
  };
}

/** Which units of the reader's subtree owe which report, and whether it came in on time. */
export async function listReports(
  { db, scope, now }: Pick<Ctx, "db" | "scope" | "now">,
  c: Campaign,
) {
  const due = stepDueDates(c);
  const within = await openUnitsInScope({ db, scope }, c);
  const rows = await db.select().from(reports).where(eq(reports.campaignId, c.id));
  const out = [];
  for (const unit of within) {
    for (const report of c.def.reports) {
      if (!unitMatches(report.from, { kind: unit.kind as UnitKind, name: unit.name })) continue;
      const r = rows.find((x) => x.unitId === unit.id && x.reportKey === report.key);
      const dueAt = due[report.stepKey] ?? null;
      out.push({
        unitId: unit.id,
        unitName: unit.name,
        reportKey: report.key,
        title: report.title,
        to: report.to,
        dueAt,
        submittedAt: r?.submittedAt ?? null,
        version: r?.version ?? 0,
        data: r ? (JSON.parse(r.data) as unknown) : null,
        mark: reportMark(report.title, r?.submittedAt ?? null, dueAt, now),
      });
    }
  }
  return out;
}

export const RATINGS = [
  "hoan-thanh-xuat-sac",
  "hoan-thanh-tot",
  "hoan-thanh",
  "khong-hoan-thanh",
] as const;

/** Monthly ("YYYY-MM"), 6-monthly ("YYYY-H1"/"YYYY-H2") or year-end ("YYYY") review of one
 *  member's plan, recorded by the cell; a second review of the same period replaces it. */
export async function saveReview(
  { db, scope, actor, now }: Ctx,
  input: {
    campaign: Campaign;
    memberId: string;
    period: string;
    rating: (typeof RATINGS)[number];
    note?: string | null;
  },
) {
  const c = input.campaign;
  if (c.status === "draft")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt chưa được phát động.");
  await requireMemberInScope(db, input.memberId, scope);
  const row = {
    id: newId(),
    campaignId: c.id,
    memberId: input.memberId,
    period: input.period,
    rating: input.rating,
    note: input.note ?? null,
    byUserId: actor.actorUserId,
    createdAt: now,
    updatedAt: now,
  };
  await db.batch([
    db
      .insert(reviews)
      .values(row)
      .onConflictDoUpdate({
        target: [reviews.campaignId, reviews.memberId, reviews.period],
        set: { rating: row.rating, note: row.note, byUserId: row.byUserId, updatedAt: now },
      }),
    // The note is about the member's plan: the audit records that a review was made, not its text.
    auditInsert(
      db,
      {
        ...actor,
        action: "review.save",
        entity: "member",
        entityId: input.memberId,
        after: { campaignId: c.id, period: input.period, rating: input.rating },
      },
      now,
    ),
  ]);
  return { memberId: input.memberId, period: input.period, rating: input.rating, note: row.note };
}

export async function listReviews(db: TenantDb, input: { campaignId: string; memberId: string }) {
  const rows = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.campaignId, input.campaignId), eq(reviews.memberId, input.memberId)))
    .orderBy(asc(reviews.period));
  return rows.map((r) => ({
    period: r.period,
    kind: periodKind(r.period),
    rating: r.rating,
    note: r.note,
    updatedAt: r.updatedAt,
  }));
}

export const periodKind = (p: string) =>
  /^\d{4}-\d{2}$/.test(p) ? "monthly" : /^\d{4}-H[12]$/.test(p) ? "six-monthly" : "year-end";
