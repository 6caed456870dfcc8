// The launch: a draft campaign becomes active and gets its tasks — unit steps for the target
// units, member steps for the members they concern. Tasks of members who join later are
// created on their first look (my-tasks.ts) by the same idempotent sync.
import { and, eq, gt, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import {
  launchBlockers,
  stepAppliesToMember,
  unitMatches,
  type UnitKind,
} from "../../schema/template";
import { campaigns, members, tasks, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { ALL_SCOPE, subtreeBounds } from "../domain/scope";
import { ictDate } from "../domain/deadlines";
import { countState } from "../domain/progress";
import { DomainError } from "../errors";
import { auditInsert } from "./audit";
import { matchFacts, targetMembers, type UnitInfo } from "./campaign-targets";
import { campaignUnitIdsQuery, requireCampaign, stepDueDates, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { jsonRows } from "./sql";

/** Units per chunk of the launch: their members are read, and their tasks written, at once
 *  (a few thousand tasks at Hà Nội's ~25 members a cell). */
export const LAUNCH_CHUNK_UNITS = 200;
const ROWS_PER_INSERT = 500;
/** Ancestor names kept between chunks (a chunk's units share most of theirs). */
const ANCESTOR_NAMES_KEPT = 5_000;

/** What each task row sends, in this order (the campaign and the instant are the statement's):
 *  one JSON text per insert (data/sql.ts `jsonRows`), so the statement's text is the same for
 *  any number of rows and stays prepared, and a chunk's rows are plain arrays. */
const TASK_COLUMNS = ["id", "step_key", "unit_id", "member_id", "due_at"] as const;
type TaskRow = [string, string, string, string, number | null];

type LaunchUnit = Pick<UnitInfo, "id" | "name" | "kind" | "path">;

/** The campaign's target roots, outermost only (a target inside another is walked with it). */
async function targetRoots(db: TenantDb, campaignId: string): Promise<string[]> {
  const rows = await db
    .select({ path: units.path })
    .from(units)
    .where(inArray(units.id, campaignUnitIdsQuery(db, campaignId)))
    .orderBy(units.path);
  const roots: string[] = [];
  for (const { path } of rows) if (!roots.some((r) => path.startsWith(r))) roots.push(path);
  return roots;
}

/** One page of a root's open units in path order, after `after` (keyset on the path index). */
const unitPage = (
  db: TenantDb,
  q: { root: string; after: string; date: string; only: string[] | null },
) => {
  const [lo, hi] = subtreeBounds(q.root);
  return db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(
      and(
        q.after ? gt(units.path, q.after) : gte(units.path, lo),
        lt(units.path, hi),
        or(isNull(units.closedOn), gt(units.closedOn, q.date)),
        q.only ? inArray(units.id, q.only) : undefined,
      ),
    )
    .orderBy(units.path)
    .limit(LAUNCH_CHUNK_UNITS);
};

/** The ids of a unit's ancestors, nearest first (from its materialised path). */
const ancestorIds = (u: LaunchUnit) => u.path.split("/").filter(Boolean).slice(0, -1).reverse();

/**
 * Creates the tasks that are missing: unit steps for target units, member steps for the
 * members they concern who are expected (not excused, not gone). With `memberIds`, only those
 * members' tasks.
 *
 * In chunks of target units (in path order, so a subtree lands together), read a page at a
 * time (keyset on the path): each chunk reads its units' members and its ancestors' names,
 * then writes their tasks in one batch of multi-row inserts, which also reads the next page.
 * Memory is a chunk's, not the tenant's (issue 13: the whole unit tree was 30 MB of heap at
 * 500,000 members); two round trips a chunk. Since a task is unique by (campaign, step, unit,
 * member) and written with ON CONFLICT DO NOTHING, a rerun after a crash doubles nothing and
 * misses nothing. `afterChunk` runs after each chunk lands (tests stop a launch there).
 */
export async function syncTasks(
  { db, now }: Pick<Ctx, "db" | "now">,
  input: { campaign: Campaign; memberIds?: string[]; afterChunk?: (index: number) => void },
): Promise<number> {
  const { campaign: c, memberIds } = input;
  const today = ictDate(now);
  const due = stepDueDates(c);
  // A task as the insert sends it (id, step, unit, member, due instant): see TASK_COLUMNS.
  const task = (stepKey: string, unitId: string, memberId: string): TaskRow => [
    newId(),
    stepKey,
    unitId,
    memberId,
    due[stepKey]?.getTime() ?? null,
  ];
  const unitSteps = memberIds ? [] : c.def.steps.filter((s) => s.owner === "unit");
  const memberSteps = c.def.steps.filter((s) => s.owner === "member");
  // A few members (a first look after joining): only their units, so one chunk.
  const only = memberIds
    ? [
        ...new Set(
          (
            await db
              .select({ unitId: members.unitId })
              .from(members)
              .where(inArray(members.id, memberIds))
          ).map((m) => m.unitId),
        ),
      ]
    : null;
  if (only?.length === 0) return 0;
  const names = new Map<string, string>();
  let created = 0;
  let k = 0;
  for (const root of await targetRoots(db, c.id)) {
    let chunk: LaunchUnit[] = await unitPage(db, { root, after: "", date: today, only });
    while (chunk.length) {
      const unitById = new Map(chunk.map((u) => [u.id, u]));
      const rows: TaskRow[] = [];
      for (const step of unitSteps)
        for (const u of chunk)
          if (unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
            rows.push(task(step.key, u.id, ""));
      if (memberSteps.length) {
        if (names.size > ANCESTOR_NAMES_KEPT) names.clear();
        const missing = [...new Set(chunk.flatMap(ancestorIds))].filter((id) => !names.has(id));
        const [list, found] = await db.batch([
          targetMembers(db, {
            rootPaths: chunk.map((u) => u.path),
            unitIds: chunk.map((u) => u.id),
            scope: ALL_SCOPE,
            date: today,
            memberIds,
          }),
          db
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(inArray(units.id, missing)),
        ]);
        for (const a of found) names.set(a.id, a.name);
        for (const m of list) {
          const unit = unitById.get(m.unitId);
          if (!unit || countState(m.status, c.def.excusals.statuses) !== "expected") continue;
          const ancestors = ancestorIds(unit).map((id) => names.get(id) ?? "");
          const facts = matchFacts(m, unit, ancestors);
          for (const step of memberSteps)
            if (stepAppliesToMember(c.def, step, facts)) rows.push(task(step.key, m.unitId, m.id));
        }
      }
      const next =
        chunk.length === LAUNCH_CHUNK_UNITS
          ? unitPage(db, { root, after: chunk[chunk.length - 1]!.path, date: today, only })
          : null;
      const writes = [];
      for (let j = 0; j < rows.length; j += ROWS_PER_INSERT)
        writes.push(
          db.run(sql`INSERT INTO ${tasks} (campaign_id, created_at, ${sql.raw(TASK_COLUMNS.join(", "))})
            SELECT ${c.id}, ${now.getTime()}, ${sql.raw(TASK_COLUMNS.map((k) => `r.${k}`).join(", "))}
            FROM (${jsonRows(TASK_COLUMNS, rows.slice(j, j + ROWS_PER_INSERT))}) AS r
            WHERE 1 ON CONFLICT DO NOTHING`),
        );
      created += rows.length;
      // The next page is read in the same round trip as this chunk's writes.
      const steps = [...writes, ...(next ? [next] : [])];
      const results: unknown[] = steps.length
        ? await db.batch(steps as [(typeof steps)[number], ...(typeof steps)[number][]])
        : [];
      input.afterChunk?.(k++);
      chunk = next ? (results[results.length - 1] as LaunchUnit[]) : [];
    }
  }
  return created;
}

/** Finishes a launch that stopped midway (the campaign is active, some chunks landed): the
 *  same idempotent sync, so running it on a finished launch changes nothing. */
export async function finishLaunch(ctx: Pick<Ctx, "db" | "now">, id: string): Promise<number> {
  const c = await requireCampaign(ctx.db, id);
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Chỉ hoàn tất được đợt sinh hoạt đã phát động.");
  return syncTasks(ctx, { campaign: c });
}

export async function launchCampaign(
  ctx: Ctx,
  id: string,
  opts: { afterChunk?: (index: number) => void } = {},
) {
  const { db, actor, now } = ctx;
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
  const created = await syncTasks(ctx, { campaign: { ...c, status: "active" }, ...opts });
  await auditInsert(
    db,
    {
      ...actor,
      action: "campaign.launch",
      entity: "campaign",
      entityId: id,
      after: { tasks: created },
    },
    now,
  );
  return { id, status: "active" as const };
}
