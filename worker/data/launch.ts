// The launch: a draft campaign becomes active and gets its tasks — unit steps for the target
// units, member steps for the members they concern. Tasks of members who join later are
// created on their first look (my-tasks.ts) by the same idempotent sync.
import { and, eq, inArray, sql } from "drizzle-orm";
import {
  launchBlockers,
  stepAppliesToMember,
  unitMatches,
  type UnitKind,
} from "../../schema/template";
import { campaigns, members, tasks } from "../../schema/tables/tenant";
import { ALL_SCOPE } from "../domain/scope";
import { ictDate } from "../domain/deadlines";
import { countState } from "../domain/progress";
import { DomainError } from "../errors";
import { auditInsert } from "./audit";
import { matchFacts, targetMembers, targetUnits } from "./campaign-targets";
import { requireCampaign, stepDueDates, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";

/** Units per chunk of the launch: their members are read, and their tasks written, at once
 *  (a few thousand tasks at Hà Nội's ~25 members a cell). */
export const LAUNCH_CHUNK_UNITS = 200;
const ROWS_PER_INSERT = 500;

/**
 * Creates the tasks that are missing: unit steps for target units, member steps for the
 * members they concern who are expected (not excused, not gone). With `memberIds`, only those
 * members' tasks.
 *
 * In chunks of target units (in path order, so a subtree lands together): each chunk reads
 * its units' members and writes their tasks in one batch of multi-row inserts. Memory is a
 * chunk's; and since a task is unique by (campaign, step, unit, member) and written with ON
 * CONFLICT DO NOTHING, a rerun after a crash doubles nothing and misses nothing. `afterChunk`
 * runs after each chunk lands (tests stop a launch there).
 */
export async function syncTasks(
  { db, now }: Pick<Ctx, "db" | "now">,
  input: { campaign: Campaign; memberIds?: string[]; afterChunk?: (index: number) => void },
): Promise<number> {
  const { campaign: c, memberIds } = input;
  const today = ictDate(now);
  const due = stepDueDates(c);
  const { inTarget, ancestors } = await targetUnits(db, c.id, today);
  const task = (stepKey: string, unitId: string, memberId: string) => ({
    id: newId(),
    campaignId: c.id,
    stepKey,
    unitId,
    memberId,
    dueAt: due[stepKey] ?? null,
    createdAt: now,
  });
  const unitSteps = memberIds ? [] : c.def.steps.filter((s) => s.owner === "unit");
  const memberSteps = c.def.steps.filter((s) => s.owner === "member");
  // A few members (a first look after joining): only their units, so one chunk.
  const theirUnits = memberIds
    ? new Set(
        (
          await db
            .select({ unitId: members.unitId })
            .from(members)
            .where(inArray(members.id, memberIds))
        ).map((m) => m.unitId),
      )
    : null;
  const ordered = inTarget
    .filter((u) => !theirUnits || theirUnits.has(u.id))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let created = 0;
  for (let i = 0, k = 0; i < ordered.length; i += LAUNCH_CHUNK_UNITS, k++) {
    const chunk = ordered.slice(i, i + LAUNCH_CHUNK_UNITS);
    const unitById = new Map(chunk.map((u) => [u.id, u]));
    const rows: (typeof tasks.$inferInsert)[] = [];
    for (const step of unitSteps)
      for (const u of chunk)
        if (unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
          rows.push(task(step.key, u.id, ""));
    if (memberSteps.length) {
      const list = await targetMembers(db, {
        rootPaths: chunk.map((u) => u.path),
        unitIds: chunk.map((u) => u.id),
        scope: ALL_SCOPE,
        date: today,
        memberIds,
      });
      for (const m of list) {
        const unit = unitById.get(m.unitId);
        if (!unit || countState(m.status, c.def.excusals.statuses) !== "expected") continue;
        const facts = matchFacts(m, unit, ancestors(unit));
        for (const step of memberSteps)
          if (stepAppliesToMember(c.def, step, facts)) rows.push(task(step.key, m.unitId, m.id));
      }
    }
    const inserts = [];
    for (let j = 0; j < rows.length; j += ROWS_PER_INSERT)
      inserts.push(
        db
          .insert(tasks)
          .values(rows.slice(j, j + ROWS_PER_INSERT))
          .onConflictDoNothing(),
      );
    if (inserts.length) await db.batch([inserts[0]!, ...inserts.slice(1)]);
    created += rows.length;
    input.afterChunk?.(k);
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
