// The marks ./progress-marks.ts writes, read back for the stored progress figures
// (./progress-figures.ts): which units they name since a campaign's state was computed, and
// pruning those every kept campaign has read.
import { eq, sql } from "drizzle-orm";
import {
  complianceFigures,
  complianceRechecks,
  complianceState,
  memberStatusHistory,
  members,
  progressDirty,
  progressFigureState,
  progressFigures,
  units,
} from "../../schema/tables/tenant";
import type { BatchItem, TenantDb } from "../db/handles";
import { targetReads, targetsOf, unitInfosOf, type Targets } from "./campaign-targets";
import type { Campaign } from "./campaigns";

/** The state row that records up to which sequence marks have been pruned. */
export const PRUNED = "";

/** The last mark ever given (the marks' sequence), as a subquery. */
export const HIGH_WATER = sql`(SELECT seq FROM sqlite_sequence WHERE name = 'progress_dirty')`;

/** The last mark ever given, read. */
export async function maxSeq(db: TenantDb) {
  const [r] = await db.all<{ seq: number | null }>(sql`SELECT ${HIGH_WATER} AS seq`);
  return Number(r?.seq ?? 0);
}

/** The units whose own counts may differ from the stored ones: marked since the state's
 *  sequence (up to `upTo`), and, when the evaluation date moved, those whose members' status
 *  on the date or whose own open/closed state changes between the two dates. */
export async function dirtyUnits(
  db: TenantDb,
  c: Campaign,
  state: typeof progressFigureState.$inferSelect,
  { upTo, evaluatedOn }: { upTo: number; evaluatedOn: string },
): Promise<{ dirty: string[] | "all"; targets?: Targets }> {
  const marks =
    upTo > state.seq
      ? db
          .selectDistinct({ unitId: progressDirty.unitId })
          .from(progressDirty)
          .where(
            sql`${progressDirty.seq} > ${state.seq} AND ${progressDirty.seq} <= ${upTo}
              AND (${progressDirty.campaignId} IS NULL OR ${progressDirty.campaignId} = ${c.id})`,
          )
      : null;
  let marked: { unitId: string | null }[] = [];
  const out = new Set<string>();
  let targets: Targets | undefined;
  if (state.evaluatedOn === evaluatedOn) marked = marks ? await marks : [];
  else {
    // A new day (once a day, the cron's pass): one round trip for the marks, what changes
    // between the two dates and, when there are marks, the targets the recount will need.
    const [lo, hi] = [state.evaluatedOn, evaluatedOn].sort() as [string, string];
    const [byStatus, byClosing, ...more] = await db.batch([
      db
        .selectDistinct({ unitId: members.unitId })
        .from(memberStatusHistory)
        .innerJoin(members, eq(members.id, memberStatusHistory.memberId))
        .where(sql`${memberStatusHistory.since} > ${lo} AND ${memberStatusHistory.since} <= ${hi}`),
      db
        .select({ unitId: units.id })
        .from(units)
        .where(sql`${units.closedOn} > ${lo} AND ${units.closedOn} <= ${hi}`),
      ...(marks ? ([marks, ...targetReads(db, c.id)] as const) : []),
    ]);
    for (const r of [...byStatus, ...byClosing]) out.add(r.unitId);
    if (marks) {
      const [m, tree, targetIds] = more as [
        typeof marked,
        Parameters<typeof unitInfosOf>[0],
        Parameters<typeof targetsOf>[0][1],
      ];
      marked = m;
      targets = targetsOf([unitInfosOf(tree), targetIds], evaluatedOn);
    }
  }
  if (marked.some((m) => m.unitId === null)) return { dirty: "all", targets };
  for (const m of marked) out.add(m.unitId!);
  return { dirty: [...out], targets };
}

/**
 * Deletes the marks every campaign in `kept` (those the rollup keeps refreshed) has read, and
 * the figures of the others, which are rebuilt if they are ever read again. A state that is
 * behind the recorded prune point is rebuilt too (see refreshFigures), so a campaign whose
 * first build raced the pruning stays exact.
 */
export async function pruneMarks(db: TenantDb, kept: string[]) {
  return prunedUpTo(await db.batch(pruneStatements(db, kept) as [BatchItem, ...BatchItem[]]));
}

/** pruneMarks as statements of one transaction, for a batch that other statements ride on
 *  (the pass's last write); prunedUpTo reads the prune point from its results. */
export function pruneStatements(db: TenantDb, kept: string[]): BatchItem[] {
  const keep = JSON.stringify(kept);
  const others = sql`campaign_id <> ${PRUNED} AND campaign_id NOT IN (SELECT value FROM json_each(${keep}))`;
  // The prune point is the lowest sequence a kept campaign has read (else the last mark ever
  // given), computed in SQL where it is used. The stored compliance (compliance-figures.ts)
  // reads the same marks: its states count.
  const upTo = sql`coalesce((SELECT min(seq) FROM (
      SELECT campaign_id, seq FROM ${progressFigureState}
      UNION ALL SELECT campaign_id, seq FROM ${complianceState})
      WHERE campaign_id IN (SELECT value FROM json_each(${keep}))),
    ${HIGH_WATER}, 0)`;
  return [
    db.run(sql`DELETE FROM ${progressFigures} WHERE ${others}`),
    db.run(sql`DELETE FROM ${complianceFigures} WHERE ${others}`),
    db.run(sql`DELETE FROM ${complianceRechecks} WHERE ${others}`),
    db.run(sql`DELETE FROM ${complianceState} WHERE ${others}`),
    db.run(sql`DELETE FROM ${progressFigureState} WHERE ${others}`),
    db.run(sql`DELETE FROM ${progressDirty} WHERE seq <= ${upTo}`),
    db.run(sql`INSERT INTO ${progressFigureState} (campaign_id, basis, evaluated_on, seq)
      VALUES (${PRUNED}, '', '', ${upTo})
      ON CONFLICT (campaign_id) DO UPDATE SET seq = max(${progressFigureState.seq}, excluded.seq)`),
    db.all<{ upTo: number }>(sql`SELECT ${upTo} AS upTo`) as unknown as BatchItem,
  ];
}

/** The prune point from the results of pruneStatements (its eight results first). */
export const prunedUpTo = (results: readonly unknown[]) =>
  Number((results[7] as { upTo: number }[])[0]?.upTo ?? 0);
