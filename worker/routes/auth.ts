// Login and logout for one tenant. The attempt is counted before the password is checked
// (per account and per address), unknown e-mails cost the same hash as known ones, and a
// successful login replaces whatever session the browser had (rotation).
import { eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { AcceptBody, LoginBody } from "../../schema/api";
import { acceptInvitation, resetPassword } from "../data/accounts";
import { users } from "../../schema/tables/tenant";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../auth/cookies";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { createSession, invalidateSession } from "../auth/sessions";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, clearThrottle, hitAll, throttleKey } from "../auth/throttle";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, policy } from "../http";

export const auth = new Hono<AppEnv>()
  .post("/login", guard(policy.public, "Đăng nhập"), jsonBody(LoginBody), async (c) => {
    const { email, password } = c.req.valid("json");
    const platform = c.get("platform");
    const tenant = c.get("tenant");
    const db = c.get("db");
    const control = platform.control().db;
    const accountKey = throttleKey("login", tenant.id, email);
    const wait = await hitAll(
      control,
      [
        { key: accountKey, limit: ACCOUNT_LIMIT },
        { key: throttleKey("login-ip", platform.clientAddress(c)), limit: ADDRESS_LIMIT },
      ],
      platform.now(),
    );
    if (wait)
      throw new DomainError(
        "RATE_LIMITED",
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
        undefined,
        { "Retry-After": String(wait) },
      );
    const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || user.disabledAt || !user.passwordHash)
      throw new DomainError("INVALID_CREDENTIALS", "Thư điện tử hoặc mật khẩu không đúng.");
    await clearThrottle(control, accountKey);
    const previous = readSessionCookie(c, tenant.slug)?.split(".")[0];
    if (previous) await invalidateSession(db, previous);
    if (needsRehash(user.passwordHash))
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(users.id, user.id));
    const { token } = await createSession(db, user.id, platform.now());
    setSessionCookie(c, tenant.slug, token);
    return c.json({ user: { id: user.id, fullName: user.fullName }, token }, 200);
  })
  .post(
    "/logout",
    // Public so that logging out twice, or with an expired session, still answers 204 and
    // clears the cookie; a cross-site logout is stopped by the Origin checks before this.
    guard(policy.public, "Đăng xuất (kết thúc phiên ở mọi nơi đang dùng nó)"),
    async (c) => {
      const sessionId = c.get("sessionId");
      if (sessionId) await invalidateSession(c.get("db"), sessionId);
      clearSessionCookie(c, c.get("tenant").slug);
      return c.body(null, 204);
    },
  )
  .post(
    "/accept",
    guard(policy.public, "Nhận lời mời: đặt mật khẩu và đăng nhập"),
    jsonBody(AcceptBody),
    async (c) => {
      const { token, password } = c.req.valid("json");
      const now = c.var.platform.now();
      const userId = await acceptInvitation(c.var.db, token, password, now);
      return c.json(await startSession(c, userId), 200);
    },
  )
  .post(
    "/reset",
    guard(policy.public, "Đặt lại mật khẩu bằng đường dẫn và đăng nhập"),
    jsonBody(AcceptBody),
    async (c) => {
      const { token, password } = c.req.valid("json");
      const userId = await resetPassword(c.var.db, token, password, c.var.platform.now());
      return c.json(await startSession(c, userId), 200);
    },
  );

async function startSession(c: Context<AppEnv>, userId: string) {
  const db = c.var.db;
  const previous = readSessionCookie(c, c.var.tenant.slug)?.split(".")[0];
  if (previous) await invalidateSession(db, previous);
  const { token } = await createSession(db, userId, c.var.platform.now());
  setSessionCookie(c, c.var.tenant.slug, token);
  const [user] = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(eq(users.id, userId));
  return { user: user!, token };
}
