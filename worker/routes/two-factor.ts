// The second factor (TOTP), mounted under /auth/two-factor. An account turns it on itself:
// `setup` makes a key (shown as an otpauth:// URI and as base32 text), `enable` keeps it —
// sealed — once a first code from the app proves the app holds it, and answers the one
// recovery code, shown once. With it on, a correct password opens only a *pending* session
// (routes/auth.ts), which no guarded route accepts; `verify` (a code) or `recover` (the
// recovery code, which also removes the factor) turns it into a full session. Every code is
// counted against the throttle before it is checked, and each is good once: the step it
// matched is spent atomically, so a code read over a shoulder cannot be replayed.
import { Hono, type Context } from "hono";
import {
  TotpCodeBody,
  TotpEnableBody,
  TotpRecoveryBody,
  type TotpEnableInput,
} from "../../schema/api-accounts";
import { unseal, seal } from "../db/sealed";
import { startSession } from "../auth/sign-in";
import { clearThrottle, throttleTotp } from "../auth/throttle";
import {
  decodeTotpKey,
  encodeTotpKey,
  hashRecoveryCode,
  matchingStep,
  newRecoveryCode,
  newTotpKey,
  totpKeyUri,
} from "../auth/totp";
import { requireUser } from "../data/accounts";
import type { Ctx } from "../data/context";
import { EMPTY_SCOPE } from "../domain/scope";
import {
  claimTotpStep,
  disableTotp,
  enableTotp,
  getTotpState,
  recoverTotp,
} from "../data/two-factor";
import type { AppEnv } from "../env";
import { DomainError, unauthenticated } from "../errors";
import { guard, jsonBody, policy, type Guarded } from "../http";

const ISSUER = "Sinh hoạt chính trị";
const sealOwner = (userId: string) => `totp:${userId}`;

const wrongCode = () =>
  new DomainError("TOTP_INVALID", "Mã xác thực không đúng hoặc đã hết hạn.", {
    code: "Mã xác thực không đúng hoặc đã hết hạn.",
  });
const replayed = () =>
  new DomainError(
    "TOTP_REPLAYED",
    "Mã này vừa được dùng. Hãy đợi mã mới hiện trên ứng dụng (sau ít giây) rồi nhập lại.",
    { code: "Mã đã được dùng." },
  );

function sealKeyOf<E extends AppEnv>(c: Context<E>): string {
  const key = c.var.platform.sealKey;
  if (!key)
    throw new DomainError(
      "TWO_FACTOR_UNAVAILABLE",
      "Máy chủ chưa được cấu hình khóa bảo mật nên chưa dùng được xác thực hai lớp.",
    );
  return key;
}

/** Runs one code attempt of `userId`: counted against the throttle first (429 when over),
 *  and, when `attempt` succeeds, the pair's count is forgotten. */
async function throttled<E extends AppEnv, T>(
  c: Context<E>,
  userId: string,
  attempt: () => Promise<T>,
  now = c.var.platform.now(),
): Promise<T> {
  const { platform, tenant } = c.var;
  const address = platform.clientAddress(c);
  const control = platform.control().db;
  const pairKey = await throttleTotp(control, { tenantId: tenant.id, userId, address }, now);
  const result = await attempt();
  await clearThrottle(control, pairKey);
  return result;
}

/** Spends the step `code` matches for the account's stored key with `spend`, which answers
 *  false when a racing request spent it first (refused as replayed). The caller counts it. */
async function spendCode<E extends AppEnv>(
  c: Context<E>,
  userId: string,
  code: string,
  spend: (step: number) => Promise<boolean>,
): Promise<void> {
  const state = await getTotpState(c.var.db, userId);
  if (!state?.sealedKey)
    throw new DomainError("INVALID_STATE", "Tài khoản chưa bật xác thực hai lớp.");
  const key = new Uint8Array(
    Buffer.from(await unseal(sealKeyOf(c), sealOwner(userId), state.sealedKey), "base64"),
  );
  const step = matchingStep(key, code, c.var.platform.now());
  if (step === null) throw wrongCode();
  if (state.lastStep !== null && step <= state.lastStep) throw replayed();
  if (!(await spend(step))) throw replayed();
}

/** The account a pending session owes its second factor for; 401 without one. */
function pendingUser(c: Context<AppEnv>): string {
  const userId = c.var.pendingUserId;
  if (!userId) throw unauthenticated();
  return userId;
}

/** The acting context of a pending session's own account (for its audit rows). */
const pendingCtx = (c: Context<AppEnv>, userId: string): Ctx => ({
  db: c.var.db,
  scope: EMPTY_SCOPE,
  actor: { actorUserId: userId, requestId: c.var.requestId },
  now: c.var.platform.now(),
});

/** Completes the sign-in of a pending session once `prove` (a counted attempt) accepts its
 *  account's second factor: a full session replaces the pending one. */
async function completeSignIn(c: Context<AppEnv>, prove: (userId: string) => Promise<void>) {
  const userId = pendingUser(c);
  await throttled(c, userId, () => prove(userId));
  const user = await requireUser(c.var.db, userId);
  return c.json(await startSession(c, user, { replacing: c.var.sessionId }), 200);
}

/** Turns the caller's own second factor on with the key from `setup` and a first code from
 *  the app (counted, and its step spent); answers the recovery code, shown once. */
async function turnOn(c: Context<AppEnv & Guarded>, body: TotpEnableInput) {
  const { ctx } = c.var;
  const key = decodeTotpKey(body.key);
  if (!key)
    throw new DomainError("INVALID_BODY", "Khóa không hợp lệ: hãy tạo khóa mới.", {
      key: "Khóa không hợp lệ.",
    });
  const recoveryCode = await throttled(
    c,
    ctx.user.id,
    async () => {
      const step = matchingStep(key, body.code, ctx.now);
      if (step === null) throw wrongCode();
      const recoveryCode = newRecoveryCode();
      const keyText = Buffer.from(key).toString("base64");
      await enableTotp(ctx, {
        userId: ctx.user.id,
        sealedKey: await seal(sealKeyOf(c), sealOwner(ctx.user.id), keyText),
        recoveryHash: hashRecoveryCode(recoveryCode),
        step,
      });
      return recoveryCode;
    },
    ctx.now,
  );
  return c.json({ recoveryCode }, 201);
}

/** Turns the caller's own second factor off with a current `code` (counted, spent). */
async function turnOff(c: Context<AppEnv & Guarded>, code: string) {
  const { ctx } = c.var;
  const userId = ctx.user.id;
  const disable = (step: number) => disableTotp(ctx, { userId, step });
  await throttled(c, userId, () => spendCode(c, userId, code, disable));
  return c.body(null, 204);
}

export const twoFactorRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Tình trạng xác thực hai lớp của tài khoản"), async (c) => {
    const state = await getTotpState(c.var.ctx.db, c.var.ctx.user.id);
    return c.json({ enabled: !!state?.sealedKey }, 200);
  })
  .post(
    "/setup",
    guard(policy.signedIn, "Tạo khóa mới cho ứng dụng xác thực (chưa bật cho đến khi xác nhận)"),
    async (c) => {
      sealKeyOf(c);
      const { user } = c.var.ctx;
      const account = (await requireUser(c.var.ctx.db, user.id)).email ?? user.fullName;
      const key = newTotpKey();
      const label = `${ISSUER} (${c.var.tenant.slug})`;
      return c.json({ key: encodeTotpKey(key), uri: totpKeyUri(label, account, key) }, 200);
    },
  )
  .post(
    "/enable",
    guard(policy.signedIn, "Bật xác thực hai lớp bằng mã đầu tiên từ ứng dụng; trả mã khôi phục"),
    jsonBody(TotpEnableBody),
    (c) => turnOn(c, c.req.valid("json")),
  )
  .post(
    "/verify",
    // Public as far as the guard goes: the caller holds a pending session, not a full one,
    // and the handler refuses anyone else (401).
    guard(policy.public, "Nhập mã xác thực hai lớp để hoàn tất đăng nhập (phiên đang chờ mã)"),
    jsonBody(TotpCodeBody),
    (c) =>
      completeSignIn(c, (userId) =>
        spendCode(c, userId, c.req.valid("json").code, (step) =>
          claimTotpStep(c.var.db, userId, step),
        ),
      ),
  )
  .post(
    "/recover",
    guard(policy.public, "Đăng nhập bằng mã khôi phục (dùng một lần; tắt xác thực hai lớp)"),
    jsonBody(TotpRecoveryBody),
    (c) =>
      completeSignIn(c, async (userId) => {
        const recoveryHash = hashRecoveryCode(c.req.valid("json").recoveryCode);
        if (!(await recoverTotp(pendingCtx(c, userId), { userId, recoveryHash })))
          throw new DomainError("TOTP_INVALID", "Mã khôi phục không đúng hoặc đã được dùng.", {
            recoveryCode: "Mã khôi phục không đúng hoặc đã được dùng.",
          });
      }),
  )
  .post(
    "/disable",
    guard(policy.signedIn, "Tắt xác thực hai lớp (cần một mã hiện tại)"),
    jsonBody(TotpCodeBody),
    (c) => turnOff(c, c.req.valid("json").code),
  );
