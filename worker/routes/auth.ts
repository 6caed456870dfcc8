// Login and logout for one tenant. The attempt is counted before the password is checked
// (per address, per account and address, then globally), so beyond those limits no password
// is hashed; within them an unknown e-mail costs the same hash as a known one (no timing
// tell), and a successful login replaces whatever session the browser had (rotation).
import { Hono, type Context } from "hono";
import { AcceptBody } from "../../schema/api";
import { LoginBody, loginNameOf } from "../../schema/api-accounts";
import { clearSessionCookie } from "../auth/cookies";
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from "../auth/password";
import { invalidateSession } from "../auth/sessions";
import { startSession } from "../auth/sign-in";
import { clearThrottle, throttle, throttleKey, throttleLogin, type Limit } from "../auth/throttle";
import { getUserByLogin, requireUser, resetPassword, setPasswordHash } from "../data/accounts";
import { acceptInvitation } from "../data/invitations";
import { getTotpState } from "../data/two-factor";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, policy } from "../http";
import { twoFactorRoutes } from "./two-factor";

/** Links and slip codes redeemed per client address: a cell meeting behind one NAT redeems
 *  a few dozen slips; guessing an 8-character code needs some 10¹¹ tries. */
const REDEEM_LIMIT: Limit = { max: 60, windowMs: 10 * 60 * 1000 };

export const auth = new Hono<AppEnv>()
  .post("/login", guard(policy.public, "Đăng nhập"), jsonBody(LoginBody), async (c) => {
    const body = c.req.valid("json");
    const { password } = body;
    // An e-mail or a phone number (E.164): the throttle counts per account either way.
    const name = loginNameOf(body);
    const { platform, tenant, db } = c.var;
    const control = platform.control().db;
    const pairKey = await throttleLogin(
      control,
      { tenantId: tenant.id, email: name.value, address: platform.clientAddress(c) },
      platform.now(),
    );
    const user = await getUserByLogin(db, name);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || user.disabledAt || !user.passwordHash)
      throw new DomainError(
        "INVALID_CREDENTIALS",
        name.kind === "email"
          ? "Thư điện tử hoặc mật khẩu không đúng."
          : "Số điện thoại hoặc mật khẩu không đúng.",
      );
    await clearThrottle(control, pairKey);
    if (needsRehash(user.passwordHash))
      await setPasswordHash(db, { userId: user.id, passwordHash: await hashPassword(password) });
    // With a second factor on, the password opens only a pending session: it reaches
    // nothing but /two-factor/verify and /recover (routes/two-factor.ts).
    return c.json(await startSession(c, user, { twoFactorPending: !!user.totpKey }), 200);
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
  )
  .route("/two-factor", twoFactorRoutes);

/** Uses a single-use link (`redeem` answers whose account it was) and signs that account in. */
async function redeemAndSignIn(
  c: Context<AppEnv>,
  redeem: typeof acceptInvitation,
  body: { token: string; password: string },
) {
  const { platform } = c.var;
  // A slip's code is 8 characters: guessing codes is held to REDEEM_LIMIT tries per address.
  await throttle(
    platform.control().db,
    [{ key: throttleKey("redeem-ip", platform.clientAddress(c)), limit: REDEEM_LIMIT }],
    platform.now(),
    "Nhập sai mã quá nhiều lần. Vui lòng thử lại sau ít phút.",
  );
  const userId = await redeem(c.var.db, { ...body, now: platform.now() });
  // A reset link proves the mailbox, not the second factor: it is still owed.
  const twoFactorPending = !!(await getTotpState(c.var.db, userId))?.sealedKey;
  return startSession(c, await requireUser(c.var.db, userId), { twoFactorPending });
}
