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
import { campaignUnitIdsQuery } from "./campaigns";
import { scopeCondition } from "./scope";

export interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
  closedOn: string | null;
}

/** The columns of every unit the tree is built from (a query, so a job can batch it). */
export const unitRows = (db: TenantDb) =>
  db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      path: units.path,
      parentId: units.parentId,
      closedOn: units.closedOn,
    })
    .from(units);

/** Every unit's tree columns as ONE JSON text (a query, so a job can batch it): a job that
 *  holds the whole tree (a reminder day, a recount's targets) parses as many small arrays
 *  instead of receiving ~24,000 row objects at 500,000 members (issue 13's heap). */
export const unitTreeJson = (db: TenantDb) =>
  db.all<{ j: string | null }>(sql`SELECT json_group_array(json_array(${units.id}, ${units.name},
    ${units.kind}, ${units.path}, ${units.parentId}, ${units.closedOn})) AS j FROM ${units}`);
type TreeRow = [string, string, string, string, string | null, string | null];
export const unitInfosOf = (rows: { j: string | null }[]): UnitInfo[] =>
  (JSON.parse(rows[0]?.j ?? "[]") as TreeRow[]).map(
    ([id, name, kind, path, parentId, closedOn]) => ({ id, name, kind, path, parentId, closedOn }),
  );

/** The unit tree from its rows, with each unit's ancestors' names (nearest first). */
export function treeOf(all: UnitInfo[]) {
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
  const [tree, targetIds] = await db.batch(targetReads(db, campaignId));
  return targetsOf([unitInfosOf(tree), targetIds], date);
}

/** What targetUnits reads: two statements, to share a batch with others. */
export const targetReads = (db: TenantDb, campaignId: string) =>
  [unitTreeJson(db), campaignUnitIdsQuery(db, campaignId)] as const;
export type Targets = ReturnType<typeof targetsOf>;

/** targetUnits from the results of targetReads. */
export function targetsOf(
  [rows, targetIds]: readonly [UnitInfo[], Awaited<ReturnType<typeof campaignUnitIdsQuery>>],
  date: string,
) {
  const { all, byId, ancestors } = treeOf(rows);
  const roots = targetIds.map((t) => byId.get(t.unitId)).filter((u): u is UnitInfo => !!u);
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

/**
 * The members whose status on `date` is not simply their current `members.status`: those
 * with a dated change after `date`, each with the latest status that held on it (a member
 * whose every change is later has none: they count by their current status, as before).
 * Joined by member id (`LEFT JOIN … ls ON ls.member_id = members.id`), then
 * `coalesce(ls.status, members.status)` is the status on the date.
 *
 * Assumed: a member's current status is that of their latest dated change — the member
 * writes insert the history row and set `members.status` together. So a member with no
 * change after `date` has the current status on it. This keeps the lookup to the few members
 * who changed since (indexed on `since`), instead of one ordered lookup per member: at
 * 500,000 members that lookup was most of the dashboard's cost (issue 15).
 */
export const changedSince = (date: string) => sql`(
  SELECT member_id, status FROM (
    SELECT member_id, status,
      row_number() OVER (PARTITION BY member_id ORDER BY since DESC, at DESC) AS rn
    FROM ${memberStatusHistory}
    WHERE since <= ${date}
      AND member_id IN (SELECT member_id FROM ${memberStatusHistory} WHERE since > ${date})
  ) WHERE rn = 1)`;

/** What targeting reads of a member, with the status on the date `changedSince` joins as `ls`. */
export const memberFacts = {
  id: members.id,
  unitId: members.unitId,
  position: members.position,
  positionCode: members.positionCode,
  managementCategory: members.managementCategory,
  managedByStandingCommittee: members.managedByStandingCommittee,
  status: sql<string>`coalesce(ls.status, ${members.status})`,
};

/** Members of the target subtrees (within `scope`) with their status on `date`. */
export function targetMembers(
  db: TenantDb,
  q: { rootPaths: string[]; scope: Scope; date: string; memberIds?: string[]; unitIds?: string[] },
) {
  return (
    db
      .select({ ...memberFacts, fullName: members.fullName })
      // CROSS JOIN fixes the order: units by path range, then their members by the unit index.
      .from(units)
      .crossJoin(members)
      .leftJoin(sql`${changedSince(q.date)} AS ls`, sql`ls.member_id = ${members.id}`)
      .where(
        and(
          eq(members.unitId, units.id),
          pathConditions(q.rootPaths),
          scopeCondition(q.scope, units.path),
          q.memberIds ? inArray(members.id, q.memberIds) : undefined,
          q.unitIds ? inArray(units.id, q.unitIds) : undefined,
        ),
      )
  );
}

export function matchFacts(
  m: Parameters<typeof managementCategoryOf>[0] & {
    position: string | null;
    positionCode: PositionCode | null;
    status: string;
  },
  unit: Pick<UnitInfo, "kind" | "name">,
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
