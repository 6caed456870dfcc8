// Small SQL helpers the data functions share.
import { and, eq, type SQL } from "drizzle-orm";
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
