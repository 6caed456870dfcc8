// Invitations: a single-use link that makes an account (or adds a role to an existing one).
// An admin invites to any role; a secretary only members of its own subtree.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { normalizeVnPhone } from "../../schema/rules/phone";
import { ON_ROLL_STATUSES } from "../../schema/rules/roll";
import { accountTokens, grants, members, units, users } from "../../schema/tables/tenant";
import { hashPassword, verifyPassword } from "../auth/password";
import type { TenantDb } from "../db/handles";
import { inScope, type Scope } from "../domain/scope";
import type { Role } from "../env";
import { DomainError, notFound } from "../errors";
import { audit, auditInsert } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import {
  claimToken,
  hashToken,
  INVITATION_TTL_MS,
  newShortCode,
  newToken,
  releaseToken,
  SLIP_TTL_MS,
} from "./tokens";
import { requireUnitInScope } from "./units";

export interface InvitationInput {
  memberId?: string;
  email: string;
  role: Role;
  unitId?: string;
  /** Whether the caller invites as an admin; otherwise as a secretary, within `ctx.scope`. */
  byAdmin: boolean;
}

export async function createInvitation(
  ctx: Ctx,
  input: InvitationInput,
): Promise<{ id: string; token: string; expiresAt: Date; memberId: string | null }> {
  const { db } = ctx;
  const scope: Scope = input.byAdmin ? { all: true, paths: [] } : ctx.scope;
  if (!input.byAdmin && input.role !== "member")
    throw new DomainError("ROLE_SCOPE", "Bí thư chỉ được mời đảng viên trong chi bộ của mình.");
  let unitId = input.unitId ?? null;
  let memberId = input.memberId ?? null;
  if (memberId) {
    const [m] = await db
      .select({ unitId: members.unitId, path: units.path })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(eq(members.id, memberId));
    if (!m || !inScope(scope, m.path)) throw notFound("Không tìm thấy đảng viên.");
    unitId ??= m.unitId;
  } else if (!unitId && input.role !== "admin") {
    // CONTRACT.md: unitId is optional — the roster knows the unit of a member by e-mail.
    const found = await rosterMemberByEmail(db, input.email, scope);
    memberId = found?.id ?? null;
    unitId = found?.unitId ?? null;
  }
  if (input.role === "admin") unitId = null;
  else if (!unitId)
    throw new DomainError(
      "INVALID_BODY",
      "Không có đảng viên nào trong danh sách với thư điện tử này: cần chọn đơn vị.",
      { unitId: "Bắt buộc phải có." },
    );
  else await requireUnitInScope(db, unitId, scope);

  const { row, token } = invitationRow(ctx, {
    email: input.email,
    role: input.role,
    unitId,
    memberId,
    short: false,
  });
  await db.batch([
    db.insert(accountTokens).values(row),
    audit(ctx, {
      action: "invitation.create",
      entity: "invitation",
      entityId: row.id,
      after: { email: row.email, role: row.role, unitId, memberId },
    }),
  ]);
  return { id: row.id, token, expiresAt: row.expiresAt, memberId };
}

/** The one on-roll member of `scope` with this e-mail; null for none, or for several (then
 *  the caller must say which). */
async function rosterMemberByEmail(db: TenantDb, email: string, scope: Scope) {
  const rows = await db
    .select({ id: members.id, unitId: members.unitId, path: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.email, email), inArray(members.status, ON_ROLL_STATUSES)))
    .limit(10);
  const mine = rows.filter((r) => inScope(scope, r.path));
  return mine.length === 1 ? mine[0]! : null;
}

/** A fresh invitation row and its secret: a link's token, or a slip's short code. */
export function invitationRow(
  { now, actor }: Pick<Ctx, "now" | "actor">,
  i: {
    email: string | null;
    role: Role;
    unitId: string | null;
    memberId: string | null;
    short: boolean;
  },
) {
  const token = i.short ? newShortCode() : newToken();
  const row = {
    id: newId(),
    kind: "invite" as const,
    tokenHash: hashToken(token),
    ...i,
    userId: null,
    createdBy: actor.actorUserId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (i.short ? SLIP_TTL_MS : INVITATION_TTL_MS)),
    usedAt: null,
    revokedAt: null,
  };
  return { row, token };
}

/** An invitation is in scope by its unit; one without a unit (an admin's) only tenant-wide. */
const invitationInScope = (scope: Scope, path: string | null) =>
  scope.all || (path !== null && inScope(scope, path));

export async function listInvitations({ db, scope }: Pick<Ctx, "db" | "scope">) {
  const rows = await db
    .select({ t: accountTokens, path: units.path })
    .from(accountTokens)
    .leftJoin(units, eq(units.id, accountTokens.unitId))
    .where(eq(accountTokens.kind, "invite"))
    .orderBy(desc(accountTokens.createdAt));
  return rows
    .filter((r) => invitationInScope(scope, r.path))
    .map(({ t }) => ({
      id: t.id,
      email: t.email,
      /** Handed out on a printed slip (a short code) rather than sent as a link. */
      slip: t.short,
      role: t.role,
      unitId: t.unitId,
      memberId: t.memberId,
      expiresAt: t.expiresAt,
      acceptedAt: t.usedAt,
      revokedAt: t.revokedAt,
    }));
}

export async function revokeInvitation(ctx: Ctx, { id }: { id: string }) {
  const { db, now } = ctx;
  const [row] = await db
    .select({ t: accountTokens, path: units.path })
    .from(accountTokens)
    .leftJoin(units, eq(units.id, accountTokens.unitId))
    .where(and(eq(accountTokens.id, id), eq(accountTokens.kind, "invite")));
  if (!row || !invitationInScope(ctx.scope, row.path)) throw notFound("Không tìm thấy lời mời.");
  await db.batch([
    db
      .update(accountTokens)
      .set({ revokedAt: now })
      .where(and(eq(accountTokens.id, id), isNull(accountTokens.revokedAt))),
    audit(ctx, { action: "invitation.revoke", entity: "invitation", entityId: id }),
  ]);
}

/** Accepting sets the password of a new account, or — for someone who already has one —
 *  adds the role after checking their current password. Returns the user's id. The account
 *  is found by the invitation's e-mail; a slip's (no e-mail) by the member's phone on the
 *  roster, which becomes its sign-in name. A new account also gets the roster's phone when
 *  no other account has it, so someone invited by e-mail can sign in by phone as well. */
export async function acceptInvitation(
  db: TenantDb,
  { token, password, now }: { token: string; password: string; now: Date },
): Promise<string> {
  const invitation = await claimToken(db, { token, kind: "invite", now });
  try {
    const [member] = invitation.memberId
      ? await db
          .select({ fullName: members.fullName, phone: members.phone })
          .from(members)
          .where(eq(members.id, invitation.memberId))
      : [];
    const phone = member?.phone ? normalizeVnPhone(member.phone) : null;
    if (!invitation.email && !phone)
      throw new DomainError(
        "RULE_VIOLATION",
        "Danh sách đảng viên chưa có số điện thoại hợp lệ của bạn: hãy nhờ bí thư chi bộ bổ sung và in phiếu mới.",
      );
    const [[byEmail], [byPhone]] = await Promise.all([
      invitation.email
        ? db.select().from(users).where(eq(users.email, invitation.email))
        : Promise.resolve([]),
      phone ? db.select().from(users).where(eq(users.phone, phone)) : Promise.resolve([]),
    ]);
    const existing = invitation.email ? byEmail : byPhone;
    if (existing?.disabledAt) throw new DomainError("FORBIDDEN", "Tài khoản này đã bị khóa.");
    if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, password)))
      throw new DomainError(
        "INVALID_CREDENTIALS",
        "Bạn đã có tài khoản: hãy nhập đúng mật khẩu hiện tại để nhận vai trò mới.",
      );
    const userId = existing?.id ?? newId();
    const freePhone = byPhone ? null : phone;
    const writes = [
      existing
        ? db
            .update(users)
            .set({
              passwordHash: existing.passwordHash ?? (await hashPassword(password)),
              memberId: existing.memberId ?? invitation.memberId,
              phone: existing.phone ?? freePhone,
              updatedAt: now,
            })
            .where(eq(users.id, userId))
        : db.insert(users).values({
            id: userId,
            email: invitation.email,
            phone: freePhone,
            fullName: member?.fullName ?? invitation.email ?? phone!,
            passwordHash: await hashPassword(password),
            memberId: invitation.memberId,
            createdAt: now,
            updatedAt: now,
          }),
      db
        .insert(grants)
        .values({
          id: newId(),
          userId,
          role: invitation.role as Role,
          unitId: invitation.unitId,
          createdAt: now,
        })
        .onConflictDoNothing(),
      auditInsert(
        db,
        {
          actorUserId: userId,
          action: "invitation.accept",
          entity: "invitation",
          entityId: invitation.id,
        },
        now,
      ),
    ];
    await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]]);
    return userId;
  } catch (err) {
    // A wrong current password must not burn the invitation.
    await releaseToken(db, invitation.id);
    throw err;
  }
}
