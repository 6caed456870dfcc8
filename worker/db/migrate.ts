// Applies bundled migrations (schema/migrations/index.ts) to one database over any libSQL
// client — file or HTTP — so Node and Workers run identical SQL. The journal is drizzle's
// own `__drizzle_migrations` table (Turso forbids writing PRAGMA user_version), and a
// database's schema version is the number of rows in it.
import type { Client } from "@libsql/client";

export interface Migration {
  tag: string;
  when: number;
  hash: string;
  statements: string[];
}
export type MigrationSet = Migration[];

const JOURNAL = "__drizzle_migrations";

async function lastApplied(client: Client): Promise<{ when: number; count: number }> {
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${JOURNAL} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)`,
  );
  const rs = await client.execute(
    `SELECT coalesce(max(created_at), 0) AS last, count(*) AS n FROM ${JOURNAL}`,
  );
  const row = rs.rows[0]!;
  return { when: Number(row.last), count: Number(row.n) };
}

/** Brings the database up to date; returns its schema version. All pending migrations and
 *  their journal rows commit in one transaction, so a failure leaves the previous version. */
export async function migrate(client: Client, set: MigrationSet): Promise<number> {
  const { when, count } = await lastApplied(client);
  const pending = set.filter((m) => m.when > when);
  if (pending.length === 0) return count;
  const stmts = pending.flatMap((m) => [
    ...m.statements.map((sql) => ({ sql, args: [] })),
    { sql: `INSERT INTO ${JOURNAL} (hash, created_at) VALUES (?, ?)`, args: [m.hash, m.when] },
  ]);
  try {
    await client.migrate(stmts);
  } catch (err) {
    // Two first requests after a release may race to migrate the same database; the loser
    // fails on "already exists" and is fine if the winner got it to the latest version.
    const after = await lastApplied(client);
    if (after.when >= set[set.length - 1]!.when) return after.count;
    throw err;
  }
  return count + pending.length;
}

export const latestVersion = (set: MigrationSet) => set.length;
