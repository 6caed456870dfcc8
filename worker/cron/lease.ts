// A lease per tenant in the control plane so that two passes at once (an overlapping cron,
// a Queue redelivery, a second Node process) never run one tenant's jobs together. Taking it
// is one atomic upsert; a holder that died simply lets it expire.
//
// A tenant's pass is bracketed by two control-plane batches (one round trip each):
// `claimTenant` takes the lease and pushes the tenant's next_due_at to the lease's expiry, so
// a pass that dies midway is retried when its lease runs out; `finishTenant` stores the next
// instant the tenant has work and releases the lease. A write during the pass has lowered
// next_due_at to its instant (the mark), and finishing keeps that: the next pass sees it.
import { and, eq, sql } from "drizzle-orm";
import { cronLeases, tenants } from "../../schema/tables/control";
import type { BatchItem, ControlDb } from "../db/handles";

const leaseUpsert = (db: ControlDb, name: string, holder: string, expiresAt: number, t: number) =>
  db
    .insert(cronLeases)
    .values({ name, holder, expiresAt })
    .onConflictDoUpdate({
      target: cronLeases.name,
      set: { holder, expiresAt },
      setWhere: sql`${cronLeases.expiresAt} <= ${t} OR ${cronLeases.holder} = ${holder}`,
    })
    .returning({ holder: cronLeases.holder });

export async function acquireLease(
  db: ControlDb,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const t = now.getTime();
  const rows = await leaseUpsert(db, name, holder, t + ttlMs, t);
  return rows[0]?.holder === holder;
}

export async function releaseLease(db: ControlDb, name: string, holder: string): Promise<void> {
  await db.delete(cronLeases).where(and(eq(cronLeases.name, name), eq(cronLeases.holder, holder)));
}

export const tenantLease = (tenantId: string) => `tenant:${tenantId}`;

/** Takes the tenant's lease and, if it was taken, sets next_due_at to the lease's expiry.
 *  Returns that instant (what `finishTenant` compares against), or null when another holds
 *  the lease. */
export async function claimTenant(
  db: ControlDb,
  tenantId: string,
  holder: string,
  ttlMs: number,
  now: Date,
  /** Reads that ride at the end of the claim's batch; their results land in `ride.results`. */
  ride?: { reads: BatchItem[]; results?: unknown[] },
): Promise<number | null> {
  const t = now.getTime();
  const name = tenantLease(tenantId);
  const [lease, , ...rode] = await db.batch([
    leaseUpsert(db, name, holder, t + ttlMs, t),
    db
      .update(tenants)
      .set({ nextDueAt: t + ttlMs })
      .where(
        and(
          eq(tenants.id, tenantId),
          sql`EXISTS (SELECT 1 FROM ${cronLeases} WHERE ${cronLeases.name} = ${name} AND ${cronLeases.holder} = ${holder})`,
        ),
      ),
    ...((ride?.reads ?? []) as []),
  ]);
  if (ride) ride.results = rode;
  return lease[0]?.holder === holder ? t + ttlMs : null;
}

/** Stores the tenant's next due instant (null: nothing until a write) and releases the lease.
 *  If next_due_at is no longer what `claimTenant` set, a write marked the tenant during the
 *  pass: the earlier of the two stands. */
export async function finishTenant(
  db: ControlDb,
  tenantId: string,
  holder: string,
  claimed: number,
  nextDue: number | null,
): Promise<void> {
  await db.batch([
    db
      .update(tenants)
      .set({
        nextDueAt: sql`CASE WHEN ${tenants.nextDueAt} = ${claimed} THEN ${nextDue}
          ELSE min(${tenants.nextDueAt}, coalesce(${nextDue}, ${tenants.nextDueAt})) END`,
      })
      .where(eq(tenants.id, tenantId)),
    db
      .delete(cronLeases)
      .where(and(eq(cronLeases.name, tenantLease(tenantId)), eq(cronLeases.holder, holder))),
  ]);
}
