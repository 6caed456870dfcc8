// A cheap fingerprint of a database's contents for "a refused write stores nothing": per
// table its row count, its highest rowid and the sum of its `version` column where it has
// one (so an update of a versioned row shows too). One query per database.
import type { Client } from "@libsql/client";

export async function fingerprintQuery(client: Client, skip: string[] = []): Promise<string> {
  const tables = (
    await client.execute(
      "SELECT name, (sql LIKE '%WITHOUT ROWID%') AS noRowid FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%' ORDER BY name",
    )
  ).rows.filter((r) => !skip.includes(String(r.name)));
  const parts: string[] = [];
  for (const r of tables) {
    const name = String(r.name);
    const cols = (await client.execute(`SELECT name FROM pragma_table_info('${name}')`)).rows.map(
      (c) => String(c.name),
    );
    const q = (expr: string) => `(SELECT ${expr} FROM "${name}")`;
    parts.push(`${q("count(*)")} AS "${name}"`);
    if (!Number(r.noRowid)) parts.push(`${q("coalesce(max(rowid), 0)")} AS "${name}.rowid"`);
    if (cols.includes("version"))
      parts.push(`${q("coalesce(sum(version), 0)")} AS "${name}.version"`);
  }
  return `SELECT ${parts.join(", ")}`;
}

/** `read()` answers the fingerprint of each database now, as one object keyed `db.table`. */
export async function fingerprinter(dbs: Record<string, Client>, skip: string[] = []) {
  const queries = await Promise.all(
    Object.entries(dbs).map(async ([k, c]) => [k, c, await fingerprintQuery(c, skip)] as const),
  );
  return async () => {
    const out: Record<string, unknown> = {};
    for (const [k, c, sql] of queries) {
      const res = await c.execute(sql);
      res.columns.forEach((col, i) => (out[`${k}.${col}`] = Number(res.rows[0]![i])));
    }
    return out;
  };
}

/** The keys whose values differ between two fingerprints, with both values. */
export const diff = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${String(a[k])} → ${String(b[k])}`);

/** `fingerprinter` for a long run of reads (tests/routes/props.test.ts): the last fingerprint
 *  again while no other connection has committed to any of the databases (SQLite's
 *  `PRAGMA data_version`, one small statement each), a full read otherwise. The clients must
 *  be the reader's own connections, not the app's: data_version counts only the commits of
 *  other connections. Same answers as `fingerprinter`, at a fraction of the cost. */
export async function watchedFingerprinter(dbs: Record<string, Client>, skip: string[] = []) {
  const read = await fingerprinter(dbs, skip);
  const clients = Object.values(dbs);
  let seen = "";
  let last: Record<string, unknown> | undefined;
  return async () => {
    const versions = [];
    for (const c of clients)
      versions.push(String((await c.execute("PRAGMA data_version")).rows[0]![0]));
    const now = versions.join(",");
    if (!last || now !== seen) [seen, last] = [now, await read()];
    return last;
  };
}
