// Accounts: listing, locking, password reset links, and the lookups login needs. Roles are
// in ./grants, invitations in ./invitations.
import { and, asc, eq, isNull } from "drizzle-orm";
import { accountTokens, grants, members, sessions, units, users } from "../../schema/tables/tenant";
import { hashPassword } from "../auth/password";
import type { LoginName } from "../../schema/rules/phone";
import type { TenantDb } from "../db/handles";
import { DomainError, notFound } from "../errors";
import { audit, auditInsert } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { inScope } from "../domain/scope";
import {
  claimToken,
  formatShortCode,
  freshShortCode,
  hashToken,
  newToken,
  RESET_TTL_MS,
  SLIP_TTL_MS,
} from "./tokens";

export type UserRow = typeof users.$inferSelect;

export async function getUserByEmail(db: TenantDb, email: string): Promise<UserRow | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

/** The account a sign-in name names: by e-mail, or by phone (E.164, already normalised). */
export async function getUserByLogin(db: TenantDb, name: LoginName): Promise<UserRow | null> {
  const column = name.kind === "email" ? users.email : users.phone;
  const [user] = await db.select().from(users).where(eq(column, name.value)).limit(1);
  return user ?? null;
}

export async function requireUser(
  db: TenantDb,
  id: string,
): Promise<{ id: string; email: string | null; phone: string | null; fullName: string }> {
  const [user] = await db
    .select({ id: users.id, email: users.email, phone: users.phone, fullName: users.fullName })
    .from(users)
    .where(eq(users.id, id));
  if (!user) throw notFound("Không tìm thấy tài khoản.");
  return user;
}

/** Stores a password hash made with current parameters (login rehashes old ones). */
export async function setPasswordHash(
  db: TenantDb,
  { userId, passwordHash }: { userId: string; passwordHash: string },
) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function issueReset(ctx: Ctx, { userId }: { userId: string }) {
  const { db, now } = ctx;
  const user = await requireUser(db, userId);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await db.batch([
    revokeUnusedResets(ctx, userId),
    db.insert(accountTokens).values({
      id: newId(),
      kind: "reset",
      tokenHash: hashToken(token),
      email: user.email,
      userId,
      createdBy: ctx.actor.actorUserId,
      createdAt: now,
      expiresAt,
    }),
    audit(ctx, { action: "account.reset-link", entity: "user", entityId: userId }),
  ]);
  return { token, expiresAt };
}

export interface ResetSlip {
  memberId: string;
  fullName: string;
  /** What the member signs in with: the phone (E.164) or the e-mail. */
  login: string;
  code: string;
  expiresAt: Date;
}

/** A printed slip that resets a member's password: a short code (SLIP_TTL_MS), redeemed like
 *  a reset link. A secretary issues it for accounts of members of their own cell (another
 *  cell's member: 404) and not for an account holding a role beyond the cell — an admin's or
 *  another unit's — which only an admin may reset: that would be a way into wider powers. */
export async function issueResetSlip(
  ctx: Ctx,
  { memberId, byAdmin }: { memberId: string; byAdmin: boolean },
): Promise<ResetSlip> {
  const { db, now, scope } = ctx;
  const [m] = await db
    .select({ id: members.id, fullName: members.fullName, path: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(members.id, memberId));
  if (!m || !inScope(scope, m.path)) throw notFound("Không tìm thấy đảng viên.");
  const [user] = await db.select().from(users).where(eq(users.memberId, memberId)).limit(1);
  if (!user)
    throw new DomainError(
      "RULE_VIOLATION",
      "Đảng viên này chưa có tài khoản: hãy mời tạo tài khoản thay vì đặt lại mật khẩu.",
    );
  if (!byAdmin) {
    const held = await db
      .select({ role: grants.role, path: units.path })
      .from(grants)
      .leftJoin(units, eq(units.id, grants.unitId))
      .where(eq(grants.userId, user.id));
    if (held.some((g) => g.role === "admin" || g.path === null || !inScope(scope, g.path)))
      throw new DomainError(
        "ROLE_SCOPE",
        "Tài khoản này có vai trò ngoài chi bộ: chỉ quản trị đặt lại được mật khẩu.",
      );
  }
  const code = await freshShortCode(db);
  const expiresAt = new Date(now.getTime() + SLIP_TTL_MS);
  await db.batch([
    revokeUnusedResets(ctx, user.id),
    db.insert(accountTokens).values({
      id: newId(),
      kind: "reset",
      short: true,
      tokenHash: hashToken(code),
      email: user.email,
      userId: user.id,
      memberId,
      createdBy: ctx.actor.actorUserId,
      createdAt: now,
      expiresAt,
    }),
    audit(ctx, { action: "account.reset-slip", entity: "user", entityId: user.id }),
  ]);
  return {
    memberId,
    fullName: m.fullName,
    login: user.phone ?? user.email ?? "",
    code: formatShortCode(code),
    expiresAt,
  };
}

/** A new link or slip replaces any earlier one still unused. */
const revokeUnusedResets = ({ db, now }: Ctx, userId: string) =>
  db
    .update(accountTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.kind, "reset"),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    );

/** Sets a new password from a reset link and ends every session of that account. */
export async function resetPassword(
  db: TenantDb,
  { token, password, now }: { token: string; password: string; now: Date },
): Promise<string> {
  const claimed = await claimToken(db, { token, kind: "reset", now });
  const userId = claimed.userId!;
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: now })
      .where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
    auditInsert(
      db,
      { actorUserId: userId, action: "account.reset", entity: "user", entityId: userId },
      now,
    ),
  ]);
  return userId;
}

export async function listAccounts(db: TenantDb) {
  const [rows, grantRows] = await db.batch([
    db.select().from(users).orderBy(asc(users.email)),
    db.select().from(grants),
  ]);
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    phone: u.phone,
    fullName: u.fullName,
    memberId: u.memberId,
    disabledAt: u.disabledAt,
    grants: grantRows
      .filter((g) => g.userId === u.id)
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId })),
  }));
}

/** Locks or unlocks an account; nobody locks themselves out. */
export async function setDisabled(
  ctx: Ctx,
  { userId, disabled }: { userId: string; disabled: boolean },
) {
  const { db, now } = ctx;
  if (disabled && userId === ctx.actor.actorUserId)
    throw new DomainError("RULE_VIOLATION", "Bạn không thể tự khóa tài khoản của mình.");
  await requireUser(db, userId);
  const writes = [
    db
      .update(users)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(eq(users.id, userId)),
    audit(ctx, {
      action: disabled ? "account.disable" : "account.enable",
      entity: "user",
      entityId: userId,
    }),
    // Disabling takes effect at once: every session of the account ends now.
    ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : []),
  ];
  await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]]);
}
