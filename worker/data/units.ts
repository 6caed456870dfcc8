// Units: a tree stored with a materialised path, so a subtree is one indexed range scan at
// any depth or size. Moving a unit rewrites the paths of its subtree in one statement.
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { ON_ROLL_STATUSES } from "../../schema/rules/roll";
import { members, units } from "../../schema/tables/tenant";
import { type UnitKind, type Level, type SupervisingBody } from "../../schema/vocab/people";
import { unitBody } from "../domain/supervision";
import type { TenantDb } from "../db/handles";
import { inScope, subtreeBounds, wouldCycle, type Scope } from "../domain/scope";
import { DomainError, notFound, versionConflict } from "../errors";
import { audit, auditInsertIf } from "./audit";
import { holds, markTree } from "./progress-marks";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { scopeCondition } from "./scope";

export type UnitRow = typeof units.$inferSelect;
// The vocabularies live in schema/vocab and schema/rules; these names stay for importers.

export async function getUnit(db: TenantDb, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row ?? null;
}

/** A unit the caller may act on, or 404 — out of scope answers as if it did not exist. */
export async function requireUnitInScope(db: TenantDb, id: string, scope: Scope): Promise<UnitRow> {
  const unit = await getUnit(db, id);
  if (!unit || !inScope(scope, unit.path)) throw notFound("Không tìm thấy đơn vị.");
  return unit;
}

/** Every one of `ids` a unit the caller may act on, in one read, or 404 as for one. */
export async function requireUnitsInScope(db: TenantDb, ids: readonly string[], scope: Scope) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  const found = await db
    .select({ path: units.path })
    .from(units)
    .where(sql`${units.id} IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`);
  if (found.length < wanted.length || !found.every((u) => inScope(scope, u.path)))
    throw notFound("Không tìm thấy đơn vị.");
}

/** Builds the row for a new unit under `parent` (null for a root). */
/** A đoàn thể unit given no body code gets the one its name suggests (routing reads the
 *  code, never the name: worker/domain/supervision.ts). */
export function newUnitRow(
  input: {
    name: string;
    kind: UnitKind;
    bodyCode?: SupervisingBody | null;
    bodyLevel?: Level | null;
  },
  parent: Pick<UnitRow, "id" | "path" | "depth"> | null,
  now: Date,
): UnitRow {
  const id = newId();
  return {
    id,
    name: input.name,
    kind: input.kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? "/"}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    closedOn: null,
    ...unitBody(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export interface UnitView {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  closedOn: string | null;
  /** Set for a supervising body: what routing reads (worker/domain/supervision.ts). */
  bodyCode: SupervisingBody | null;
  bodyLevel: Level | null;
  depth: number;
  version: number;
  memberCount: number;
}

export async function listUnits({ db, scope }: Pick<Ctx, "db" | "scope">): Promise<UnitView[]> {
  const where = scopeCondition(scope, units.path);
  const [rows, counts] = await db.batch([
    db.select().from(units).where(where).orderBy(units.path),
    db
      .select({ unitId: members.unitId, n: count() })
      .from(members)
      .where(inArray(members.status, ON_ROLL_STATUSES))
      .groupBy(members.unitId),
  ]);
  const byUnit = new Map(counts.map((c) => [c.unitId, c.n]));
  return rows.map((u) => toView(u, byUnit.get(u.id) ?? 0));
}

export const toView = (u: UnitRow, memberCount = 0): UnitView => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  closedOn: u.closedOn,
  bodyCode: u.bodyCode,
  bodyLevel: u.bodyLevel,
  depth: u.depth,
  version: u.version,
  memberCount,
});

export async function createUnit(
  ctx: Ctx,
  input: Parameters<typeof newUnitRow>[0] & { parentId?: string },
): Promise<UnitRow> {
  const { db, scope, now } = ctx;
  let parent: UnitRow | null;
  if (input.parentId) parent = await requireUnitInScope(db, input.parentId, scope);
  else {
    const [root] = await db.select().from(units).where(eq(units.depth, 0)).limit(1);
    parent = root ?? null;
  }
  if (parent?.closedOn)
    throw new DomainError("RULE_VIOLATION", "Đơn vị cấp trên đã giải thể.", {
      parentId: "Đơn vị đã giải thể.",
    });
  const row = newUnitRow(input, parent, now);
  await db.batch([
    db.insert(units).values(row),
    audit(ctx, { action: "unit.create", entity: "unit", entityId: row.id, after: row }),
  ]);
  return row;
}

export async function updateUnit(
  ctx: Ctx,
  input: {
    id: string;
    name?: string;
    parentId?: string;
    bodyCode?: SupervisingBody | null;
    bodyLevel?: Level | null;
    version: number;
  },
): Promise<UnitRow> {
  const { db, scope, now } = ctx;
  const { id } = input;
  const unit = await requireUnitInScope(db, id, scope);
  if (unit.version !== input.version) throw versionConflict();
  let path = unit.path;
  let depth = unit.depth;
  let parentId = unit.parentId;
  if (input.parentId !== undefined && input.parentId !== unit.parentId) {
    if (unit.depth === 0) throw new DomainError("RULE_VIOLATION", "Không thể chuyển đảng bộ gốc.");
    const parent = await requireUnitInScope(db, input.parentId, scope);
    if (wouldCycle(unit.path, parent.path))
      throw new DomainError(
        "MOVE_CYCLE",
        "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.",
        {
          parentId: "Đơn vị cấp trên không hợp lệ.",
        },
      );
    parentId = parent.id;
    path = `${parent.path}${unit.id}/`;
    depth = parent.depth + 1;
  }
  const [lo, hi] = subtreeBounds(unit.path);
  // A stale edit (409) must change nothing and log nothing: the subtree's paths move only
  // while the root still has the version the caller read (checked first, in the same batch),
  // and the audit row follows the root's update only when it changed the row.
  const versionHolds = sql`EXISTS (SELECT 1 FROM ${units} WHERE ${units.id} = ${id} AND ${units.version} = ${input.version})`;
  const [, updated] = await db.batch([
    // The subtree follows its root: rewrite the path prefix and shift the depth.
    db
      .update(units)
      .set({
        path: sql`${path} || substr(${units.path}, ${unit.path.length + 1})`,
        depth: sql`${units.depth} + ${depth - unit.depth}`,
      })
      .where(and(gte(units.path, lo), lt(units.path, hi), versionHolds)),
    db
      .update(units)
      .set({
        name: input.name ?? unit.name,
        parentId,
        // A body changes only when asked: a renamed unit keeps the code it was given.
        bodyCode: input.bodyCode === undefined ? unit.bodyCode : input.bodyCode,
        bodyLevel: input.bodyLevel === undefined ? unit.bodyLevel : input.bodyLevel,
        version: unit.version + 1,
        updatedAt: now,
      })
      .where(and(eq(units.id, id), eq(units.version, input.version)))
      .returning(),
    auditInsertIf(
      db,
      {
        ...ctx.actor,
        action: path === unit.path ? "unit.rename" : "unit.move",
        entity: "unit",
        entityId: id,
        before: { name: unit.name, parentId: unit.parentId },
        after: { name: input.name ?? unit.name, parentId },
      },
      now,
      sql`changes() = 1`,
    ),
    // Names and places decide who a step concerns and which sums a unit adds to.
    markTree(db, holds("units", id, unit.version + 1)),
  ]);
  if (!updated[0]) throw versionConflict();
  return (await getUnit(db, id))!;
}

export async function closeUnit(
  ctx: Ctx,
  { id, closedOn }: { id: string; closedOn: string },
): Promise<UnitRow> {
  const { db, scope, now } = ctx;
  const unit = await requireUnitInScope(db, id, scope);
  if (unit.depth === 0) throw new DomainError("RULE_VIOLATION", "Không thể giải thể đảng bộ gốc.");
  const [lo, hi] = subtreeBounds(unit.path);
  const [open] = await db
    .select({ n: count() })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(gte(units.path, lo), lt(units.path, hi), inArray(members.status, ON_ROLL_STATUSES)));
  if (open!.n > 0)
    throw new DomainError(
      "RULE_VIOLATION",
      `Đơn vị còn ${open!.n} đảng viên: hãy chuyển họ sang đơn vị khác trước khi giải thể.`,
    );
  await db.batch([
    // A closed unit keeps its rows (history) and leaves counts from `closedOn`; its
    // subunits close with it unless they closed earlier.
    db
      .update(units)
      .set({ closedOn, version: sql`${units.version} + 1`, updatedAt: now })
      .where(and(gte(units.path, lo), lt(units.path, hi), sql`${units.closedOn} IS NULL`)),
    // Closing what is already closed changes nothing and logs nothing.
    auditInsertIf(
      db,
      { ...ctx.actor, action: "unit.close", entity: "unit", entityId: id, after: { closedOn } },
      now,
      sql`changes() > 0`,
    ),
    markTree(db),
  ]);
  return (await getUnit(db, id))!;
}
