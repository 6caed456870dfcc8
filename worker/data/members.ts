// Members of the đảng bộ (đảng viên). A member need not have an account: many have no
// phone, and a secretary acts for them. Status changes are kept with the date each took
// effect; `members.status` mirrors the latest one for listing.
import { type MemberStatus, type ManagementCategory } from "../../schema/vocab/people";
import type { PositionCode } from "../../schema/vocab/positions";
import { positionCodeFor } from "../../schema/rules/positions";
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { memberStatusHistory, members, units, users } from "../../schema/tables/tenant";
import type { MemberCreateBody, MemberUpdateBody } from "../../schema/api";
import type { TenantDb } from "../db/handles";
import { inScope, subtreeBounds, type Scope } from "../domain/scope";
import { foldVietnamese } from "../domain/text";
import { ictDate } from "../domain/deadlines";
import { managementCategoryOf } from "../domain/supervision";
import { notFound, versionConflict } from "../errors";
import { audit, auditInsertIf } from "./audit";
import { holds, markAttended, markUnits } from "./progress-marks";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { scopeCondition } from "./scope";
import { requireUnitInScope } from "./units";

export type MemberRow = typeof members.$inferSelect;
export type { MemberStatus };

export interface MemberInput {
  fullName: string;
  birthYear?: number | null;
  email?: string | null;
  phone?: string | null;
  unitId: string;
  position?: string | null;
  /** Absent: mapped from `position`. */
  positionCode?: PositionCode | null;
  leadershipRank?: number;
  status: MemberStatus;
  statusSince?: string | null;
  /** Wins over `managedByStandingCommittee` (true = diện BTV), kept for older callers. */
  managementCategory?: ManagementCategory | null;
  managedByStandingCommittee?: boolean;
  mustPublishPlan?: boolean;
}

/** The stored pair for a category: the boolean mirrors "diện BTV" for older readers. */
const category = (c: ManagementCategory | null) => ({
  managementCategory: c,
  managedByStandingCommittee: c === "dien-btv-cap-huyen",
});

/** The category an input asks for, given the member's current one (null for a new member). */
function categoryFrom(
  input: Pick<MemberInput, "managementCategory" | "managedByStandingCommittee">,
  current: ManagementCategory | null,
): ManagementCategory | null {
  if (input.managementCategory !== undefined) return input.managementCategory;
  if (input.managedByStandingCommittee === true) return "dien-btv-cap-huyen";
  if (input.managedByStandingCommittee === false && current === "dien-btv-cap-huyen") return null;
  return current;
}

export function newMemberRow(input: MemberInput, now: Date): MemberRow {
  return {
    id: newId(),
    fullName: input.fullName,
    searchName: foldVietnamese(input.fullName),
    birthYear: input.birthYear ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    unitId: input.unitId,
    position: input.position ?? null,
    positionCode:
      input.positionCode !== undefined ? input.positionCode : positionCodeFor(input.position),
    leadershipRank: input.leadershipRank ?? 100,
    status: input.status,
    statusSince: input.statusSince ?? null,
    ...category(categoryFrom(input, null)),
    mustPublishPlan: input.mustPublishPlan ?? false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** A status-history row written only while `when` holds in SQL (the write it belongs to won). */
const historyInsertIf = (db: TenantDb, row: ReturnType<typeof historyRow>, when: SQL) =>
  db.run(sql`INSERT INTO ${memberStatusHistory}
    (id, member_id, status, since, note, at, actor_user_id)
    SELECT ${row.id}, ${row.memberId}, ${row.status}, ${row.since}, ${row.note},
      ${row.at.getTime()}, ${row.actorUserId}
    WHERE ${when}`);

export const historyRow = (
  m: Pick<MemberRow, "id" | "status" | "statusSince">,
  now: Date,
  actorUserId: string | null,
  note: string | null = null,
) => ({
  id: newId(),
  memberId: m.id,
  status: m.status,
  since: m.statusSince ?? ictDate(now),
  note,
  at: now,
  actorUserId,
});

export type MemberView = Omit<MemberRow, "searchName" | "createdAt" | "updatedAt">;
export const toMemberView = ({
  searchName: _s,
  createdAt: _c,
  updatedAt: _u,
  ...m
}: MemberRow): MemberView => m;

export interface MemberFilter {
  unitId?: string;
  q?: string;
  status?: MemberStatus;
  includeSubtree?: boolean;
}

export async function listMembers(
  { db, scope }: Pick<Ctx, "db" | "scope">,
  filter: MemberFilter,
): Promise<MemberRow[]> {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope, units.path)];
  if (filter.unitId) {
    const unit = await requireUnitInScope(db, filter.unitId, scope);
    if (filter.includeSubtree) {
      const [lo, hi] = subtreeBounds(unit.path);
      conditions.push(and(gte(units.path, lo), lt(units.path, hi)));
    } else conditions.push(eq(members.unitId, unit.id));
  }
  if (filter.status) conditions.push(eq(members.status, filter.status));
  const q = filter.q ? foldVietnamese(filter.q) : "";
  if (q) conditions.push(sql`instr(${members.searchName}, ${q}) > 0`);
  const rows = await db
    .select({ m: members })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(...conditions))
    .orderBy(asc(members.leadershipRank), asc(members.searchName));
  return rows.map((r) => r.m);
}

/** The member with its unit's path, if the caller's scope covers it; otherwise 404. */
export async function requireMemberInScope(
  db: TenantDb,
  id: string,
  scope: Scope,
): Promise<MemberRow> {
  const [row] = await db
    .select({ m: members, path: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(members.id, id))
    .limit(1);
  if (!row || !inScope(scope, row.path)) throw notFound("Không tìm thấy đảng viên.");
  return row.m;
}

export async function memberDetail(db: TenantDb, member: MemberRow) {
  const [history, account] = await db.batch([
    db
      .select()
      .from(memberStatusHistory)
      .where(eq(memberStatusHistory.memberId, member.id))
      .orderBy(desc(memberStatusHistory.since), desc(memberStatusHistory.at)),
    db
      .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.memberId, member.id))
      .limit(1),
  ]);
  return {
    member: toMemberView(member),
    history: history.map((h) => ({ status: h.status, since: h.since, note: h.note, at: h.at })),
    account: account[0]
      ? { id: account[0].id, email: account[0].email, disabled: account[0].disabledAt !== null }
      : null,
  };
}

export async function createMember(ctx: Ctx, input: MemberCreateBody): Promise<MemberRow> {
  const { db, scope, now } = ctx;
  await requireUnitInScope(db, input.unitId, scope);
  const row = newMemberRow({ ...input, status: input.status ?? "dang-sinh-hoat" }, now);
  await db.batch([
    db.insert(members).values(row),
    db.insert(memberStatusHistory).values(historyRow(row, now, ctx.actor.actorUserId)),
    markUnits(db, [row.unitId]),
    audit(ctx, {
      action: "member.create",
      entity: "member",
      entityId: row.id,
      after: toMemberView(row),
    }),
  ]);
  return row;
}

export async function updateMember(
  ctx: Ctx,
  { id, ...input }: MemberUpdateBody & { id: string },
): Promise<MemberRow> {
  const { db, scope, now } = ctx;
  const current = await requireMemberInScope(db, id, scope);
  if (current.version !== input.version) throw versionConflict();
  if (input.unitId && input.unitId !== current.unitId)
    await requireUnitInScope(db, input.unitId, scope);
  const { version: _v, ...changes } = input;
  const next: MemberRow = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    version: current.version + 1,
    updatedAt: now,
  } as MemberRow;
  next.searchName = foldVietnamese(next.fullName);
  // A changed text without a code is mapped; a code given explicitly (or null) stands, and
  // so does one picked by hand while a form re-sends the same text.
  if (input.positionCode === undefined && next.position !== current.position)
    next.positionCode = positionCodeFor(next.position);
  Object.assign(next, category(categoryFrom(input, managementCategoryOf(current))));
  const statusChanged = next.status !== current.status;
  if (statusChanged && !input.statusSince) next.statusSince = ictDate(now);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const compared = new Set([
    ...(Object.keys(changes) as (keyof MemberRow)[]),
    "positionCode" as const,
    "managementCategory" as const,
    "managedByStandingCommittee" as const,
  ]);
  for (const key of compared) {
    if (current[key] !== next[key]) {
      before[key] = current[key];
      after[key] = next[key];
    }
  }
  // Each conditioned row follows the one before it: the history row only when the update
  // changed the member, the audit row only when that happened (changes() is the last
  // statement's count), so a stale edit (409) leaves no trace.
  const updatedNow = sql`changes() = 1`;
  const [updated] = await db.batch([
    db
      .update(members)
      .set(next)
      .where(and(eq(members.id, id), eq(members.version, input.version)))
      .returning({ id: members.id }),
    ...(statusChanged
      ? [historyInsertIf(db, historyRow(next, now, ctx.actor.actorUserId), updatedNow)]
      : []),
    auditInsertIf(
      db,
      { ...ctx.actor, action: "member.update", entity: "member", entityId: id, before, after },
      now,
      updatedNow,
    ),
    // Its unit (both, after a move) and, through position or flags, how the member counts.
    markUnits(db, [current.unitId, next.unitId], undefined, holds("members", id, next.version)),
    // A new rank re-judges "leaders speak first" at the meetings it attended.
    ...(current.leadershipRank !== next.leadershipRank
      ? [markAttended(db, id, holds("members", id, next.version))]
      : []),
  ]);
  if (!updated[0]) throw versionConflict();
  return next;
}

export async function setMemberStatus(
  ctx: Ctx,
  { id, ...input }: { id: string; status: MemberStatus; since: string; note?: string | null },
): Promise<MemberRow> {
  const { db, scope, now } = ctx;
  const current = await requireMemberInScope(db, id, scope);
  const next = {
    ...current,
    status: input.status,
    statusSince: input.since,
    version: current.version + 1,
    updatedAt: now,
  };
  await db.batch([
    db
      .insert(memberStatusHistory)
      .values(historyRow(next, now, ctx.actor.actorUserId, input.note ?? null)),
    db
      .update(members)
      .set({
        status: next.status,
        statusSince: next.statusSince,
        version: next.version,
        updatedAt: now,
      })
      .where(eq(members.id, id)),
    markUnits(db, [current.unitId]),
    audit(ctx, {
      action: "member.status",
      entity: "member",
      entityId: id,
      before: { status: current.status, statusSince: current.statusSince },
      after: { status: input.status, statusSince: input.since },
    }),
  ]);
  return next;
}

export async function membersByIds(db: TenantDb, ids: string[]): Promise<MemberRow[]> {
  return ids.length ? db.select().from(members).where(inArray(members.id, ids)) : [];
}
