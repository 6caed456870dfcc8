// Registering a new đảng bộ. The operator's SIGNUP setting decides how: `open` makes the
// tenant and signs its admin in at once; `verify` (the default) makes it pending and mails
// the admin a link, which `/signup/verify` follows; `closed` refuses.
import { Hono, type Context } from "hono";
import { SignupBody, VerifySignupBody } from "../../schema/api";
import { setSessionCookie } from "../auth/cookies";
import { createSession } from "../auth/sessions";
import { SIGNUP_LIMIT, throttle, throttleKey } from "../auth/throttle";
import {
  SIGNUP_DAY_LIMIT,
  SIGNUP_EMAIL_DAY_LIMIT,
  signupClosed,
  signupDayKey,
  signupEmailKey,
  signupMode,
  signupNeedsEmail,
  startSignup,
  verifySignup,
} from "../data/signups";
import { provisionTenant } from "../data/tenants";
import type { AppEnv, TenantRecord } from "../env";
import { guard, jsonBody, policy } from "../http";

/** The new tenant's first admin, signed in on the tenant that was just made (the request has
 *  no tenant of its own yet, so its database is opened here). */
async function signInNewAdmin(
  c: Context<AppEnv>,
  tenant: Pick<TenantRecord, "id" | "dbUrl" | "slug">,
  adminUserId: string,
): Promise<string> {
  const platform = c.get("platform");
  const { token } = await createSession(platform.tenant(tenant).db, adminUserId, platform.now());
  setSessionCookie(c, tenant.slug, token);
  return token;
}

export const signup = new Hono<AppEnv>()
  .get(
    "/signup",
    guard(policy.public, "Chế độ đăng ký đảng bộ mới (open, verify, closed) cho trang đăng ký"),
    (c) => {
      const platform = c.get("platform");
      const mode = signupMode(platform.signup ?? c.env?.SIGNUP);
      // The refusal the form would meet, shown before anyone types.
      const refusal =
        mode === "closed"
          ? signupClosed()
          : mode === "verify" && !platform.outbound.email
            ? signupNeedsEmail()
            : null;
      return c.json({ mode, ready: !refusal, message: refusal?.message ?? null }, 200);
    },
  )
  .post(
    "/signup",
    guard(
      policy.public,
      "Đăng ký đảng bộ mới: tạo ngay (SIGNUP=open) hoặc chờ xác nhận qua thư (SIGNUP=verify)",
    ),
    jsonBody(SignupBody),
    async (c) => {
      const platform = c.get("platform");
      const body = c.req.valid("json");
      const mode = signupMode(platform.signup ?? c.env?.SIGNUP);
      if (mode === "closed") throw signupClosed();
      if (mode === "verify" && !platform.outbound.email) throw signupNeedsEmail();
      const address = platform.clientAddress(c);
      await throttle(
        platform.control().db,
        [
          { key: throttleKey("signup", address), limit: SIGNUP_LIMIT },
          { key: signupDayKey(address), limit: SIGNUP_DAY_LIMIT },
          // Only a mail can flood an inbox: the per-address-of-mail limit counts mails sent.
          ...(mode === "verify"
            ? [{ key: signupEmailKey(body.admin.email), limit: SIGNUP_EMAIL_DAY_LIMIT }]
            : []),
        ],
        platform.now(),
        "Bạn đã đăng ký quá nhiều lần, vui lòng thử lại sau.",
      );
      if (mode === "verify") {
        const origin = platform.allowedOrigins[0] ?? new URL(c.req.url).origin;
        // The token rides in the fragment, which browsers never send to a server or in a
        // Referer: only the page that follows the link reads it.
        const pending = await startSignup(
          platform,
          body,
          (token) => `${origin}/dang-ky/xac-nhan#${token}`,
        );
        return c.json({ status: "pending" as const, ...pending }, 202);
      }
      const { tenant, adminUserId } = await provisionTenant(platform, body);
      const token = await signInNewAdmin(c, tenant, adminUserId);
      return c.json(
        { tenant: { id: tenant.id, slug: tenant.slug }, user: { id: adminUserId }, token },
        201,
      );
    },
  )
  .post(
    "/signup/verify",
    guard(policy.public, "Xác nhận đăng ký qua đường dẫn trong thư: kích hoạt và đăng nhập"),
    jsonBody(VerifySignupBody),
    async (c) => {
      const platform = c.get("platform");
      const { tenant, adminUserId } = await verifySignup(platform, c.req.valid("json"));
      const token = await signInNewAdmin(c, tenant, adminUserId);
      return c.json(
        {
          tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
          user: { id: adminUserId },
          token,
        },
        200,
      );
    },
  );
