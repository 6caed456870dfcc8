// Rollups: per campaign and per unit subtree — expected, submitted, confirmed, on time, late,
// excused, meetings held and compliant, reports on time — recomputed from the tenant's data
// (the same roster and compliance functions the API serves, so they agree by construction),
// stored as snapshots with their time, and pushed to the control plane for linked parents.
// Figures are recomputed, never incremented, so a rerun or a retried message is harmless.
// Incremental: a campaign whose inputs have not changed since its last snapshot is skipped.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { rollups, tenantLinks } from "../../schema/tables/control";
import { campaignUnits, campaigns, progressSnapshots, units } from "../../schema/tables/tenant";
import { countsByUnit, getCampaign, stepDueDates, type Campaign } from "../data/campaigns";
import { campaignCompliance } from "../data/meetings";
import type { ControlDb, TenantDb } from "../db/handles";
import { ictDate } from "../domain/deadlines";
import type { TenantRecord } from "../env";

export interface Figures {
  expected: number;
  submitted: number;
  confirmed: number;
  onTime: number;
  late: number;
  excused: number;
  meetingsHeld: number;
  meetingsCompliant: number;
  reportsOnTime: number;
}
const zero = (): Figures => ({
  expected: 0,
  submitted: 0,
  confirmed: 0,
  onTime: 0,
  late: 0,
  excused: 0,
  meetingsHeld: 0,
  meetingsCompliant: 0,
  reportsOnTime: 0,
});
const add = (a: Figures, b: Partial<Figures>) => {
  for (const k of Object.keys(a) as (keyof Figures)[]) a[k] += b[k] ?? 0;
};

/** What a campaign's figures depend on, cheaply: a change anywhere changes this string. */
export async function fingerprint(db: TenantDb, c: Campaign, now: Date): Promise<string> {
  const due = stepDueDates(c);
  const passed = Object.entries(due)
    .filter(([, at]) => at <= now)
    .map(([k]) => k)
    .sort()
    .join(",");
  const rs = await db.all<{ f: string }>(sql`SELECT
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM submissions WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM meetings WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(version), 0) || ':' || count(*) FROM reports WHERE campaign_id = ${c.id}) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM members) || '|' ||
      (SELECT coalesce(max(at), 0) || ':' || count(*) FROM member_status_history) || '|' ||
      (SELECT coalesce(max(updated_at), 0) || ':' || count(*) FROM units) AS f`);
  return `${c.version}|${c.status}|${ictDate(now)}|${passed}|${rs[0]!.f}`;
}

/** Figures for every unit subtree of the campaign's targets. */
export async function computeRollup(
  db: TenantDb,
  c: Campaign,
  now: Date,
): Promise<Map<string, Figures>> {
  const all = { all: true, paths: [] };
  const [{ perUnit }, compliance, targetIds, unitRows] = await Promise.all([
    countsByUnit(db, c, all, now),
    campaignCompliance(db, c, all, now),
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, c.id)),
    db.select({ id: units.id, path: units.path }).from(units),
  ]);
  const pathOf = new Map(unitRows.map((u) => [u.id, u.path]));
  const targetPaths = targetIds.map((t) => pathOf.get(t.unitId)).filter((p): p is string => !!p);
  const figures = new Map<string, Figures>();
  // A unit's figures count in its own subtree and in every ancestor's within the targets.
  const credit = (unitId: string, f: Partial<Figures>) => {
    const path = pathOf.get(unitId);
    if (!path) return;
    const ids = path.split("/").filter(Boolean);
    for (let i = 0; i < ids.length; i++) {
      const ancestorPath = `/${ids.slice(0, i + 1).join("/")}/`;
      if (!targetPaths.some((t) => ancestorPath.startsWith(t))) continue;
      add(figures.get(ids[i]!) ?? figures.set(ids[i]!, zero()).get(ids[i]!)!, f);
    }
  };
  for (const [unitId, counts] of perUnit) credit(unitId, counts);
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
    credit(u.unitId, { meetingsHeld: held, meetingsCompliant: compliant, reportsOnTime });
  }
  return figures;
}

export interface RollupReport {
  campaigns: number;
  skipped: number;
  snapshots: number;
  pushed: number;
}

export async function runRollup(
  db: TenantDb,
  control: ControlDb,
  tenant: TenantRecord,
  now: Date,
): Promise<RollupReport> {
  const report: RollupReport = { campaigns: 0, skipped: 0, snapshots: 0, pushed: 0 };
  const list = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(inArray(campaigns.status, ["active", "closed"]));
  const parents = await control
    .select({ id: tenantLinks.id })
    .from(tenantLinks)
    .where(and(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.status, "approved")));
  for (const { id } of list) {
    const c = await getCampaign(db, id);
    report.campaigns++;
    const fp = await fingerprint(db, c, now);
    const [last] = await db
      .select({ fingerprint: progressSnapshots.fingerprint })
      .from(progressSnapshots)
      .where(eq(progressSnapshots.campaignId, c.id))
      .orderBy(desc(progressSnapshots.computedAt))
      .limit(1);
    let rootFigures: Figures | null = null;
    if (last?.fingerprint === fp) {
      report.skipped++;
    } else {
      const figures = await computeRollup(db, c, now);
      const rows = [...figures.entries()].map(([unitId, f]) => ({
        campaignId: c.id,
        unitId,
        computedAt: now,
        fingerprint: fp,
        ...f,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await db
          .insert(progressSnapshots)
          .values(rows.slice(i, i + 200))
          .onConflictDoNothing();
      report.snapshots += rows.length;
    }
    if (parents.length === 0) continue;
    // The parent sees the whole campaign: the sum over the target roots' latest snapshots.
    const targetIds = (
      await db
        .select({ unitId: campaignUnits.unitId })
        .from(campaignUnits)
        .where(eq(campaignUnits.campaignId, c.id))
    ).map((t) => t.unitId);
    const latest = await db
      .select()
      .from(progressSnapshots)
      .where(
        and(
          eq(progressSnapshots.campaignId, c.id),
          inArray(progressSnapshots.unitId, targetIds),
          eq(progressSnapshots.fingerprint, fp),
        ),
      );
    rootFigures = zero();
    for (const s of latest) add(rootFigures, s);
    await control
      .insert(rollups)
      .values({
        childId: tenant.id,
        campaignId: c.id,
        directiveId: c.directiveId,
        name: c.name,
        templateKey: c.templateKey,
        ...rootFigures,
        computedAt: now,
      })
      .onConflictDoUpdate({
        target: [rollups.childId, rollups.campaignId],
        set: { name: c.name, directiveId: c.directiveId, ...rootFigures, computedAt: now },
      });
    report.pushed++;
  }
  return report;
}
