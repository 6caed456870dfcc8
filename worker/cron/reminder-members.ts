// A reminder day's page of members (issue 13): what a campaign's members may be owed today
// (memberPlan, from the campaign alone), the page's read (memberPage: a statement that rides
// in the pass's one batch of what the day decides from, so it needs nothing that batch reads)
// and the page's items (memberItemsOf, once the unit tree is known). Members are read in
// keyset pages on their id, joined in SQL with their account and their submission, and only
// those who may be owed something come back: a member with an account whose plan is not in
// (while a plan reminder is due), or whose own year-end input is not recorded (while its
// reminder is due: issue 10), or a plan waiting for its cell's confirmation (counted per
// unit for the secretaries).
import { and, asc, eq, gt, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import {
  campaignUnits,
  members,
  stepRecords,
  submissions,
  units,
  users,
} from "../../schema/tables/tenant";
import { stepAppliesToMember } from "../../schema/template";
import {
  changedSince,
  matchFacts,
  memberFacts,
  type treeOf,
  unitRows,
  type UnitInfo,
} from "../data/campaign-targets";
import { stepDueDates, trackedStep, type Campaign } from "../data/campaigns";
import type { TenantDb } from "../db/handles";
import { yearEndConcerns } from "../data/member-year-end";
import { MEMBER_YEAR_END_KEY, memberYearEnd } from "../domain/year-end";
import { countState, evaluationDate } from "../domain/progress";
import {
  planReminderKind,
  planReminders,
  yearEndReminders,
  type ReminderItem,
} from "../domain/reminders";

/** What a campaign's members may be owed today; null: nothing (no page is read). Plans
 *  submitted and awaiting confirmation are always counted (for the secretaries' items: whether
 *  a unit has a secretary is not known before the page is read). */
export function memberPlan(c: Campaign, now: Date, daysBefore: number) {
  const tracked = trackedStep(c.def);
  const step = tracked?.formKey ? { ...tracked, formKey: tracked.formKey } : null;
  const dueAt = step ? (stepDueDates(c)[step.key] ?? null) : null;
  const plan = step ? planReminderKind(dueAt, daysBefore, now) : null;
  // The member's own year-end input (issue 10): the same page read, its record LEFT JOINed.
  const yearEnd = memberYearEnd(c.def, c.startsOn);
  const yearEndDueAt = yearEnd && planReminderKind(yearEnd.dueAt, daysBefore, now) && yearEnd.dueAt;
  if (!step && !yearEndDueAt) return null;
  return { c, step, dueAt, plan, yearEndDueAt, date: evaluationDate(now, dueAt) };
}
export type MemberPlan = NonNullable<ReturnType<typeof memberPlan>>;

/** The read of a page of the campaign's members after `after` (see the file's head). */
export function memberPage(db: TenantDb, p: MemberPlan, after: string, pageSize: number) {
  const { c, step, plan, yearEndDueAt } = p;
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
    step ? eq(submissions.status, "submitted") : undefined,
    yearEndDueAt ? and(isNotNull(users.id), isNull(stepRecords.id)) : undefined,
  );
  return (
    db
      .select({
        ...memberFacts,
        userId: users.id,
        submission: submissions.status,
        yearEnd: stepRecords.id,
        // The year-end input counts members by their status now, as compliance does.
        statusNow: members.status,
      })
      .from(members)
      .leftJoin(sql`${changedSince(p.date)} AS ls`, sql`ls.member_id = ${members.id}`)
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
      .where(and(gt(members.id, after), wanted))
      .orderBy(asc(members.id))
      .limit(pageSize)
  );
}
export type MemberRow = Awaited<ReturnType<typeof memberPage>>[number];

/** The units of a page's members and their ancestors (each unit's path lists their ids,
 *  base32 from data/ids.ts: made a JSON array as they are), found by primary key: what a
 *  page after a campaign's first needs of the tree. */
export const pageUnits = (db: TenantDb, page: ReturnType<typeof memberPage>) =>
  unitRows(db).where(sql`${units.id} IN (SELECT j.value
    FROM ${units} AS pu, json_each('["' || replace(trim(pu.path, '/'), '/', '","') || '"]') AS j
    WHERE pu.id IN (SELECT p.unit_id FROM (${page}) AS p))`);

/** The paths of a campaign's target units. */
export const targetPaths = (db: TenantDb, campaignId: string) =>
  db
    .select({ path: units.path })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(eq(campaignUnits.campaignId, campaignId));

/** A page's plan and year-end reminders; the plans awaiting confirmation are counted per
 *  unit into `awaiting`. The same rules as the roster (data/progress.ts campaignRoster):
 *  status on the evaluation date, the template's routing, open units of the targets; gone
 *  members count nowhere. `after`: where the next page starts (null: the campaign's last). */
export function memberItemsOf(
  p: MemberPlan,
  page: MemberRow[],
  now: Date,
  daysBefore: number,
  o: {
    tree: ReturnType<typeof treeOf>;
    inTargets: (u: UnitInfo) => boolean;
    pageSize: number;
    /** Plans awaiting confirmation per unit, counted on from the pages before. */
    awaiting: Map<string, number>;
  },
): { items: ReminderItem[]; after: string | null } {
  const { c, step, dueAt, yearEndDueAt, date } = p;
  const awaiting = o.awaiting;
  const open = (u: UnitInfo | undefined): u is UnitInfo =>
    !!u && (!u.closedOn || u.closedOn > date) && o.inTargets(u);
  const ancestors = new Map<string, string[]>();
  const ancestorsOf = (u: UnitInfo) => {
    let names = ancestors.get(u.id);
    if (!names) ancestors.set(u.id, (names = o.tree.ancestors(u)));
    return names;
  };
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
          { ...member, memberId: m.id, submission: m.submission, dueAt },
          daysBefore,
          now,
        ),
      );
  }
  return { items, after: page.length < o.pageSize ? null : page.at(-1)!.id };
}
