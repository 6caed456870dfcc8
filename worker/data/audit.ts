// Audit rows are written in the same batch as the change they describe, so the log never
// claims a write that did not happen nor misses one that did.
import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { auditLog, members, units, users } from "../../schema/tables/tenant";
import { auditGroupKey, pageEndOnGroup } from "../../schema/rules/audit-groups";
import type { AuditAction } from "../../schema/vocab/audit-actions";
import type { TenantDb } from "../db/handles";
import { subtreeBounds } from "../domain/scope";
import { notFound } from "../errors";
import type { Ctx } from "./context";
import { getUnit } from "./units";

export interface AuditEntry {
  actorUserId: string | null;
  /** One of the codes the audit log has words for (schema/vocab/audit-actions.ts). */
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** The audit row of a write that may do nothing (`INSERT … ON CONFLICT DO NOTHING`): in the
 *  same batch after it, the row is written only when `wrote` holds — e.g. the new row's id
 *  exists — so a refused write leaves no trace in the log either. */
export function auditInsertIf(db: TenantDb, entry: AuditEntry, at: Date, wrote: SQL) {
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  return db.run(sql`INSERT INTO ${auditLog}
    (at, actor_user_id, action, entity, entity_id, before_json, after_json, request_id)
    SELECT ${at.getTime()}, ${entry.actorUserId}, ${entry.action}, ${entry.entity},
      ${entry.entityId ?? null}, ${json(entry.before)}, ${json(entry.after)},
      ${entry.requestId ?? null}
    WHERE ${wrote}`);
}

export function auditInsert(db: TenantDb, entry: AuditEntry, at: Date) {
  return db.insert(auditLog).values({
    at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId: entry.requestId ?? null,
  });
}

/** The audit row for a change made under `ctx`: its actor, request and instant. */
export const audit = (ctx: Ctx, entry: Omit<AuditEntry, "actorUserId" | "requestId">) =>
  auditInsert(ctx.db, { ...ctx.actor, ...entry }, ctx.now);

/**
 * Newest first, keyset-paged by id (`before`: the previous page's `next`), at most `limit`
 * rows: each page is one indexed range whatever the log's size. A page ends on the edge of a
 * person-hour group (schema/rules/audit-groups.ts), so a group is never cut in two, unless
 * one group is longer than the page: then the next page continues it. `next` is null on the
 * last page. Rows hold ids and field values, never plan text.
 *
 * Filters: `actorUserId` (audit_actor_idx: that person's rows by id); `unitId`, the changes
 * to the units and the members of that unit's subtree (audit_entity_idx, once per unit and
 * member of the subtree, then sorted: the cost grows with the subtree, so the whole tenant's
 * root is no filter at all).
 */
export async function listAudit(
  db: TenantDb,
  opts: {
    entity?: string | undefined;
    actorUserId?: string | undefined;
    unitId?: string | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  const unit = opts.unitId ? await getUnit(db, opts.unitId) : null;
  if (opts.unitId && !unit) throw notFound("Không tìm thấy đơn vị.");
  let inUnit: SQL | undefined;
  if (unit && unit.depth > 0) {
    const [lo, hi] = subtreeBounds(unit.path);
    const subtree = sql`SELECT ${units.id} FROM ${units} WHERE ${units.path} >= ${lo} AND ${units.path} < ${hi}`;
    inUnit = or(
      and(eq(auditLog.entity, "unit"), sql`${auditLog.entityId} IN (${subtree})`),
      and(
        eq(auditLog.entity, "member"),
        sql`${auditLog.entityId} IN (SELECT ${members.id} FROM ${members} WHERE ${members.unitId} IN (${subtree}))`,
      ),
    );
  }
  const conditions = [
    opts.entity ? eq(auditLog.entity, opts.entity) : undefined,
    opts.actorUserId ? eq(auditLog.actorUserId, opts.actorUserId) : undefined,
    inUnit,
    opts.before ? lt(auditLog.id, opts.before) : undefined,
  ];
  const rows = await db
    .select({ a: auditLog, actorName: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(opts.limit + 1);
  const end = pageEndOnGroup(rows, opts.limit, ({ a }) => auditGroupKey(a.actorUserId, a.at));
  const page = rows.slice(0, end);
  const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
  const entries = page.map(({ a, actorName }) => ({
    id: a.id,
    at: a.at,
    actor: a.actorUserId ? { id: a.actorUserId, fullName: actorName ?? "" } : null,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId,
    before: parse(a.before),
    after: parse(a.after),
  }));
  return { entries, next: end < rows.length ? (page.at(-1)?.a.id ?? null) : null };
}
