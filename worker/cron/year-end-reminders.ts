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
import { MEMBER_YEAR_END_KEY, memberYearEnd, type MemberYearEnd } from "../domain/year-end";

/** The two reads the reminder basis adds to its batch. */
export function yearEndBasis(db: TenantDb) {
  const activeIds = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "active"));
  const asked = sql`EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.status} = 'active'
    AND json_extract(${campaigns.definition}, '$.followUp.yearEndRanking.members') IS NOT NULL)`;
  return [
    // Who recorded, counted by the member's status today and only under their current unit
    // (as the save writes and compliance counts): an excused or departed member's record, or
    // one left in a former cell, does not make up for an expected member's.
    db
      .select({
        campaignId: stepRecords.campaignId,
        unitId: stepRecords.unitId,
        status: members.status,
        n: sql<number>`count(DISTINCT ${stepRecords.memberId})`,
      })
      .from(stepRecords)
      .innerJoin(
        members,
        and(eq(members.id, stepRecords.memberId), eq(members.unitId, stepRecords.unitId)),
      )
      .where(
        and(
          inArray(stepRecords.campaignId, activeIds),
          eq(stepRecords.stepKey, MEMBER_YEAR_END_KEY),
        ),
      )
      .groupBy(stepRecords.campaignId, stepRecords.unitId, members.status),
    db
      .select({ unitId: members.unitId, status: members.status, n: sql<number>`count(*)` })
      .from(members)
      .where(and(asked, notInArray(members.status, [...GONE_STATUSES])))
      .groupBy(members.unitId, members.status),
  ] as const;
}

type StatusCount = { status: string; n: number };

/** The two reads' rows by unit (members) and by campaign and unit (records), indexed once a
 *  pass so that each unit's decision is a lookup, not a scan of the tenant's rows; and the
 *  input each campaign owes, dated once a pass (`owed`), not once a unit. */
export function yearEndIndex(
  recorded: (StatusCount & { campaignId: string; unitId: string })[],
  counts: (StatusCount & { unitId: string })[],
) {
  const push = <K>(m: Map<K, StatusCount[]>, k: K, r: StatusCount) =>
    (m.get(k) ?? m.set(k, []).get(k)!).push(r);
  const byRecord = new Map<string, StatusCount[]>();
  for (const r of recorded) push(byRecord, `${r.campaignId}|${r.unitId}`, r);
  const byUnit = new Map<string, StatusCount[]>();
  for (const r of counts) push(byUnit, r.unitId, r);
  const dated = new Map<string, MemberYearEnd | null>();
  const owed = (c: Campaign) => {
    let o = dated.get(c.id);
    if (o === undefined) dated.set(c.id, (o = memberYearEnd(c.def, c.startsOn)));
    return o;
  };
  return { byRecord, byUnit, owed };
}
export type YearEndIndex = ReturnType<typeof yearEndIndex>;

/** The unit's members' year-end input as one follow-up its secretary owes: done once every
 *  expected member recorded theirs; none when the campaign asks none or no one owes it. */
export function yearEndDue(
  c: Campaign,
  unit: { id: string; kind: string; name: string },
  index: YearEndIndex,
): DueFollowUp[] {
  const o = index.owed(c);
  if (!o || !yearEndConcerns(c, unit)) return [];
  const expectedOf = (rows: StatusCount[] | undefined) =>
    (rows ?? [])
      .filter((r) => countState(r.status, c.def.excusals.statuses) === "expected")
      .reduce((sum, r) => sum + Number(r.n), 0);
  const expected = expectedOf(index.byUnit.get(unit.id));
  if (expected === 0) return [];
  const n = expectedOf(index.byRecord.get(`${c.id}|${unit.id}`));
  return [
    {
      key: MEMBER_YEAR_END_KEY.slice(1),
      title: `${o.title} (${Math.min(n, expected)}/${expected} đảng viên đã ghi nhận)`,
      dueAt: o.dueAt,
      done: n >= expected,
    },
  ];
}
