// Stored progress figures (issue 13): each unit's own counts of a campaign's tracked step and
// its subtree's sums, kept in progress_figures so a dashboard reads O(children) rows instead
// of counting 500,000 members per request.
//
// How they stay exact. Every write that can move a unit's own counts (a submission changing
// hands, a member's status, unit or roster line, a roll-call, a meeting) adds a mark to
// progress_dirty in the SAME batch as the write (`markUnits`, `markMembers`). A reader first
// brings the figures up to date (`refreshFigures`): it recomputes only the own counts of the
// units marked since the campaign's last mark read, through the same SQL as a full count
// (data/progress.ts countsByUnit with `onlyUnits`), and applies the difference to the unit's
// row and to the `sub_*` sums of each of its ancestors — in one transaction that commits only
// if nobody refreshed in between (compare-and-set on the state row; else it starts over).
// Counts are recomputed, never incremented by the writer, so a mark read twice is harmless.
//
// What is dated. Statuses are read on the evaluation date (today while the campaign runs,
// the due date after); when that date moves, the units of members whose status history
// changes between the two dates, and the units closing between them, are recomputed too.
// Lateness by the clock is not stored: `late_submitted` counts plans first handed in at or
// after the due instant, and `late = late_submitted + (expected - submitted)` once the due
// instant has passed (domain/progress.ts `fromStored`). A roll-call is recorded only once
// its meeting has started, so attendance needs no clock either.
//
// Rebuilt in full (a GROUP BY a page of units at a time: progress-rebuild.ts) when the
// campaign's definition, targets or due date change, when the unit tree changes (a null unit
// mark), or when more than REBUILD_OVER units are marked at once (an import of a whole roster).
import { and, eq, sql } from "drizzle-orm";
import { progressFigureState, progressFigures } from "../../schema/tables/tenant";
import type { BatchItem, TenantDb } from "../db/handles";
import { evaluationDate, type StoredCounts } from "../domain/progress";
import { stepDueDates, trackedStep, type Campaign } from "./campaigns";
import type { Targets } from "./campaign-targets";
import { afterRunning } from "./in-flight";
import { dirtyUnits, HIGH_WATER, maxSeq, PRUNED } from "./progress-dirty";
import { ancestorsCte, CHUNK, cols, ownCounts, rebuild, valuesOf } from "./progress-rebuild";

/** Above this many marked units a refresh recounts everything (one GROUP BY) instead. */
export const REBUILD_OVER = 2000;

// ---- Bringing the figures up to date -------------------------------------------------------

/** What the stored figures depend on besides the marks: the campaign as edited and its
 *  tracked step's due instant. */
function basisOf(c: Campaign, stepKey: string, dueAt: Date | null) {
  return `${c.version}|${c.updatedAt.getTime()}|${stepKey}|${dueAt?.getTime() ?? "-"}`;
}

type State = typeof progressFigureState.$inferSelect;

/**
 * Brings the campaign's stored figures up to `now` (see the header) and says what they were
 * computed for. Round trips: one (the state and the last mark, batched) when nothing
 * changed; then the marks, the recount of just their units and one write batch when
 * something did.
 */
export async function refreshFigures(
  db: TenantDb,
  c: Campaign,
  now: Date,
  rides: Rides = {},
): Promise<Refresh> {
  // Readers arriving together (a dashboard at 200 connections after a unit was renamed)
  // wait for the refresh already running instead of each recounting the tenant, then run
  // their own, which finds the figures fresh and costs two reads. The wait is keyed by the
  // tenant's handle (one per tenant, worker/db/local.ts) and the campaign.
  return afterRunning(db, c.id, () => refreshOnce(db, c, now, rides));
}

/** What a refresh says: the due instant and evaluation date the figures are for, whether the
 *  campaign has a tracked step, and — when nothing had to be written — a name for the stored
 *  figures' state (equal names, equal figures). With rides, their results. */
export interface Refresh {
  dueAt: Date | null;
  evaluatedOn: string;
  tracked: boolean;
  fresh?: string;
  first?: unknown[];
  last?: unknown[];
}

/** Statements a caller (the cron's rollup) has carried by the refresh's own round trips, so
 *  that they cost none of their own: `first` is read with the figures' state; `last`, built
 *  from first's results, runs after the figures are written, in the write's transaction (it
 *  sees them), or on its own when nothing was written. */
export interface Rides {
  first?: BatchItem[];
  last?: (first: unknown[]) => BatchItem[];
}

async function refreshOnce(db: TenantDb, c: Campaign, now: Date, rides: Rides): Promise<Refresh> {
  const step = trackedStep(c.def);
  const dueAt = step ? (stepDueDates(c)[step.key] ?? null) : null;
  const evaluatedOn = evaluationDate(now, dueAt);
  let first: unknown[] | undefined;
  const alone = async (items: BatchItem[]) =>
    items.length ? ((await db.batch(items as [BatchItem, ...BatchItem[]])) as unknown[]) : [];
  /** The `last` ride's statements (none without rides), given the first's results. */
  const lastRide = () => (rides.last ? rides.last(first ?? []) : []);
  const withLast = async (r: Omit<Refresh, "first" | "last">, last?: unknown[]) => ({
    ...r,
    first,
    last: last ?? (await alone(lastRide())),
  });
  if (!step) {
    first = await alone(rides.first ?? []);
    return withLast({ dueAt, evaluatedOn, tracked: false });
  }
  const basis = basisOf(c, step.key, dueAt);
  // The figures as they stand once the state reads (basis, evaluatedOn, seq): equal names,
  // equal figures (a page read after this refresh is at least this fresh).
  const upToDate = (seq: number) => ({
    dueAt,
    evaluatedOn,
    tracked: true,
    fresh: `${basis}|${evaluatedOn}|${seq}`,
  });
  // A concurrent refresh can win the compare-and-set; the next try starts from its state.
  for (let attempt = 0; attempt < 4; attempt++) {
    const read = await readState(db, c.id, attempt ? [] : (rides.first ?? []));
    const { state, pruned, upTo } = read;
    if (!attempt) first = read.rides;
    // Marks this state has not read were pruned (a campaign the rollup did not hold back):
    // only a recount is sure.
    if (!state || state.basis !== basis || state.seq < pruned) {
      const last = await rebuild(db, c, now, { basis, evaluatedOn, upTo }, lastRide());
      return withLast(upToDate(upTo), last);
    }
    const { dirty, targets } = await dirtyUnits(db, c, state, { upTo, evaluatedOn });
    if (dirty === "all" || dirty.length > REBUILD_OVER) {
      const last = await rebuild(db, c, now, { basis, evaluatedOn, upTo }, lastRide());
      return withLast(upToDate(upTo), last);
    }
    // Nothing moved: the stored figures are as they were.
    if (!dirty.length && state.evaluatedOn === evaluatedOn) return withLast(upToDate(state.seq));
    const last = await apply(db, c, now, state, { dirty, evaluatedOn, upTo, targets }, lastRide());
    if (last) return withLast(upToDate(upTo), last);
  }
  // Refreshes kept racing this one: recount everything once (correct whatever happened).
  const top = await maxSeq(db);
  const last = await rebuild(db, c, now, { basis, evaluatedOn, upTo: top }, lastRide());
  return withLast(upToDate(top), last);
}

/** The campaign's state, the prune point and the last mark's sequence, in ONE statement
 *  (no transaction): what every dashboard read pays before its page. Statements riding with
 *  it make it a batch, their results in `rides`. */
async function readState(db: TenantDb, campaignId: string, ride: BatchItem[] = []) {
  const query = db.all<{ state: string | null; pruned: number | null; top: number | null }>(
    sql`SELECT
      (SELECT json_array(s.basis, s.evaluated_on, s.seq) FROM ${progressFigureState} s
        WHERE s.campaign_id = ${campaignId}) AS state,
      (SELECT p.seq FROM ${progressFigureState} p WHERE p.campaign_id = ${PRUNED}) AS pruned,
      ${HIGH_WATER} AS top`,
  );
  type Row = { state: string | null; pruned: number | null; top: number | null };
  let rows: Row[];
  let rides: unknown[] = [];
  if (ride.length) {
    const results = (await db.batch([query as unknown as BatchItem, ...ride])) as unknown[];
    rows = results[0] as Row[];
    rides = results.slice(1);
  } else rows = await query;
  const [row] = rows;
  const found = row?.state ? (JSON.parse(row.state) as [string, string, number]) : null;
  const state: State | undefined = found
    ? { campaignId, basis: found[0], evaluatedOn: found[1], seq: Number(found[2]) }
    : undefined;
  return { state, pruned: Number(row?.pruned ?? 0), upTo: Number(row?.top ?? 0), rides };
}

const ZERO: StoredCounts = {
  expected: 0,
  excused: 0,
  submitted: 0,
  confirmed: 0,
  onTime: 0,
  lateSubmitted: 0,
};

/** Applies fresh own counts of `dirty` units, and their differences to every ancestor's sums,
 *  if the state is still the one read. When it committed, the results of `ride` (run after
 *  it in its transaction); else null. */
async function apply(
  db: TenantDb,
  c: Campaign,
  now: Date,
  state: State,
  {
    dirty,
    evaluatedOn,
    upTo,
    targets,
  }: { dirty: string[]; evaluatedOn: string; upTo: number; targets?: Targets },
  ride: BatchItem[] = [],
): Promise<unknown[] | null> {
  // A new day with nothing marked moves only the state's date: nothing to count.
  const fresh = dirty.length
    ? await ownCounts(db, c, now, dirty, targets)
    : new Map<string, StoredCounts>();
  const unchanged = sql`EXISTS (SELECT 1 FROM ${progressFigureState} WHERE campaign_id = ${c.id}
    AND basis = ${state.basis} AND evaluated_on = ${state.evaluatedOn} AND seq = ${state.seq})`;
  const statements: BatchItem[] = [];
  for (let i = 0; i < dirty.length; i += CHUNK) {
    const rows = dirty
      .slice(i, i + CHUNK)
      .map((unitId) => ({ unitId, counts: fresh.get(unitId) ?? ZERO }));
    const freshCte = sql`fresh(unit_id, e, x, s, c, o, l) AS (${valuesOf(rows)})`;
    // The differences first (they read the old own counts), then the own counts themselves.
    statements.push(
      db.run(sql`WITH RECURSIVE ${freshCte},
        d AS (SELECT f.unit_id,
          f.e - coalesce(p.own_expected, 0) AS e, f.x - coalesce(p.own_excused, 0) AS x,
          f.s - coalesce(p.own_submitted, 0) AS s, f.c - coalesce(p.own_confirmed, 0) AS c,
          f.o - coalesce(p.own_on_time, 0) AS o, f.l - coalesce(p.own_late_submitted, 0) AS l
          FROM fresh f LEFT JOIN ${progressFigures} p ON p.campaign_id = ${c.id} AND p.unit_id = f.unit_id),
        ${ancestorsCte(sql`d`)}
        INSERT INTO ${progressFigures} (campaign_id, unit_id, ${cols("sub_")})
        SELECT ${c.id}, a, sum(e), sum(x), sum(s), sum(c), sum(o), sum(l)
        FROM anc WHERE ${unchanged} GROUP BY a
        ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
          sub_expected = sub_expected + excluded.sub_expected,
          sub_excused = sub_excused + excluded.sub_excused,
          sub_submitted = sub_submitted + excluded.sub_submitted,
          sub_confirmed = sub_confirmed + excluded.sub_confirmed,
          sub_on_time = sub_on_time + excluded.sub_on_time,
          sub_late_submitted = sub_late_submitted + excluded.sub_late_submitted`),
      db.run(sql`WITH ${freshCte}
        INSERT INTO ${progressFigures} (campaign_id, unit_id, ${cols("own_")})
        SELECT ${c.id}, unit_id, e, x, s, c, o, l FROM fresh WHERE ${unchanged}
        ON CONFLICT (campaign_id, unit_id) DO UPDATE SET
          own_expected = excluded.own_expected, own_excused = excluded.own_excused,
          own_submitted = excluded.own_submitted, own_confirmed = excluded.own_confirmed,
          own_on_time = excluded.own_on_time, own_late_submitted = excluded.own_late_submitted`),
    );
  }
  // Last, so that every statement above saw the state as read.
  const done = db
    .update(progressFigureState)
    .set({ evaluatedOn, seq: upTo })
    .where(
      and(
        eq(progressFigureState.campaignId, c.id),
        eq(progressFigureState.basis, state.basis),
        eq(progressFigureState.evaluatedOn, state.evaluatedOn),
        eq(progressFigureState.seq, state.seq),
      ),
    )
    .returning({ id: progressFigureState.campaignId });
  const results = (await db.batch([...statements, done, ...ride] as unknown as [
    BatchItem,
    ...BatchItem[],
  ])) as unknown[];
  const at = statements.length;
  return (results[at] as { id: string }[]).length > 0 ? results.slice(at + 1) : null;
}
