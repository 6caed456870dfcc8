// Small SQL helpers the data functions share.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type {
  SQLiteColumn,
  SQLiteInsertValue,
  SQLiteTable,
  SQLiteUpdateSetSource,
} from "drizzle-orm/sqlite-core";
import type { ControlDb, TenantDb } from "../db/handles";

/** "Every named column equals its value": the lookup by a natural key that reports,
 *  submissions, versions and confirmations all make. A value may be another table's column:
 *  the key of a join (a submission's confirmed version, a report's latest filing). */
export function eqAll<T extends SQLiteTable>(
  table: T,
  values: Partial<{ [K in keyof T["$inferSelect"]]: T["$inferSelect"][K] | SQLiteColumn }>,
): SQL {
  const columns = table as unknown as Record<string, SQLiteColumn>;
  return and(...Object.entries(values).map(([k, v]) => eq(columns[k]!, v)))!;
}

/**
 * Rows for a multi-row write as ONE JSON text parameter that SQLite reads back with
 * `json_each`: `SELECT … AS columns[0], … FROM json_each(?)`. A page of rows costs one string
 * on the heap, not a query object per value: the figures' rebuild and the rollup of a
 * 500k-member tenant built tens of megabytes of those (issue 13). Values are JSON's: text,
 * numbers, null.
 */
export const jsonRows = (columns: readonly string[], rows: unknown[][] | string): SQL =>
  sql`SELECT ${sql.raw(columns.map((c, i) => `json_extract(value, '$[${i}]') AS ${c}`).join(", "))}
    FROM json_each(${typeof rows === "string" ? rows : JSON.stringify(rows)})`;

/** Rows as JSON texts of `size` rows each, each page made as it fills (the rows themselves
 *  are not all kept): for jsonRows. */
export function jsonPages(rows: Iterable<unknown[]>, size: number): string[] {
  const pages: string[] = [];
  let page: unknown[][] = [];
  for (const r of rows)
    if (page.push(r) >= size) [pages[pages.length], page] = [JSON.stringify(page), []];
  if (page.length) pages.push(JSON.stringify(page));
  return pages;
}

type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };

/**
 * The compare-and-set write of a versioned row, as one batchable statement: the `existing`
 * row updated with `set` only while its version is still the one read, or, when there was
 * none, `insert` unless a concurrent write inserted it first. It returns the row's id only
 * when this write won; none means the caller answers 409 and writes nothing else.
 */
export function casWrite<T extends Versioned>(
  db: TenantDb | ControlDb,
  table: T,
  existing: { id: string; version: number } | null | undefined,
  set: SQLiteUpdateSetSource<T>,
  insert: SQLiteInsertValue<T>,
) {
  const d = db as TenantDb;
  return existing
    ? d
        .update(table)
        .set(set)
        .where(and(eq(table.id, existing.id), eq(table.version, existing.version)))
        .returning({ id: table.id })
    : d.insert(table).values(insert).onConflictDoNothing().returning({ id: table.id });
}

/** `list` in slices of `size` (the rows of one multi-row statement). */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
