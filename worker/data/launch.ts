// The launch: a draft campaign becomes active and gets its tasks — unit steps for the target
// units, member steps for the members they concern. Tasks of members who join later are
// created on their first look (my-tasks.ts) by the same idempotent sync.
import { and, eq, sql } from "drizzle-orm";
import {
  launchBlockers,
  stepAppliesToMember,
  unitMatches,
  type UnitKind,
} from "../../schema/template";
import { campaigns, tasks } from "../../schema/tables/tenant";
import { ALL_SCOPE } from "../domain/scope";
import { ictDate } from "../domain/deadlines";
import { countState } from "../domain/progress";
import { DomainError } from "../errors";
import { auditInsert } from "./audit";
import { matchFacts, targetMembers, targetUnits } from "./campaign-targets";
import { requireCampaign, stepDueDates, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";

/** Creates the tasks that are missing: unit steps for target units, member steps for the
 *  members they concern who are expected (not excused, not gone). Idempotent. With
 *  `memberIds`, only those members' tasks. */
export async function syncTasks(
  { db, now }: Pick<Ctx, "db" | "now">,
  input: { campaign: Campaign; memberIds?: string[] },
): Promise<number> {
  const { campaign: c, memberIds } = input;
  const today = ictDate(now);
  const due = stepDueDates(c);
  const { inTarget, roots, ancestors } = await targetUnits(db, c.id, today);
  const unitById = new Map(inTarget.map((u) => [u.id, u]));
  const rows: (typeof tasks.$inferInsert)[] = [];
  const task = (stepKey: string, unitId: string, memberId: string) => ({
    id: newId(),
    campaignId: c.id,
    stepKey,
    unitId,
    memberId,
    dueAt: due[stepKey] ?? null,
    createdAt: now,
  });
  if (!memberIds)
    for (const step of c.def.steps.filter((s) => s.owner === "unit"))
      for (const u of inTarget)
        if (unitMatches(step.appliesTo, { kind: u.kind as UnitKind, name: u.name }))
          rows.push(task(step.key, u.id, ""));
  const memberSteps = c.def.steps.filter((s) => s.owner === "member");
  if (memberSteps.length) {
    const list = await targetMembers(db, {
      rootPaths: roots.map((r) => r.path),
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
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insert(tasks)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  return rows.length;
}

export async function launchCampaign(ctx: Ctx, id: string) {
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
  const created = await syncTasks(ctx, { campaign: { ...c, status: "active" } });
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
