// How far a campaign has got. Progress is computed from the members themselves — their
// status on the evaluation date and their submission — so it is right for members who
// joined, left or were excused after launch, with or without tasks. The roster (member by
// member) and the SQL aggregation apply the same rules (domain/progress.ts).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { stepAppliesToMember, unitMatches, type Step, type UnitKind } from "../../schema/template";
import { members, progressSnapshots, submissions, units } from "../../schema/tables/tenant";
import {
  addCounts,
  classify,
  countState,
  evaluationDate,
  toStored,
  zeroCounts,
  type Counts,
  type SubmissionStatus,
} from "../domain/progress";
import {
  changedSince,
  matchFacts,
  pathConditions,
  targetMembers,
  targetUnits,
  type Targets,
} from "./campaign-targets";
import { campaignUnitIds, stepDueDates, trackedStep, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { attendanceAsSubmissions, attendanceByMember } from "./meeting-attendance";
import { scopeCondition } from "./scope";
import { requireUnitInScope } from "./units";

/** What reading progress needs: no actor, nothing is written. */
export type ReadCtx = Pick<Ctx, "db" | "scope" | "now">;

/** Which campaign, narrowed to the `unitId` subtree if given; `onlyUnits` recomputes just
 *  those units (the rollup after a few changes). */
export interface ProgressInput {
  campaign: Campaign;
  unitId?: string;
  onlyUnits?: string[];
  /** The campaign's targets on the evaluation date, when already read (the stored figures'
   *  refresh reads them with its marks). */
  targets?: Targets;
}

export interface UnitProgress extends Counts {
  unitId: string;
}

export interface RosterEntry {
  memberId: string;
  fullName: string;
  unitId: string;
  counts: Counts;
  submission: {
    id: string;
    status: SubmissionStatus;
    version: number;
    submittedAt: Date | null;
    enteredOnBehalf: boolean;
  } | null;
}

/** The target roots to count under: all of them, or within the one `unitId` subtree (which
 *  must be in scope; away from the targets it counts nobody). */
async function countedRoots(
  { db, scope }: ReadCtx,
  roots: { path: string }[],
  unitId: string | undefined,
) {
  const rootPaths = roots.map((r) => r.path);
  if (!unitId) return rootPaths;
  const unit = await requireUnitInScope(db, unitId, scope);
  if (rootPaths.some((p) => unit.path.startsWith(p))) return [unit.path];
  // A unit above the targets (the tenant's root, say): the targets under it.
  return rootPaths.filter((p) => p.startsWith(unit.path));
}

/** Every member the campaign's tracked form concerns, within `scope` (and the `unitId`
 *  subtree if given), with their submission and how they count. Progress and the
 *  secretary's queue both read this, so they agree by construction. */
export async function campaignRoster(
  ctx: ReadCtx,
  { campaign: c, unitId, onlyUnits }: ProgressInput,
) {
  const { db, scope, now } = ctx;
  const step = trackedStep(c.def);
  const dueAt = step ? (stepDueDates(c)[step.key] ?? null) : null;
  const date = evaluationDate(now, dueAt);
  const { inTarget, roots, ancestors } = await targetUnits(db, c.id, date);
  const rootPaths = await countedRoots(ctx, roots, unitId);
  const unitById = new Map(inTarget.map((u) => [u.id, u]));
  const list = step ? await targetMembers(db, { rootPaths, scope, date, unitIds: onlyUnits }) : [];
  const subs = step?.formKey
    ? await db
        .select({
          id: submissions.id,
          memberId: submissions.memberId,
          status: submissions.status,
          version: submissions.version,
          submittedAt: submissions.submittedAt,
          first: submissions.firstSubmittedAt,
          enteredBy: submissions.enteredBy,
        })
        .from(submissions)
        .where(
          and(
            eq(submissions.campaignId, c.id),
            eq(submissions.formKey, step.formKey!),
            // A few units (a refresh of stored figures): their members' plans only.
            onlyUnits
              ? inArray(
                  submissions.memberId,
                  db
                    .select({ id: members.id })
                    .from(members)
                    .where(inArray(members.unitId, onlyUnits)),
                )
              : undefined,
          ),
        )
    : [];
  // A step done by attending a meeting counts its roll-calls instead of a form.
  const attended = new Map(
    (step ? await attendanceByMember(db, c, step, now) : []).map((x) => [x.memberId, x]),
  );
  const subByMember = new Map(subs.map((x) => [x.memberId, x]));
  const entries: RosterEntry[] = [];
  for (const m of list) {
    const unit = unitById.get(m.unitId);
    if (!unit) continue; // closed before the evaluation date
    if (!stepAppliesToMember(c.def, step!, matchFacts(m, unit, ancestors(unit)))) continue;
    const sub = subByMember.get(m.id);
    const att = attended.get(m.id);
    const state = countState(m.status, c.def.excusals.statuses);
    const counts = classify(
      {
        state: state === "expected" && att?.status === "excused" ? "excused" : state,
        submission: (sub?.status ??
          (att?.status === "confirmed" ? "confirmed" : null)) as SubmissionStatus | null,
        firstSubmittedAt: sub?.first ?? att?.first ?? null,
      },
      dueAt,
      now,
    );
    if (counts.expected + counts.excused === 0) continue; // left the đảng bộ
    entries.push({
      memberId: m.id,
      fullName: m.fullName,
      unitId: m.unitId,
      counts,
      submission: sub
        ? {
            id: sub.id,
            status: sub.status,
            version: sub.version,
            submittedAt: sub.submittedAt,
            enteredOnBehalf: sub.enteredBy !== null,
          }
        : null,
    });
  }
  return { step, dueAt, evaluatedOn: date, entries };
}

/** The secretary's queue: plans awaiting confirmation, who has not submitted, who is
 *  confirmed, who is excused — the roster cut four ways. */
export async function secretaryQueue(ctx: ReadCtx, input: ProgressInput) {
  const { dueAt, entries } = await campaignRoster(ctx, input);
  const view = (e: RosterEntry) => ({
    memberId: e.memberId,
    fullName: e.fullName,
    unitId: e.unitId,
    submission: e.submission,
  });
  return {
    dueAt,
    awaitingConfirmation: entries.filter((e) => e.submission?.status === "submitted").map(view),
    missing: entries.filter((e) => e.counts.expected && !e.counts.submitted).map(view),
    confirmed: entries.filter((e) => e.counts.confirmed).map(view),
    excused: entries.filter((e) => e.counts.excused).map(view),
  };
}

/** Whether a step picks its members by their unit alone (kind, name) — true of every
 *  built-in's tracked step. Then counts can be aggregated in SQL; a step that filters by
 *  position or flags needs each member in hand (campaignRoster). */
export const stepFiltersByUnitOnly = (step: Step) =>
  !step.appliesTo.members && !step.appliesTo.publication;

const inList = (values: readonly string[]) =>
  sql.join(
    (values.length ? values : [""]).map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * Per-unit counts computed in SQL: the same rules as domain/progress.ts `classify`, written
 * as CASE expressions, over every member of the target subtrees within `scope`. One GROUP BY
 * instead of every member row in memory — what keeps a 500,000-member rollup fast.
 * tests/domain/progress-sql.test.ts holds this and the JS path to the same figures.
 */
export async function countsByUnitSql(ctx: ReadCtx, input: ProgressInput) {
  const { db, scope, now } = ctx;
  const { campaign: c, onlyUnits } = input;
  const step = trackedStep(c.def)!;
  const dueAt = stepDueDates(c)[step.key] ?? null;
  const date = evaluationDate(now, dueAt);
  const { inTarget, roots } = input.targets ?? (await targetUnits(db, c.id, date));
  const rootPaths = await countedRoots(ctx, roots, input.unitId);
  const eligible = new Set(
    inTarget
      .filter((u) => unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
      .map((u) => u.id),
  );
  const due = dueAt?.getTime() ?? null;
  const formKey = step.formKey ?? "";
  const rows = await db.all<{ unit_id: string } & Record<keyof UnitCounts, number>>(sql`
    WITH x AS (
      SELECT ${members.unitId} AS unit_id, s.status AS ss, s.first_submitted_at AS fs,
        CASE
          WHEN st IN ('chuyen-di', 'tu-tran') THEN 'gone'
          WHEN st IN (${inList(c.def.excusals.statuses)}) THEN 'excused'
          WHEN s.status = 'excused' THEN 'excused' -- excused from the meeting a step is done by
          ELSE 'expected' END AS state
      FROM (
        SELECT ${members.id} AS id, ${members.unitId}, coalesce(ls.status, ${members.status}) AS st
        -- CROSS JOIN fixes the order: the target units by their path range, then each one's
        -- members off the unit index (SQLite's planner otherwise may scan every member).
        FROM ${units} CROSS JOIN ${members} ON ${members.unitId} = ${units.id}
          LEFT JOIN ${changedSince(date)} AS ls ON ls.member_id = ${members.id}
        WHERE ${
          // Recomputing a few units: start from them (the unit index) instead of the subtrees.
          onlyUnits ? sql`${units.id} IN (${inList(onlyUnits)})` : pathConditions(rootPaths)
        } ${scope.all ? sql`` : sql`AND ${scopeCondition(scope, units.path)}`}
      ) AS ${members} -- the subquery stands in for the members table, so its columns keep their names
      LEFT JOIN ${attendanceAsSubmissions(c, step, now) ?? submissions} s ON s.campaign_id = ${c.id} AND s.member_id = ${members.id} AND s.form_key = ${formKey}
    ), y AS (
      SELECT unit_id, state, fs, (ss IN ('submitted', 'confirmed')) AS in_hand, (ss = 'confirmed') AS confirmed FROM x
    )
    SELECT unit_id,
      sum(state = 'expected') AS expected,
      sum(state = 'excused') AS excused,
      sum(state = 'expected' AND in_hand) AS submitted,
      sum(state = 'expected' AND confirmed) AS confirmed,
      sum(state = 'expected' AND CASE
        WHEN ${due} IS NOT NULL AND fs IS NOT NULL AND in_hand THEN fs < ${due}
        WHEN ${due} IS NULL AND in_hand THEN 1 ELSE 0 END) AS onTime,
      sum(state = 'expected' AND CASE
        WHEN ${due} IS NOT NULL AND fs IS NOT NULL AND in_hand THEN fs >= ${due}
        WHEN ${due} IS NOT NULL AND NOT coalesce(in_hand, 0) THEN ${now.getTime()} >= ${due} ELSE 0 END) AS late,
      sum(state = 'expected' AND ${due} IS NOT NULL AND fs IS NOT NULL AND in_hand AND fs >= ${due}) AS lateSubmitted
    FROM y GROUP BY unit_id`);
  const perUnit = new Map<string, UnitCounts>();
  for (const r of rows) {
    if (!eligible.has(r.unit_id)) continue; // closed, or a kind of unit the step does not concern
    perUnit.set(r.unit_id, {
      expected: Number(r.expected),
      submitted: Number(r.submitted),
      confirmed: Number(r.confirmed),
      onTime: Number(r.onTime),
      late: Number(r.late),
      excused: Number(r.excused),
      lateSubmitted: Number(r.lateSubmitted),
    });
  }
  return { dueAt, evaluatedOn: date, perUnit };
}

/** A unit's counts, with the late plans handed in (what is stored: progress-figures.ts). */
export type UnitCounts = Counts & { lateSubmitted: number };

/** Counts per unit: in SQL where the step allows it, else member by member. */
export async function countsByUnit(ctx: ReadCtx, input: ProgressInput) {
  const step = trackedStep(input.campaign.def);
  if (step && stepFiltersByUnitOnly(step)) return countsByUnitSql(ctx, input);
  const { dueAt, evaluatedOn, entries } = await campaignRoster(ctx, input);
  const only = input.onlyUnits ? new Set(input.onlyUnits) : null;
  const perUnit = new Map<string, UnitCounts>();
  for (const e of entries)
    if (!only || only.has(e.unitId)) {
      const into =
        perUnit.get(e.unitId) ??
        perUnit.set(e.unitId, { ...zeroCounts(), lateSubmitted: 0 }).get(e.unitId)!;
      addCounts(into, e.counts);
      into.lateSubmitted += toStored(e.counts, !!e.counts.submitted).lateSubmitted;
    }
  return { dueAt, evaluatedOn, perUnit };
}

/** The progress points the rollup saved for one unit (the campaign's first target unit
 *  unless named), oldest first: the chart over time. */
export async function progressHistory(
  { db, scope }: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId?: string },
) {
  // Without a unit: the campaign's first root for whoever sees all of it, else the reader's
  // own (first) scope root, which the rollup snapshots like every subtree.
  const unitId =
    input.unitId ??
    (scope.all || !scope.paths.length
      ? (await campaignUnitIds(db, input.campaign.id))[0]!
      : scope.paths[0]!.split("/").at(-2)!);
  await requireUnitInScope(db, unitId, scope);
  const at = progressSnapshots.computedAt;
  const here = and(
    eq(progressSnapshots.campaignId, input.campaign.id),
    eq(progressSnapshots.unitId, unitId),
  );
  // One point a day (the day's last, in ICT), the latest HISTORY_DAYS of them: an hourly
  // cron over a long campaign answers a bounded page, read through progress_snapshots_uq.
  // Literals, not parameters: a bound number arrives as REAL and the division would not floor.
  const day = sql`(${at} + ${sql.raw(String(ICT_OFFSET_MS))}) / ${sql.raw(String(DAY_MS))}`;
  const lastOfDay = db
    .select({ at: sql`max(${at})` })
    .from(progressSnapshots)
    .where(here)
    .groupBy(day)
    .orderBy(desc(day))
    .limit(HISTORY_DAYS);
  const points = await db
    .select()
    .from(progressSnapshots)
    .where(and(here, inArray(at, lastOfDay)))
    .orderBy(asc(at));
  return {
    unitId,
    points: points.map(({ campaignId: _c, unitId: _u, fingerprint: _f, ...p }) => p),
  };
}

/** The most points /history answers: a year and a day of daily points. */
export const HISTORY_DAYS = 366;
const DAY_MS = 86_400_000;
const ICT_OFFSET_MS = 7 * 3_600_000;
