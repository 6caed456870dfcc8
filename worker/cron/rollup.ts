// Rollups: per campaign and per unit subtree — expected, submitted, confirmed, on time, late,
// excused, meetings held and compliant, reports on time — from the same roster and compliance
// functions the API serves (so they agree by construction), stored as snapshots with their
// time and pushed to the control plane for linked parents. Figures are recomputed, never
// incremented, so a rerun or a retried message is harmless.
//
// Incremental: each unit's own figures are kept (rollup_units). When only plans or meetings
// changed since the last rollup, only the units they belong to are recomputed; subtrees are
// re-added in memory, and a snapshot is written only for a subtree whose figures changed.
// Anything structural — the date, a deadline passing, members, statuses, units, reports, the
// campaign itself — recomputes every unit (./rollup-changes.ts). An unchanged campaign costs
// no round trip of its own: its fingerprint rides with the stored figures' first read.
import { and, eq, inArray, sql } from "drizzle-orm";
import { rollups, tenantLinks } from "../../schema/tables/control";
import { campaigns, progressSnapshots, rollupState, rollupUnits } from "../../schema/tables/tenant";
import { hydrateCampaign, type Campaign } from "../data/campaigns";
import { campaignCompliance } from "../data/compliance";
import {
  complianceStateQuery,
  refreshCompliance,
  type ComplianceRefresh,
} from "../data/compliance-figures";
import { systemCtx } from "../data/context";
import { drainLinkAudit } from "../data/links";
import { talliesAfter, tallyOf, type Tally } from "../data/compliance-marks";
import { countsByUnit } from "../data/progress";
import { refreshFigures } from "../data/progress-figures";
import { pruneStatements } from "../data/progress-dirty";
import { jsonPages, jsonRows } from "../data/sql";
import { geometryOf, geometryQueries, loadGeometry, type Geometry } from "./rollup-geometry";
import type { BatchItem, ControlDb, TenantDb } from "../db/handles";
import { fromStored, type Counts } from "../domain/progress";
import {
  add,
  FIELD_COLUMNS,
  FIELDS,
  ROW_COLUMNS,
  same,
  storedCountsOf,
  storedCountsQuery,
  storedFiguresOf,
  storedFiguresQuery,
  zero,
  type Figures,
} from "./rollup-rows";
import {
  changedOf,
  changedQueries,
  fingerprintOf,
  fingerprintQuery,
  incrementalFrom,
  type RollupStateRow,
} from "./rollup-changes";
import type { TenantRecord } from "../env";

export type { Figures } from "./rollup-rows";

/** Rows per multi-row insert. */
const ROWS_PER_INSERT = 200;

/** Each unit's own figures (not its subtree), for every unit or for `onlyUnits`. */
export async function computeUnitFigures(
  db: TenantDb,
  c: Campaign,
  now: Date,
  onlyUnits?: string[],
  /** The units' plan counts when known (the stored figures, just refreshed): not recounted. */
  plans?: Map<string, Counts>,
  /** The stored compliance's refresh just made: its marks are read, not judged again. */
  marks?: ComplianceRefresh,
): Promise<Map<string, Figures>> {
  const ctx = systemCtx(db, now);
  const [perUnit, tallies] = await Promise.all([
    plans ?? countsByUnit(ctx, { campaign: c, onlyUnits }).then((r) => r.perUnit),
    marks
      ? talliesAfter(db, c.id, marks, onlyUnits)
      : campaignCompliance(ctx, { campaign: c, onlyUnits }).then(
          ({ units }) => new Map<string, Tally>(units.map((u) => [u.unitId, tallyOf(u.marks)])),
        ),
  ]);
  const figures = new Map<string, Figures>();
  const of = (unitId: string) => figures.get(unitId) ?? figures.set(unitId, zero()).get(unitId)!;
  const only = plans && onlyUnits ? new Set(onlyUnits) : null;
  for (const [unitId, counts] of perUnit) if (!only || only.has(unitId)) add(of(unitId), counts);
  for (const [unitId, t] of tallies) add(of(unitId), t);
  return figures;
}

/** Subtree figures of every unit within the campaign's targets, from units' own figures. */
function subtrees(
  { pathOf, targetIds }: Geometry,
  own: Map<string, Figures>,
): Map<string, Figures> {
  const out = new Map<string, Figures>();
  // A unit's figures count in its own subtree and in every ancestor's within the targets:
  // those from the first target on its path down (no path text is built per ancestor).
  for (const [unitId, f] of own) {
    const ids = pathOf.get(unitId)?.split("/") ?? [];
    let within = false;
    for (const id of ids) {
      if (!id || !(within ||= targetIds.has(id))) continue;
      add(out.get(id) ?? out.set(id, zero()).get(id)!, f);
    }
  }
  return out;
}

/** Figures for every unit subtree of the campaign's targets, computed in full. */
export async function computeRollup(
  db: TenantDb,
  c: Campaign,
  now: Date,
): Promise<Map<string, Figures>> {
  const [geometry, own] = await Promise.all([loadGeometry(db, c), computeUnitFigures(db, c, now)]);
  return subtrees(geometry, own);
}

export interface RollupReport {
  campaigns: number;
  skipped: number;
  /** Units whose own figures were recomputed. */
  recomputed: number;
  snapshots: number;
  pushed: number;
}

export async function runRollup(
  db: TenantDb,
  control: ControlDb,
  tenant: TenantRecord,
  now: Date,
  /** The active and closed campaigns, when the pass has just read them (the reminders). */
  running?: Campaign[],
): Promise<RollupReport> {
  return (await rollupWith(db, control, tenant, now, { running })).report;
}

/**
 * The rollup of every running campaign, in few round trips: a campaign's fingerprint and
 * state ride with the stored figures' first read, its previous figures and geometry with their
 * write (data/progress-figures.ts Rides); its compliance is one more read and its figures one
 * write. `lead` (writes the pass hands on) rides with the first campaign's first read; the
 * marks' pruning and `tail` (reads the pass ends with) on the last campaign's write, or they
 * go alone; `tail` gives their results.
 */
export async function rollupWith(
  db: TenantDb,
  control: ControlDb,
  tenant: TenantRecord,
  now: Date,
  opts: { running?: Campaign[]; lead?: BatchItem[]; tail?: BatchItem[] } = {},
): Promise<{ report: RollupReport; tail: unknown[] }> {
  const report: RollupReport = { campaigns: 0, skipped: 0, recomputed: 0, snapshots: 0, pushed: 0 };
  // Link events the other tenant caused reach this tenant's audit log here, in its own pass.
  await drainLinkAudit(db, control, tenant);
  const list =
    opts.running ??
    (
      await db
        .select()
        .from(campaigns)
        .where(inArray(campaigns.status, ["active", "closed"]))
    ).map(hydrateCampaign);
  const parents = await control
    .select({ id: tenantLinks.id })
    .from(tenantLinks)
    .where(and(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.status, "approved")));
  // Marks every running campaign has read are not needed any more; the pass's last reads.
  // Writes the pass hands on (`lead`) go in the first batch: the first campaign's first read,
  // else the ending.
  let lead = opts.lead ?? [];
  const ending = [
    ...(list.length ? [] : lead),
    ...pruneStatements(
      db,
      list.map((c) => c.id),
    ),
    ...(opts.tail ?? []),
  ];
  let ended: unknown[] | null = null;
  for (const [i, c] of list.entries()) {
    report.campaigns++;
    const lastCampaign = i === list.length - 1;
    // The dashboard's stored figures, brought up to date here so that a reader seldom pays
    // for a new day or a changed tree (data/progress-figures.ts); the rollup's plan counts
    // are read from them, not counted again. The rollup's own reads ride on the refresh.
    let judged:
      | { fp: ReturnType<typeof fingerprintOf>; state?: RollupStateRow; compliance: unknown }
      | undefined;
    const { dueAt, tracked, last } = await refreshFigures(db, c, now, {
      first: [
        fingerprintQuery(db, c),
        db.select().from(rollupState).where(eq(rollupState.campaignId, c.id)),
        complianceStateQuery(db, c.id, now),
        ...lead,
      ],
      last: (first) => {
        const [fpRows, [state], compliance] = first as [
          { s: string; d: string }[],
          RollupStateRow[],
          unknown,
        ];
        judged = { fp: fingerprintOf(c, now, fpRows), state, compliance };
        if (state?.fingerprint === judged.fp.full) return [];
        // The units' previous figures, their plan counts as stored, the geometry, and what
        // changed since the last rollup when only plans or meetings did.
        return [
          storedFiguresQuery(db, c.id),
          storedCountsQuery(db, c.id),
          ...geometryQueries(db, c),
          ...(incrementalFrom(state, judged.fp) ? changedQueries(db, c, state!.computedAt) : []),
        ];
      },
    });
    lead = [];
    const { fp, state, compliance } = judged!;
    // The stored compliance too (data/compliance-figures.ts): its state came with the refresh's
    // first read and its writes go in the rollup's own batch below (or the next batch the pass
    // makes), so it costs no round trip more; the rollup's marks come from it, not judged again.
    const deferred: BatchItem[] = [];
    const marks = await refreshCompliance(db, c, now, {
      known: compliance as Awaited<ReturnType<typeof complianceStateQuery>>,
      defer: deferred,
    });
    if (state?.fingerprint === fp.full) {
      report.skipped++;
      // Its compliance writes lead the pass's next batch (before the marks' pruning, which
      // reads their state).
      if (lastCampaign) ending.unshift(...deferred);
      else lead = deferred;
      if (parents.length) await push(db, control, tenant, c, now, report);
      continue;
    }
    // The stored rows go with ownFigures: only the maps made of them are kept.
    const { prevOwn, own, touched, geometry } = await ownFigures(
      db,
      c,
      now,
      last!.splice(0) as Stored,
      { tracked, dueAt },
      marks,
    );
    report.recomputed += touched.length;
    // Before and after, only on a rollup after the first: the first writes every subtree.
    const before = state ? subtrees(geometry, prevOwn) : null;
    const after = subtrees(geometry, own);
    // Write only what changed: each changed unit's own figures, and a snapshot for each
    // subtree whose figures moved (every subtree on the first rollup, for the chart's start).
    let snapshots = 0;
    const snapshotPages = jsonPages(
      (function* () {
        for (const [unitId, f] of after)
          if (!before || !same(before.get(unitId), f)) {
            snapshots++;
            yield [unitId, ...FIELDS.map((k) => f[k])];
          }
      })(),
      ROWS_PER_INSERT,
    );
    const changedOwn = touched.filter((u) => !same(prevOwn.get(u), own.get(u)));
    const statements = [
      ...deferred,
      ...(changedOwn.length
        ? [
            db
              .delete(rollupUnits)
              .where(
                and(
                  eq(rollupUnits.campaignId, c.id),
                  sql`${rollupUnits.unitId} IN (SELECT value FROM json_each(${JSON.stringify(changedOwn)}))`,
                ),
              ),
          ]
        : []),
      ...jsonPages(
        (function* () {
          for (const u of changedOwn)
            if (own.has(u)) yield [u, ...FIELDS.map((k) => own.get(u)![k])];
        })(),
        ROWS_PER_INSERT,
      ).map((rows) =>
        db.run(sql`INSERT INTO ${rollupUnits} (campaign_id, unit_id, ${FIELD_COLUMNS})
          SELECT ${c.id}, r.* FROM (${jsonRows(ROW_COLUMNS, rows)}) AS r`),
      ),
      ...snapshotPages.map((rows) =>
        db.run(sql`INSERT INTO ${progressSnapshots}
            (campaign_id, computed_at, fingerprint, unit_id, ${FIELD_COLUMNS})
          SELECT ${c.id}, ${now.getTime()}, ${fp.full}, r.* FROM (${jsonRows(ROW_COLUMNS, rows)}) AS r
          WHERE 1 ON CONFLICT DO NOTHING`),
      ),
      db
        .insert(rollupState)
        .values({ campaignId: c.id, fingerprint: fp.full, computedAt: now })
        .onConflictDoUpdate({
          target: rollupState.campaignId,
          set: { fingerprint: fp.full, computedAt: now },
        }),
    ];
    // One transaction: the figures, their snapshots and the fingerprint move together, so a
    // pass that dies here leaves the previous state for the next pass to redo.
    const written = (await db.batch([
      ...(statements as BatchItem[]),
      ...(lastCampaign ? ending : []),
    ] as [BatchItem, ...BatchItem[]])) as unknown[];
    if (lastCampaign) ended = written.slice(statements.length);
    report.snapshots += snapshots;
    if (parents.length) await push(db, control, tenant, c, now, report, own);
  }
  ended ??= (await db.batch(ending as [BatchItem, ...BatchItem[]])) as unknown[];
  return { report, tail: ended.slice(ending.length - (opts.tail?.length ?? 0)) };
}

type Stored = [
  Awaited<ReturnType<typeof storedFiguresQuery>>,
  Awaited<ReturnType<typeof storedCountsQuery>>,
  { unitId: string }[],
  Awaited<ReturnType<typeof geometryQueries>[1]>,
  { unitId: string }[]?,
  { unitId: string }[]?,
];

/** The units' own figures before and after (those `touched` recomputed) and the geometry,
 *  from the rows the refresh read (released once their maps are made). */
async function ownFigures(
  db: TenantDb,
  c: Campaign,
  now: Date,
  [prevRows, storedOwn, targetIds, paths, plansChanged, meetsChanged]: Stored,
  /** Whether the stored plan counts are tracked, and their due date. */
  { tracked, dueAt }: { tracked: boolean; dueAt: Date | null },
  marks: ComplianceRefresh,
) {
  const prevOwn = storedFiguresOf(prevRows);
  const plans = new Map<string, Counts>();
  if (tracked)
    for (const [u, r] of storedCountsOf(storedOwn)) plans.set(u, fromStored(r, dueAt, now));
  const geometry = geometryOf(targetIds, paths);
  if (plansChanged && meetsChanged && prevOwn.size > 0) {
    const touched = changedOf(plansChanged, meetsChanged);
    const fresh = await computeUnitFigures(db, c, now, touched, plans, marks);
    const own = new Map(prevOwn);
    for (const u of touched) {
      const f = fresh.get(u);
      if (f) own.set(u, f);
      else own.delete(u);
    }
    return { prevOwn, own, touched, geometry };
  }
  const own = await computeUnitFigures(db, c, now, undefined, plans, marks);
  return { prevOwn, own, touched: [...new Set([...own.keys(), ...prevOwn.keys()])], geometry };
}

/** The parent sees the whole campaign: the sum of every unit's own figures (each unit once,
 *  even where one target lies inside another). Only aggregates. */
async function push(
  db: TenantDb,
  control: ControlDb,
  tenant: TenantRecord,
  c: Campaign,
  now: Date,
  report: RollupReport,
  own?: Map<string, Figures>,
) {
  const root = zero();
  if (own) for (const f of own.values()) add(root, f);
  else for (const f of storedFiguresOf(await storedFiguresQuery(db, c.id)).values()) add(root, f);
  await control
    .insert(rollups)
    .values({
      childId: tenant.id,
      campaignId: c.id,
      directiveId: c.directiveId,
      name: c.name,
      templateKey: c.templateKey,
      ...root,
      computedAt: now,
    })
    .onConflictDoUpdate({
      target: [rollups.childId, rollups.campaignId],
      set: { name: c.name, directiveId: c.directiveId, ...root, computedAt: now },
    });
  report.pushed++;
}
