// Accounts, role grants, invitations and password resets. Invitation and reset links are
// single-use: the token's SHA-256 is stored, and using it is one conditional UPDATE, so two
// clicks racing on one link cannot both succeed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { accountTokens, grants, members, sessions, units, users } from "../../schema/tables/tenant";
import { hashPassword, verifyPassword } from "../auth/password";
import type { TenantDb } from "../db/handles";
import { inScope, type Scope } from "../domain/scope";
import type { Role } from "../env";
import { DomainError, notFound } from "../errors";
import { auditInsert, type AuditEntry } from "./audit";
import { newId } from "./ids";
import { requireUnitInScope } from "./units";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;

type Audit = Omit<AuditEntry, "action" | "entity">;
const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
const newToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
const tokenInvalid = () =>
  new DomainError("TOKEN_INVALID", "Đường dẫn đã hết hạn, đã được dùng hoặc đã bị thu hồi.");

export interface InvitationInput {
  memberId?: string;
  email: string;
  role: Role;
  unitId?: string;
}

/** Who may invite whom: an admin any role; a secretary only members of its own subtree. */
export async function createInvitation(
  db: TenantDb,
  input: InvitationInput,
  caller: { isAdmin: boolean; secretaryScope: Scope },
  audit: Audit,
  now: Date,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const scope = caller.isAdmin ? { all: true, paths: [] } : caller.secretaryScope;
  if (!caller.isAdmin && input.role !== "member")
    throw new DomainError("ROLE_SCOPE", "Bí thư chỉ được mời đảng viên trong chi bộ của mình.");
  let unitId = input.unitId ?? null;
  if (input.memberId) {
    const [m] = await db
      .select({ unitId: members.unitId, path: units.path })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(eq(members.id, input.memberId));
    if (!m || !inScope(scope, m.path)) throw notFound("Không tìm thấy đảng viên.");
    unitId ??= m.unitId;
  }
  if (input.role === "admin") unitId = null;
  else if (!unitId)
    throw new DomainError("INVALID_BODY", "Cần chọn đơn vị cho vai trò này.", {
      unitId: "Bắt buộc phải có.",
    });
  else await requireUnitInScope(db, unitId, scope);

  const token = newToken();
  const row = {
    id: newId(),
    kind: "invite" as const,
    tokenHash: hashToken(token),
    email: input.email,
    role: input.role,
    unitId,
    memberId: input.memberId ?? null,
    userId: null,
    createdBy: audit.actorUserId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    usedAt: null,
    revokedAt: null,
  };
  await db.batch([
    db.insert(accountTokens).values(row),
    auditInsert(
      db,
      {
        ...audit,
        action: "invitation.create",
        entity: "invitation",
        entityId: row.id,
        after: { email: row.email, role: row.role, unitId, memberId: row.memberId },
      },
      now,
    ),
  ]);
  return { id: row.id, token, expiresAt: row.expiresAt };
}

export async function listInvitations(db: TenantDb, scope: Scope) {
  const rows = await db
    .select({ t: accountTokens, path: units.path })
    .from(accountTokens)
    .leftJoin(units, eq(units.id, accountTokens.unitId))
    .where(eq(accountTokens.kind, "invite"))
    .orderBy(desc(accountTokens.createdAt));
  return rows
    .filter((r) => scope.all || (r.path !== null && inScope(scope, r.path)))
    .map(({ t }) => ({
      id: t.id,
      email: t.email,
      role: t.role,
      unitId: t.unitId,
      memberId: t.memberId,
      expiresAt: t.expiresAt,
      acceptedAt: t.usedAt,
      revokedAt: t.revokedAt,
    }));
}

export async function revokeInvitation(
  db: TenantDb,
  id: string,
  scope: Scope,
  audit: Audit,
  now: Date,
) {
  const [row] = await db
    .select({ t: accountTokens, path: units.path })
    .from(accountTokens)
    .leftJoin(units, eq(units.id, accountTokens.unitId))
    .where(and(eq(accountTokens.id, id), eq(accountTokens.kind, "invite")));
  if (!row || !(scope.all || (row.path !== null && inScope(scope, row.path))))
    throw notFound("Không tìm thấy lời mời.");
  await db.batch([
    db
      .update(accountTokens)
      .set({ revokedAt: now })
      .where(and(eq(accountTokens.id, id), isNull(accountTokens.revokedAt))),
    auditInsert(
      db,
      { ...audit, action: "invitation.revoke", entity: "invitation", entityId: id },
      now,
    ),
  ]);
}

/** Claims a live token of `kind` — at most once, whoever races for it. */
async function claimToken(db: TenantDb, token: string, kind: "invite" | "reset", now: Date) {
  const [claimed] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!claimed) throw tokenInvalid();
  return claimed;
}

/** Accepting sets the password of a new account, or — for someone who already has one —
 *  adds the role after checking their current password. Returns the user's id. */
export async function acceptInvitation(
  db: TenantDb,
  token: string,
  password: string,
  now: Date,
): Promise<string> {
  const invitation = await claimToken(db, token, "invite", now);
  try {
    const [existing] = await db.select().from(users).where(eq(users.email, invitation.email));
    if (existing?.disabledAt) throw new DomainError("FORBIDDEN", "Tài khoản này đã bị khóa.");
    if (existing?.passwordHash && !(await verifyPassword(existing.passwordHash, password)))
      throw new DomainError(
        "INVALID_CREDENTIALS",
        "Bạn đã có tài khoản: hãy nhập đúng mật khẩu hiện tại để nhận vai trò mới.",
      );
    const userId = existing?.id ?? newId();
    const [member] = invitation.memberId
      ? await db
          .select({ fullName: members.fullName })
          .from(members)
          .where(eq(members.id, invitation.memberId))
      : [];
    const writes = [
      existing
        ? db
            .update(users)
            .set({
              passwordHash: existing.passwordHash ?? (await hashPassword(password)),
              memberId: existing.memberId ?? invitation.memberId,
              updatedAt: now,
            })
            .where(eq(users.id, userId))
        : db.insert(users).values({
            id: userId,
            email: invitation.email,
            fullName: member?.fullName ?? invitation.email,
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
    await db.update(accountTokens).set({ usedAt: null }).where(eq(accountTokens.id, invitation.id));
    throw err;
  }
}

export async function issueReset(db: TenantDb, userId: string, audit: Audit, now: Date) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("Không tìm thấy tài khoản.");
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
      createdBy: audit.actorUserId,
      createdAt: now,
      expiresAt,
    }),
    auditInsert(
      db,
      { ...audit, action: "account.reset-link", entity: "user", entityId: userId },
      now,
    ),
  ]);
  return { token, expiresAt };
}

/** Sets a new password from a reset link and ends every session of that account. */
export async function resetPassword(
  db: TenantDb,
  token: string,
  password: string,
  now: Date,
): Promise<string> {
  const claimed = await claimToken(db, token, "reset", now);
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
    fullName: u.fullName,
    memberId: u.memberId,
    disabledAt: u.disabledAt,
    grants: grantRows
      .filter((g) => g.userId === u.id)
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId })),
  }));
}

export async function setDisabled(
  db: TenantDb,
  userId: string,
  disabled: boolean,
  callerId: string,
  audit: Audit,
  now: Date,
) {
  if (disabled && userId === callerId)
    throw new DomainError("RULE_VIOLATION", "Bạn không thể tự khóa tài khoản của mình.");
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("Không tìm thấy tài khoản.");
  const writes = [
    db
      .update(users)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(eq(users.id, userId)),
    auditInsert(
      db,
      {
        ...audit,
        action: disabled ? "account.disable" : "account.enable",
        entity: "user",
        entityId: userId,
      },
      now,
    ),
    // Disabling takes effect at once: every session of the account ends now.
    ...(disabled ? [db.delete(sessions).where(eq(sessions.userId, userId))] : []),
  ];
  await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]]);
}

export async function addGrant(
  db: TenantDb,
  userId: string,
  input: { role: Role; unitId?: string },
  audit: Audit,
  now: Date,
) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound("Không tìm thấy tài khoản.");
  const unitId = input.role === "admin" ? null : (input.unitId ?? null);
  if (input.role !== "admin") {
    if (!unitId)
      throw new DomainError("INVALID_BODY", "Cần chọn đơn vị cho vai trò này.", {
        unitId: "Bắt buộc phải có.",
      });
    await requireUnitInScope(db, unitId, { all: true, paths: [] });
  }
  const id = newId();
  const [inserted] = await db.batch([
    db
      .insert(grants)
      .values({ id, userId, role: input.role, unitId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: grants.id }),
    auditInsert(
      db,
      {
        ...audit,
        action: "grant.add",
        entity: "user",
        entityId: userId,
        after: { role: input.role, unitId },
      },
      now,
    ),
  ]);
  if (!inserted[0]) throw new DomainError("CONFLICT", "Tài khoản đã có vai trò này.");
  return { id, role: input.role, unitId };
}

export async function removeGrant(
  db: TenantDb,
  userId: string,
  grantId: string,
  callerId: string,
  audit: Audit,
  now: Date,
) {
  const [grant] = await db
    .select()
    .from(grants)
    .where(and(eq(grants.id, grantId), eq(grants.userId, userId)));
  if (!grant) throw notFound("Không tìm thấy vai trò.");
  if (grant.role === "admin" && userId === callerId)
    throw new DomainError("RULE_VIOLATION", "Bạn không thể tự bỏ quyền quản trị của mình.");
  await db.batch([
    db.delete(grants).where(eq(grants.id, grantId)),
    auditInsert(
      db,
      {
        ...audit,
        action: "grant.remove",
        entity: "user",
        entityId: userId,
        before: { role: grant.role, unitId: grant.unitId },
      },
      now,
    ),
  ]);
}
