// The stored progress figures' full recount (data/progress-figures.ts: rebuilt when the
// campaign's definition, targets or due date change, the unit tree changes, or too many units
// are marked at once), a page of units at a time in path order: each page's own counts are
// written (riding with the next page's read) before the next is counted, so the working set
// is a page, not the tenant (issue 13's heap). The subtrees' sums are summed by SQLite.
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import {
  campaignUnits,
  progressFigureState,
  progressFigures,
  units,
} from "../../schema/tables/tenant";
import type { BatchItem, TenantDb } from "../db/handles";
import type { StoredCounts } from "../domain/progress";
import { campaignUnitIdsQuery, type Campaign } from "./campaigns";
import { targetsOf, unitRows, type Targets } from "./campaign-targets";
import { systemCtx } from "./context";
import { newId } from "./ids";
import { countsByUnit } from "./progress";
import { jsonRows } from "./sql";

/** Units counted (and compliance judged: compliance-figures.ts) per page of a rebuild. A
 *  setting, not a constant, so that tests cover several pages with a handful of units. */
export const rebuildPage = { units: 2000 };
/** Units per statement when applying own counts (7 bound values each). */
export const CHUNK = 400;
export const KEYS = [
  "expected",
  "excused",
  "submitted",
  "confirmed",
  "onTime",
  "lateSubmitted",
] as const satisfies readonly (keyof StoredCounts)[];
export const COLS = [
  "expected",
  "excused",
  "submitted",
  "confirmed",
  "on_time",
  "late_submitted",
] as const;
export const cols = (prefix: string) => sql.raw(COLS.map((c) => `${prefix}${c}`).join(", "));

/** The own counts (as stored: lateness by the due instant only) of `onlyUnits`, or of every
 *  unit, through the one counting path. */
export async function ownCounts(
  db: TenantDb,
  c: Campaign,
  now: Date,
  onlyUnits?: string[],
  targets?: Targets,
) {
  const { perUnit } = await countsByUnit(systemCtx(db, now), { campaign: c, onlyUnits, targets });
  return perUnit;
}

/** The rows as a row source of (column1 = unit id, column2… = the counts in KEYS' order). */
export const valuesOf = (rows: { unitId: string; counts: StoredCounts }[]) =>
  jsonRows(
    ["column1", ...KEYS.map((_, i) => `column${i + 2}`)],
    rows.map(({ unitId, counts }) => [unitId, ...KEYS.map((k) => counts[k])]),
  );

/** Every row of `from` (unit_id, e, x, s, c, o, l) carried up to each of its unit's ancestors
 *  (the unit itself included) by parent ids: `anc(a, e, x, s, c, o, l)`, to be summed by
 *  `a`. Carrying the values up (instead of joining back to `from`) keeps it linear. */
export const ancestorsCte = (from: SQL) => sql`anc(a, e, x, s, c, o, l) AS (
    SELECT unit_id, e, x, s, c, o, l FROM ${from}
    UNION ALL SELECT ${units.parentId}, anc.e, anc.x, anc.s, anc.c, anc.o, anc.l
    FROM anc JOIN ${units} ON ${units.id} = anc.a
    WHERE ${units.parentId} IS NOT NULL)`;

/**
 * Recounts every unit and rewrites the campaign's figures and state, `ride` last in the
 * final transaction; gives ride's results. A campaign of one page is one transaction. Over
 * several, the first page's write marks the state stale under a build name — a reader
 * meanwhile recounts, it does not trust half-written counts — and every later write is
 * guarded by that name, so that of two recounts racing only the last one started lands.
 * Round trips: the targets with the first page's units, then for each page its count and its
 * write (with the next page's units); one page costs 3, as one GROUP BY did.
 */
export async function rebuild(
  db: TenantDb,
  c: Campaign,
  now: Date,
  next: { basis: string; evaluatedOn: string; upTo: number },
  ride: BatchItem[] = [],
): Promise<unknown[]> {
  const size = rebuildPage.units;
  const building = `~${newId()}`;
  const ours = sql`EXISTS (SELECT 1 FROM ${progressFigureState} WHERE campaign_id = ${c.id}
    AND basis = ${building})`;
  let guard: SQL = sql`1`;
  const pageAfter = (after: string) =>
    unitRows(db).where(gt(units.path, after)).orderBy(asc(units.path)).limit(size);
  const [rootRows, targetIds, firstPage] = await db.batch([
    unitRows(db).where(
      sql`${units.id} IN (SELECT ${campaignUnits.unitId} FROM ${campaignUnits}
        WHERE ${campaignUnits.campaignId} = ${c.id})`,
    ),
    campaignUnitIdsQuery(db, c.id),
    pageAfter(""),
  ]);
  let page = firstPage;
  for (let first = true; ; first = false) {
    const more = page.length === size;
    const inPage = new Set(page.map((u) => u.id));
    const targets: Targets = targetsOf(
      [[...rootRows.filter((u) => !inPage.has(u.id)), ...page], targetIds],
      next.evaluatedOn,
    );
    const ids = targets.inTarget.filter((u) => inPage.has(u.id)).map((u) => u.id);
    const own = ids.length ? await ownCounts(db, c, now, ids, targets) : new Map();
    const rows = [...own].map(([unitId, counts]) => ({ unitId, counts }));
    const statements: BatchItem[] = [];
    if (first)
      statements.push(db.delete(progressFigures).where(eq(progressFigures.campaignId, c.id)));
    if (first && more) {
      guard = ours;
      const state = { basis: building, evaluatedOn: next.evaluatedOn, seq: next.upTo };
      statements.push(
        db
          .insert(progressFigureState)
          .values({ campaignId: c.id, ...state })
          .onConflictDoUpdate({ target: progressFigureState.campaignId, set: state }),
      );
    }
    for (let i = 0; i < rows.length; i += CHUNK)
      statements.push(
        db.run(sql`INSERT INTO ${progressFigures} (campaign_id, unit_id, ${cols("own_")})
          SELECT ${c.id}, column1, column2, column3, column4, column5, column6, column7
          FROM (${valuesOf(rows.slice(i, i + CHUNK))}) WHERE ${guard}`),
      );
    if (more) {
      const written = await db.batch([
        ...(statements as BatchItem[]),
        pageAfter(page.at(-1)!.path),
      ] as unknown as [BatchItem, ...BatchItem[]]);
      page = written.at(-1) as typeof page;
      continue;
    }
    const state = { basis: next.basis, evaluatedOn: next.evaluatedOn, seq: next.upTo };
    statements.push(
      db.run(sql`WITH RECURSIVE own(unit_id, e, x, s, c, o, l) AS (
          SELECT unit_id, ${cols("own_")} FROM ${progressFigures} WHERE campaign_id = ${c.id}),
        ${ancestorsCte(sql`own`)}
        INSERT INTO ${progressFigures} (campaign_id, unit_id, ${cols("sub_")})
        SELECT ${c.id}, a, sum(e), sum(x), sum(s), sum(c), sum(o), sum(l)
        FROM anc WHERE ${guard} GROUP BY a
        ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
          sub_expected = excluded.sub_expected, sub_excused = excluded.sub_excused,
          sub_submitted = excluded.sub_submitted, sub_confirmed = excluded.sub_confirmed,
          sub_on_time = excluded.sub_on_time, sub_late_submitted = excluded.sub_late_submitted`),
      first
        ? db
            .insert(progressFigureState)
            .values({ campaignId: c.id, ...state })
            .onConflictDoUpdate({ target: progressFigureState.campaignId, set: state })
        : db
            .update(progressFigureState)
            .set(state)
            .where(
              and(
                eq(progressFigureState.campaignId, c.id),
                eq(progressFigureState.basis, building),
              ),
            ),
    );
    const n = statements.length;
    return (
      (await db.batch([...statements, ...ride] as [BatchItem, ...BatchItem[]])) as unknown[]
    ).slice(n);
  }
}
