// The caller's notifications (reminder digests and events) and their choice of how to hear of
// events (e-mail at once, a daily digest, in the app only), with whether e-mail can leave at
// all; and the tenant's notification settings —
// with whether this deployment can send e-mail at all (the operator's configuration, not the
// tenant's), so the admin sees why no e-mail leaves.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, NotifyPreferenceBody, NotifySettingsBody } from "../../schema/api";
import {
  listNotifications,
  markNotificationRead,
  readNotifyPreference,
  writeNotifyPreference,
} from "../data/notifications";
import { readNotifySettings, writeNotifySettings } from "../data/settings";
import type { AppEnv } from "../env";
import { emailStatus } from "../mail";
import { guard, jsonBody, pathParams, policy } from "../http";

export const notificationRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Thông báo của tôi (mới nhất trước)"), async (c) => {
    const rows = await listNotifications(c.var.ctx.db, { userId: c.var.ctx.user.id });
    return c.json({ notifications: rows }, 200);
  })
  .get(
    "/preferences",
    guard(policy.signedIn, "Cách tôi nhận thông báo (thư ngay, thư tổng hợp, chỉ trong ứng dụng)"),
    async (c) => {
      const { db, user } = c.var.ctx;
      const [pref, s] = await Promise.all([
        readNotifyPreference(db, user.id),
        readNotifySettings(db),
      ]);
      const status = emailStatus(c.var.platform.outbound);
      const emailOn = status.emailTransport !== null && s.email;
      return c.json({ ...pref, emailOn }, 200);
    },
  )
  .put(
    "/preferences",
    guard(policy.signedIn, "Chọn cách nhận thông báo"),
    jsonBody(NotifyPreferenceBody),
    async (c) => {
      const { db, user, now } = c.var.ctx;
      await writeNotifyPreference(db, { userId: user.id, mode: c.req.valid("json").mode, now });
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/read",
    guard(policy.signedIn, "Đánh dấu đã đọc"),
    pathParams(v.object({ id: Id })),
    async (c) => {
      const { db, user, now } = c.var.ctx;
      await markNotificationRead(db, { id: c.req.valid("param").id, userId: user.id, now });
      return c.body(null, 204);
    },
  );

export const settingsRoutes = new Hono<AppEnv>()
  .get(
    "/notifications",
    guard(
      policy.roles("admin"),
      "Cài đặt nhắc việc: giờ yên lặng, số ngày báo trước, webhook, trạng thái thư điện tử",
    ),
    async (c) => {
      const s = await readNotifySettings(c.var.ctx.db);
      return c.json(
        {
          ...s,
          webhookSecret: s.webhookSecret ? "********" : null,
          ...emailStatus(c.var.platform.outbound),
        },
        200,
      );
    },
  )
  .put(
    "/notifications",
    guard(policy.roles("admin"), "Lưu cài đặt nhắc việc"),
    jsonBody(NotifySettingsBody),
    async (c) => {
      const { webhookSecret, ...rest } = c.req.valid("json");
      const { db, now } = c.var.ctx;
      const kept =
        webhookSecret === undefined ? (await readNotifySettings(db)).webhookSecret : webhookSecret;
      await writeNotifySettings(db, { value: { ...rest, webhookSecret: kept }, now });
      return c.body(null, 204);
    },
  );
