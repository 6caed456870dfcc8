// What a reminder day owes whom (issue 13: 500,000 members under a 128 MB heap). A pass
// first reads what every pass needs (reminderBasis: the notify settings, the running
// campaigns, the day's cursor); a pass whose cursor says today is decided reads nothing more.
// A campaign's first page of members is read in ONE batch with the unit tree, the
// secretaries, the active campaigns' targets, meetings, reports and follow-up records
// (unitBasisReads: sized by the number of units, not of members), and so is the pass after
// its last page, which decides the secretaries' items; the pages between read only their
// members' units and the targets (nextPage). The working set is one page.
import { and, eq, inArray, like } from "drizzle-orm";
import {
  campaignUnits,
  campaigns,
  grants,
  meetings,
  reports,
  stepRecords,
} from "../../schema/tables/tenant";
import { unitMatches, type UnitKind } from "../../schema/template";
import { treeOf, unitInfosOf, unitTreeJson, type UnitInfo } from "../data/campaign-targets";
import { notifyOf, notifySettingsRow } from "../data/settings";
import { hydrateCampaign, stepDueDates, type Campaign } from "../data/campaigns";
import { reviewAnchor } from "../data/follow-up-forms";
import { meetingSteps } from "../data/meetings";
import type { BatchItem, TenantDb } from "../db/handles";
import { ictDate } from "../../schema/rules/deadlines";
import { followUpDue } from "../domain/follow-up";
import { dayStart, decidedAgain, type ReminderCursor } from "./reminder-cursor";
import { yearEndBasis, yearEndDue, yearEndIndex } from "./year-end-reminders";
import {
  memberItemsOf,
  memberPage,
  memberPlan,
  pageUnits,
  targetPaths,
  type MemberPlan,
  type MemberRow,
} from "./reminder-members";
import { unitReminders, type ReminderItem } from "../domain/reminders";

/** Members read per page (one round trip each, plus one for the page's ledger rows). At
 *  50,000 members (tests/scale, SCALE_REMINDER_PAGES) pages of 5,000 members and 2,500
 *  people took a day 30 passes and a peak heap of 57 MiB; 2,000 and 1,000 took 73 and 52
 *  MiB; 10,000 and 5,000 took 16 and 70 MiB, past issue 13's 64 MB for a job. */
export const MEMBER_PAGE = 5000;

/** What every pass reads, in ONE round trip (a batch): the tenant's notify settings and the
 *  active (and closed, for the rollup) campaigns, with `ride` (the day's cursor). */
export async function reminderBasis(db: TenantDb, ride: BatchItem[] = []) {
  const [notifyRows, campaignRows, ...rode] = await db.batch([
    notifySettingsRow(db),
    db
      .select()
      .from(campaigns)
      .where(inArray(campaigns.status, ["active", "closed"])),
    ...(ride as []),
  ]);
  const running = campaignRows.map(hydrateCampaign);
  return {
    notify: notifyOf(notifyRows[0]),
    active: running.filter((c) => c.status === "active"),
    /** Active and closed: the campaigns the rollup keeps (handed to it, read once). */
    running,
    /** The results of `ride`, read in the same batch. */
    ride: rode as unknown[],
  };
}
export type ReminderBasis = Awaited<ReturnType<typeof reminderBasis>>;

/** What deciding the day needs beyond the basis: the unit tree, the secretaries, and the
 *  active campaigns' targets, meetings, reports, follow-up records and year-end counts —
 *  statements for one batch (unitBasisOf reads their results). */
export function unitBasisReads(db: TenantDb) {
  const activeIds = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "active"));
  return [
    unitTreeJson(db),
    db
      .select({ userId: grants.userId, unitId: grants.unitId })
      .from(grants)
      .where(eq(grants.role, "secretary")),
    db.select().from(campaignUnits).where(inArray(campaignUnits.campaignId, activeIds)),
    db
      .select({
        campaignId: meetings.campaignId,
        unitId: meetings.unitId,
        stepKey: meetings.stepKey,
        scheduledAt: meetings.scheduledAt,
        startedAt: meetings.startedAt,
        materialsSentAt: meetings.materialsSentAt,
        soTayPostedAt: meetings.soTayPostedAt,
      })
      .from(meetings)
      .where(inArray(meetings.campaignId, activeIds)),
    db
      .select({ campaignId: reports.campaignId, unitId: reports.unitId, key: reports.reportKey })
      .from(reports)
      .where(inArray(reports.campaignId, activeIds)),
    // The follow-up records (reserved step keys, "~…"): one row per unit, key and period.
    db
      .selectDistinct({
        campaignId: stepRecords.campaignId,
        unitId: stepRecords.unitId,
        stepKey: stepRecords.stepKey,
        period: stepRecords.period,
      })
      .from(stepRecords)
      .where(
        and(
          inArray(stepRecords.campaignId, activeIds),
          eq(stepRecords.memberId, ""),
          like(stepRecords.stepKey, "~%"),
        ),
      ),
    ...yearEndBasis(db),
  ] as const;
}
type UnitBasisResults = {
  [K in keyof ReturnType<typeof unitBasisReads>]: Awaited<ReturnType<typeof unitBasisReads>[K]>;
};

/** unitBasisReads' results (the first eight of `results`), indexed. */
function unitBasisOf(results: readonly unknown[]) {
  const [unitList, secretaryGrants, targetRows, meetingRows, reportRows, recordRows, yr, ym] =
    results as unknown as UnitBasisResults;
  return {
    tree: treeOf(unitInfosOf(unitList)),
    secretaryGrants,
    targetRows,
    meetingRows,
    reportRows,
    recordRows,
    yearEnd: yearEndIndex(yr, ym),
  };
}

/** One pass's share of the day's items: from `cursor` (null: none kept yet), at most one
 *  page of members (one round trip) and the secretaries' items of each campaign whose members
 *  are done. Returns the items and where the next pass starts. */
export async function decideReminders(
  db: TenantDb,
  now: Date,
  daysBefore: number,
  cursor: ReminderCursor | null,
  pageSize = MEMBER_PAGE,
  basis?: ReminderBasis,
): Promise<{ items: ReminderItem[]; next: ReminderCursor }> {
  const b = basis ?? (await reminderBasis(db));
  const today = ictDate(now);
  const active = [...b.active].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const ids = active.map((c) => c.id);
  const start = dayStart(today, now.getTime(), ids);
  let at = cursor?.day === today ? cursor : start;
  const items: ReminderItem[] = [];
  if (at.done) {
    const deadlines = active.flatMap((c) => Object.values(stepDueDates(c)).map(Number));
    if (!decidedAgain(at, ids, deadlines, now)) return { items, next: at };
    at = start;
  }
  // The one page of members this pass reads: the first campaign's from the cursor on whose
  // members may be owed anything (and are not all read).
  const plans = new Map(active.map((c) => [c.id, memberPlan(c, now, daysBefore)]));
  const paged = active.find(
    (c) => c.id >= at.campaign && plans.get(c.id) && !(c.id === at.campaign && at.membersDone),
  );
  const after = paged?.id === at.campaign ? at.after : "";
  const pageRead = paged ? [memberPage(db, plans.get(paged.id)!, after, pageSize)] : [];
  // A page after a campaign's first needs only its members' units and the targets: the rest
  // of what the day decides from is read by the campaign's first page and by the pass after
  // its last (its secretaries' items), not by every page.
  if (paged && after)
    return nextPage(db, paged, plans.get(paged.id)!, at, pageSize, now, daysBefore);
  const results = (await db.batch([...unitBasisReads(db), ...pageRead])) as unknown[];
  const { tree, secretaryGrants, targetRows, meetingRows, reportRows, recordRows, yearEnd } =
    unitBasisOf(results);
  const page = results[8] as MemberRow[] | undefined;
  const recorded = new Set(
    recordRows.map((r) => `${r.campaignId}|${r.unitId}|${r.stepKey}|${r.period}`),
  );
  const secretaries = new Map<string, string[]>();
  for (const g of secretaryGrants)
    if (g.unitId) secretaries.set(g.unitId, [...(secretaries.get(g.unitId) ?? []), g.userId]);
  const meetingBy = new Map<string, (typeof meetingRows)[number]>();
  for (const m of meetingRows) {
    const k = `${m.campaignId}|${m.unitId}|${m.stepKey}`;
    if (!meetingBy.has(k)) meetingBy.set(k, m);
  }
  const reported = new Set(reportRows.map((r) => `${r.campaignId}|${r.unitId}|${r.key}`));
  for (const c of active) {
    if (c.id < at.campaign) continue;
    if (c.id > at.campaign)
      at = { ...at, campaign: c.id, after: "", membersDone: false, awaiting: {} };
    const rootPaths = targetRows
      .filter((r) => r.campaignId === c.id)
      .map((r) => tree.byId.get(r.unitId)?.path)
      .filter((p): p is string => !!p);
    const inTargets = (u: UnitInfo) => rootPaths.some((p) => u.path.startsWith(p));
    const awaiting = new Map(Object.entries(at.awaiting));
    const plan = plans.get(c.id);
    if (plan && !at.membersDone) {
      // A campaign after the one paged has its page read by the next pass.
      if (c !== paged || !page) return { items, next: at };
      const members = memberItemsOf(plan, page, now, daysBefore, {
        tree,
        inTargets,
        pageSize,
        awaiting,
      });
      items.push(...members.items);
      if (members.after !== null)
        return {
          items,
          next: { ...at, after: members.after, awaiting: Object.fromEntries(awaiting) },
        };
    }
    const due = stepDueDates(c);
    const anchor = reviewAnchor(c);
    for (const unit of tree.all) {
      const secretaryUserIds = secretaries.get(unit.id);
      if (unit.closedOn || !secretaryUserIds || !inTargets(unit)) continue;
      const kind = { kind: unit.kind as UnitKind, name: unit.name };
      items.push(
        ...unitReminders(
          {
            campaignId: c.id,
            campaignName: c.name,
            unitId: unit.id,
            unitName: unit.name,
            secretaryUserIds,
            awaitingConfirmation: awaiting.get(unit.id) ?? 0,
            meetings: meetingSteps(c, unit).map((s) => {
              const m = meetingBy.get(`${c.id}|${unit.id}|${s.key}`);
              const rules = c.def.meetingRules.find((r) => r.key === s.meetingRulesKey);
              return {
                stepKey: s.key,
                title: s.title,
                dueAt: due[s.key] ?? null,
                scheduledAt: m?.scheduledAt ?? null,
                startedAt: m?.startedAt ?? null,
                materialsSent: !!(m?.materialsSentAt || m?.soTayPostedAt),
                materialsLeadDays: rules?.materialsLeadDays ?? null,
              };
            }),
            reports: c.def.reports
              .filter((r) => unitMatches(r.from, kind))
              .map((r) => ({
                key: r.key,
                title: r.title,
                dueAt: due[r.stepKey] ?? null,
                submitted: reported.has(`${c.id}|${unit.id}|${r.key}`),
              })),
            followUps: [
              ...followUpDue(c.def, {
                campaignStart: c.startsOn,
                reviewAnchor: anchor,
                unit: kind,
                today,
                has: (stepKey, period) => recorded.has(`${c.id}|${unit.id}|${stepKey}|${period}`),
              }),
              ...yearEndDue(c, unit, yearEnd),
            ],
          },
          daysBefore,
          now,
        ),
      );
    }
  }
  return { items, next: { ...at, after: "", awaiting: {}, done: true } };
}

/** A page of members after the campaign's first: read with its members' units (and their
 *  ancestors) and the campaign's target paths, in one round trip. After its last page the
 *  cursor says the members are done; the next pass decides the secretaries' items. */
async function nextPage(
  db: TenantDb,
  c: Campaign,
  plan: MemberPlan,
  at: ReminderCursor,
  pageSize: number,
  now: Date,
  daysBefore: number,
): Promise<{ items: ReminderItem[]; next: ReminderCursor }> {
  const read = memberPage(db, plan, at.after, pageSize);
  const [unitList, targets, page] = await db.batch([
    pageUnits(db, read),
    targetPaths(db, c.id),
    read,
  ]);
  const rootPaths = targets.map((t) => t.path);
  const awaiting = new Map(Object.entries(at.awaiting));
  const members = memberItemsOf(plan, page, now, daysBefore, {
    tree: treeOf(unitList),
    inTargets: (u) => rootPaths.some((p) => u.path.startsWith(p)),
    pageSize,
    awaiting,
  });
  const moved = members.after === null ? { membersDone: true } : { after: members.after };
  return {
    items: members.items,
    next: { ...at, ...moved, awaiting: Object.fromEntries(awaiting) },
  };
}
