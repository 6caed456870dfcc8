// Campaigns: created from a template (its definition frozen into the row), launched onto
// target subtrees (tasks per unit and per member), and measured. Progress is computed from
// the members themselves — their status on the evaluation date and their submission — so it
// is right for members who joined, left or were excused after launch, with or without tasks.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import {
  launchBlockers,
  stepAppliesToMember,
  unitMatches,
  type MemberForMatch,
  type Step,
  type TemplateDefinition,
  type UnitKind,
} from "../../schema/template";
import {
  campaignUnits,
  campaigns,
  memberStatusHistory,
  members,
  submissions,
  tasks,
  units,
} from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DueDateError, ictDate, resolveStepDueDates } from "../domain/deadlines";
import {
  addCounts,
  classify,
  countState,
  evaluationDate,
  zeroCounts,
  type Counts,
  type SubmissionStatus,
} from "../domain/progress";
import { subtreeBounds, type Scope } from "../domain/scope";
import { DomainError, notFound } from "../errors";
import { auditInsert, type AuditEntry } from "./audit";
import { newId } from "./ids";
import { scopeCondition } from "./scope";
import { requireTemplate } from "./templates";
import { requireUnitInScope } from "./units";

type Audit = Omit<AuditEntry, "action" | "entity">;
export type CampaignRow = typeof campaigns.$inferSelect;

export interface Campaign extends Omit<CampaignRow, "definition" | "overrides"> {
  def: TemplateDefinition;
  overrides: Record<string, string>;
}

const hydrate = (row: CampaignRow): Campaign => {
  const { definition, overrides, ...rest } = row;
  return {
    ...rest,
    def: JSON.parse(definition) as TemplateDefinition,
    overrides: overrides ? (JSON.parse(overrides) as Record<string, string>) : {},
  };
};

export async function requireCampaign(db: TenantDb, id: string): Promise<Campaign> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id)).limit(1);
  if (!row) throw notFound("Không tìm thấy đợt sinh hoạt.");
  return hydrate(row);
}

export async function listCampaigns(db: TenantDb) {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      templateKey: campaigns.templateKey,
      templateVersion: campaigns.templateVersion,
      documentNo: campaigns.documentNo,
      startsOn: campaigns.startsOn,
      dueOn: campaigns.dueOn,
      status: campaigns.status,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.createdAt));
  return rows;
}

/** Whether a unit (by its path) lies in one of the campaign's target subtrees. One join:
 *  the target units' paths, each a prefix test. */
export async function inCampaignTargets(
  db: TenantDb,
  campaignId: string,
  unitPath: string,
): Promise<boolean> {
  const targets = await db
    .select({ path: units.path })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(eq(campaignUnits.campaignId, campaignId));
  return targets.some((t) => unitPath.startsWith(t.path));
}

export async function campaignUnitIds(db: TenantDb, campaignId: string): Promise<string[]> {
  return (
    await db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, campaignId))
  ).map((r) => r.unitId);
}

/** Due instant of every dated step; a broken date in the campaign is a 422, not a 500. */
export function stepDueDates(
  c: Pick<Campaign, "def" | "startsOn" | "dueOn" | "overrides">,
): Record<string, Date> {
  try {
    return resolveStepDueDates(c.def, {
      startsOn: c.startsOn,
      dueOn: c.dueOn,
      overrides: c.overrides,
    });
  } catch (err) {
    if (err instanceof DueDateError)
      throw new DomainError("INVALID_BODY", err.message, { dueOn: err.message });
    throw err;
  }
}

/** The member step progress counts: the personal plan where there is one, else another
 *  member form, else the first member step (CT 24's members only attend: they are counted
 *  as expected or excused, and nothing is "submitted"). */
export function trackedStep(def: TemplateDefinition): Step | null {
  const memberSteps = def.steps.filter((s) => s.owner === "member");
  const withForm = memberSteps.filter((s) => s.formKey);
  for (const kind of ["personal-plan", "self-assessment", "commitment"]) {
    const s = withForm.find((x) => x.kind === kind);
    if (s) return s;
  }
  return withForm[0] ?? memberSteps[0] ?? null;
}

/** Member forms of a campaign (distinct form keys used by member steps). */
export const memberFormKeys = (def: TemplateDefinition) => [
  ...new Set(def.steps.filter((s) => s.owner === "member" && s.formKey).map((s) => s.formKey!)),
];

export interface CampaignInput {
  templateKey: string;
  templateVersion?: number;
  name: string;
  documentNo?: string;
  startsOn: string;
  dueOn: string;
  unitIds: string[];
  overrides?: Record<string, string>;
}

export async function createCampaign(
  db: TenantDb,
  input: CampaignInput,
  scope: Scope,
  audit: Audit,
  now: Date,
) {
  const { def } = await requireTemplate(db, input.templateKey, input.templateVersion);
  return createCampaignFrom(db, def, input, scope, audit, now, null);
}

/** A campaign on a given definition: a template's, or a parent's directive adopted. */
export async function createCampaignFrom(
  db: TenantDb,
  def: TemplateDefinition,
  input: Omit<CampaignInput, "templateKey" | "templateVersion">,
  scope: Scope,
  audit: Audit,
  now: Date,
  directiveId: string | null,
) {
  if (input.dueOn < input.startsOn)
    throw new DomainError("INVALID_BODY", "Ngày kết thúc phải sau ngày bắt đầu.", {
      dueOn: "Phải sau ngày bắt đầu.",
    });
  for (const unitId of input.unitIds) await requireUnitInScope(db, unitId, scope);
  const row = {
    id: newId(),
    templateKey: def.key,
    templateVersion: def.version,
    definition: JSON.stringify(def),
    name: input.name,
    documentNo: input.documentNo ?? null,
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    overrides: input.overrides ? JSON.stringify(input.overrides) : null,
    status: "draft" as const,
    directiveId,
    createdBy: audit.actorUserId,
    createdAt: now,
    updatedAt: now,
  };
  stepDueDates({ def, startsOn: row.startsOn, dueOn: row.dueOn, overrides: input.overrides ?? {} });
  await db.batch([
    db.insert(campaigns).values(row),
    db
      .insert(campaignUnits)
      .values([...new Set(input.unitIds)].map((unitId) => ({ campaignId: row.id, unitId }))),
    auditInsert(
      db,
      {
        ...audit,
        action: "campaign.create",
        entity: "campaign",
        entityId: row.id,
        after: {
          name: row.name,
          templateKey: def.key,
          templateVersion: def.version,
          unitIds: input.unitIds,
        },
      },
      now,
    ),
  ]);
  return { id: row.id, status: row.status };
}

interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
  closedOn: string | null;
}

/** Everything needed to decide who a campaign concerns: the units in its target subtrees
 *  (open on `date`) and their ancestors' names for the template's name-based filters. */
async function targetUnits(db: TenantDb, campaignId: string, date: string) {
  const all: UnitInfo[] = await db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      path: units.path,
      parentId: units.parentId,
      closedOn: units.closedOn,
    })
    .from(units);
  const byId = new Map(all.map((u) => [u.id, u]));
  const roots = (await campaignUnitIds(db, campaignId))
    .map((id) => byId.get(id))
    .filter((u): u is UnitInfo => !!u);
  const inTarget = all.filter(
    (u) => roots.some((r) => u.path.startsWith(r.path)) && (!u.closedOn || u.closedOn > date),
  );
  const ancestors = (u: UnitInfo) => {
    const names: string[] = [];
    for (
      let p = u.parentId ? byId.get(u.parentId) : undefined;
      p;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      names.push(p.name);
    return names;
  };
  return { inTarget, byId, roots, ancestors };
}

const pathConditions = (paths: string[], column = units.path): SQL | undefined =>
  paths.length === 0
    ? sql`0`
    : or(
        ...paths.map((p) => {
          const [lo, hi] = subtreeBounds(p);
          return and(gte(column, lo), lt(column, hi));
        }),
      );

/** Members of the target subtrees (within `scope`) with their status on `date`. */
async function targetMembers(
  db: TenantDb,
  rootPaths: string[],
  scope: Scope,
  date: string,
  memberIds?: string[],
) {
  const statusOnDate = sql<string>`coalesce((SELECT ${memberStatusHistory.status} FROM ${memberStatusHistory} WHERE ${memberStatusHistory.memberId} = ${members.id} AND ${memberStatusHistory.since} <= ${date} ORDER BY ${memberStatusHistory.since} DESC, ${memberStatusHistory.at} DESC LIMIT 1), ${members.status})`;
  return db
    .select({
      id: members.id,
      fullName: members.fullName,
      unitId: members.unitId,
      position: members.position,
      managed: members.managedByStandingCommittee,
      status: statusOnDate,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        pathConditions(rootPaths),
        scopeCondition(scope, units.path),
        memberIds ? inArray(members.id, memberIds) : undefined,
      ),
    );
}

function matchFacts(
  m: { position: string | null; managed: boolean; status: string },
  unit: UnitInfo,
  ancestors: string[],
): MemberForMatch {
  return {
    status: m.status as MemberForMatch["status"],
    position: m.position,
    managedByStandingCommittee: m.managed,
    unit: { kind: unit.kind as UnitKind, name: unit.name },
    ancestorUnitNames: ancestors,
  };
}

/** Creates the tasks that are missing: unit steps for target units, member steps for the
 *  members they concern who are expected (not excused, not gone). Idempotent. */
export async function syncTasks(
  db: TenantDb,
  c: Campaign,
  now: Date,
  memberIds?: string[],
): Promise<number> {
  const today = ictDate(now);
  const due = stepDueDates(c);
  const { inTarget, roots, ancestors } = await targetUnits(db, c.id, today);
  const unitById = new Map(inTarget.map((u) => [u.id, u]));
  const rows: (typeof tasks.$inferInsert)[] = [];
  if (!memberIds)
    for (const step of c.def.steps.filter((s) => s.owner === "unit"))
      for (const u of inTarget)
        if (unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
          rows.push({
            id: newId(),
            campaignId: c.id,
            stepKey: step.key,
            unitId: u.id,
            memberId: "",
            dueAt: due[step.key] ?? null,
            createdAt: now,
          });
  const memberSteps = c.def.steps.filter((s) => s.owner === "member");
  if (memberSteps.length) {
    const list = await targetMembers(
      db,
      roots.map((r) => r.path),
      { all: true, paths: [] },
      today,
      memberIds,
    );
    for (const m of list) {
      const unit = unitById.get(m.unitId);
      if (!unit || countState(m.status, c.def.excusals.statuses) !== "expected") continue;
      const facts = matchFacts(m, unit, ancestors(unit));
      for (const step of memberSteps)
        if (stepAppliesToMember(c.def, step, facts))
          rows.push({
            id: newId(),
            campaignId: c.id,
            stepKey: step.key,
            unitId: m.unitId,
            memberId: m.id,
            dueAt: due[step.key] ?? null,
            createdAt: now,
          });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(tasks)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  return rows.length;
}

export async function launchCampaign(db: TenantDb, id: string, audit: Audit, now: Date) {
  const c = await requireCampaign(db, id);
  if (c.status !== "draft")
    throw new DomainError("INVALID_STATE", "Chỉ phát động được đợt sinh hoạt đang ở dạng nháp.");
  const blockers = launchBlockers(c.def);
  if (blockers.length)
    throw new DomainError(
      "NOT_LAUNCHABLE",
      blockers.join(" "),
      Object.fromEntries(blockers.map((b, i) => [`blockers.${i}`, b])),
    );
  // Claim the launch first (draft → active): two admins clicking at once launch it once.
  const [claimed] = await db
    .update(campaigns)
    .set({
      status: "active",
      launchedAt: now,
      updatedAt: now,
      version: sql`${campaigns.version} + 1`,
    })
    .where(and(eq(campaigns.id, id), eq(campaigns.status, "draft")))
    .returning({ id: campaigns.id });
  if (!claimed) throw new DomainError("INVALID_STATE", "Đợt sinh hoạt đã được phát động.");
  const created = await syncTasks(db, { ...c, status: "active" }, now);
  await auditInsert(
    db,
    {
      ...audit,
      action: "campaign.launch",
      entity: "campaign",
      entityId: id,
      after: { tasks: created },
    },
    now,
  );
  return { id, status: "active" as const };
}

/** A draft never launched can be removed (say, refused for a list still lacking its items):
 *  nothing hangs off it yet. */
export async function deleteDraftCampaign(db: TenantDb, id: string, audit: Audit, now: Date) {
  const c = await requireCampaign(db, id);
  if (c.status !== "draft")
    throw new DomainError("INVALID_STATE", "Chỉ xóa được đợt sinh hoạt chưa phát động.");
  await db.batch([
    db.delete(campaignUnits).where(eq(campaignUnits.campaignId, id)),
    db.delete(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.status, "draft"))),
    auditInsert(
      db,
      {
        ...audit,
        action: "campaign.delete",
        entity: "campaign",
        entityId: id,
        before: { name: c.name },
      },
      now,
    ),
  ]);
}

export async function closeCampaign(db: TenantDb, id: string, audit: Audit, now: Date) {
  const c = await requireCampaign(db, id);
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Chỉ kết thúc được đợt sinh hoạt đang diễn ra.");
  await db.batch([
    db
      .update(campaigns)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(eq(campaigns.id, id)),
    auditInsert(db, { ...audit, action: "campaign.close", entity: "campaign", entityId: id }, now),
  ]);
  return { id, status: "closed" as const };
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

/** Every member the campaign's tracked form concerns, within `scope` (and the `unitId`
 *  subtree if given), with their submission and how they count. Progress and the
 *  secretary's queue both read this, so they agree by construction. */
export async function campaignRoster(
  db: TenantDb,
  c: Campaign,
  scope: Scope,
  now: Date,
  unitId?: string,
) {
  const step = trackedStep(c.def);
  const dueAt = step ? (stepDueDates(c)[step.key] ?? null) : null;
  const date = evaluationDate(now, dueAt);
  const { inTarget, roots, ancestors } = await targetUnits(db, c.id, date);
  let rootPaths = roots.map((r) => r.path);
  if (unitId) {
    const unit = await requireUnitInScope(db, unitId, scope);
    rootPaths = rootPaths.some((p) => unit.path.startsWith(p)) ? [unit.path] : [];
  }
  const unitById = new Map(inTarget.map((u) => [u.id, u]));
  const list = step ? await targetMembers(db, rootPaths, scope, date) : [];
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
        .where(and(eq(submissions.campaignId, c.id), eq(submissions.formKey, step.formKey!)))
    : [];
  const subByMember = new Map(subs.map((x) => [x.memberId, x]));
  const entries: RosterEntry[] = [];
  for (const m of list) {
    const unit = unitById.get(m.unitId);
    if (!unit) continue; // closed before the evaluation date
    if (!stepAppliesToMember(c.def, step!, matchFacts(m, unit, ancestors(unit)))) continue;
    const sub = subByMember.get(m.id);
    const counts = classify(
      {
        state: countState(m.status, c.def.excusals.statuses),
        submission: (sub?.status ?? null) as SubmissionStatus | null,
        firstSubmittedAt: sub?.first ?? null,
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
export async function countsByUnitSql(
  db: TenantDb,
  c: Campaign,
  scope: Scope,
  now: Date,
  unitId?: string,
  onlyUnits?: string[],
) {
  const step = trackedStep(c.def)!;
  const dueAt = stepDueDates(c)[step.key] ?? null;
  const date = evaluationDate(now, dueAt);
  const { inTarget, roots } = await targetUnits(db, c.id, date);
  let rootPaths = roots.map((r) => r.path);
  if (unitId) {
    const unit = await requireUnitInScope(db, unitId, scope);
    rootPaths = rootPaths.some((p) => unit.path.startsWith(p)) ? [unit.path] : [];
  }
  const eligible = new Set(
    inTarget
      .filter((u) => unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
      .map((u) => u.id),
  );
  const due = dueAt?.getTime() ?? null;
  const formKey = step.formKey ?? "";
  const rows = await db.all<{ unit_id: string } & Record<keyof Counts, number>>(sql`
    WITH x AS (
      SELECT ${members.unitId} AS unit_id, s.status AS ss, s.first_submitted_at AS fs,
        CASE
          WHEN st IN ('chuyen-di', 'tu-tran') THEN 'gone'
          WHEN st IN (${inList(c.def.excusals.statuses)}) THEN 'excused'
          ELSE 'expected' END AS state
      FROM (
        SELECT ${members.id} AS id, ${members.unitId}, coalesce((SELECT h.status FROM ${memberStatusHistory} h
          WHERE h.member_id = ${members.id} AND h.since <= ${date} ORDER BY h.since DESC, h.at DESC LIMIT 1), ${members.status}) AS st
        FROM ${members} INNER JOIN ${units} ON ${units.id} = ${members.unitId}
        WHERE ${
          // Recomputing a few units: start from them (the unit index) instead of the subtrees.
          onlyUnits ? sql`${members.unitId} IN (${inList(onlyUnits)})` : pathConditions(rootPaths)
        } ${scope.all ? sql`` : sql`AND ${scopeCondition(scope, units.path)}`}
      ) AS ${members} -- the subquery stands in for the members table, so its columns keep their names
      LEFT JOIN ${submissions} s ON s.campaign_id = ${c.id} AND s.member_id = ${members.id} AND s.form_key = ${formKey}
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
        WHEN ${due} IS NOT NULL AND NOT coalesce(in_hand, 0) THEN ${now.getTime()} >= ${due} ELSE 0 END) AS late
    FROM y GROUP BY unit_id`);
  const perUnit = new Map<string, Counts>();
  for (const r of rows) {
    if (!eligible.has(r.unit_id)) continue; // closed, or a kind of unit the step does not concern
    perUnit.set(r.unit_id, {
      expected: Number(r.expected),
      submitted: Number(r.submitted),
      confirmed: Number(r.confirmed),
      onTime: Number(r.onTime),
      late: Number(r.late),
      excused: Number(r.excused),
    });
  }
  return { dueAt, evaluatedOn: date, perUnit };
}

/** Counts per unit: in SQL where the step allows it, else member by member. */
export async function countsByUnit(
  db: TenantDb,
  c: Campaign,
  scope: Scope,
  now: Date,
  unitId?: string,
  onlyUnits?: string[],
) {
  const step = trackedStep(c.def);
  if (step && stepFiltersByUnitOnly(step))
    return countsByUnitSql(db, c, scope, now, unitId, onlyUnits);
  const { dueAt, evaluatedOn, entries } = await campaignRoster(db, c, scope, now, unitId);
  const only = onlyUnits ? new Set(onlyUnits) : null;
  const perUnit = new Map<string, Counts>();
  for (const e of entries)
    if (!only || only.has(e.unitId))
      addCounts(
        perUnit.get(e.unitId) ?? perUnit.set(e.unitId, zeroCounts()).get(e.unitId)!,
        e.counts,
      );
  return { dueAt, evaluatedOn, perUnit };
}

/** Progress of the campaign's tracked member form, per unit, within the reader's scope. */
export async function campaignProgress(
  db: TenantDb,
  c: Campaign,
  scope: Scope,
  now: Date,
  unitId?: string,
) {
  const { dueAt, evaluatedOn, perUnit } = await countsByUnit(db, c, scope, now, unitId);
  const totals = zeroCounts();
  for (const counts of perUnit.values()) addCounts(totals, counts);
  const unitsOut: UnitProgress[] = [...perUnit.entries()].map(([id, counts]) => ({
    unitId: id,
    ...counts,
  }));
  return { dueAt, evaluatedOn, totals, units: unitsOut };
}
