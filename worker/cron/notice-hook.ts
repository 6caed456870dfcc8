// The event notices owed to the tenant's webhook (e.g. a Zalo OA relay): each notification an
// event made while a webhook was configured (worker/data/event-notices.ts marks it `hook`)
// becomes one outbox row, delivered, signed and retried (at most MAX_ATTEMPTS times) like the
// reminders (./outbox.ts). Exactly once, even when the pass runs twice: the mark is cleared in
// the same batch as the row is written, and the row's idempotency key (the notification) is
// unique in the outbox, and is sent as the Idempotency-Key header. The payload carries the
// notice's title only, never its body (a return comment) nor plan text. With the webhook
// removed since, the marks are dropped. A page of notices a round trip; none when none is owed.
import { sql } from "drizzle-orm";
import type { BatchItem, TenantDb } from "../db/handles";
import type { NotifySettings } from "../data/settings";
import { nextSendTime } from "../domain/reminders";
import { drainMarked, type NoticeQueue } from "./notice-mail";

/** Notices queued per round trip. */
export const NOTICE_HOOK_PAGE = 200;

interface HookRow {
  id: string;
  userId: string;
  kind: string;
  title: string;
  campaignId: string | null;
  createdAt: number;
}

/** The webhook's body for one event notice: who is told, of what kind, and its title. */
export const noticeHookPayload = (r: HookRow) =>
  JSON.stringify({
    type: "event-notice",
    kind: r.kind,
    notificationId: r.id,
    userId: r.userId,
    campaignId: r.campaignId,
    title: r.title,
    at: new Date(r.createdAt).toISOString(),
  });

export function hookQueue(
  db: TenantDb,
  now: Date,
  /** The tenant's notify settings, as the pass already read them. */
  settings: NotifySettings,
  page = NOTICE_HOOK_PAGE,
): NoticeQueue {
  const read = (): BatchItem =>
    db.all(sql`SELECT id, user_id AS userId, kind, title, campaign_id AS campaignId,
        created_at AS createdAt
      FROM notifications WHERE hook IS NOT NULL
      ORDER BY created_at LIMIT ${page}`) as unknown as BatchItem;
  const drain = async (first: unknown[]) => {
    const url = settings.webhookUrl;
    if (!url) {
      await db.run(sql`UPDATE notifications SET hook = NULL WHERE hook IS NOT NULL`);
      return 0;
    }
    return drainMarked(db, {
      first: first as HookRow[],
      read,
      make: (rows) =>
        rows.map((r) => ({ to: url, key: `webhook:${r.id}`, payload: noticeHookPayload(r) })),
      mark: "hook",
      channel: "webhook",
      at: nextSendTime(now, settings.quietHours).getTime(),
      now,
    });
  };
  return { read, drain };
}
