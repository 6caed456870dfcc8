// How each unit of a campaign stands against the template's meeting rules and the reports
// it owes upward: marks per rule, read by the compliance screen and the rollup.
import { and, asc, eq, gt, sql, type SQLWrapper } from "drizzle-orm";
import { completionOf, unitMatches, type UnitKind } from "../../schema/template";
import type { MergeKind } from "../../schema/vocab/campaigns";
import {
  campaignUnits,
  meetingAttendance,
  meetings,
  members,
  reports,
  stepRecords,
  units,
} from "../../schema/tables/tenant";
import {
  reportMark,
  summariseMarks,
  type AttendanceFacts,
  type GuestFacts,
  type Mark,
  type MeetingFacts,
} from "../domain/compliance";
import { stepMeetingMarks, type SessionFacts } from "../domain/meeting-sessions";
import { recordMark } from "../domain/step-completion";
import { ictDate } from "../../schema/rules/deadlines";
import { materialsDueAt } from "../../schema/rules/materials";
import {
  MONTHLY_REVIEW_KEY,
  monthlyReviewMark,
  periodicReportKey,
  periodicReportMark,
} from "../domain/follow-up";
import { firstRecords } from "./acknowledgements";
import { followUpMarks } from "./follow-up-records";
import { yearEndCountsByUnit, yearEndCountsQuery, yearEndUnitMarks } from "./member-year-end";
import { periodsByStep, recordedPeriodsQuery, reviewAnchor } from "./follow-up-forms";
import { campaignUnitIdsQuery, openUnitsOf, stepDueDates } from "./campaigns";
import { meetingSteps } from "./meetings";
import type { BatchItem } from "../db/handles";
import type { ProgressInput, ReadCtx } from "./progress";
import { requireUnitInScope } from "./units";

export interface UnitCompliance {
  unitId: string;
  unitName: string;
  marks: (Mark & { step?: string; report?: string })[];
  /** The next instant (ms) its marks may change by the clock alone within the day (a
   *  meeting starting, materials falling due), if any: compliance-figures.ts rechecks it. */
  recheckAt?: number;
}

/** The instants a meeting's marks compare the clock with (meetingMarks, stepMeetingMarks):
 *  its start (held or not), and when its materials fall due. Listed, not judged. */
function clockInstants(m: { startedAt: Date | null; scheduledAt: Date | null }, leadDays?: number) {
  const at = m.startedAt ?? m.scheduledAt;
  return [
    m.startedAt,
    m.scheduledAt,
    at && leadDays !== undefined ? materialsDueAt(at, leadDays) : null,
  ];
}

/** How the stored figures' rebuild judges a whole tenant (issue 13's heap): a page at a time. */
export interface JudgeOptions {
  /** Each unit's marks handed over as judged and not kept; the answer's units and summary
   *  are then empty. */
  sink?: (u: UnitCompliance) => void;
  /** Only the `size` units after path `after` in path order (of every unit of the tenant):
   *  the answer's `next` is the path to read on from, null after the last page. */
  page?: { after: string; size: number };
  /** Writes carried by the page's read (the previous page's), first in its batch. */
  lead?: BatchItem[];
}

/** Each target unit's marks against its campaign's meeting rules and reports upward,
 *  within the reader's scope (and the `unitId` subtree if given). */
export async function campaignCompliance(
  { db, scope, now }: ReadCtx,
  { campaign: c, unitId, onlyUnits }: ProgressInput,
  { sink, page, lead = [] }: JudgeOptions = {},
) {
  const due = stepDueDates(c);
  const startsAt = new Date(`${c.startsOn}T00:00:00+07:00`);
  // The monthly review on the template's form: owed each month after the step it follows.
  const review = c.def.followUp.monthlyReview?.formKey ? c.def.followUp.monthlyReview : null;
  // Periodic reports on their forms (003's 6-monthly), owed for each period from the start.
  const periodic = c.def.followUp.periodicReports.filter((r) => r.formKey);
  // Only `onlyUnits`' rows when given (a recount of marked units reads what they hold, not
  // the whole campaign's), and their target units to know they are targeted.
  const only = onlyUnits ? JSON.stringify(onlyUnits) : null;
  // A page: the units after `after` in path order (the path index), and the rows of theirs.
  const pageIds = page
    ? sql`SELECT ${units.id} FROM ${units} WHERE ${units.path} > ${page.after}
        ORDER BY ${units.path} LIMIT ${page.size}`
    : null;
  const within = (col: SQLWrapper) =>
    only
      ? sql`${col} IN (SELECT value FROM json_each(${only}))`
      : pageIds
        ? sql`${col} IN (${pageIds})`
        : undefined;
  const targeted = sql`${units.id} IN (SELECT ${campaignUnits.unitId}
    FROM ${campaignUnits} WHERE ${campaignUnits.campaignId} = ${c.id})`;
  // Everything in one round trip (a batch): the units, the targets, the meetings with their
  // roll-calls, the reports, the units' own records and the follow-ups' recorded periods.
  // A page's units are read in path order, apart from the targets (which may lie outside
  // it), so that the page's last path is known.
  const queries = [
    campaignUnitIdsQuery(db, c.id),
    db
      .select()
      .from(units)
      .where(only ? sql`${within(units.id)} OR ${targeted}` : page ? targeted : undefined),
    page
      ? db
          .select()
          .from(units)
          .where(gt(units.path, page.after))
          .orderBy(asc(units.path))
          .limit(page.size)
      : db
          .select()
          .from(units)
          .where(sql`0`),
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.campaignId, c.id), within(meetings.unitId))),
    db
      .select({ a: meetingAttendance, rank: members.leadershipRank })
      .from(meetingAttendance)
      .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
      .innerJoin(members, eq(members.id, meetingAttendance.memberId))
      .where(and(eq(meetings.campaignId, c.id), within(meetings.unitId))),
    db
      .select({
        unitId: reports.unitId,
        reportKey: reports.reportKey,
        submittedAt: reports.submittedAt,
      })
      .from(reports)
      .where(and(eq(reports.campaignId, c.id), within(reports.unitId))),
    firstRecords(db, c.id, within(stepRecords.unitId)),
    recordedPeriodsQuery(
      db,
      c.id,
      [...(review ? [MONTHLY_REVIEW_KEY] : []), ...periodic.map((r) => periodicReportKey(r.key))],
      within(stepRecords.unitId),
    ),
    // Each unit's members' own year-end input, counted per member status (empty when the
    // template asks none).
    yearEndCountsQuery(db, c, within(members.unitId)),
  ] as const;
  const read = await db.batch([...lead, ...queries] as unknown as [BatchItem, ...BatchItem[]]);
  const [
    targetIds,
    someUnits,
    pageUnits,
    meetingRows,
    attendanceRows,
    reportRows,
    recordRows,
    periodRows,
    yearEndRows,
  ] = read.slice(lead.length) as unknown as {
    -readonly [K in keyof typeof queries]: Awaited<(typeof queries)[K]>;
  };
  const next = page && pageUnits.length === page.size ? pageUnits.at(-1)!.path : null;
  let open = openUnitsOf(
    page ? [...new Map([...someUnits, ...pageUnits].map((u) => [u.id, u])).values()] : someUnits,
    targetIds.map((t) => t.unitId),
    scope,
  );
  if (page) {
    const inPage = new Set(pageUnits.map((u) => u.id));
    open = open.filter((u) => inPage.has(u.id));
  }
  if (unitId) {
    const root = await requireUnitInScope(db, unitId, scope);
    open = open.filter((u) => u.path.startsWith(root.path));
  }
  if (onlyUnits) {
    const listed = new Set(onlyUnits);
    open = open.filter((u) => listed.has(u.id));
  }
  // Grouped once, so each unit reads its own meetings, roll-calls and reports by key: the
  // work grows with the rows, not with units × meetings.
  const meetingsOf = groupBy(meetingRows, (m) => `${m.unitId}|${m.stepKey}`);
  const attendanceOf = groupBy(attendanceRows, (x) => x.a.meetingId);
  const reportOf = new Map<string, (typeof reportRows)[number]>();
  for (const r of reportRows)
    if (!reportOf.has(`${r.unitId}|${r.reportKey}`)) reportOf.set(`${r.unitId}|${r.reportKey}`, r);
  const periods = periodsByStep(periodRows);
  const reviewed = review ? (periods.get(MONTHLY_REVIEW_KEY) ?? new Map()) : null;
  const anchor = reviewAnchor(c);
  const filed = new Map<string, Map<string, Set<string>>>();
  for (const r of periodic)
    filed.set(r.key, periods.get(periodicReportKey(r.key)) ?? new Map<string, Set<string>>());
  // Unit steps done by the unit's own record (acknowledgement, unit form): one mark each.
  const recorded = c.def.steps.filter(
    (s) => s.owner === "unit" && ["acknowledged", "unit-form-submitted"].includes(completionOf(s)),
  );
  // When each unit first recorded each step, milestone and year-end input.
  const firstOf = new Map(recordRows.map((r) => [`${r.unitId}|${r.stepKey}`, Number(r.at)]));
  const firstAt = (unitId: string, stepKey: string) => {
    const at = firstOf.get(`${unitId}|${stepKey}`);
    return at === undefined ? null : new Date(at);
  };
  const today = ictDate(now);
  const yearEnd = yearEndCountsByUnit(c, yearEndRows);
  const out: UnitCompliance[] = [];
  const nowMs = now.getTime();
  for (const unit of open) {
    const kind = { kind: unit.kind as UnitKind, name: unit.name };
    const marks: UnitCompliance["marks"] = [];
    let recheckAt = Infinity;
    for (const step of meetingSteps(c, unit)) {
      const rules = c.def.meetingRules.find((r) => r.key === step.meetingRulesKey);
      if (!rules) continue;
      const sessions: SessionFacts[] = (meetingsOf.get(`${unit.id}|${step.key}`) ?? []).map(
        (m) => ({
          ...m,
          mergedWith: m.mergedWith ? (JSON.parse(m.mergedWith) as MergeKind[]) : null,
          guests: m.guests ? (JSON.parse(m.guests) as GuestFacts[]) : [],
          agenda: m.agenda ? (JSON.parse(m.agenda) as MeetingFacts["agenda"]) : [],
          attendance: (attendanceOf.get(m.id) ?? []).map((x): AttendanceFacts => ({
            memberId: x.a.memberId,
            presence: x.a.presence,
            isCommittee: x.a.isCommittee,
            spokeOrder: x.a.spokeOrder,
            leadershipRank: x.rank,
            role: x.a.role,
            presentedPlan: x.a.presentedPlan,
            commentedOn: x.a.commentedOn,
          })),
        }),
      );
      for (const s of sessions)
        for (const t of clockInstants(s, rules.materialsLeadDays))
          // The instant itself (`<= now`) and the one after (`> now`).
          for (const at of t ? [t.getTime(), t.getTime() + 1] : [])
            if (at > nowMs && at < recheckAt) recheckAt = at;
      const facts = { unit: kind, startsAt };
      for (const mark of stepMeetingMarks(rules, sessions, due[step.key] ?? null, now, facts))
        marks.push({ ...mark, rule: `${step.key}:${mark.rule}`, step: step.key });
    }
    for (const report of c.def.reports) {
      if (!unitMatches(report.from, kind)) continue;
      const r = reportOf.get(`${unit.id}|${report.key}`);
      const mark = reportMark(
        report.title,
        r?.submittedAt ?? null,
        due[report.stepKey] ?? null,
        now,
      );
      marks.push({ ...mark, rule: `report:${report.key}`, report: report.key });
    }
    for (const step of recorded) {
      if (!unitMatches(step.appliesTo, kind)) continue;
      const mark = recordMark(step, firstAt(unit.id, step.key), due[step.key] ?? null, now);
      marks.push({ ...mark, step: step.key });
    }
    if (review && unitMatches(review.appliesTo, kind))
      marks.push(
        monthlyReviewMark(review.title, reviewed?.get(unit.id) ?? new Set(), anchor, today),
      );
    for (const r of periodic)
      if (unitMatches(r.from, kind))
        marks.push(
          periodicReportMark(r, filed.get(r.key)?.get(unit.id) ?? new Set(), c.startsOn, today),
        );
    marks.push(...followUpMarks(c, unit, firstAt, now));
    marks.push(...yearEndUnitMarks(c, unit, yearEnd, now));
    if (!marks.length) continue;
    (sink ?? ((u: UnitCompliance) => out.push(u)))({
      unitId: unit.id,
      unitName: unit.name,
      marks,
      ...(recheckAt < Infinity ? { recheckAt } : {}),
    });
  }
  return { units: out, summary: summariseMarks(out.map((u) => u.marks)), next };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
