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
import { drainMarked, type NoticeRide } from "./notice-mail";

/** Notices queued per round trip. */
const NOTICE_HOOK_PAGE = 200;

interface HookRow {
  id: string;
  userId: string;
  kind: string;
  title: string;
  campaignId: string | null;
  createdAt: number;
}

/** The webhook's body for one event notice: who is told, of what kind, and its title. */
const noticeHookPayload = (r: HookRow) =>
  JSON.stringify({
    type: "event-notice",
    kind: r.kind,
    notificationId: r.id,
    userId: r.userId,
    campaignId: r.campaignId,
    title: r.title,
    at: new Date(r.createdAt).toISOString(),
  });

/** The next page of notices owed to the webhook (a statement that may ride on a batch). */
export const hookPage = (db: TenantDb, page = NOTICE_HOOK_PAGE): BatchItem =>
  db.all(sql`SELECT id, user_id AS userId, kind, title, campaign_id AS campaignId,
      created_at AS createdAt
    FROM notifications WHERE hook IS NOT NULL
    ORDER BY created_at LIMIT ${page}`) as unknown as BatchItem;

/** Queues the notices owed to the webhook, a page a round trip, under the settings the pass
 *  read; how many outbox rows it made. */
export async function hookNotices(
  db: TenantDb,
  now: Date,
  /** The tenant's notify settings, as the pass already read them. */
  settings: NotifySettings,
  page = NOTICE_HOOK_PAGE,
  ride: NoticeRide = {},
): Promise<number> {
  const read = () => hookPage(db, page);
  const first = (ride.first ?? (await read())) as unknown as HookRow[];
  if (!first.length) return 0;
  const url = settings.webhookUrl;
  if (!url) {
    const clear = db.run(sql`UPDATE notifications SET hook = NULL WHERE hook IS NOT NULL`);
    if (ride.later) ride.later.push(clear as unknown as BatchItem);
    else await clear;
    return 0;
  }
  return drainMarked(db, {
    ride,
    first,
    read,
    make: (rows) =>
      rows.map((r) => ({ to: url, key: `webhook:${r.id}`, payload: noticeHookPayload(r) })),
    mark: "hook",
    channel: "webhook",
    at: nextSendTime(now, settings.quietHours).getTime(),
    now,
  });
}
