// Campaigns and what hangs off them: templates, tasks, members' forms and their versions,
// reviews, reports upward, comments, meetings and roll-calls; then notifications, the reminder
// ledger, the outbox, settings, and the progress snapshots the cron stores (the dashboard's
// stored figures are in progress.ts).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, figureColumns, id, stepTarget, updatedAt } from "./columns";
import { CAMPAIGN_STATUSES, PRESENCES, REVIEW_RATINGS } from "../vocab/campaigns";
import { SUBMISSION_STATUSES } from "../vocab/tasks";

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
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
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
    ...stepTarget(),
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
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull(),
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
    // The routed lists (supervisors, the public page) walk confirmed plans in id order, a
    // page at a time: this index holds only those, so a page never steps over drafts.
    index("submissions_confirmed_idx")
      .on(t.id)
      .where(sql`${t.confirmedVersion} IS NOT NULL`),
  ],
);

/** The cell's confirmation of a plan, one row per confirmation (a plan edited after it is
 *  confirmed again): the cell's opinion and who signed for the cell, with the name and
 *  position as they stood that day, for the printout's "T/M CHI BỘ / <position>". */
export const planConfirmations = sqliteTable(
  "plan_confirmations",
  {
    id: id(),
    submissionId: text("submission_id").notNull(),
    version: integer("version").notNull(),
    opinion: text("opinion").notNull(),
    confirmedBy: text("confirmed_by").notNull(),
    signerName: text("signer_name").notNull(),
    signerPosition: text("signer_position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("plan_confirmations_submission_idx").on(t.submissionId, t.createdAt)],
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
    rating: text("rating", { enum: REVIEW_RATINGS }).notNull(),
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
    /** 1, 2…: a step may need several sessions (003's "02 buổi", monthly meetings). */
    session: integer("session").notNull().default(1),
    scheduledAt: integer("scheduled_at", { mode: "timestamp_ms" }),
    place: text("place"),
    format: text("format"),
    materialsSentAt: integer("materials_sent_at", { mode: "timestamp_ms" }),
    soTayLink: text("so_tay_link"),
    soTayPostedAt: integer("so_tay_posted_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    mergedWithRegular: integer("merged_with_regular", { mode: "boolean" }),
    /** JSON list of the kinds of meeting it was merged into (schema/vocab/merge-kinds). */
    mergedWith: text("merged_with_json"),
    minutesSecretary: text("minutes_secretary"),
    /** JSON list of the template's agenda items covered: [{ no (1-based), presenter }]. */
    agenda: text("agenda_json"),
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
    uniqueIndex("meetings_session_uq").on(t.campaignId, t.unitId, t.stepKey, t.session),
    index("meetings_unit_idx").on(t.unitId),
  ],
);

/** Roll-call and speaking: one row per member called. Excused members leave the denominator. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: text("meeting_id").notNull(),
    memberId: text("member_id").notNull(),
    presence: text("presence", { enum: PRESENCES }).notNull(),
    reason: text("reason"),
    /** A member of the unit's committee (cấp ủy viên): 004 needs all of them to speak. */
    isCommittee: integer("is_committee", { mode: "boolean" }).notNull().default(false),
    /** 1-based order of speaking; null if the member did not speak. */
    spokeOrder: integer("spoke_order"),
    /** The template's attendance line this person fills (004's Chủ tịch UBND…). */
    role: text("role"),
    /** Presented their own plan at the meeting (000 Bước 3: each member in turn). */
    presentedPlan: integer("presented_plan", { mode: "boolean" }).notNull().default(false),
    /** The collective commented on this member's plan (000 Bước 3). */
    commentedOn: integer("commented_on", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("meeting_attendance_uq").on(t.meetingId, t.memberId),
    // A member's meetings, marked when their leadership rank changes (progress-marks.ts).
    index("meeting_attendance_member_idx").on(t.memberId),
  ],
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
    /** An event's e-mail still to make: `now` (the person's choice, next pass), `digest` (in
     *  the day's digest, after ICT midnight); null when none is owed or it is made. */
    mail: text("mail", { enum: ["now", "digest"] }),
    /** 1 while an event's notice is still to queue for the tenant's webhook (set only when one
     *  is configured; the cron queues it and clears the mark in one batch). */
    hook: integer("hook"),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_mail_idx")
      .on(t.mail, t.userId)
      .where(sql`${t.mail} IS NOT NULL`),
    index("notifications_hook_idx")
      .on(t.createdAt)
      .where(sql`${t.hook} IS NOT NULL`),
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

/** Tenant settings (quiet hours, webhook), one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value_json").notNull(),
  updatedAt: updatedAt(),
});

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
