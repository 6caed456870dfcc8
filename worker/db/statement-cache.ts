// Prepared statements kept per connection on the embedded default (issue 15). @libsql/client
// prepares every statement on every call (`db.prepare(sql)` in its executeStmt), and the
// profile of the dashboard under load put SQLite's prepare at 13% of the server's busy time:
// more than any one part of the route. The client's statements are run start to finish within
// one synchronous call (prepare, bind, step to the end), so a statement is never in use when
// it is handed out again, and SQLite resets it before each run and re-prepares it itself
// after a schema change.
//
// A kept statement also keeps its columns (the client reads them twice a run). Only plain
// DML/queries without `*` are kept: a cached `SELECT *` would report its columns
// as they were before an ALTER TABLE (the migrations run on open connections). At most
// PER_CONNECTION statements per connection, least recently used dropped first; a closed
// connection's statements go with it (a WeakMap keyed by the connection).
//
// Long statements are not kept (over KEEP_UP_TO characters). A statement's compiled program
// grows with its text: 100 distinct inserts of 400–499 task rows (~13,000 characters each)
// held 31 MiB of native memory. The jobs' multi-row inserts (launch, rollup, import) differ
// in their row count from chunk to chunk, so a 500k-member launch (~120 chunks, each ending
// on an insert of its own size) kept up to ~35 MB of them on the job thread's connection,
// in a malloc arena that is not given back to the system when the thread stops (issue 15).
// The request paths' statements are all far shorter (under 3,000 characters).
import Database from "libsql";

/** Distinct statements kept per connection. */
export const PER_CONNECTION = 256;
/** The longest statement kept, in characters. */
export const KEEP_UP_TO = 4_096;

type Prepare = (this: object, sql: string, ...rest: unknown[]) => unknown;

const caches = new WeakMap<object, Map<string, unknown>>();
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i;
let installed = false;

/** Makes every libsql connection of this process (thread) reuse its prepared statements. */
export function cacheStatements(): void {
  if (installed) return;
  installed = true;
  const proto = Database.prototype as unknown as { prepare: Prepare };
  const prepare = proto.prepare;
  proto.prepare = function (this: object, sql: string, ...rest: unknown[]) {
    // libsql's own pragma helpers pass more arguments; they are rare and left alone.
    if (rest.length || sql.length > KEEP_UP_TO || !CACHEABLE.test(sql) || sql.includes("*"))
      return prepare.call(this, sql, ...rest);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new Map()));
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql); // most recently used last
      cache.set(sql, hit);
      return hit;
    }
    const stmt = prepare.call(this, sql) as { columns(): unknown };
    // The client asks a statement for its columns twice a run; they are fixed with its text
    // (no `*`), so asked once.
    const columns = stmt.columns.bind(stmt);
    let known: unknown;
    stmt.columns = () => (known ??= columns());
    cache.set(sql, stmt);
    if (cache.size > PER_CONNECTION) cache.delete(cache.keys().next().value!);
    return stmt;
  };
}
