// The monthly review on the template's own form (000 Bước 4: "mặt được, chưa được, yêu cầu báo
// cáo làm rõ"; 003 §3.4's rà soát): one per unit per month, filled by the unit's secretary,
// versioned (409 when stale) and audited; compliance marks each unit against the months owed
// (worker/domain/follow-up.ts).
import { and, desc, eq, sql } from "drizzle-orm";
import { ictDate } from "../../schema/rules/deadlines";
import { unitMatches, type UnitKind } from "../../schema/template";
import { stepRecords } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { validateFormData } from "../domain/forms";
import { MONTHLY_REVIEW_KEY } from "../domain/follow-up";
import { DomainError, invalidBody, versionConflict } from "../errors";
import { auditInsertIf } from "./audit";
import { requireCampaignUnit, stepDueDates, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { eqAll } from "./sql";

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

export async function saveMonthlyReview(
  ctx: Ctx,
  input: { campaign: Campaign; unitId: string; period: string; version: number; data: unknown },
) {
  const { db, actor, now } = ctx;
  const c = input.campaign;
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt không còn diễn ra.");
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const { mr, form } = reviewForm(c);
  if (!unitMatches(mr.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }))
    throw invalidBody({ unitId: "Đơn vị này không nhận xét hằng tháng trong đợt." });
  const month = ictDate(now).slice(0, 7);
  if (input.period > month) throw invalidBody({ period: "Tháng này chưa đến." });
  if (input.period < c.startsOn.slice(0, 7))
    throw invalidBody({ period: "Tháng này trước khi đợt sinh hoạt bắt đầu." });
  const errors = validateFormData(form, input.data, c.def.lists, "submit");
  if (Object.keys(errors).length)
    throw invalidBody(
      Object.fromEntries(Object.entries(errors).map(([k, m]) => [`data.${k}`, m])),
      "Nhận xét còn trường bắt buộc chưa điền hoặc chưa hợp lệ.",
    );
  const key = {
    campaignId: c.id,
    stepKey: MONTHLY_REVIEW_KEY,
    unitId: unit.id,
    memberId: "",
    period: input.period,
  };
  const [last] = await db
    .select({ version: stepRecords.version })
    .from(stepRecords)
    .where(eqAll(stepRecords, key))
    .orderBy(desc(stepRecords.version))
    .limit(1);
  if ((last?.version ?? 0) !== input.version) throw versionConflict();
  const row = {
    id: newId(),
    ...key,
    version: input.version + 1,
    doneOn: ictDate(now),
    data: JSON.stringify(input.data),
    byUserId: actor.actorUserId,
    createdAt: now,
  };
  const [inserted] = await db.batch([
    db.insert(stepRecords).values(row).onConflictDoNothing().returning({ id: stepRecords.id }),
    // The review speaks of members: the audit keeps that it was made, not what it says.
    auditInsertIf(
      db,
      {
        ...actor,
        action: "monthly-review.save",
        entity: "unit",
        entityId: unit.id,
        after: { campaignId: c.id, period: input.period, version: row.version },
      },
      now,
      sql`EXISTS (SELECT 1 FROM ${stepRecords} WHERE ${stepRecords.id} = ${row.id})`,
    ),
  ]);
  if (!inserted[0]) throw versionConflict();
  return { unitId: unit.id, period: input.period, version: row.version, data: input.data };
}

/** A unit's reviews, the latest version of each month, newest month first. */
export async function listMonthlyReviews(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId: string },
) {
  const unit = await requireCampaignUnit(ctx, { campaign: input.campaign, unitId: input.unitId });
  const rows = await ctx.db
    .select()
    .from(stepRecords)
    .where(
      eqAll(stepRecords, {
        campaignId: input.campaign.id,
        stepKey: MONTHLY_REVIEW_KEY,
        unitId: unit.id,
      }),
    )
    .orderBy(desc(stepRecords.period), desc(stepRecords.version));
  const seen = new Set<string>();
  const reviews = [];
  for (const r of rows) {
    if (seen.has(r.period)) continue;
    seen.add(r.period);
    reviews.push({
      period: r.period,
      version: r.version,
      data: r.data ? (JSON.parse(r.data) as unknown) : null,
      recordedAt: r.createdAt,
    });
  }
  return { unitId: unit.id, anchor: reviewAnchor(input.campaign), reviews };
}

/** Every unit's reviewed months in the campaign, for compliance. */
export async function reviewedMonths(db: TenantDb, campaignId: string) {
  const rows = await db
    .selectDistinct({ unitId: stepRecords.unitId, period: stepRecords.period })
    .from(stepRecords)
    .where(
      and(eq(stepRecords.campaignId, campaignId), eq(stepRecords.stepKey, MONTHLY_REVIEW_KEY)),
    );
  const out = new Map<string, Set<string>>();
  for (const r of rows)
    (out.get(r.unitId) ?? out.set(r.unitId, new Set()).get(r.unitId)!).add(r.period);
  return out;
}
