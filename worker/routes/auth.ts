// Login and logout for one tenant. The attempt is counted before the password is checked
// (per address, per account and address, then globally), so beyond those limits no password
// is hashed; within them an unknown e-mail costs the same hash as a known one (no timing
// tell), and a successful login replaces whatever session the browser had (rotation).
import { Hono, type Context } from "hono";
import { AcceptBody, LoginBody } from "../../schema/api";
import { clearSessionCookie, readSessionCookie, setSessionCookie } from "../auth/cookies";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { createSession, invalidateSession } from "../auth/sessions";
import { clearThrottle, throttleLogin } from "../auth/throttle";
import { getUserByEmail, requireUser, resetPassword, setPasswordHash } from "../data/accounts";
import { acceptInvitation } from "../data/invitations";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, policy } from "../http";

export const auth = new Hono<AppEnv>()
  .post("/login", guard(policy.public, "Đăng nhập"), jsonBody(LoginBody), async (c) => {
    const { email, password } = c.req.valid("json");
    const { platform, tenant, db } = c.var;
    const control = platform.control().db;
    const pairKey = await throttleLogin(
      control,
      { tenantId: tenant.id, email, address: platform.clientAddress(c) },
      platform.now(),
    );
    const user = await getUserByEmail(db, email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || user.disabledAt || !user.passwordHash)
      throw new DomainError("INVALID_CREDENTIALS", "Thư điện tử hoặc mật khẩu không đúng.");
    await clearThrottle(control, pairKey);
    if (needsRehash(user.passwordHash))
      await setPasswordHash(db, { userId: user.id, passwordHash: await hashPassword(password) });
    return c.json(await startSession(c, user), 200);
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
    async (c) => c.json(await redeemAndSignIn(c, acceptInvitation, c.req.valid("json")), 200),
  )
  .post(
    "/reset",
    guard(policy.public, "Đặt lại mật khẩu bằng đường dẫn và đăng nhập"),
    jsonBody(AcceptBody),
    async (c) => c.json(await redeemAndSignIn(c, resetPassword, c.req.valid("json")), 200),
  );

/** Uses a single-use link (`redeem` answers whose account it was) and signs that account in. */
async function redeemAndSignIn(
  c: Context<AppEnv>,
  redeem: typeof acceptInvitation,
  body: { token: string; password: string },
) {
  const userId = await redeem(c.var.db, { ...body, now: c.var.platform.now() });
  return startSession(c, await requireUser(c.var.db, userId));
}

/** Signs `user` in on this browser, ending the session it had (rotation). */
async function startSession(c: Context<AppEnv>, user: { id: string; fullName: string }) {
  const { db, tenant, platform } = c.var;
  const previous = readSessionCookie(c, tenant.slug)?.split(".")[0];
  if (previous) await invalidateSession(db, previous);
  const { token } = await createSession(db, user.id, platform.now());
  setSessionCookie(c, tenant.slug, token);
  return { user: { id: user.id, fullName: user.fullName }, token };
}
