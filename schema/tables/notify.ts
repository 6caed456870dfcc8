// Notifications, the reminder ledger, the outbox and tenant settings.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";

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

/** Tenant settings (quiet hours, webhook), one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value_json").notNull(),
  updatedAt: updatedAt(),
});
