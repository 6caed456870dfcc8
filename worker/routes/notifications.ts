// The caller's notifications (reminder digests), and the tenant's notification settings.
import { and, desc, eq, isNull } from "drizzle-orm";
import { Hono } from "hono";
import { NotifySettingsBody } from "../../schema/api";
import { notifications } from "../../schema/tables/tenant";
import { readNotifySettings, writeNotifySettings } from "../data/settings";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { guard, jsonBody, policy } from "../http";

export const notificationRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Thông báo của tôi (mới nhất trước)"), async (c) => {
    const rows = await c.var.db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, c.var.user!.id))
      .orderBy(desc(notifications.createdAt))
      .limit(100);
    return c.json({ notifications: rows }, 200);
  })
  .post("/:id/read", guard(policy.signedIn, "Đánh dấu đã đọc"), async (c) => {
    const [row] = await c.var.db
      .update(notifications)
      .set({ readAt: c.var.platform.now() })
      .where(
        and(
          eq(notifications.id, c.req.param("id")),
          eq(notifications.userId, c.var.user!.id),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    if (!row) {
      const [own] = await c.var.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(eq(notifications.id, c.req.param("id")), eq(notifications.userId, c.var.user!.id)),
        );
      if (!own) throw notFound("Không tìm thấy thông báo.");
    }
    return c.body(null, 204);
  });

export const settingsRoutes = new Hono<AppEnv>()
  .get(
    "/notifications",
    guard(policy.roles("admin"), "Cài đặt nhắc việc: giờ yên lặng, số ngày báo trước, webhook"),
    async (c) => {
      const s = await readNotifySettings(c.var.db);
      return c.json({ ...s, webhookSecret: s.webhookSecret ? "********" : null }, 200);
    },
  )
  .put(
    "/notifications",
    guard(policy.roles("admin"), "Lưu cài đặt nhắc việc"),
    jsonBody(NotifySettingsBody),
    async (c) => {
      await writeNotifySettings(c.var.db, c.req.valid("json"), c.var.platform.now());
      return c.body(null, 204);
    },
  );
