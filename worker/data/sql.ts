// Small SQL helpers the data functions share.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";

/** "Every named column equals its value": the lookup by a natural key that reports,
 *  submissions, versions and confirmations all make. */
export function eqAll<T extends SQLiteTable>(
  table: T,
  values: Partial<{ [K in keyof T["$inferSelect"]]: T["$inferSelect"][K] }>,
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
export const jsonRows = (columns: readonly string[], rows: unknown[][]): SQL =>
  sql`SELECT ${sql.raw(columns.map((c, i) => `json_extract(value, '$[${i}]') AS ${c}`).join(", "))}
    FROM json_each(${JSON.stringify(rows)})`;
