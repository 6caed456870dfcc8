// Loads a caller's scope from their grants (one query for the granted units' paths).
import { and, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { grantUnits, normalisePaths, subtreeBounds, type Scope } from "../domain/scope";
import type { Grant, Role } from "../env";

export async function loadScope(
  db: TenantDb,
  grants: Grant[],
  roles: readonly Role[],
): Promise<Scope> {
  const ids = grantUnits(grants, roles);
  if (ids === null) return { all: true, paths: [] };
  if (ids.length === 0) return { all: false, paths: [] };
  const rows = await db.select({ path: units.path }).from(units).where(inArray(units.id, ids));
  return { all: false, paths: normalisePaths(rows.map((r) => r.path)) };
}

/** SQL condition "`pathColumn` lies in the scope"; undefined means no restriction. */
export function scopeCondition(scope: Scope, pathColumn: SQLiteColumn): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.paths.length === 0) return inArray(pathColumn, []); // matches nothing
  return or(
    ...scope.paths.map((p) => {
      const [lo, hi] = subtreeBounds(p);
      return and(gte(pathColumn, lo), lt(pathColumn, hi));
    }),
  );
}
