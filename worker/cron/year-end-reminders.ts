// The secretary's reminder of the members' own year-end input (issue 10), decided inside the
// reminder day's one batch: what each unit's members recorded, counted per campaign and unit,
// and the units' members counted per status — both sized by the number of units, and the
// members' count read only while an active campaign asks for the input at all.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { GONE_STATUSES } from "../../schema/rules/roll";
import { campaigns, members, stepRecords } from "../../schema/tables/tenant";
import type { Campaign } from "../data/campaigns";
import { yearEndConcerns } from "../data/member-year-end";
import type { TenantDb } from "../db/handles";
import type { DueFollowUp } from "../domain/follow-up";
import { countState } from "../domain/progress";
import { MEMBER_YEAR_END_KEY, memberYearEnd } from "../domain/year-end";

/** The two reads the reminder basis adds to its batch. */
export function yearEndBasis(db: TenantDb) {
  const activeIds = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "active"));
  const asked = sql`EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.status} = 'active'
    AND json_extract(${campaigns.definition}, '$.followUp.yearEndRanking.members') IS NOT NULL)`;
  return [
    db
      .select({
        campaignId: stepRecords.campaignId,
        unitId: stepRecords.unitId,
        n: sql<number>`count(DISTINCT ${stepRecords.memberId})`,
      })
      .from(stepRecords)
      .where(
        and(
          inArray(stepRecords.campaignId, activeIds),
          eq(stepRecords.stepKey, MEMBER_YEAR_END_KEY),
        ),
      )
      .groupBy(stepRecords.campaignId, stepRecords.unitId),
    db
      .select({ unitId: members.unitId, status: members.status, n: sql<number>`count(*)` })
      .from(members)
      .where(and(asked, notInArray(members.status, [...GONE_STATUSES])))
      .groupBy(members.unitId, members.status),
  ] as const;
}

/** The unit's members' year-end input as one follow-up its secretary owes: done once every
 *  expected member recorded theirs; none when the campaign asks none or no one owes it. */
export function yearEndDue(
  c: Campaign,
  unit: { id: string; kind: string; name: string },
  recorded: { campaignId: string; unitId: string; n: number }[],
  counts: { unitId: string; status: string; n: number }[],
): DueFollowUp[] {
  const o = memberYearEnd(c.def, c.startsOn);
  if (!o || !yearEndConcerns(c, unit)) return [];
  const expected = counts
    .filter(
      (r) => r.unitId === unit.id && countState(r.status, c.def.excusals.statuses) === "expected",
    )
    .reduce((sum, r) => sum + Number(r.n), 0);
  if (expected === 0) return [];
  const n = Number(recorded.find((r) => r.campaignId === c.id && r.unitId === unit.id)?.n ?? 0);
  return [
    {
      key: "tu-danh-gia-cuoi-nam",
      title: `${o.title} (${Math.min(n, expected)}/${expected} đảng viên đã ghi nhận)`,
      dueAt: o.dueAt,
      done: n >= expected,
    },
  ];
}
