// A user's in-app notifications (the reminder digests the cron writes, the events'
// notifications: event-notices.ts) and how they choose to hear of events beside the app.
// Each user reads and marks only their own; anyone else's answers as not found.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { NotifyMode } from "../../schema/vocab/people";
import { notifications, users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { notFound } from "../errors";

export async function listNotifications(db: TenantDb, { userId }: { userId: string }) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
}

/** Marks the notification read; reading it again changes nothing (and is no error). */
export async function markNotificationRead(
  db: TenantDb,
  { id, userId, now }: { id: string; userId: string; now: Date },
): Promise<void> {
  const own = and(eq(notifications.id, id), eq(notifications.userId, userId));
  const [row] = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(own, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (row) return;
  const [exists] = await db.select({ id: notifications.id }).from(notifications).where(own);
  if (!exists) throw notFound("Không tìm thấy thông báo.");
}

/** The person's choice and whether they have an address e-mail could reach. */
export async function readNotifyPreference(
  db: TenantDb,
  userId: string,
): Promise<{ mode: NotifyMode; hasEmail: boolean }> {
  const [row] = await db
    .select({ mode: users.notifyMode, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw notFound("Không tìm thấy tài khoản.");
  return { mode: row.mode, hasEmail: row.email !== null };
}

/** Saves the choice; e-mails already owed keep the choice they were made under. */
export async function writeNotifyPreference(
  db: TenantDb,
  { userId, mode, now }: { userId: string; mode: NotifyMode; now: Date },
): Promise<void> {
  await db.update(users).set({ notifyMode: mode, updatedAt: now }).where(eq(users.id, userId));
}
