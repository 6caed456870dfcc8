// Tenant databases made ahead of time on Turso. Making a database through the Platform API
// and waiting for it to answer takes seconds (worker/db/turso.ts, READY_WAIT); with
// TURSO_POOL_SIZE set, the cron keeps that many made, answering and migrated, and a signup
// claims the oldest in one statement (DELETE … RETURNING: two signups never share one). An
// empty pool falls back to making the database during the signup, as before.
//
// A pooled database's token is sealed to its pool row (`pool:<id>`), never to a tenant: when
// a signup claims it, the token is unsealed and sealed again to the new tenant, so a sealed
// token still opens exactly one owner's database.
import { count, inArray } from "drizzle-orm";
import type { Client } from "@libsql/client";
import { migrations } from "../../schema/migrations";
import { databasePool } from "../../schema/tables/control";
import type { ControlDb } from "./handles";
import { migrate } from "./migrate";
import { seal, unseal } from "./sealed";

/** A database the Platform API made and that answers, with the token that opens it (the group
 *  token where no per-database token is minted). */
export interface MadeDatabase {
  url: string;
  token: string | undefined;
  client: Client;
}

const owner = (poolId: string) => `pool:${poolId}`;

/** At most this many databases are made in one cron pass, so one pass stays short. */
export const POOL_FILL_PER_PASS = 5;

/** TURSO_POOL_SIZE as a count: 0 (no pool) when unset or not a whole number. */
export function poolTarget(raw: string | undefined): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1_000) : 0;
}

/** Takes the oldest prepared database, or null when the pool is empty. */
export async function claimPooled(
  control: ControlDb,
  sealKey: string | undefined,
  groupToken: string | undefined,
): Promise<{ url: string; token: string | undefined } | null> {
  const oldest = control
    .select({ id: databasePool.id })
    .from(databasePool)
    .orderBy(databasePool.createdAt, databasePool.id)
    .limit(1);
  const [row] = await control
    .delete(databasePool)
    .where(inArray(databasePool.id, oldest))
    .returning();
  if (!row) return null;
  if (!row.dbToken) return { url: row.dbUrl, token: groupToken };
  if (!sealKey) throw new Error(`pooled database ${row.id} has a sealed token but no key`);
  return { url: row.dbUrl, token: await unseal(sealKey, owner(row.id), row.dbToken) };
}

/** Tops the pool up towards `target`, making at most POOL_FILL_PER_PASS databases; each is
 *  migrated before its row is written, so a claimed database is ready. A failure removes what
 *  it made and ends the pass (the next pass tries again). Returns how many were added. */
export async function fillPool(
  control: ControlDb,
  opts: {
    target: number;
    now: Date;
    sealKey: string | undefined;
    newId: () => string;
    make: (name: string) => Promise<MadeDatabase>;
    destroy: (name: string) => Promise<void>;
  },
): Promise<number> {
  if (opts.target <= 0) return 0;
  const [{ n } = { n: 0 }] = await control.select({ n: count() }).from(databasePool);
  const wanted = Math.min(opts.target - n, POOL_FILL_PER_PASS);
  let added = 0;
  for (let i = 0; i < wanted; i++) {
    const id = opts.newId();
    const name = `p-${id}`;
    try {
      const made = await opts.make(name);
      const schemaVersion = await migrate(made.client, migrations.tenant);
      const sealed =
        opts.sealKey && made.token ? await seal(opts.sealKey, owner(id), made.token) : null;
      await control.insert(databasePool).values({
        id,
        dbUrl: made.url,
        dbToken: sealed,
        schemaVersion,
        createdAt: opts.now,
      });
      added++;
    } catch (err) {
      console.error("pool: could not prepare a database", err);
      await opts.destroy(name).catch((e) => console.error("pool: cleanup", e));
      break;
    }
  }
  return added;
}
