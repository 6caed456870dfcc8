// The outbox: e-mails and webhooks leave from here, with retries and exponential backoff.
// Each delivery carries its idempotency key, and a webhook body is signed with HMAC-SHA256 of
// the tenant's secret (X-Signature: sha256=<hex>) so the relay can trust it.
// E-mail is queued only when the platform has a transport (worker/mail); a row left from a
// time it had one, or refused for good (bad address, 5xx), is marked failed at once rather
// than retried: only transient failures back off, and at most MAX_ATTEMPTS times.
import { hmac } from "@oslojs/crypto/hmac";
import { SHA256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { outbox } from "../../schema/tables/tenant";
import { newId } from "../data/ids";
import type { NotifySettings } from "../data/settings";
import type { BatchItem, TenantDb } from "../db/handles";
import { nextSendTime } from "../domain/reminders";
import type { Outbound } from "../env";
import { PermanentMailError, isPermanentMailError } from "../mail";

/** Recorded on an e-mail row that cannot leave because no transport is configured. */
export const EMAIL_OFF_ERROR = "e-mail is not configured (SMTP_URL or MAIL_API_URL)";

export const MAX_ATTEMPTS = 8;
/** 1, 2, 4 … minutes, at most 6 hours. */
export const backoffMs = (attempts: number) => Math.min(2 ** (attempts - 1) * 60_000, 6 * 3600_000);

export const signWebhook = (secret: string, body: string) =>
  `sha256=${encodeHexLowerCase(hmac(SHA256, new TextEncoder().encode(secret), new TextEncoder().encode(body)))}`;

export async function enqueueOutbound(
  db: TenantDb,
  s: NotifySettings,
  n: OutboundNotice,
  now: Date,
  channels: { email: boolean },
): Promise<void> {
  const rows = outboundRows(s, n, now, channels);
  if (rows.length) await db.insert(outbox).values(rows).onConflictDoNothing();
}

export interface OutboundNotice {
  userId: string;
  email: string | null;
  notificationId: string;
  title: string;
  body: string;
}

/** The outbox rows one notification makes (none when no channel is on): callers that write
 *  many at once batch them. */
export function outboundRows(
  s: NotifySettings,
  n: OutboundNotice,
  now: Date,
  channels: { email: boolean },
): (typeof outbox.$inferInsert)[] {
  const at = nextSendTime(now, s.quietHours);
  const rows: (typeof outbox.$inferInsert)[] = [];
  if (channels.email && s.email && n.email)
    rows.push({
      id: newId(),
      channel: "email",
      recipient: n.email,
      payload: JSON.stringify({ subject: n.title, text: n.body }),
      idempotencyKey: `email:${n.notificationId}`,
      nextAttemptAt: at,
      createdAt: now,
    });
  if (s.webhookUrl)
    rows.push({
      id: newId(),
      channel: "webhook",
      recipient: s.webhookUrl,
      payload: JSON.stringify({
        type: "reminder-digest",
        userId: n.userId,
        title: n.title,
        text: n.body,
      }),
      idempotencyKey: `webhook:${n.notificationId}`,
      nextAttemptAt: at,
      createdAt: now,
    });
  return rows;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** The page of messages due by `now` that one delivery sends. */
export const duePage = (db: TenantDb, now: Date) =>
  db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(100);

/** Sends a page of the outbox and gives the statements that record each message's outcome,
 *  for the caller to write in one batch (the pass: its next batch). */
export async function deliverOutbox(
  db: TenantDb,
  out: Outbound,
  s: NotifySettings,
  now: Date,
  /** The page, when the pass has read it already (riding on an earlier batch). */
  page?: Awaited<ReturnType<typeof duePage>>,
): Promise<{ report: DeliveryReport; marks: BatchItem[] }> {
  const due = page ?? (await duePage(db, now));
  const report = { sent: 0, retried: 0, failed: 0 };
  // Each message's outcome is written with the others' in one batch after the page: one round
  // trip for the page, not one a message. A pass that dies before it sends those messages
  // again; their idempotency keys make the provider and the receiver drop the second copy.
  const marks: BatchItem[] = [];
  for (const row of due) {
    try {
      if (row.channel === "email") {
        if (!out.email) throw new PermanentMailError(EMAIL_OFF_ERROR);
        const p = JSON.parse(row.payload) as { subject: string; text: string };
        await out.email({
          to: row.recipient,
          subject: p.subject,
          text: p.text,
          idempotencyKey: row.idempotencyKey,
        });
      } else {
        const signature = s.webhookSecret ? signWebhook(s.webhookSecret, row.payload) : null;
        await out.webhook({
          url: row.recipient,
          body: row.payload,
          idempotencyKey: row.idempotencyKey,
          signature,
        });
      }
      marks.push(
        db
          .update(outbox)
          .set({ sentAt: now, attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id)),
      );
      report.sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const failed = isPermanentMailError(err) || attempts >= MAX_ATTEMPTS;
      marks.push(
        db
          .update(outbox)
          .set({
            attempts,
            lastError: String((err as Error)?.message ?? err).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
            failedAt: failed ? now : null,
          })
          .where(eq(outbox.id, row.id)),
      );
      if (failed) report.failed++;
      else report.retried++;
    }
  }
  return { report, marks };
}
