// A user's in-app notifications (the reminder digests the cron writes). Each user reads and
// marks only their own; anyone else's answers as not found.
import { and, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "../../schema/tables/tenant";
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
