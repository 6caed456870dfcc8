// The figures of a unit's one-page papers (the summary table, the report upward's figures),
// read for that one unit, never the unit list: its head (name, kind, the body above it) and
// one page of the tree — the progress page's own rows (progress-page.ts campaignProgress,
// so the paper's figures are the progress page's by construction) — capped to what one A4
// sheet holds: the first PAPER_ROWS children by name, the rest summed in one line that says
// how many units it stands for. Sessions held are counted per line in the same round trip
// as the head and the names.
import { sql } from "drizzle-orm";
import { meetings, progressFigures, units } from "../../schema/tables/tenant";
import { addCounts, zeroCounts, type Counts } from "../domain/progress";
import type { Campaign } from "./campaigns";
import type { ReadCtx } from "./progress";
import { campaignProgress } from "./progress-page";

/** Children listed by name on one A4 sheet with its header, total, note and signatures (the
 *  summary table, printed: tests/e2e/papers.test.ts); the others are summed in one line. */
export const PAPER_ROWS = 15;

export interface PaperLine {
  unitId: string;
  name: string;
  counts: Counts;
  /** Sessions of the campaign held (started) in the unit's subtree. */
  held: number;
  childCount: number;
}

/** Sessions held in the subtree of the unit whose path is `path` (an SQL expression): the
 *  subtree is one range of the materialised path (domain/scope.ts subtreeBounds, written in
 *  SQL), each unit's meetings found by the (campaign, unit) key. */
const heldUnder = (campaignId: string, path: ReturnType<typeof sql>) => sql`(
  SELECT count(*) FROM ${units} d CROSS JOIN ${meetings} m
    ON m.campaign_id = ${campaignId} AND m.unit_id = d.id AND m.started_at IS NOT NULL
  WHERE d.path >= ${path} AND d.path < substr(${path}, 1, length(${path}) - 1) || '0')`;

/**
 * One unit's paper figures for the campaign: 404 for a unit outside the reader's scope (the
 * progress page's own check). Round trips: the progress page's (one while the figures stand
 * still) and one batch (head, named lines, sessions held).
 */
export async function unitPaper(ctx: ReadCtx, input: { campaign: Campaign; unitId: string }) {
  const { campaign: c, unitId } = input;
  const progress = await campaignProgress(ctx, { campaign: c, unitId });
  const [[head], named, [held]] = await ctx.db.batch([
    ctx.db.all<{
      name: string;
      kind: string;
      parentId: string | null;
      superior: string | null;
    }>(sql`
      SELECT u.name AS name, u.kind AS kind, u.parent_id AS parentId, p.name AS superior
      FROM ${units} u LEFT JOIN ${units} p ON p.id = u.parent_id WHERE u.id = ${unitId}`),
    // The first children by name among those the progress page lists (someone counted);
    // sessions are counted for those only (outside the LIMIT, not for every child).
    ctx.db.all<{ unitId: string; name: string; held: number }>(sql`
      SELECT x.unitId, x.name, ${heldUnder(c.id, sql`x.path`)} AS held FROM (
        SELECT u.id AS unitId, u.name AS name, u.path AS path
        FROM ${units} u CROSS JOIN ${progressFigures} f
          ON f.campaign_id = ${c.id} AND f.unit_id = u.id
        WHERE u.parent_id = ${unitId} AND f.sub_expected + f.sub_excused > 0
        ORDER BY u.name, u.id LIMIT ${PAPER_ROWS}) x
      ORDER BY x.name, x.unitId`),
    ctx.db.all<{ own: number; total: number }>(sql`
      SELECT
        (SELECT count(*) FROM ${meetings} m WHERE m.campaign_id = ${c.id}
          AND m.unit_id = ${unitId} AND m.started_at IS NOT NULL) AS own,
        ${heldUnder(c.id, sql`(SELECT path FROM ${units} WHERE id = ${unitId})`)} AS total`),
  ]);
  const rowOf = new Map(progress.units.map((r) => [r.unitId, r]));
  const countsOf = ({ unitId: _u, childCount: _c, ...counts }: (typeof progress.units)[number]) =>
    counts;
  const ownRow = rowOf.get(unitId);
  const lines: PaperLine[] = named.map((n) => {
    const row = rowOf.get(n.unitId);
    return {
      unitId: n.unitId,
      name: n.name,
      counts: row ? countsOf(row) : zeroCounts(),
      held: Number(n.held),
      childCount: row?.childCount ?? 0,
    };
  });
  // The children not listed, summed: the progress page's rows less the listed and the own.
  const listed = new Set([unitId, ...lines.map((l) => l.unitId)]);
  const restCounts = zeroCounts();
  let restUnits = 0;
  for (const r of progress.units)
    if (!listed.has(r.unitId)) {
      addCounts(restCounts, countsOf(r));
      restUnits++;
    }
  const heldOwn = Number(held?.own ?? 0);
  const heldTotal = Number(held?.total ?? 0);
  const heldListed = lines.reduce((n, l) => n + l.held, 0);
  return {
    unit: { id: unitId, name: head!.name, kind: head!.kind, parentId: head!.parentId },
    /** The body above the unit; none above the root (it is not in this tenant). */
    superior: head!.superior ?? "",
    dueAt: progress.dueAt,
    evaluatedOn: progress.evaluatedOn,
    /** Members counted in the unit itself, when there are any. */
    own: ownRow ? { counts: countsOf(ownRow), held: heldOwn } : null,
    lines,
    /** The children past the first PAPER_ROWS, summed; null when every child is listed. */
    rest: restUnits
      ? { units: restUnits, counts: restCounts, held: heldTotal - heldOwn - heldListed }
      : null,
    totals: { counts: progress.totals, held: heldTotal },
  };
}
