// Accounts: listing, locking, password reset links, and the lookups login needs. Roles are
// in ./grants, invitations in ./invitations.
import { and, asc, eq, isNull } from "drizzle-orm";
import { accountTokens, grants, sessions, users } from "../../schema/tables/tenant";
import { hashPassword } from "../auth/password";
import type { LoginName } from "../../schema/rules/phone";
import type { TenantDb } from "../db/handles";
import { DomainError, notFound } from "../errors";
import { audit, auditInsert } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { claimToken, hashToken, newToken, RESET_TTL_MS } from "./tokens";

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
    // A new link replaces any earlier one still unused.
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
      ),
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
