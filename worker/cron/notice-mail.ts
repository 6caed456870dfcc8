// The e-mails events owe (worker/data/event-notices.ts marks them on the notification): for
// a person who chose e-mail at once, one per notification at the next pass; for one who chose
// the daily digest, one e-mail per person per ICT day gathering what came before that day's
// midnight. Exactly once, even when the pass runs twice: a notification's mark is cleared in
// the same transaction as its outbox row is written, and each row's idempotency key (the
// notification; the person and the day) is unique in the outbox. E-mails carry titles only:
// bodies (a return comment) stay in the app. Without an e-mail transport, or with the
// tenant's e-mail switched off, the marks are dropped: the notifications stay in the app.
// Memory is a page of people; a round trip per page, and none more when nothing is owed.
import { sql } from "drizzle-orm";
import { formatDateVi, ictDate, DAY_MS } from "../../schema/rules/deadlines";
import type { BatchItem, TenantDb } from "../db/handles";
import type { NotifySettings } from "../data/settings";
import { nextSendTime } from "../domain/reminders";
import { nextIctMidnight } from "./due";
import { chunks } from "../data/sql";

/** People whose owed e-mails are made per page (each one's rows on one page). */
export const NOTICE_MAIL_PAGE = 200;
const ROWS_PER_INSERT = 200;
const FOOTER = "\n\nXem chi tiết trong ứng dụng Sinh hoạt chính trị.";

interface OwedRow {
  id: string;
  userId: string;
  title: string;
  mail: "now" | "digest";
  email: string | null;
}

/** What is owed by `now`: every `now` mark, and `digest` marks from before today (ICT). */
const owed = (todayStart: number, t: "n" | "notifications") =>
  sql`(${sql.raw(t)}.mail = 'now'
    OR (${sql.raw(t)}.mail = 'digest' AND ${sql.raw(t)}.created_at < ${todayStart}))`;

/** The next page of people's owed notifications (a statement that may ride on a batch). */
export const owedPage = (db: TenantDb, now: Date, page = NOTICE_MAIL_PAGE): BatchItem => {
  const todayStart = nextIctMidnight(now) - DAY_MS;
  return db.all(sql`SELECT n.id, n.user_id AS userId, n.title, n.mail, u.email
      FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE ${owed(todayStart, "n")} AND n.user_id IN (SELECT DISTINCT user_id
        FROM notifications WHERE ${owed(todayStart, "notifications")}
        ORDER BY user_id LIMIT ${page})
      ORDER BY n.user_id, n.created_at`) as unknown as BatchItem;
};

/** What a notice queue shares with the pass around it: its first page as the pass already
 *  read it, where to leave a write nothing after it reads (for the pass's next batch), and a
 *  read that rides at the end of each of its batches (the outbox's due page), whose last
 *  result it leaves in `tailResult`. */
export interface NoticeRide {
  first?: unknown;
  later?: BatchItem[];
  tail?: BatchItem;
  tailResult?: unknown;
}

/** Makes the owed e-mails, a page of people a round trip, under the settings the pass read. */
export async function mailNotices(
  db: TenantDb,
  now: Date,
  channels: { email: boolean },
  /** The tenant's notify settings, as the pass already read them (with the reminders). */
  settings: NotifySettings,
  page = NOTICE_MAIL_PAGE,
  ride: NoticeRide = {},
): Promise<{ emails: number }> {
  const read = () => owedPage(db, now, page);
  const first = (ride.first ?? (await read())) as unknown as OwedRow[];
  if (!first.length) return { emails: 0 };
  if (!channels.email || !settings.email) {
    const clear = db.run(sql`UPDATE notifications SET mail = NULL WHERE mail IS NOT NULL`);
    if (ride.later) ride.later.push(clear as unknown as BatchItem);
    else await clear;
    return { emails: 0 };
  }
  const at = nextSendTime(now, settings.quietHours).getTime();
  const emails = await drainMarked(db, {
    ride,
    first,
    read,
    make: (rows) => owedMails(rows, now, at),
    mark: "mail",
    channel: "email",
    at,
    now,
  });
  return { emails };
}

/** An outbox row a page of marked notifications makes. */
export interface OwedMessage {
  to: string;
  key: string;
  payload: string;
}

/**
 * Drains marked notifications a page a round trip: each batch writes one page's outbox rows
 * (their idempotency keys unique, so a second pass adds nothing), clears that page's marks and
 * reads the next page. Returns how many rows it made.
 */
export async function drainMarked<R extends { id: string }>(
  db: TenantDb,
  o: {
    ride?: NoticeRide;
    first: R[];
    read: () => BatchItem;
    make: (rows: R[]) => OwedMessage[];
    mark: "mail" | "hook";
    channel: "email" | "webhook";
    /** When the rows may leave (quiet hours), epoch ms. */
    at: number;
    now: Date;
  },
): Promise<number> {
  let made = 0;
  for (let rows = o.first; rows.length;) {
    const messages = o.make(rows);
    made += messages.length;
    const results = (await db.batch([
      ...chunks(messages, ROWS_PER_INSERT).map((part) =>
        db.run(sql`INSERT INTO outbox (id, channel, recipient, payload_json, idempotency_key,
            attempts, next_attempt_at, created_at)
          VALUES ${sql.join(
            part.map(
              (m) =>
                sql`(lower(hex(randomblob(10))), ${o.channel}, ${m.to}, ${m.payload}, ${m.key}, 0, ${o.at}, ${o.now.getTime()})`,
            ),
            sql`, `,
          )}
          ON CONFLICT DO NOTHING`),
      ),
      ...chunks(rows, ROWS_PER_INSERT * 5).map((part) =>
        db.run(
          sql`UPDATE notifications SET ${sql.raw(o.mark)} = NULL WHERE id IN (${sql.join(
            part.map((r) => sql`${r.id}`),
            sql`, `,
          )})`,
        ),
      ),
      o.read(),
      ...(o.ride?.tail ? [o.ride.tail] : []),
    ] as unknown as [BatchItem, ...BatchItem[]])) as unknown[];
    if (o.ride?.tail) o.ride.tailResult = results.pop();
    rows = results.at(-1) as R[];
  }
  return made;
}

/** The e-mails one page of owed notifications makes: one per `now` row, one digest per
 *  person for the `digest` rows. */
function owedMails(rows: OwedRow[], now: Date, at: number) {
  const out: OwedMessage[] = [];
  const digests = new Map<string, { to: string; titles: string[] }>();
  for (const r of rows) {
    if (!r.email) continue;
    if (r.mail === "now") {
      out.push({
        to: r.email,
        key: `email:${r.id}`,
        payload: JSON.stringify({ subject: r.title, text: r.title + FOOTER }),
      });
    } else {
      const d = digests.get(r.userId) ?? { to: r.email, titles: [] };
      d.titles.push(r.title);
      digests.set(r.userId, d);
    }
  }
  const day = ictDate(new Date(at));
  for (const [userId, d] of digests)
    out.push({
      to: d.to,
      key: `notice-digest:${userId}:${day}`,
      payload: JSON.stringify({
        subject: `Thông báo tổng hợp ngày ${formatDateVi(now)}: ${d.titles.length} thông báo`,
        text: d.titles.map((t) => `• ${t}`).join("\n") + FOOTER,
      }),
    });
  return out;
}
