// Who a campaign concerns: the open units of its target subtrees (with their ancestors'
// names, for the template's name-based filters) and the members there with their status on
// a given date. The launch (tasks) and progress (roster, counts) read the same answers.
import { and, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { MemberForMatch, UnitKind } from "../../schema/template";
import type { PositionCode } from "../../schema/vocab/positions";
import { managementCategoryOf } from "../domain/supervision";
import { memberStatusHistory, members, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { subtreeBounds, type Scope } from "../domain/scope";
import { campaignUnitIds } from "./campaigns";
import { scopeCondition } from "./scope";

export interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
  closedOn: string | null;
}

/** The whole unit tree in memory, with each unit's ancestors' names (nearest first): what
 *  the template's name-based filters match against. */
export async function unitTree(db: TenantDb) {
  const all: UnitInfo[] = await db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      path: units.path,
      parentId: units.parentId,
      closedOn: units.closedOn,
    })
    .from(units);
  const byId = new Map(all.map((u) => [u.id, u]));
  const ancestors = (u: Pick<UnitInfo, "parentId">) => {
    const names: string[] = [];
    for (
      let p = u.parentId ? byId.get(u.parentId) : undefined;
      p;
      p = p.parentId ? byId.get(p.parentId) : undefined
    )
      names.push(p.name);
    return names;
  };
  return { all, byId, ancestors };
}

/** Everything needed to decide who a campaign concerns: the units in its target subtrees
 *  (open on `date`) and their ancestors' names for the template's name-based filters. */
export async function targetUnits(db: TenantDb, campaignId: string, date: string) {
  const { all, byId, ancestors } = await unitTree(db);
  const roots = (await campaignUnitIds(db, campaignId))
    .map((id) => byId.get(id))
    .filter((u): u is UnitInfo => !!u);
  const inTarget = all.filter(
    (u) => roots.some((r) => u.path.startsWith(r.path)) && (!u.closedOn || u.closedOn > date),
  );
  return { inTarget, byId, roots, ancestors };
}

export const pathConditions = (paths: string[], column = units.path): SQL | undefined =>
  paths.length === 0
    ? sql`0`
    : or(
        ...paths.map((p) => {
          const [lo, hi] = subtreeBounds(p);
          return and(gte(column, lo), lt(column, hi));
        }),
      );

/** Members of the target subtrees (within `scope`) with their status on `date`. */
export async function targetMembers(
  db: TenantDb,
  q: { rootPaths: string[]; scope: Scope; date: string; memberIds?: string[] },
) {
  const { date } = q;
  const statusOnDate = sql<string>`coalesce((SELECT ${memberStatusHistory.status} FROM ${memberStatusHistory} WHERE ${memberStatusHistory.memberId} = ${members.id} AND ${memberStatusHistory.since} <= ${date} ORDER BY ${memberStatusHistory.since} DESC, ${memberStatusHistory.at} DESC LIMIT 1), ${members.status})`;
  return db
    .select({
      id: members.id,
      fullName: members.fullName,
      unitId: members.unitId,
      position: members.position,
      positionCode: members.positionCode,
      managementCategory: members.managementCategory,
      managedByStandingCommittee: members.managedByStandingCommittee,
      status: statusOnDate,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        pathConditions(q.rootPaths),
        scopeCondition(q.scope, units.path),
        q.memberIds ? inArray(members.id, q.memberIds) : undefined,
      ),
    );
}

export function matchFacts(
  m: Parameters<typeof managementCategoryOf>[0] & {
    position: string | null;
    positionCode: PositionCode | null;
    status: string;
  },
  unit: UnitInfo,
  ancestors: string[],
): MemberForMatch {
  return {
    status: m.status as MemberForMatch["status"],
    position: m.position,
    positionCode: m.positionCode,
    managementCategory: managementCategoryOf(m),
    unit: { kind: unit.kind as UnitKind, name: unit.name },
    ancestorUnitNames: ancestors,
  };
}
