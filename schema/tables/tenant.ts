// Tenant tables: one database per đảng bộ holds all of its people and their work. Nothing
// here names a tenant: the database itself is the tenant boundary.
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, figureColumns, id, updatedAt } from "./columns";

export const units = sqliteTable(
  "units",
  {
    id: id(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    parentId: text("parent_id"),
    /** Materialised path `/rootId/…/id/`: a subtree is one indexed prefix range. */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    /** YYYY-MM-DD (ICT) from which the unit no longer counts; history stays. */
    closedOn: text("closed_on"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("units_parent_idx").on(t.parentId), index("units_path_idx").on(t.path)],
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
    position: text("position"),
    /** Lower speaks first: the directives have leaders present first. */
    leadershipRank: integer("leadership_rank").notNull().default(100),
    status: text("status").notNull(),
    statusSince: text("status_since"),
    managedByStandingCommittee: integer("managed_by_standing_committee", { mode: "boolean" })
      .notNull()
      .default(false),
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
    role: text("role", {
      enum: ["admin", "secretary", "member", "supervisor", "viewer"],
    }).notNull(),
    /** The subtree the role applies to; null for tenant-wide roles (admin). */
    unitId: text("unit_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("grants_user_idx").on(t.userId),
    uniqueIndex("grants_uq").on(t.userId, t.role, t.unitId),
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

/** Status changes with the date each took effect, so eligibility on any date follows from
 *  data (a member excused from 15/4 leaves the counts from 15/4, not from when it was typed). */
export const memberStatusHistory = sqliteTable(
  "member_status_history",
  {
    id: id(),
    memberId: text("member_id").notNull(),
    status: text("status").notNull(),
    /** YYYY-MM-DD (ICT) from which the status holds. */
    since: text("since").notNull(),
    note: text("note"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
  },
  (t) => [index("member_status_member_idx").on(t.memberId, t.since)],
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
    role: text("role"),
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

/** A tenant's own templates (clones of built-ins, edited). Built-ins live in code
 *  (schema/templates) and are never stored; a version in use by a campaign is never changed:
 *  editing it writes the next version. */
export const templates = sqliteTable(
  "templates",
  {
    key: text("key").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    definition: text("definition_json").notNull(),
    basedOnKey: text("based_on_key"),
    basedOnVersion: integer("based_on_version"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("templates_key_version_uq").on(t.key, t.version)],
);

/** A campaign keeps the template definition it was created from (a frozen snapshot), so
 *  later edits of the template never change a running campaign. */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: id(),
    templateKey: text("template_key").notNull(),
    templateVersion: integer("template_version").notNull(),
    definition: text("definition_json").notNull(),
    name: text("name").notNull(),
    documentNo: text("document_no"),
    startsOn: text("starts_on").notNull(),
    dueOn: text("due_on").notNull(),
    /** Per-step due dates set by the admin (YYYY-MM-DD, read with the step's rule). */
    overrides: text("overrides_json"),
    status: text("status", { enum: ["draft", "active", "closed"] }).notNull(),
    /** The parent tenant's directive this campaign adopts, if any (its id in the control plane). */
    directiveId: text("directive_id"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    launchedAt: integer("launched_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("campaigns_status_idx").on(t.status)],
);

/** The subtrees a campaign targets. */
export const campaignUnits = sqliteTable(
  "campaign_units",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
  },
  (t) => [uniqueIndex("campaign_units_uq").on(t.campaignId, t.unitId)],
);

/** One row per step per unit (unit-owned steps) or per member (member-owned steps), made
 *  at launch and for members who join later. `memberId` is '' for unit tasks so that the
 *  unique key works (SQLite treats NULLs as distinct). */
export const tasks = sqliteTable(
  "tasks",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    stepKey: text("step_key").notNull(),
    unitId: text("unit_id").notNull(),
    memberId: text("member_id").notNull().default(""),
    dueAt: integer("due_at", { mode: "timestamp_ms" }),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tasks_uq").on(t.campaignId, t.stepKey, t.unitId, t.memberId),
    index("tasks_member_idx").on(t.memberId),
    index("tasks_unit_idx").on(t.unitId, t.campaignId),
  ],
);

/** A member's form in a campaign (plan, self-assessment, commitment…): the current state;
 *  every saved version is in submission_versions. Plan text is sensitive personal data:
 *  it lives only here and in the versions, never in logs, audit rows or notifications. */
export const submissions = sqliteTable(
  "submissions",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    memberId: text("member_id").notNull(),
    formKey: text("form_key").notNull(),
    formVersion: integer("form_version").notNull(),
    status: text("status", { enum: ["draft", "submitted", "returned", "confirmed"] }).notNull(),
    version: integer("version").notNull(),
    data: text("data_json").notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    /** When the current content was first submitted on time or late: kept across returns. */
    firstSubmittedAt: integer("first_submitted_at", { mode: "timestamp_ms" }),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    confirmedBy: text("confirmed_by"),
    /** The version the cell confirmed and a SHA-256 of its content: the frozen text. */
    confirmedVersion: integer("confirmed_version"),
    confirmedHash: text("confirmed_hash"),
    returnComment: text("return_comment"),
    /** Set when a secretary entered it for a member without a phone. */
    enteredBy: text("entered_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("submissions_uq").on(t.campaignId, t.memberId, t.formKey),
    index("submissions_campaign_idx").on(t.campaignId, t.status),
  ],
);

export const submissionVersions = sqliteTable(
  "submission_versions",
  {
    id: id(),
    submissionId: text("submission_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    data: text("data_json").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorUserId: text("actor_user_id"),
    onBehalf: integer("on_behalf", { mode: "boolean" }).notNull().default(false),
    comment: text("comment"),
  },
  (t) => [uniqueIndex("submission_versions_uq").on(t.submissionId, t.version)],
);

/** A unit's meeting for a campaign step (the cell's "hội nghị", the đảng ủy's sinh hoạt…),
 *  with what the directives ask to be recorded: materials and their posting to the national
 *  Sổ tay đảng viên app (a link and a time), the actual start and end, whether it was merged
 *  into a regular meeting, guests, the minutes and the vote adopting them. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    stepKey: text("step_key").notNull(),
    scheduledAt: integer("scheduled_at", { mode: "timestamp_ms" }),
    place: text("place"),
    format: text("format"),
    materialsSentAt: integer("materials_sent_at", { mode: "timestamp_ms" }),
    soTayLink: text("so_tay_link"),
    soTayPostedAt: integer("so_tay_posted_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    mergedWithRegular: integer("merged_with_regular", { mode: "boolean" }),
    minutesSecretary: text("minutes_secretary"),
    guests: text("guests_json"),
    minutes: text("minutes"),
    voteFor: integer("vote_for"),
    voteAgainst: integer("vote_against"),
    voteAbstain: integer("vote_abstain"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("meetings_uq").on(t.campaignId, t.unitId, t.stepKey),
    index("meetings_unit_idx").on(t.unitId),
  ],
);

/** Roll-call and speaking: one row per member called. Excused members leave the denominator. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: text("meeting_id").notNull(),
    memberId: text("member_id").notNull(),
    presence: text("presence", { enum: ["present", "excused", "absent"] }).notNull(),
    reason: text("reason"),
    /** A member of the unit's committee (cấp ủy viên): 004 needs all of them to speak. */
    isCommittee: integer("is_committee", { mode: "boolean" }).notNull().default(false),
    /** 1-based order of speaking; null if the member did not speak. */
    spokeOrder: integer("spoke_order"),
  },
  (t) => [uniqueIndex("meeting_attendance_uq").on(t.meetingId, t.memberId)],
);

/** Follow-up of each member's plan: a note and a rating per period — "YYYY-MM" (monthly, in
 *  the regular cell meeting), "YYYY-H1"/"YYYY-H2" (6-monthly) and "YYYY" (year-end input to
 *  đánh giá, xếp loại). */
export const reviews = sqliteTable(
  "reviews",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    memberId: text("member_id").notNull(),
    period: text("period").notNull(),
    rating: text("rating").notNull(),
    note: text("note"),
    byUserId: text("by_user_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("reviews_uq").on(t.campaignId, t.memberId, t.period)],
);

/** A unit's report upward on the template's report form. */
export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    reportKey: text("report_key").notNull(),
    data: text("data_json").notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    submittedBy: text("submitted_by"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reports_uq").on(t.campaignId, t.unitId, t.reportKey)],
);

/** Góp ý on a plan: by supervisors it is routed to, or by the cell. Comments, like plans, are
 *  personal data: readable by the plan's author, its cell's secretaries, admins and the
 *  supervisors the plan is routed to. */
export const comments = sqliteTable(
  "comments",
  {
    id: id(),
    submissionId: text("submission_id").notNull(),
    authorUserId: text("author_user_id").notNull(),
    authorRole: text("author_role").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comments_submission_idx").on(t.submissionId)],
);

/** In-app notifications. `dedupeKey` makes every reminder idempotent: a cron pass that runs
 *  twice (Workers cron is at-least-once) creates each one once. Titles never carry plan text. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    campaignId: text("campaign_id"),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
  ],
);

/** Every reminder item ever decided, once: what the daily digest is made of. */
export const reminderLedger = sqliteTable(
  "reminder_ledger",
  {
    key: text("key").primaryKey(),
    userId: text("user_id").notNull(),
    day: text("day").notNull(),
    text: text("text").notNull(),
    /** The digest notification that carried it; null until one did. */
    notificationId: text("notification_id"),
    createdAt: createdAt(),
  },
  (t) => [index("reminder_ledger_pending_idx").on(t.notificationId, t.userId)],
);

/** E-mails and webhooks waiting to leave, with retries and backoff. The idempotency key is
 *  sent with every attempt so a receiver can drop a duplicate delivery. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    channel: text("channel", { enum: ["email", "webhook"] }).notNull(),
    recipient: text("recipient").notNull(),
    payload: text("payload_json").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    failedAt: integer("failed_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("outbox_key_uq").on(t.idempotencyKey),
    index("outbox_due_idx").on(t.sentAt, t.nextAttemptAt),
  ],
);

/** Progress of each campaign per unit subtree, stored by the cron with its time: dashboards
 *  read these, and the history chart has its points. */
export const progressSnapshots = sqliteTable(
  "progress_snapshots",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    ...figureColumns(),
  },
  (t) => [
    uniqueIndex("progress_snapshots_uq").on(t.campaignId, t.unitId, t.computedAt),
    index("progress_snapshots_latest_idx").on(t.campaignId, t.computedAt),
  ],
);

/** Tenant settings (quiet hours, webhook), one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value_json").notNull(),
  updatedAt: updatedAt(),
});

/** Each unit's own figures (its members, its meetings and reports — not its subtree) as of
 *  the last rollup, so the next one recomputes only the units whose inputs changed. */
export const rollupUnits = sqliteTable(
  "rollup_units",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    ...figureColumns(),
  },
  (t) => [uniqueIndex("rollup_units_uq").on(t.campaignId, t.unitId)],
);

/** What the last rollup of a campaign saw: its inputs' fingerprint and when. */
export const rollupState = sqliteTable("rollup_state", {
  campaignId: text("campaign_id").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
});
