// People: the unit tree, its members with their dated status changes, accounts, sessions,
// grants, single-use links and the audit log.
import { desc } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import {
  MEMBER_STATUSES,
  UNIT_KINDS,
  LEVELS,
  MANAGEMENT_CATEGORIES,
  SUPERVISING_BODIES,
  DEFAULT_NOTIFY_MODE,
  NOTIFY_MODES,
} from "../vocab/people";
import { ROLES } from "../vocab/roles";
import { POSITION_CODES } from "../vocab/positions";

export const units = sqliteTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    parentId: text("parent_id"),
    /** Materialised path `/rootId/…/id/`: a subtree is one indexed prefix range. */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    /** YYYY-MM-DD (ICT) from which the unit no longer counts; history stays. */
    closedOn: text("closed_on"),
    /** A supervising body (MTTQ, Công đoàn, Ban Tuyên giáo…) and its level: what routing
     *  reads to decide which plans the body's supervisors see; null for other units. */
    bodyCode: text("body_code", { enum: SUPERVISING_BODIES }),
    bodyLevel: text("body_level", { enum: LEVELS }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("units_parent_idx").on(t.parentId),
    index("units_path_idx").on(t.path),
    index("units_closed_on_idx").on(t.closedOn),
  ],
);

export const members = sqliteTable(
  "members",
  {
    id: id(),
    fullName: text("full_name").notNull(),
    /** Lower-case, diacritics folded (đ → d): what name search compares against. */
    searchName: text("search_name").notNull(),
    birthYear: integer("birth_year"),
    email: text("email"),
    phone: text("phone"),
    unitId: text("unit_id").notNull(),
    /** The post as typed, for display; routing reads `positionCode`. */
    position: text("position"),
    /** The post in the controlled list (schema/vocab/positions.ts); null when not on it. */
    positionCode: text("position_code", { enum: POSITION_CODES }),
    /** Lower speaks first: the directives have leaders present first. */
    leadershipRank: integer("leadership_rank").notNull().default(100),
    status: text("status", { enum: MEMBER_STATUSES }).notNull(),
    statusSince: text("status_since"),
    managedByStandingCommittee: integer("managed_by_standing_committee", { mode: "boolean" })
      .notNull()
      .default(false),
    /** Diện quản lý. Null with `managedByStandingCommittee` set reads as diện BTV: rows
     *  written before the category existed (worker/domain/supervision.ts). */
    managementCategory: text("management_category", { enum: MANAGEMENT_CATEGORIES }),
    mustPublishPlan: integer("must_publish_plan", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("members_unit_idx").on(t.unitId),
    index("members_email_idx").on(t.email),
    index("members_search_idx").on(t.searchName),
  ],
);

/** Status changes with the date each took effect, so eligibility on any date follows from
 *  data (a member excused from 15/4 leaves the counts from 15/4, not from when it was typed). */
export const memberStatusHistory = sqliteTable(
  "member_status_history",
  {
    id: id(),
    memberId: text("member_id").notNull(),
    status: text("status", { enum: MEMBER_STATUSES }).notNull(),
    /** YYYY-MM-DD (ICT) from which the status holds. */
    since: text("since").notNull(),
    note: text("note"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
  },
  (t) => [
    index("member_status_member_idx").on(t.memberId, t.since),
    // The status on a date (data/campaign-targets.ts statusOnDate): which members changed
    // status after it (a range on `since`), then their latest row up to it, read off a
    // covering index in the order the lookup wants — no sort, no table visit.
    index("member_status_since_idx").on(t.since),
    index("member_status_latest_idx").on(t.memberId, desc(t.since), desc(t.at), t.status),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: id(),
    /** Lower-cased, NFC. Null for an account signed in by phone (issue 12: most older
     *  members have a phone, not an e-mail); an account has at least one of the two. */
    email: text("email"),
    /** E.164 (`+849…`), see schema/rules/phone.ts: the other sign-in name. */
    phone: text("phone"),
    fullName: text("full_name").notNull(),
    /** `scrypt$N$r$p$salt$hash`; null until an invitation is accepted. */
    passwordHash: text("password_hash"),
    memberId: text("member_id"),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    /** The TOTP key of the second factor (worker/auth/totp.ts), sealed with the platform's
     *  key and bound to the account's id: a copy of this database alone opens no key. Null:
     *  no second factor. A secret: never listed, exported or logged. */
    totpKey: text("totp_key"),
    /** The last 30-second step a code was accepted for: a code is good once (no replay). */
    totpLastStep: integer("totp_last_step"),
    /** SHA-256 of the recovery code shown once at enrolment; using it removes the factor. */
    totpRecoveryHash: blob("totp_recovery_hash", { mode: "buffer" }),
    /** How the person hears of events beside the app (schema/vocab/people.ts). */
    notifyMode: text("notify_mode", { enum: NOTIFY_MODES }).notNull().default(DEFAULT_NOTIFY_MODE),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    uniqueIndex("users_phone_uq").on(t.phone),
    // Which members have an account: bulk invitations and reset slips look up by member.
    index("users_member_idx").on(t.memberId),
  ],
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
    /** Password accepted, second factor not yet: such a session reaches only the routes that
     *  verify the code (and logout), and lives a few minutes. */
    twoFactorPending: integer("two_factor_pending", { mode: "boolean" }).notNull().default(false),
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
    // Who holds a role on a unit (a cell's secretaries, the admins): whom an event notifies.
    index("grants_role_unit_idx").on(t.role, t.unitId),
  ],
);

/** A member's consent that the cell's secretary may write and submit their plan for them,
 *  although they have an account of their own (entry on behalf is otherwise only for members
 *  without one). One row while consent holds; withdrawing deletes it (the audit log keeps
 *  both). Given by the member from their own account, so no one can claim it for them. */
export const onBehalfConsents = sqliteTable("on_behalf_consents", {
  memberId: text("member_id").primaryKey(),
  /** The account that gave it: the member's own. */
  givenBy: text("given_by").notNull(),
  /** How it was given: only from the member's own account for now. */
  means: text("means", { enum: ["member-account"] }).notNull(),
  givenAt: integer("given_at", { mode: "timestamp_ms" }).notNull(),
});

/** Single-use links: invitations (create an account with a role) and password resets.
 *  Only SHA-256 of the token is kept; the token itself is shown once to its issuer. A printed
 *  slip's short code is a token too (`short`: 8 characters, so it gets the short lifetime
 *  and the login throttle); `email` is null for an invitation handed out on paper. */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    kind: text("kind", { enum: ["invite", "reset"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    email: text("email"),
    short: integer("short", { mode: "boolean" }).notNull().default(false),
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
    index("account_tokens_member_idx").on(t.memberId),
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
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId),
    index("audit_at_idx").on(t.at),
    // One person's changes, newest first, a page at a time (the log's filter by person).
    index("audit_actor_idx").on(t.actorUserId, t.id),
  ],
);
