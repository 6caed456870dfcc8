// What a reminder day owes whom (issue 13: 500,000 members under a 128 MB heap). The unit
// tree, the active campaigns and their meetings and reports are read once — their size is the
// number of units, not of members. Members are read in keyset pages on their id, joined in SQL
// with their account and their submission, and only those who may be owed something come back:
// a member with an account whose plan is not in (while a plan reminder is due), or whose own
// year-end input is not recorded (while its reminder is due: issue 10), or a plan
// waiting for its cell's confirmation (counted per unit for the secretaries). A pass reads one
// page (decideReminders, from the day's cursor), so the working set is one page.
import {
  and,
  asc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import {
  campaignUnits,
  campaigns,
  grants,
  meetings,
  members,
  reports,
  stepRecords,
  submissions,
  users,
} from "../../schema/tables/tenant";
import { stepAppliesToMember, unitMatches, type UnitKind } from "../../schema/template";
import {
  changedSince,
  matchFacts,
  memberFacts,
  treeOf,
  unitInfosOf,
  unitTreeJson,
  type UnitInfo,
} from "../data/campaign-targets";
import { notifyOf, notifySettingsRow } from "../data/settings";
import { hydrateCampaign, stepDueDates, trackedStep, type Campaign } from "../data/campaigns";
import { reviewAnchor } from "../data/follow-up-forms";
import { meetingSteps } from "../data/meetings";
import type { BatchItem, TenantDb } from "../db/handles";
import { ictDate } from "../../schema/rules/deadlines";
import { followUpDue } from "../domain/follow-up";
import { dayStart, decidedAgain, type ReminderCursor } from "./reminder-cursor";
import { yearEndBasis, yearEndDue, yearEndIndex } from "./year-end-reminders";
import { yearEndConcerns } from "../data/member-year-end";
import { MEMBER_YEAR_END_KEY, memberYearEnd } from "../domain/year-end";
import { countState, evaluationDate } from "../domain/progress";
import {
  planReminderKind,
  planReminders,
  unitReminders,
  yearEndReminders,
  type ReminderItem,
} from "../domain/reminders";

/** Members read per page (one round trip each, plus one for the page's ledger rows). */
export const MEMBER_PAGE = 2000;

/** What a reminder day decides from, read in ONE round trip (a batch): the tenant's notify
 *  settings, the active (and closed, for the rollup) campaigns, the unit tree, the secretaries, and the active campaigns'
 *  targets, meetings and reports. Its size is the number of units, not of members. */
export async function reminderBasis(db: TenantDb, ride: BatchItem[] = []) {
  const activeIds = db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "active"));
  const [
    notifyRows,
    campaignRows,
    unitList,
    secretaryGrants,
    targetRows,
    meetingRows,
    reportRows,
    recordRows,
    yearEndRecorded,
    yearEndMembers,
    ...rode
  ] = await db.batch([
    notifySettingsRow(db),
    db
      .select()
      .from(campaigns)
      .where(inArray(campaigns.status, ["active", "closed"])),
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
    ...(ride as []),
  ]);
  const running = campaignRows.map(hydrateCampaign);
  return {
    notify: notifyOf(notifyRows[0]),
    active: running.filter((c) => c.status === "active"),
    /** Active and closed: the campaigns the rollup keeps (handed to it, read once). */
    running,
    tree: treeOf(unitInfosOf(unitList)),
    secretaryGrants,
    targetRows,
    meetingRows,
    reportRows,
    recordRows,
    yearEnd: yearEndIndex(yearEndRecorded, yearEndMembers),
    /** The results of `ride`, read in the same batch. */
    ride: rode as unknown[],
  };
}
export type ReminderBasis = Awaited<ReturnType<typeof reminderBasis>>;

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
  const { tree, secretaryGrants, targetRows, meetingRows, reportRows, recordRows } = b;
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
  let read = false;
  for (const c of active) {
    if (c.id < at.campaign) continue;
    if (c.id > at.campaign) at = { ...at, campaign: c.id, after: "", awaiting: {} };
    const rootPaths = targetRows
      .filter((r) => r.campaignId === c.id)
      .map((r) => tree.byId.get(r.unitId)?.path)
      .filter((p): p is string => !!p);
    const inTargets = (u: UnitInfo) => rootPaths.some((p) => u.path.startsWith(p));
    const awaiting = new Map(Object.entries(at.awaiting));
    const members = await memberItems(db, c, now, daysBefore, {
      tree,
      inTargets,
      countAwaiting: secretaries.size > 0,
      pageSize,
      after: at.after,
      awaiting,
      mayRead: !read,
    });
    if (members === "later") return { items, next: at };
    read ||= members.read;
    items.push(...members.items);
    if (members.after !== null)
      return {
        items,
        next: { ...at, after: members.after, awaiting: Object.fromEntries(awaiting) },
      };
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
              ...yearEndDue(c, unit, b.yearEnd),
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

/** A page of the campaign's members after `o.after`: their plan and year-end reminders
 *  (the year-end input's record LEFT JOINed on the records' unique index); the plans
 *  awaiting confirmation are counted per unit (what the secretaries' items need). The same
 *  rules as the roster (data/progress.ts campaignRoster): status on the evaluation date, the
 *  template's routing, open units of the targets; gone members count nowhere. */
async function memberItems(
  db: TenantDb,
  c: Campaign,
  now: Date,
  daysBefore: number,
  o: {
    tree: ReturnType<typeof treeOf>;
    inTargets: (u: UnitInfo) => boolean;
    countAwaiting: boolean;
    pageSize: number;
    after: string;
    /** Plans awaiting confirmation per unit, counted on from the pages before. */
    awaiting: Map<string, number>;
    /** Whether this pass may still read (a page is one round trip): "later" when not. */
    mayRead: boolean;
  },
): Promise<"later" | { items: ReminderItem[]; after: string | null; read: boolean }> {
  const awaiting = o.awaiting;
  const tracked = trackedStep(c.def);
  const step = tracked?.formKey ? { ...tracked, formKey: tracked.formKey } : null;
  const dueAt = step ? (stepDueDates(c)[step.key] ?? null) : null;
  const plan = step ? planReminderKind(dueAt, daysBefore, now) : null;
  const countAwaiting = !!step && o.countAwaiting;
  // The member's own year-end input (issue 10): the same page read, its record LEFT JOINed.
  const yearEnd = memberYearEnd(c.def, c.startsOn);
  const yearEndDueAt = yearEnd && planReminderKind(yearEnd.dueAt, daysBefore, now) && yearEnd.dueAt;
  if (!plan && !countAwaiting && !yearEndDueAt) return { items: [], after: null, read: false };
  if (!o.mayRead) return "later";
  const date = evaluationDate(now, dueAt);
  const open = (u: UnitInfo | undefined): u is UnitInfo =>
    !!u && (!u.closedOn || u.closedOn > date) && o.inTargets(u);
  const ancestors = new Map<string, string[]>();
  const ancestorsOf = (u: UnitInfo) => {
    let names = ancestors.get(u.id);
    if (!names) ancestors.set(u.id, (names = o.tree.ancestors(u)));
    return names;
  };
  const wanted = or(
    plan
      ? and(
          isNotNull(users.id),
          or(
            isNull(submissions.status),
            notInArray(submissions.status, ["submitted", "confirmed"]),
          ),
        )
      : undefined,
    countAwaiting ? eq(submissions.status, "submitted") : undefined,
    yearEndDueAt ? and(isNotNull(users.id), isNull(stepRecords.id)) : undefined,
  );
  const page = await db
    .select({
      ...memberFacts,
      userId: users.id,
      submission: submissions.status,
      yearEnd: stepRecords.id,
      // The year-end input counts members by their status now, as compliance does.
      statusNow: members.status,
    })
    .from(members)
    .leftJoin(sql`${changedSince(date)} AS ls`, sql`ls.member_id = ${members.id}`)
    .leftJoin(users, and(eq(users.memberId, members.id), isNull(users.disabledAt)))
    .leftJoin(
      submissions,
      and(
        eq(submissions.campaignId, c.id),
        eq(submissions.memberId, members.id),
        step ? eq(submissions.formKey, step.formKey) : sql`0`,
      ),
    )
    // Their first year-end record (its version 1), found by the records' unique index.
    .leftJoin(
      stepRecords,
      and(
        yearEndDueAt ? eq(stepRecords.campaignId, c.id) : sql`0`,
        eq(stepRecords.stepKey, MEMBER_YEAR_END_KEY),
        eq(stepRecords.unitId, members.unitId),
        eq(stepRecords.memberId, members.id),
        eq(stepRecords.period, ""),
        eq(stepRecords.version, 1),
      ),
    )
    .where(and(gt(members.id, o.after), wanted))
    .orderBy(asc(members.id))
    .limit(o.pageSize);
  const items: ReminderItem[] = [];
  let previous = "";
  for (const m of page) {
    const unit = o.tree.byId.get(m.unitId);
    if (!open(unit)) continue;
    const member = { campaignId: c.id, campaignName: c.name, memberUserId: m.userId ?? "" };
    const expectedNow = countState(m.statusNow, c.def.excusals.statuses) === "expected";
    if (yearEndDueAt && expectedNow && m.userId && !m.yearEnd && yearEndConcerns(c, unit))
      items.push(...yearEndReminders({ ...member, memberId: m.id }, yearEndDueAt, daysBefore, now));
    const state = countState(m.status, c.def.excusals.statuses);
    if (state === "gone") continue;
    if (!step || !stepAppliesToMember(c.def, step, matchFacts(m, unit, ancestorsOf(unit))))
      continue;
    // A member with two accounts comes twice, side by side: their plan is counted once.
    if (m.submission === "submitted" && m.id !== previous)
      awaiting.set(m.unitId, (awaiting.get(m.unitId) ?? 0) + 1);
    previous = m.id;
    if (state === "expected" && m.userId)
      items.push(
        ...planReminders(
          {
            ...member,
            memberId: m.id,
            submission: m.submission,
            dueAt,
          },
          daysBefore,
          now,
        ),
      );
  }
  const after = page.length < o.pageSize ? null : page.at(-1)!.id;
  return { items, after, read: true };
}
