// Accounts, sessions, grants, single-use links and the audit log.
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { ROLES } from "../vocab/roles";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Lower-cased, NFC. */
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    /** `scrypt$N$r$p$salt$hash`; null until an invitation is accepted. */
    passwordHash: text("password_hash"),
    memberId: text("member_id"),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email)],
);

/** Sessions after Lucia's guide: the token is `id.secret`, only SHA-256(secret) is kept. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    userId: text("user_id").notNull(),
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
    lastVerifiedAt: integer("last_verified_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const grants = sqliteTable(
  "grants",
  {
    id: id(),
    userId: text("user_id").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** The subtree the role applies to; null for tenant-wide roles (admin). */
    unitId: text("unit_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("grants_user_idx").on(t.userId),
    uniqueIndex("grants_uq").on(t.userId, t.role, t.unitId),
  ],
);

/** Single-use links: invitations (create an account with a role) and password resets.
 *  Only SHA-256 of the token is kept; the token itself is shown once to its issuer. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    kind: text("kind", { enum: ["invite", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }),
    unitId: text("unit_id"),
    memberId: text("member_id"),
    userId: text("user_id"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_uq").on(t.tokenHash),
    index("account_tokens_kind_idx").on(t.kind),
  ],
);

/** Every write: who, when, what, before and after. Plan text never lands here (ids and
 *  hashes only), so the log can be shown to admins without exposing self-criticism. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: text("before_json"),
    after: text("after_json"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);
