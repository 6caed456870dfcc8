// Statements built once per handle (issue 15): drizzle builds a query's text from its parts
// on every call — walking the selection, checking each part's kind — which was a sixth of a
// dashboard request's time in the profile, more than SQLite spent running its statements.
// A hot path's query is built once per tenant handle with placeholders and run with values.
import type { TenantDb } from "./handles";

/** `build(db)`, made once per handle and kept with it (a WeakMap: it goes with the handle). */
export function perHandle<T>(build: (db: TenantDb) => T): (db: TenantDb) => T {
  const kept = new WeakMap<TenantDb, T>();
  return (db) => {
    let made = kept.get(db);
    if (made === undefined) kept.set(db, (made = build(db)));
    return made;
  };
}
