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
// campaign itself — recomputes every unit. An unchanged campaign costs one query.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { rollups, tenantLinks } from "../../schema/tables/control";
import {
  campaignUnits,
  campaigns,
  meetings,
  members,
  progressSnapshots,
  rollupState,
  rollupUnits,
  submissions,
  units,
} from "../../schema/tables/tenant";
import { hydrateCampaign, stepDueDates, type Campaign } from "../data/campaigns";
import { campaignCompliance } from "../data/compliance";
import {
  complianceStateQuery,
  marksAfter,
  refreshCompliance,
  type ComplianceRefresh,
} from "../data/compliance-figures";
import { systemCtx } from "../data/context";
import { drainLinkAudit } from "../data/links";
import { countsByUnit } from "../data/progress";
import { pruneMarks, refreshFigures } from "../data/progress-figures";
import { storedOwnQuery } from "../data/progress-page";
import type { BatchItem, ControlDb, TenantDb } from "../db/handles";
import { ictDate } from "../domain/deadlines";
import { fromStored, zeroCounts, type Counts } from "../domain/progress";
import type { TenantRecord } from "../env";

/** A unit's figures: the plan counts the dashboard shows, and its meetings and reports. */
export interface Figures extends Counts {
  meetingsHeld: number;
  meetingsCompliant: number;
  reportsOnTime: number;
}
const zero = (): Figures => ({
  ...zeroCounts(),
  meetingsHeld: 0,
  meetingsCompliant: 0,
  reportsOnTime: 0,
});
const FIELDS = Object.keys(zero()) as (keyof Figures)[];
const add = (a: Figures, b: Partial<Figures>) => {
  for (const k of FIELDS) a[k] += b[k] ?? 0;
};
const same = (a: Figures | undefined, b: Figures | undefined) =>
  !!a && !!b && FIELDS.every((k) => a[k] === b[k]);
const pick = (f: Figures): Figures =>
  Object.fromEntries(FIELDS.map((k) => [k, f[k]])) as unknown as Figures;

/** What a campaign's figures depend on, in two parts: `structural` (a change there
 *  recomputes every unit) and `data` (plans and meetings: only their units). */
export async function fingerprint(
  db: TenantDb,
  c: Campaign,
  now: Date,
): Promise<{ structural: string; full: string }> {
  return fingerprintOf(c, now, await fingerprintQuery(db, c));
}

/** The tables' side of the fingerprint: one statement, batched with the rollup's reads. */
const fingerprintQuery = (db: TenantDb, c: Campaign) =>
  db.all<{ s: string; d: string }>(sql`SELECT
      (SELECT coalesce(max(version), 0) || ':' || count(*) FROM reports WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM members) || '|' ||
      (SELECT coalesce(max(at), 0) || ':' || count(*) FROM member_status_history) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM units) AS s,
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM submissions WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM meetings WHERE campaign_id = ${c.id}) AS d`);

function fingerprintOf(c: Campaign, now: Date, rs: { s: string; d: string }[]) {
  const due = stepDueDates(c);
  const passed = Object.entries(due)
    .filter(([, at]) => at <= now)
    .map(([k]) => k)
    .sort()
    .join(",");
  const structural = `${c.version}|${c.status}|${ictDate(now)}|${passed}|${rs[0]!.s}`;
  return { structural, full: `${structural}#${rs[0]!.d}` };
}

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
  const [perUnit, compliance] = await Promise.all([
    plans ?? countsByUnit(ctx, { campaign: c, onlyUnits }).then((r) => r.perUnit),
    marks
      ? marksAfter(db, c.id, marks, onlyUnits).then((units) => ({ units }))
      : campaignCompliance(ctx, { campaign: c, onlyUnits }),
  ]);
  const figures = new Map<string, Figures>();
  const of = (unitId: string) => figures.get(unitId) ?? figures.set(unitId, zero()).get(unitId)!;
  const only = plans && onlyUnits ? new Set(onlyUnits) : null;
  for (const [unitId, counts] of perUnit) if (!only || only.has(unitId)) add(of(unitId), counts);
  for (const u of compliance.units) {
    const steps = new Map<string, string[]>();
    let reportsOnTime = 0;
    for (const m of u.marks) {
      if (m.step) steps.set(m.step, [...(steps.get(m.step) ?? []), m.status]);
      if (m.report && m.status === "pass") reportsOnTime++;
    }
    const held = [...steps.values()].filter(
      (s) => s.length && s[0] !== "pending" && s[0] !== "fail",
    ).length;
    const compliant = [...steps.values()].filter((s) => s.every((x) => x === "pass")).length;
    add(of(u.unitId), { meetingsHeld: held, meetingsCompliant: compliant, reportsOnTime });
  }
  return figures;
}

/** Where each unit sits, and the campaign's target subtrees: read once per campaign. */
interface Geometry {
  pathOf: Map<string, string>;
  targetPaths: string[];
}

const geometryQueries = (db: TenantDb, c: Campaign) =>
  [
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, c.id)),
    db.select({ id: units.id, path: units.path }).from(units),
  ] as const;

function geometryOf(
  targetIds: { unitId: string }[],
  unitRows: { id: string; path: string }[],
): Geometry {
  const pathOf = new Map(unitRows.map((u) => [u.id, u.path]));
  return {
    pathOf,
    targetPaths: targetIds.map((t) => pathOf.get(t.unitId)).filter((p): p is string => !!p),
  };
}

async function loadGeometry(db: TenantDb, c: Campaign): Promise<Geometry> {
  const [targetIds, unitRows] = await db.batch(geometryQueries(db, c));
  return geometryOf(targetIds, unitRows);
}

/** Subtree figures of every unit within the campaign's targets, from units' own figures. */
function subtrees(
  { pathOf, targetPaths }: Geometry,
  own: Map<string, Figures>,
): Map<string, Figures> {
  const out = new Map<string, Figures>();
  // A unit's figures count in its own subtree and in every ancestor's within the targets.
  for (const [unitId, f] of own) {
    const ids = pathOf.get(unitId)?.split("/").filter(Boolean) ?? [];
    for (let i = 0; i < ids.length; i++) {
      const ancestorPath = `/${ids.slice(0, i + 1).join("/")}/`;
      if (!targetPaths.some((t) => ancestorPath.startsWith(t))) continue;
      add(out.get(ids[i]!) ?? out.set(ids[i]!, zero()).get(ids[i]!)!, f);
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

/** Units whose plans or meetings changed since `since`. */
async function changedUnits(db: TenantDb, c: Campaign, since: Date): Promise<string[]> {
  const [plans, meets] = await Promise.all([
    db
      .selectDistinct({ unitId: members.unitId })
      .from(submissions)
      .innerJoin(members, eq(members.id, submissions.memberId))
      .where(and(eq(submissions.campaignId, c.id), gte(submissions.updatedAt, since))),
    db
      .selectDistinct({ unitId: meetings.unitId })
      .from(meetings)
      .where(and(eq(meetings.campaignId, c.id), gte(meetings.updatedAt, since))),
  ]);
  return [...new Set([...plans, ...meets].map((r) => r.unitId))];
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
  const report: RollupReport = { campaigns: 0, skipped: 0, recomputed: 0, snapshots: 0, pushed: 0 };
  // Link events the other tenant caused reach this tenant's audit log here, in its own pass.
  await drainLinkAudit(db, control, tenant);
  const list =
    running ??
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
  for (const c of list) {
    report.campaigns++;
    // The dashboard's stored figures, brought up to date here so that a reader seldom pays
    // for a new day or a changed tree (data/progress-figures.ts); the rollup's plan counts
    // are read from them, not counted again.
    const { dueAt, tracked } = await refreshFigures(db, c, now);
    const [fpRows, [state], compliance] = await db.batch([
      fingerprintQuery(db, c),
      db.select().from(rollupState).where(eq(rollupState.campaignId, c.id)),
      complianceStateQuery(db, c.id, now),
    ]);
    // The stored compliance too (data/compliance-figures.ts): its state came in the batch
    // above and its writes go in the rollup's own batch below, so it costs no round trip
    // more; the rollup's marks come from it, not judged again.
    const deferred: BatchItem[] = [];
    const marks = await refreshCompliance(db, c, now, { known: compliance, defer: deferred });
    const fp = fingerprintOf(c, now, fpRows);
    if (state?.fingerprint === fp.full) {
      report.skipped++;
      if (deferred.length) await db.batch(deferred as [BatchItem, ...BatchItem[]]);
      if (parents.length) await push(db, control, tenant, c, now, report);
      continue;
    }
    // One round trip: the units' previous figures, their plan counts as stored, the geometry.
    const [prevRows, storedOwn, targetIds, unitRows] = await db.batch([
      db.select().from(rollupUnits).where(eq(rollupUnits.campaignId, c.id)),
      storedOwnQuery(db, c.id),
      ...geometryQueries(db, c),
    ]);
    const prevOwn = new Map(prevRows.map((r) => [r.unitId, pick(r as unknown as Figures)]));
    const plans = new Map<string, Counts>();
    if (tracked) for (const r of storedOwn) plans.set(r.unitId, fromStored(r, dueAt, now));
    const incremental =
      !!state && prevOwn.size > 0 && state.fingerprint.split("#")[0] === fp.structural;
    let own: Map<string, Figures>;
    let touched: string[];
    if (incremental) {
      touched = await changedUnits(db, c, state!.computedAt);
      const fresh = await computeUnitFigures(db, c, now, touched, plans, marks);
      own = new Map(prevOwn);
      for (const u of touched) {
        const f = fresh.get(u);
        if (f) own.set(u, f);
        else own.delete(u);
      }
    } else {
      own = await computeUnitFigures(db, c, now, undefined, plans, marks);
      touched = [...new Set([...own.keys(), ...prevOwn.keys()])];
    }
    report.recomputed += touched.length;
    const geometry = geometryOf(targetIds, unitRows);
    const before = subtrees(geometry, prevOwn);
    const after = subtrees(geometry, own);
    // Write only what changed: each changed unit's own figures, and a snapshot for each
    // subtree whose figures moved (every subtree on the first rollup, for the chart's start).
    const snapshots = [...after.entries()]
      .filter(([unitId, f]) => !state || !same(before.get(unitId), f))
      .map(([unitId, f]) => ({
        campaignId: c.id,
        unitId,
        computedAt: now,
        fingerprint: fp.full,
        ...f,
      }));
    const changedOwn = touched.filter((u) => !same(prevOwn.get(u), own.get(u)));
    const statements = [
      ...deferred,
      ...(changedOwn.length
        ? [
            db
              .delete(rollupUnits)
              .where(
                and(eq(rollupUnits.campaignId, c.id), inArray(rollupUnits.unitId, changedOwn)),
              ),
          ]
        : []),
      ...chunks(
        changedOwn
          .filter((u) => own.has(u))
          .map((u) => ({ campaignId: c.id, unitId: u, ...own.get(u)! })),
      ).map((rows) => db.insert(rollupUnits).values(rows)),
      ...chunks(snapshots).map((rows) =>
        db.insert(progressSnapshots).values(rows).onConflictDoNothing(),
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
    await db.batch(statements as [(typeof statements)[number], ...(typeof statements)[number][]]);
    report.snapshots += snapshots.length;
    if (parents.length) await push(db, control, tenant, c, now, report, own);
  }
  // Marks every running campaign has read are not needed any more.
  await pruneMarks(
    db,
    list.map((c) => c.id),
  );
  return report;
}

function chunks<T>(items: T[], size = 200): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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
  else
    for (const r of await db.select().from(rollupUnits).where(eq(rollupUnits.campaignId, c.id)))
      add(root, pick(r as unknown as Figures));
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
