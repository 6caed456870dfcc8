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
import Database from "libsql";

/** Distinct statements kept per connection. */
export const PER_CONNECTION = 256;

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
    if (rest.length || !CACHEABLE.test(sql) || sql.includes("*"))
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
