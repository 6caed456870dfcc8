// Reminders for one tenant: decide the items (./reminder-items.ts, domain/reminders.ts) a page
// of members at a time, record each once in the ledger, then give every person one digest
// notification with what is new — and, outside the tenant's quiet hours, the same digest by
// e-mail and webhook through the outbox. A pass does one page of members or of people and
// keeps where it got to (a cursor in the tenant's settings); while more remains the tenant is
// due again at once. Memory is one page; a pass makes at most four round trips (issue 13).
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { notifications, reminderLedger, users } from "../../schema/tables/tenant";
import type { Campaign } from "../data/campaigns";
import type { NotifySettings } from "../data/settings";
import { newId } from "../data/ids";
import type { BatchItem, TenantDb } from "../db/handles";
import { ictDate, formatDateVi } from "../domain/deadlines";
import { decideReminders, MEMBER_PAGE, reminderBasis } from "./reminder-items";
import { cursorOf, cursorRead, cursorWrite } from "./reminder-cursor";
import { outboundRows } from "./outbox";
import { jsonRows } from "../data/sql";

export interface ReminderReport {
  items: number;
  notifications: number;
}

/** People per page of the digest: their pending items are read, and their notifications,
 *  ledger marks and outbox rows written, a page at a time. */
export const DIGEST_PAGE = 2500;

/** A whole reminder day: passes one after another until none has more (tests and tools; the
 *  cron runs one pass a visit and comes back, worker/cron/index.ts). */
export async function runReminders(
  db: TenantDb,
  now: Date,
  channels: { email: boolean },
  pages: { members?: number; people?: number } = {},
): Promise<ReminderReport> {
  const report: ReminderReport = { items: 0, notifications: 0 };
  for (;;) {
    const pass = await remindersWithSettings(db, now, channels, pages);
    report.items += pass.report.items;
    report.notifications += pass.report.notifications;
    if (!pass.more) return report;
  }
}

/** One pass of the day, also giving the notify settings and the running campaigns it read
 *  (the outbox's and the rollup's, same pass), and whether more remains (`more`: the tenant
 *  is due again at once). A pass decides at most one page of members from the day's cursor
 *  and, once the day is decided, gives one page of people their digest. Round trips: one for
 *  the settings and the running campaigns (the cursor with them), one for the page of members
 *  with what it is decided from (none once the day is decided), one writing
 *  its ledger rows with the cursor moved on (one transaction: a pass killed before it reads
 *  the page again; after it, the next page) and reading the page of people, and the last
 *  writing their digests. */
export async function remindersWithSettings(
  db: TenantDb,
  now: Date,
  channels: { email: boolean },
  pages: { members?: number; people?: number } = {},
  /** Reads the pass makes next, carried by the reminders' last write (after it, in its
   *  transaction) or alone; their results in `ride`. */
  ride: BatchItem[] = [],
): Promise<{
  report: ReminderReport;
  notify: NotifySettings;
  running: Campaign[];
  ride: unknown[];
  more: boolean;
}> {
  const basis = await reminderBasis(db, [cursorRead(db)]);
  const { notify } = basis;
  const day = ictDate(now);
  const cursor = cursorOf(basis.ride[0]);
  const size = pages.members ?? MEMBER_PAGE;
  const decided = await decideReminders(db, now, notify.daysBefore, cursor, size, basis);
  // The page's ledger rows and the cursor moved past them, in one transaction; the rows as
  // one JSON parameter: no bound value or SQL object per item (issue 13's heap).
  const ledger: BatchItem[] = decided.items.length
    ? [
        db.run(sql`INSERT INTO ${reminderLedger} (key, user_id, day, text, created_at)
          SELECT r.key, r.user_id, ${day}, r.text, ${now.getTime()} FROM (${jsonRows(
            ["key", "user_id", "text"],
            decided.items.map((it) => [it.key, it.userId, it.text]),
          )}) AS r WHERE 1 ON CONFLICT DO NOTHING`),
      ]
    : [];
  const moved = JSON.stringify(decided.next) !== JSON.stringify(cursor);
  if (moved) ledger.push(cursorWrite(db, decided.next, now));
  // Every ledger item not yet carried by a notification goes into one digest per person
  // (each person's day in one digest: only once the day is decided), a page of people a pass
  // (keyset on user id), read in the batch of the ledger's last rows. A pass killed midway
  // leaves items un-notified; the next sends them.
  const people = pages.people ?? DIGEST_PAGE;
  let rows: PendingRow[] = [];
  if (decided.next.done) {
    const read = pendingPage(db, people) as unknown as BatchItem;
    const results = (await db.batch([...ledger, read] as [BatchItem])) as unknown[];
    rows = results.at(-1) as PendingRow[];
  } else if (ledger.length) await db.batch(ledger as [BatchItem]);
  const writes = digestWrites(db, now, notify, channels, rows);
  const last = [...writes.stmts, ...ride];
  const results = last.length
    ? ((await db.batch(last as [BatchItem, ...BatchItem[]])) as unknown[])
    : [];
  return {
    report: { items: decided.items.length, notifications: insertedIn(results, writes.inserts) },
    notify,
    running: basis.running,
    ride: results.slice(writes.stmts.length),
    more: !decided.next.done || new Set(rows.map((r) => r.userId)).size >= people,
  };
}

interface PendingRow {
  key: string;
  userId: string;
  text: string;
  email: string | null;
}

/** The pending items of the first `size` people who have any (those a pass notifies are
 *  pending no more), with their e-mail (none for those who chose the app only). */
const pendingPage = (db: TenantDb, size: number) =>
  db
    .select({
      key: reminderLedger.key,
      userId: reminderLedger.userId,
      text: reminderLedger.text,
      // A person who chose the app only gets no reminder e-mail either.
      email: sql<
        string | null
      >`CASE WHEN ${users.notifyMode} = 'app' THEN NULL ELSE ${users.email} END`,
    })
    .from(reminderLedger)
    .leftJoin(users, eq(users.id, reminderLedger.userId))
    .where(
      and(
        isNull(reminderLedger.notificationId),
        sql`${reminderLedger.userId} IN (SELECT DISTINCT user_id FROM reminder_ledger
          WHERE notification_id IS NULL ORDER BY user_id LIMIT ${size})`,
      ),
    )
    .orderBy(asc(reminderLedger.userId), asc(reminderLedger.key));

/** How many notifications the first `inserts` results (the notification inserts) made. */
const insertedIn = (results: unknown[], inserts: number) =>
  (results.slice(0, inserts) as unknown[][]).reduce((n, r) => n + r.length, 0);

/** One page of people's digests: the notifications, then the ledger marks, then the outbox
 *  rows of the notifications that were new (a notification already made under the same
 *  dedupe key sends nothing again) — statements for one transaction. */
function digestWrites(
  db: TenantDb,
  now: Date,
  notify: NotifySettings,
  channels: { email: boolean },
  pending: PendingRow[],
): { stmts: BatchItem[]; inserts: number } {
  const byUser = new Map<string, PendingRow[]>();
  for (const p of pending) {
    const list = byUser.get(p.userId);
    if (list) list.push(p);
    else byUser.set(p.userId, [p]);
  }
  const digests = [...byUser].map(([userId, list]) => {
    const keys = list.map((l) => l.key).sort();
    return {
      id: newId(),
      userId,
      email: list[0]!.email,
      keys,
      title:
        list.length === 1
          ? list[0]!.text
          : `Việc cần làm (${formatDateVi(now)}): ${list.length} việc`,
      body: list.map((l) => `• ${l.text}`).join("\n"),
      dedupeKey: `digest:${userId}:${keys.join("|")}`.slice(0, 900),
    };
  });
  if (!digests.length) return { stmts: [], inserts: 0 };
  // Each statement's rows go as one JSON parameter (data/sql.ts jsonRows): no SQL object or
  // bound value per row, which a page of 1,000 people made by the ten thousand (issue 13).
  const insert = db.all<{ id: string }>(sql`INSERT INTO ${notifications}
      (id, user_id, kind, title, body, dedupe_key, created_at)
    SELECT r.id, r.user_id, 'reminder-digest', r.title, r.body, r.dedupe_key, ${now.getTime()}
    FROM (${jsonRows(
      ["id", "user_id", "title", "body", "dedupe_key"],
      digests.map((d) => [d.id, d.userId, d.title, d.body, d.dedupeKey]),
    )}) AS r WHERE 1 ON CONFLICT DO NOTHING RETURNING id`);
  const marks = db.run(sql`UPDATE reminder_ledger SET notification_id = v.nid
    FROM (${jsonRows(
      ["key", "nid"],
      digests.flatMap((d) => d.keys.map((k) => [k, d.id])),
    )}) AS v
    WHERE reminder_ledger.key = v.key
      -- "+": each row found by its key, not every pending row scanned against the page.
      AND +reminder_ledger.notification_id IS NULL`);
  const outbound = digests.flatMap((d) =>
    outboundRows(
      notify,
      { userId: d.userId, email: d.email, notificationId: d.id, title: d.title, body: d.body },
      now,
      channels,
    ).map((o) => [
      o.id,
      o.channel,
      o.recipient,
      o.payload,
      o.idempotencyKey,
      o.nextAttemptAt.getTime(),
      d.id,
    ]),
  );
  const outs = outbound.length
    ? [
        db.run(sql`INSERT INTO outbox (id, channel, recipient, payload_json, idempotency_key,
            attempts, next_attempt_at, created_at)
          SELECT v.id, v.channel, v.recipient, v.payload, v.ikey, 0, v.at, ${now.getTime()}
          FROM (${jsonRows(["id", "channel", "recipient", "payload", "ikey", "at", "nid"], outbound)}) AS v
          WHERE EXISTS (SELECT 1 FROM notifications n WHERE n.id = v.nid)
          ON CONFLICT DO NOTHING`),
      ]
    : [];
  return { stmts: [insert, marks, ...outs], inserts: 1 };
}
