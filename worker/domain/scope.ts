// Which part of the unit tree a caller may act on. Grants name a unit; the role applies to
// that unit's whole subtree. Units are addressed by materialised path (`/root/…/id/`), so a
// scope is a set of path prefixes — pure data the API, the cron and the dashboards share.
import type { Role, SessionGrant } from "../env";

export interface Scope {
  /** Tenant-wide (an admin). */
  all: boolean;
  /** Path prefixes of the subtrees the caller may act on. */
  paths: string[];
}

export const EMPTY_SCOPE: Scope = { all: false, paths: [] };
export const ALL_SCOPE: Scope = { all: true, paths: [] };

/** The scope of a caller holding `grants`, for `roles`: pure, from the unit paths the
 *  session already carries. */
export function scopeOf(grants: readonly SessionGrant[], roles: readonly Role[]): Scope {
  const paths: string[] = [];
  for (const g of grants) {
    if (!roles.includes(g.role)) continue;
    if (g.role === "admin" || g.unitId === null) return { all: true, paths: [] };
    if (g.unitPath) paths.push(g.unitPath);
  }
  return { all: false, paths: normalisePaths(paths) };
}

export function inScope(scope: Scope, unitPath: string): boolean {
  return scope.all || scope.paths.some((p) => unitPath.startsWith(p));
}

/** Drops prefixes already covered by a shorter one, so queries test each subtree once. */
export function normalisePaths(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}

/** Index-friendly bounds of a subtree: every path starting with `prefix` sorts in
 *  [prefix, prefix-with-its-final-"/"-raised-to-"0"), since "0" follows "/" in ASCII.
 *  (LIKE 'prefix%' would not use the index under SQLite's default case-insensitive LIKE.) */
export function subtreeBounds(prefix: string): [string, string] {
  return [prefix, `${prefix.slice(0, -1)}0`];
}

/** Would moving the unit at `unitPath` under `newParentPath` put it inside itself? */
export function wouldCycle(unitPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(unitPath);
}
