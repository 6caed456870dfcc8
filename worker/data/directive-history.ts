// The chart of completion over time for a directive a tenant issued (issue 11): one point per
// ICT day of its whole subtree's totals. The issuer's own cron pass writes the point into its
// own database (schema/tables/progress.ts `directive_history`: why there), from the same sum
// the page reads (`childrenProgress`: the approved links walked now, the counts the children
// pushed), so the chart and the table agree and no name or text of another tenant is kept.
// The day's row is upserted: a second pass the same day rewrites it, never adds one.
//
// Cost: a tenant that issued nothing pays one indexed control-plane read per pass, riding on
// the lease's claim (no round trip of its own). An issuer
// pays one subtree read per pass while one of its directives runs (from its start to
// HISTORY_TAIL_DAYS after its due date), and wakes at each ICT midnight for it (cron/index.ts),
// so every running day has its point even when nothing in the issuer's own database changed.
import { and, desc, eq, gte, lte } from "drizzle-orm";
import { addDaysIct, ictDate } from "../../schema/rules/deadlines";
import { directives } from "../../schema/tables/control";
import { directiveHistory } from "../../schema/tables/tenant";
import type { ControlDb, TenantDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { ownDirective } from "./behind";
import { HISTORY_DAYS } from "./progress";
import { childrenProgress, FIELDS, type DirectiveTotal, type Figures } from "./link-figures";

/** Late reports and plans still move the figures after the due date: points for this long. */
export const HISTORY_TAIL_DAYS = 30;

/** The directives of `tenant` running today (a statement that rides on the pass's first
 *  control-plane batch, the lease's claim: worker/cron/lease.ts). */
export const runningDirectivesRead = (control: ControlDb, tenantId: string, now: Date) => {
  const day = ictDate(now);
  return control
    .select({ id: directives.id })
    .from(directives)
    .where(
      and(
        eq(directives.parentId, tenantId),
        lte(directives.startsOn, day),
        gte(directives.dueOn, addDaysIct(day, -HISTORY_TAIL_DAYS)),
      ),
    );
};

/** Writes today's point for each running directive of `tenant` (as runningDirectivesRead
 *  found them): how many run (the pass then wakes the tenant at the next ICT midnight) and
 *  how many points the database stored. */
export async function recordDirectiveHistory(
  db: TenantDb,
  control: ControlDb,
  tenant: TenantRecord,
  now: Date,
  running: { id: string }[],
): Promise<{ running: number }> {
  const day = ictDate(now);
  if (!running.length) return { running: 0 };
  const totals = new Map<string, DirectiveTotal>();
  for (const child of await childrenProgress(control, tenant))
    for (const t of child.totals) {
      if (!t.directiveId) continue;
      const sum = totals.get(t.directiveId);
      if (!sum) totals.set(t.directiveId, { ...t });
      else {
        for (const k of FIELDS) sum[k] += t[k];
        if (
          t.oldestComputedAt &&
          (!sum.oldestComputedAt || t.oldestComputedAt < sum.oldestComputedAt)
        )
          sum.oldestComputedAt = t.oldestComputedAt;
      }
    }
  const rows = running.map(({ id }) => {
    const t = totals.get(id);
    const figures = Object.fromEntries(FIELDS.map((k) => [k, t?.[k] ?? 0])) as Figures;
    return {
      directiveId: id,
      day,
      computedAt: now,
      oldestComputedAt: t?.oldestComputedAt ?? null,
      ...figures,
    };
  });
  const [first, ...rest] = rows.map((row) =>
    db
      .insert(directiveHistory)
      .values(row)
      .onConflictDoUpdate({
        target: [directiveHistory.directiveId, directiveHistory.day],
        set: { ...row },
      }),
  );
  await db.batch([first!, ...rest]);
  return { running: running.length };
}

/** The saved daily points of one of the reader's own directives, oldest first (the latest
 *  HISTORY_DAYS of them); another tenant's directive answers 404. */
export async function directiveHistoryPoints(
  db: TenantDb,
  control: ControlDb,
  { reader, id }: { reader: TenantRecord; id: string },
) {
  await ownDirective(control, reader, id);
  const rows = await db
    .select()
    .from(directiveHistory)
    .where(eq(directiveHistory.directiveId, id))
    .orderBy(desc(directiveHistory.day))
    .limit(HISTORY_DAYS);
  return { directiveId: id, points: rows.reverse().map(({ directiveId: _d, ...p }) => p) };
}
