// The caller's scope as SQL: a subtree is one indexed range of the materialised path.
import { and, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { subtreeBounds, type Scope } from "../domain/scope";

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
