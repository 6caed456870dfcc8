import { Hono } from "hono";
import { SignupBody } from "../../schema/api";
import { setSessionCookie } from "../auth/cookies";
import { createSession } from "../auth/sessions";
import { SIGNUP_LIMIT, throttle, throttleKey } from "../auth/throttle";
import { provisionTenant } from "../data/tenants";
import type { AppEnv } from "../env";
import { guard, jsonBody, policy } from "../http";

export const signup = new Hono<AppEnv>().post(
  "/signup",
  guard(policy.public, "Đăng ký đảng bộ mới (tạo tenant và quản trị viên đầu tiên)"),
  jsonBody(SignupBody),
  async (c) => {
    const platform = c.get("platform");
    const body = c.req.valid("json");
    await throttle(
      platform.control().db,
      [{ key: throttleKey("signup", platform.clientAddress(c)), limit: SIGNUP_LIMIT }],
      platform.now(),
      "Bạn đã đăng ký quá nhiều lần, vui lòng thử lại sau.",
    );
    const { tenant, adminUserId } = await provisionTenant(platform, body);
    const { token } = await createSession(platform.tenant(tenant).db, adminUserId, platform.now());
    setSessionCookie(c, tenant.slug, token);
    return c.json(
      { tenant: { id: tenant.id, slug: tenant.slug }, user: { id: adminUserId }, token },
      201,
    );
  },
);
