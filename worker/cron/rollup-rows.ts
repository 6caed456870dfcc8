// The rollup's figures per unit, and the whole-campaign rows it reads with the stored
// figures' refresh (./rollup.ts) — the units' previous figures, their plan counts as stored,
// where each unit sits — each read as ONE JSON text of arrays and parsed into a map, not as
// ~24,000 row objects a query at 500,000 members (issue 13's heap).
import { getTableColumns, sql } from "drizzle-orm";
import { progressFigures, rollupUnits, units } from "../../schema/tables/tenant";
import { COLS, KEYS } from "../data/progress-rebuild";
import type { TenantDb } from "../db/handles";
import { zeroCounts, type Counts, type StoredCounts } from "../domain/progress";

/** A unit's figures: the plan counts the dashboard shows, and its meetings and reports. */
export interface Figures extends Counts {
  meetingsHeld: number;
  meetingsCompliant: number;
  reportsOnTime: number;
}
export const zero = (): Figures => ({
  ...zeroCounts(),
  meetingsHeld: 0,
  meetingsCompliant: 0,
  reportsOnTime: 0,
});
export const FIELDS = Object.keys(zero()) as (keyof Figures)[];
/** A unit's row as the writes send it: its id, then its figures in FIELDS' order. */
export const ROW_COLUMNS = ["unit_id", ...FIELDS.map((k) => getTableColumns(rollupUnits)[k].name)];
export const FIELD_COLUMNS = sql.raw(ROW_COLUMNS.slice(1).join(", "));
export const add = (a: Figures, b: Partial<Figures>) => {
  for (const k of FIELDS) a[k] += b[k] ?? 0;
};
export const same = (a: Figures | undefined, b: Figures | undefined) =>
  !!a && !!b && FIELDS.every((k) => a[k] === b[k]);

type Json = { j: string | null }[];
/** `[[id, …values], …]` of a JSON query, each turned into `make(values)` by id. */
function parsed<T>(rows: Json, make: (values: number[]) => T): Map<string, T> {
  const out = new Map<string, T>();
  for (const [id, ...values] of JSON.parse(rows[0]?.j ?? "[]") as [string, ...number[]][])
    out.set(id, make(values));
  return out;
}

/** The units' figures as the last rollup stored them. */
export const storedFiguresQuery = (db: TenantDb, campaignId: string) =>
  db.all<{ j: string | null }>(sql`SELECT json_group_array(json_array(unit_id, ${FIELD_COLUMNS}))
    AS j FROM ${rollupUnits} WHERE campaign_id = ${campaignId}`);
export const storedFiguresOf = (rows: Json) =>
  parsed(rows, (v) => Object.fromEntries(FIELDS.map((k, i) => [k, v[i]])) as unknown as Figures);

/** Each unit's own stored plan counts (units with any), once refreshFigures has run. */
export const storedCountsQuery = (db: TenantDb, campaignId: string) => {
  const own = COLS.map((c) => `own_${c}`);
  return db.all<{ j: string | null }>(sql`SELECT json_group_array(json_array(unit_id,
    ${sql.raw(own.join(", "))})) AS j FROM ${progressFigures}
    WHERE campaign_id = ${campaignId} AND (${sql.raw(own.join(" + "))}) > 0`);
};
export const storedCountsOf = (rows: Json) =>
  parsed(rows, (v) => Object.fromEntries(KEYS.map((k, i) => [k, v[i]])) as unknown as StoredCounts);

/** Every unit's path. */
export const pathsQuery = (db: TenantDb) =>
  db.all<{ j: string | null }>(
    sql`SELECT json_group_array(json_array(id, path)) AS j FROM ${units}`,
  );
export const pathsOf = (rows: Json): Map<string, string> =>
  new Map(JSON.parse(rows[0]?.j ?? "[]") as [string, string][]);
