// A lease per tenant in the control plane so that two passes at once (an overlapping cron,
// a Queue redelivery, a second Node process) never run one tenant's jobs together. Taking it
// is one atomic upsert; a holder that died simply lets it expire.
import { and, eq, sql } from "drizzle-orm";
import { cronLeases } from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";

export async function acquireLease(
  db: ControlDb,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const t = now.getTime();
  const rows = await db
    .insert(cronLeases)
    .values({ name, holder, expiresAt: t + ttlMs })
    .onConflictDoUpdate({
      target: cronLeases.name,
      set: { holder, expiresAt: t + ttlMs },
      setWhere: sql`${cronLeases.expiresAt} <= ${t} OR ${cronLeases.holder} = ${holder}`,
    })
    .returning({ holder: cronLeases.holder });
  return rows[0]?.holder === holder;
}

export async function releaseLease(db: ControlDb, name: string, holder: string): Promise<void> {
  await db.delete(cronLeases).where(and(eq(cronLeases.name, name), eq(cronLeases.holder, holder)));
}
