// What a campaign's rollup depends on (./rollup.ts): its fingerprint, which says whether
// anything changed and whether only plans and meetings did, and then which units those are.
import { and, eq, gte, sql } from "drizzle-orm";
import { meetings, members, type rollupState, submissions } from "../../schema/tables/tenant";
import { stepDueDates, type Campaign } from "../data/campaigns";
import type { TenantDb } from "../db/handles";
import { ictDate } from "../domain/deadlines";

/** What a campaign's figures depend on, in two parts: `structural` (a change there
 *  recomputes every unit) and `data` (plans and meetings: only their units). */
/** The tables' side of the fingerprint: one statement, batched with the rollup's reads. */
export const fingerprintQuery = (db: TenantDb, c: Campaign) =>
  db.all<{ s: string; d: string }>(sql`SELECT
      (SELECT coalesce(max(version), 0) || ':' || count(*) FROM reports WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM members) || '|' ||
      (SELECT coalesce(max(at), 0) || ':' || count(*) FROM member_status_history) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM units) AS s,
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM submissions WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM meetings WHERE campaign_id = ${c.id}) AS d`);

export function fingerprintOf(c: Campaign, now: Date, rs: { s: string; d: string }[]) {
  const due = stepDueDates(c);
  const passed = Object.entries(due)
    .filter(([, at]) => at <= now)
    .map(([k]) => k)
    .sort()
    .join(",");
  const structural = `${c.version}|${c.status}|${ictDate(now)}|${passed}|${rs[0]!.s}`;
  return { structural, full: `${structural}#${rs[0]!.d}` };
}

/** Units whose plans or meetings changed since `since`: two statements, then changedOf. */
export const changedQueries = (db: TenantDb, c: Campaign, since: Date) =>
  [
    db
      .selectDistinct({ unitId: members.unitId })
      .from(submissions)
      .innerJoin(members, eq(members.id, submissions.memberId))
      .where(and(eq(submissions.campaignId, c.id), gte(submissions.updatedAt, since))),
    db
      .selectDistinct({ unitId: meetings.unitId })
      .from(meetings)
      .where(and(eq(meetings.campaignId, c.id), gte(meetings.updatedAt, since))),
  ] as const;
export const changedOf = (plans: { unitId: string }[], meets: { unitId: string }[]) => [
  ...new Set([...plans, ...meets].map((r) => r.unitId)),
];

export type RollupStateRow = typeof rollupState.$inferSelect;

/** Whether only plans and meetings changed since the last rollup (the rest as it was). */
export const incrementalFrom = (state: RollupStateRow | undefined, fp: { structural: string }) =>
  !!state && state.fingerprint.split("#")[0] === fp.structural;
