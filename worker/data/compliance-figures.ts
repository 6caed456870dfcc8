// Stored compliance figures (issue 13): each unit's own marks of a campaign — one per rule,
// with the rule's label and the reason — and its subtree's counts by status, kept in
// compliance_figures so a dashboard reads O(children) rows instead of judging every meeting,
// roll-call, report and record of the tenant per request.
//
// How they stay exact. Every write that can move a unit's marks (a meeting held or edited, a
// roll-call or meeting record, a report filed, a unit's record of a step, follow-up or
// monthly review, a member's leadership rank) adds a mark to progress_dirty in the SAME batch
// as the write (progress-marks.ts: the progress figures read the same marks, each campaign's
// reader from its own sequence). A reader first brings the figures up to date
// (`refreshCompliance`): it judges only the units marked since the state's sequence, through
// the same function as a full compute (data/compliance.ts `campaignCompliance` with
// `onlyUnits`, domain/compliance.ts), and applies the difference to the units' rows and to
// the `sub_*` counts of each of their ancestors — in one transaction that commits only if
// nobody refreshed in between (compare-and-set on the state row; else it starts over).
//
// What the clock moves. Deadlines, months and a unit's closing fall on ICT midnights: the
// figures hold until the next one (`valid_until`), and the first refresh after it — the
// cron's new-day pass, else the day's first reader — judges every unit again. Within a day
// only a meeting's own instants move a mark (it starts, its materials fall due): each unit
// with one ahead keeps it in compliance_rechecks and is judged again once it has passed.
//
// Rebuilt in full when the campaign's definition, dates or targets change (its version), the
// unit tree changes (a null unit mark), the marks it has not read were pruned, or more than
// REBUILD_OVER units are marked at once.
import { and, eq, sql, type SQL } from "drizzle-orm";
import {
  complianceFigures,
  complianceRechecks,
  complianceState,
  progressDirty,
  progressFigureState,
  units,
} from "../../schema/tables/tenant";
import { DAY_MS, nextIctMidnight } from "../../schema/rules/deadlines";
import type { BatchItem, TenantDb } from "../db/handles";
import type { Campaign } from "./campaigns";
import { campaignCompliance, type UnitCompliance } from "./compliance";
import { systemCtx } from "./context";
import { newId } from "./ids";
import { freshCte, markPages, tallyOf, type MarkPage, type Tally } from "./compliance-marks";
import { afterRunning } from "./in-flight";
import { HIGH_WATER, maxSeq, PRUNED } from "./progress-dirty";
import { REBUILD_OVER } from "./progress-figures";
import { rebuildPage } from "./progress-rebuild";
import { chunks, jsonRows } from "./sql";

/** Marks per statement (7 bound values each). */
const CHUNK = 500;
/** Marks per statement of a rebuild (JSON text: ~20 bytes a mark). */
const REBUILD_PAGE = 5000;
/** The instant the figures judged at `now` stop holding by the calendar: the next ICT
 *  midnight (at midnight itself, the instant after: `now >= due` and `due < now` differ). */
function validUntil(now: Date): number {
  const t = now.getTime();
  const next = nextIctMidnight(now);
  return next - DAY_MS === t ? t + 1 : next;
}

const basisOf = (c: Campaign) => `${c.version}|${c.updatedAt.getTime()}`;
type State = typeof complianceState.$inferSelect;

/** What a refresh did: the state's name (equal names, equal figures) and the units it judged
 *  (`all`: every unit), whose marks its writes hold. */
export interface ComplianceRefresh {
  name: string;
  judged?: {
    all: boolean;
    /** The units judged, where not `all`. */
    ids?: string[];
    /** The judged units' marks (a few dirty units), or only their tallies (a rebuild). */
    units?: UnitCompliance[];
    tallies?: Map<string, Tally>;
  };
}

/** How the rollup refreshes: with the state it read in a batch of its own (`known`: no round
 *  trip when nothing changed), its writes added to `defer` for the caller's own batch. */
interface Options {
  known?: StateRow[];
  defer?: BatchItem[];
}

/** Brings the campaign's stored compliance up to `now`. One statement when nothing changed. */
export async function refreshCompliance(
  db: TenantDb,
  c: Campaign,
  now: Date,
  opts: Options = {},
): Promise<ComplianceRefresh> {
  // Readers arriving together wait for the refresh already running (see refreshFigures);
  // after one, the state read before it is stale.
  return afterRunning(db, `compliance|${c.id}`, (waited) =>
    refreshOnce(db, c, now, waited ? { ...opts, known: undefined } : opts),
  );
}

async function refreshOnce(
  db: TenantDb,
  c: Campaign,
  now: Date,
  { known, defer }: Options,
): Promise<ComplianceRefresh> {
  const basis = basisOf(c);
  const name = (s: { token: string }) => s.token;
  const rebuilt = async (upTo: number) => {
    const { state, tallies } = await rebuild(db, c, now, { basis, upTo }, defer);
    return { name: name(state), judged: { all: true, tallies } };
  };
  for (let attempt = 0; attempt < 4; attempt++) {
    const rows = attempt === 0 && known ? known : await complianceStateQuery(db, c.id, now);
    const { state, pruned, upTo, due, marked } = parseState(c.id, rows);
    if (!state || state.basis !== basis || state.seq < pruned || now.getTime() >= state.validUntil)
      return rebuilt(upTo);
    // '' is a null unit mark: the tree changed.
    if (marked.includes("") || marked.length > REBUILD_OVER) return rebuilt(upTo);
    const dirty = [...new Set([...marked, ...due])];
    if (!dirty.length) return { name: name(state) };
    const token = newId();
    const fresh = await apply(db, c, now, state, { dirty, upTo, token }, defer);
    if (fresh)
      return {
        name: token,
        judged: { all: false, ids: dirty, units: fresh },
      };
  }
  return rebuilt(await maxSeq(db));
}

export interface StateRow {
  state: string | null;
  pruned: number | null;
  top: number | null;
  due: string;
  marked: string;
}

/** The state, the prune point, the last mark, the units marked since the state and the
 *  units due a recheck, in ONE statement: a query, so the rollup can share a batch. */
export const complianceStateQuery = (db: TenantDb, campaignId: string, now: Date) =>
  db.all<StateRow>(sql`SELECT
      (SELECT json_array(s.basis, s.valid_until, s.seq, s.token) FROM ${complianceState} s
        WHERE s.campaign_id = ${campaignId}) AS state,
      (SELECT p.seq FROM ${progressFigureState} p WHERE p.campaign_id = ${PRUNED}) AS pruned,
      ${HIGH_WATER} AS top,
      (SELECT json_group_array(r.unit_id) FROM ${complianceRechecks} r
        WHERE r.campaign_id = ${campaignId} AND r.at <= ${now.getTime()}) AS due,
      (SELECT json_group_array(DISTINCT coalesce(d.unit_id, '')) FROM ${progressDirty} d
        WHERE d.seq > coalesce((SELECT s.seq FROM ${complianceState} s
            WHERE s.campaign_id = ${campaignId}), 9e18)
          AND (d.campaign_id IS NULL OR d.campaign_id = ${campaignId})) AS marked`);

function parseState(campaignId: string, [row]: StateRow[]) {
  const found = row?.state ? (JSON.parse(row.state) as [string, number, number, string]) : null;
  const state: State | undefined = found
    ? {
        campaignId,
        basis: found[0],
        validUntil: Number(found[1]),
        seq: Number(found[2]),
        token: String(found[3]),
      }
    : undefined;
  return {
    state,
    pruned: Number(row?.pruned ?? 0),
    upTo: Number(row?.top ?? 0),
    due: JSON.parse(row?.due ?? "[]") as string[],
    marked: JSON.parse(row?.marked ?? "[]") as string[],
  };
}

/** The marks of `onlyUnits` (or every unit) as stored: one row per unit and rule. */
async function judged(db: TenantDb, c: Campaign, now: Date, onlyUnits?: string[]) {
  const { units: judgedUnits } = await campaignCompliance(systemCtx(db, now), {
    campaign: c,
    onlyUnits,
  });
  return judgedUnits;
}

/** A mark as four 0/1 counts by status, multiplied by `sign`. */
const counted = (sign: string) =>
  sql.raw(["pass", "late", "fail", "pending"].map((s) => `${sign}(status = '${s}')`).join(", "));
/** Every row of `from` (unit_id, rule, label, p, l, f, n) carried up to each ancestor of its
 *  unit (itself included) by parent ids, to be summed by (a, rule). */
const ancestorsCte = (from: SQL) => sql`anc(a, rule, label, p, l, f, n) AS (
    SELECT unit_id, rule, label, p, l, f, n FROM ${from}
    UNION ALL SELECT ${units.parentId}, anc.rule, anc.label, anc.p, anc.l, anc.f, anc.n
    FROM anc JOIN ${units} ON ${units.id} = anc.a WHERE ${units.parentId} IS NOT NULL)`;
const SUMS = sql.raw(`sub_pass, sub_late, sub_fail, sub_pending`);

/** The rechecks of `list`'s units (those with an instant ahead), written if `when` holds. */
const rechecksOf = (
  db: TenantDb,
  c: Campaign,
  list: Pick<UnitCompliance, "unitId" | "recheckAt">[],
  when: SQL = sql`1`,
) =>
  chunks(
    list.filter((u) => u.recheckAt !== undefined),
    CHUNK,
  ).map((part) =>
    db.run(sql`INSERT INTO ${complianceRechecks} (campaign_id, unit_id, at)
      SELECT ${c.id}, unit_id, at FROM (${jsonRows(
        ["unit_id", "at"],
        part.map((u) => [u.unitId, u.recheckAt!]),
      )}) WHERE ${when}
      ON CONFLICT (campaign_id, unit_id) DO UPDATE SET at = excluded.at`),
  );

/** Applies the judged marks of `dirty` units, and their differences to every ancestor's
 *  counts, if the state is still the one read. True when it committed. */
async function apply(
  db: TenantDb,
  c: Campaign,
  now: Date,
  state: State,
  { dirty, upTo, token }: { dirty: string[]; upTo: number; token: string },
  defer?: BatchItem[],
): Promise<UnitCompliance[] | null> {
  const fresh = await judged(db, c, now, dirty);
  const byUnit = new Map(fresh.map((u) => [u.unitId, u]));
  const unchanged = sql`EXISTS (SELECT 1 FROM ${complianceState} WHERE campaign_id = ${c.id}
    AND basis = ${state.basis} AND valid_until = ${state.validUntil} AND seq = ${state.seq}
    AND token = ${state.token})`;
  const statements: BatchItem[] = [];
  // Whole units per chunk, so each statement's old marks are those its fresh ones replace.
  for (const part of chunks(dirty, Math.max(1, Math.floor(CHUNK / 16)))) {
    const ids = JSON.stringify(part);
    const page = markPages(Infinity);
    for (const u of part) if (byUnit.has(u)) page.add(byUnit.get(u)!);
    const [rows] = page.end() as [MarkPage];
    const inPart = sql`campaign_id = ${c.id} AND unit_id IN (SELECT value FROM json_each(${ids}))`;
    statements.push(
      // The differences first (they read the old own marks), then the own marks themselves.
      db.run(sql`WITH RECURSIVE ${freshCte(rows)},
        d(unit_id, rule, label, p, l, f, n) AS (
          SELECT unit_id, rule, label, ${counted("")} FROM fresh
          UNION ALL SELECT unit_id, rule, label, ${counted("-")} FROM ${complianceFigures}
          WHERE ${inPart} AND status IS NOT NULL),
        ${ancestorsCte(sql`d`)}
        INSERT INTO ${complianceFigures} (campaign_id, unit_id, rule, label, ${SUMS})
        SELECT ${c.id}, a, rule, max(label), sum(p), sum(l), sum(f), sum(n)
        FROM anc WHERE ${unchanged} GROUP BY a, rule
        ON CONFLICT (campaign_id, unit_id, rule) DO UPDATE SET
          sub_pass = sub_pass + excluded.sub_pass, sub_late = sub_late + excluded.sub_late,
          sub_fail = sub_fail + excluded.sub_fail,
          sub_pending = sub_pending + excluded.sub_pending`),
      db.run(sql`UPDATE ${complianceFigures} SET status = NULL, reason = NULL, step = NULL,
        report = NULL WHERE ${inPart} AND ${unchanged}`),
      db.run(sql`WITH ${freshCte(rows)}
        INSERT INTO ${complianceFigures} (campaign_id, unit_id, rule, label, status, reason, step, report)
        SELECT ${c.id}, unit_id, rule, label, status, reason, step, report FROM fresh
        WHERE ${unchanged}
        ON CONFLICT (campaign_id, unit_id, rule) DO UPDATE SET label = excluded.label,
          status = excluded.status, reason = excluded.reason, step = excluded.step,
          report = excluded.report`),
      db.run(sql`DELETE FROM ${complianceRechecks} WHERE ${inPart} AND ${unchanged}`),
    );
  }
  statements.push(...rechecksOf(db, c, fresh, unchanged));
  // Last, so that every statement above saw the state as read; a lost race rolls back.
  const done = db.all<{ id: string }>(sql`UPDATE ${complianceState}
    SET seq = ${upTo}, token = ${token}
    WHERE ${unchanged} AND campaign_id = ${c.id} RETURNING campaign_id AS id`);
  // Deferred into the caller's batch: a lost race there leaves every guarded write undone,
  // and the marks to be read again.
  if (defer) return (defer.push(...statements, done), fresh);
  const results = await db.batch([...statements, done] as unknown as [BatchItem, ...BatchItem[]]);
  return (results.at(-1) as { id: string }[]).length > 0 ? fresh : null;
}

/**
 * Judges every unit and rewrites the campaign's figures, rechecks and state: a page of
 * `rebuildPage.units` units at a time in path order, each page's marks written (riding with the
 * next page's read) before the next is judged, only each unit's tally kept across pages
 * (issue 13's heap). A campaign of one page is one transaction, as the rest of the stored
 * figures. Over several, the first page's write marks the state stale under a build token —
 * a reader meanwhile rebuilds, it does not trust half-written marks — and every later write is
 * guarded by that token, so that of two builds racing only the last one started lands; the
 * subtree counts and the fresh state are written with the last page.
 */
async function rebuild(
  db: TenantDb,
  c: Campaign,
  now: Date,
  next: { basis: string; upTo: number },
  defer?: BatchItem[],
) {
  const tallies = new Map<string, Tally>();
  const state = { validUntil: validUntil(now), seq: next.upTo, token: newId() };
  const build = newId();
  const size = rebuildPage.units;
  const ours = sql`EXISTS (SELECT 1 FROM ${complianceState} WHERE campaign_id = ${c.id}
    AND token = ${build})`;
  let guard: SQL = sql`1`;
  let lead: BatchItem[] = [];
  let after = "";
  for (let first = true; ; first = false) {
    // Judged unit by unit into pages of JSON text: the marks themselves are not kept.
    const pages = markPages(REBUILD_PAGE);
    const rechecks: Pick<UnitCompliance, "unitId" | "recheckAt">[] = [];
    const judgedPage = await campaignCompliance(
      systemCtx(db, now),
      { campaign: c },
      {
        page: { after, size },
        lead,
        sink: (u) => {
          pages.add(u);
          tallies.set(u.unitId, tallyOf(u.marks));
          if (u.recheckAt !== undefined)
            rechecks.push({ unitId: u.unitId, recheckAt: u.recheckAt });
        },
      },
    );
    const more = judgedPage.next !== null;
    const statements: BatchItem[] = [];
    if (first)
      statements.push(
        db.delete(complianceFigures).where(eq(complianceFigures.campaignId, c.id)),
        db.delete(complianceRechecks).where(eq(complianceRechecks.campaignId, c.id)),
      );
    if (first && more) {
      guard = ours;
      statements.push(
        db
          .insert(complianceState)
          .values({
            campaignId: c.id,
            basis: next.basis,
            validUntil: 0,
            seq: next.upTo,
            token: build,
          })
          .onConflictDoUpdate({
            target: complianceState.campaignId,
            set: { basis: next.basis, validUntil: 0, seq: next.upTo, token: build },
          }),
      );
    }
    for (const part of pages.end())
      statements.push(
        db.run(sql`WITH ${freshCte(part)}
          INSERT INTO ${complianceFigures} (campaign_id, unit_id, rule, label, status, reason, step, report)
          SELECT ${c.id}, unit_id, rule, label, status, reason, step, report FROM fresh
          WHERE ${guard}`),
      );
    statements.push(...rechecksOf(db, c, rechecks, guard));
    if (more) {
      [lead, after] = [statements, judgedPage.next!];
      continue;
    }
    statements.push(
      db.run(sql`WITH RECURSIVE own(unit_id, rule, label, p, l, f, n) AS (
          SELECT unit_id, rule, label, ${counted("")} FROM ${complianceFigures}
          WHERE campaign_id = ${c.id}),
        ${ancestorsCte(sql`own`)}
        INSERT INTO ${complianceFigures} (campaign_id, unit_id, rule, label, ${SUMS})
        SELECT ${c.id}, a, rule, max(label), sum(p), sum(l), sum(f), sum(n)
        FROM anc WHERE ${guard} GROUP BY a, rule
        ON CONFLICT (campaign_id, unit_id, rule) DO UPDATE SET
          sub_pass = excluded.sub_pass, sub_late = excluded.sub_late,
          sub_fail = excluded.sub_fail, sub_pending = excluded.sub_pending`),
      first
        ? db
            .insert(complianceState)
            .values({ campaignId: c.id, basis: next.basis, ...state })
            .onConflictDoUpdate({
              target: complianceState.campaignId,
              set: { basis: next.basis, ...state },
            })
        : db
            .update(complianceState)
            .set({ basis: next.basis, ...state })
            .where(and(eq(complianceState.campaignId, c.id), eq(complianceState.token, build))),
    );
    if (defer) defer.push(...statements);
    else await db.batch(statements as [BatchItem, ...BatchItem[]]);
    return { state, tallies };
  }
}
