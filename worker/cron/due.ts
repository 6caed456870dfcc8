// When a tenant's scheduled pass next has work, computed at the end of each pass and kept in
// the control plane (tenants.next_due_at), so that the fan-out opens only tenants with
// something due. Until then nothing in the tenant can change what the jobs do except a
// write, and every successful write lowers next_due_at to its own instant (the mark,
// worker/middleware/mark.ts).
//
// What the jobs wait for:
// - reminders and rollups: both work by the ICT calendar day (reminders are decided per day;
//   a rollup's fingerprint holds the date), so a tenant with an active campaign wakes at the
//   next ICT midnight, and at each of its step deadlines still ahead (an item falls due, a
//   deadline passes for the figures);
// - the outbox: the earliest attempt of a message neither sent nor failed (retries with
//   backoff, messages held through quiet hours; more than a pass delivers stays due now).
// - the e-mails events owe (./notice-mail.ts): at once for "e-mail now", at the next ICT
//   midnight for a digest still gathering (at once for one already due).
// A tenant with none of these wakes only when written to.
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { campaigns, notifications, outbox } from "../../schema/tables/tenant";
import { hydrateCampaign, stepDueDates } from "../data/campaigns";
import type { TenantDb } from "../db/handles";
import { DAY_MS, nextIctMidnight } from "../../schema/rules/deadlines";

export { nextIctMidnight };

/** What the next instant this tenant's jobs have work depends on: statements that ride at the
 *  end of the pass's last batch (worker/cron/rollup.ts `rollupWith`), read by nextDueFrom. */
export const nextDueReads = (db: TenantDb) =>
  [
    db.select().from(campaigns).where(eq(campaigns.status, "active")),
    db
      .select({ at: outbox.nextAttemptAt })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(1),
    db
      .select({ at: sql<number | null>`min(CASE mail WHEN 'now' THEN 0 ELSE created_at END)` })
      .from(notifications)
      .where(isNotNull(notifications.mail)),
    db
      .select({ id: notifications.id })
      .from(notifications)
      .where(isNotNull(notifications.hook))
      .limit(1),
  ] as const;

type DueReads = {
  [K in keyof ReturnType<typeof nextDueReads>]: Awaited<ReturnType<typeof nextDueReads>[K]>;
};

/** The next instant (epoch ms) this tenant's jobs have work, or null for none, from the
 *  results of nextDueReads (the last four results of a batch). */
export function nextDueFrom(results: readonly unknown[], now: Date): number | null {
  const [active, [next], [owed], [hooked]] = results.slice(-4) as unknown as DueReads;
  const t = now.getTime();
  const candidates: number[] = [];
  if (next) candidates.push(Math.max(next.at.getTime(), t));
  if (hooked) candidates.push(t);
  if (owed?.at != null)
    candidates.push(owed.at < nextIctMidnight(now) - DAY_MS ? t : nextIctMidnight(now));
  if (active.length) candidates.push(nextIctMidnight(now));
  for (const row of active) {
    let due: Record<string, Date>;
    try {
      due = stepDueDates(hydrateCampaign(row));
    } catch {
      continue; // dates that cannot be read wake nothing; the daily wake still comes
    }
    for (const at of Object.values(due)) if (at.getTime() > t) candidates.push(at.getTime());
  }
  return candidates.length ? Math.min(...candidates) : null;
}
