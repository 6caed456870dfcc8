// The statements that complete tasks by their step's declared way, for the write paths that
// produce the facts (a meeting record, a confirmation): each completes only the steps whose
// way that fact is, never "every task of the member" (schema/vocab/campaigns.ts).
import { and, eq, inArray, isNull, ne, notExists, notInArray, sql, type SQL } from "drizzle-orm";
import { GONE_STATUSES } from "../../schema/rules/roll";
import { completionOf, stepsConfirmedBy, type TemplateDefinition } from "../../schema/template";
import { members, tasks } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";

/** Marks the tasks that meet every condition done, keeping an earlier completion time. */
export const markDone = (db: TenantDb, now: Date, ...where: SQL[]) =>
  db
    .update(tasks)
    .set({ doneAt: sql`coalesce(${tasks.doneAt}, ${now.getTime()})` })
    .where(and(...where));

/** The unit's own tasks (not its members') of these steps. */
const unitTasksOf = (campaignId: string, unitId: string, stepKeys: string[]) =>
  and(
    eq(tasks.campaignId, campaignId),
    eq(tasks.unitId, unitId),
    eq(tasks.memberId, ""),
    inArray(tasks.stepKey, stepKeys.length ? stepKeys : [""]),
  )!;

/** Marks the unit's tasks of these steps done, keeping an earlier completion time. */
export const completeUnitSteps = (
  db: TenantDb,
  where: { campaignId: string; unitId: string; stepKeys: string[] },
  now: Date,
) => markDone(db, now, unitTasksOf(where.campaignId, where.unitId, where.stepKeys));

/**
 * What the cell's confirmation of a member's form completes, as statements for the
 * confirmation's batch: the member's steps done by that confirmation, then the unit's
 * "xác nhận kế hoạch" steps once no member task of the unit awaits a confirmation.
 */
export function confirmationCompletes(
  db: TenantDb,
  def: Pick<TemplateDefinition, "steps" | "excusals">,
  at: { campaignId: string; unitId: string; memberId: string; formKey: string },
  now: Date,
  /** True in SQL only when the confirmation itself was written (a stale one completes nothing). */
  wrote: SQL,
) {
  const confirmed = stepsConfirmedBy(def, at.formKey).map((s) => s.key);
  const allConfirmed = def.steps
    .filter((s) => s.owner === "unit" && completionOf(s) === "all-plans-confirmed")
    .map((s) => s.key);
  const everyConfirmStep = def.steps
    .filter((s) => s.owner === "member" && completionOf(s) === "member-form-confirmed")
    .map((s) => s.key);
  const out = [];
  if (confirmed.length)
    out.push(
      markDone(
        db,
        now,
        eq(tasks.campaignId, at.campaignId),
        eq(tasks.memberId, at.memberId),
        inArray(tasks.stepKey, confirmed),
        wrote,
      ),
    );
  if (allConfirmed.length && everyConfirmStep.length) {
    // Waiting: a member still of the unit, expected (not excused since, not gone), whose form
    // is not confirmed yet.
    const waiting = db
      .select({ one: sql`1` })
      .from(tasks)
      .innerJoin(members, eq(members.id, tasks.memberId))
      .where(
        and(
          eq(tasks.campaignId, at.campaignId),
          eq(tasks.unitId, at.unitId),
          ne(tasks.memberId, ""),
          inArray(tasks.stepKey, everyConfirmStep),
          isNull(tasks.doneAt),
          eq(members.unitId, at.unitId),
          notInArray(members.status, [...def.excusals.statuses, ...GONE_STATUSES]),
        ),
      );
    out.push(
      markDone(
        db,
        now,
        unitTasksOf(at.campaignId, at.unitId, allConfirmed),
        notExists(waiting),
        wrote,
      ),
    );
  }
  return out;
}
