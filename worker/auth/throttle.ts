// Login throttling in the control-plane database, so it holds across restarts, isolates and
// Worker locations. The attempt is counted atomically *before* the password is checked, so
// a burst of parallel guesses cannot slip past the limit while hashes are being computed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { eq, sql } from "drizzle-orm";
import { throttles } from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";
import { DomainError } from "../errors";

export interface Limit {
  max: number;
  windowMs: number;
}
/** Per account *and* client address: 10 attempts per 15 minutes, reset by a successful
 *  login. Keyed by the pair, so guesses from one address slow that address down on that
 *  account and never lock the owner out from another (an account alone as the key would let
 *  anyone lock a secretary out the week before a deadline). */
export const ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 15 * 60 * 1000 };
/** Per client address, over all accounts: generous, so one office behind one NAT is not
 *  locked out because someone attacks one account (ASVS 6.1.1). */
export const ADDRESS_LIMIT: Limit = { max: 300, windowMs: 10 * 60 * 1000 };
/** …and per minute, well under the global budget below, so no single address can spend it. */
export const ADDRESS_BURST_LIMIT: Limit = { max: 30, windowMs: 60 * 1000 };
/** Every login everywhere: the password hashes the deployment spends per minute (~180 ms of
 *  CPU each: some 0.6 of a core), whatever the number of attacking addresses. Only
 *  attempts within their own address's limits count here, so one flooding address cannot
 *  spend the budget that everyone else signs in with. */
export const GLOBAL_LOGIN_LIMIT: Limit = { max: 200, windowMs: 60 * 1000 };
/** Second-factor codes (and recovery codes) per account and address, like passwords… */
export const TOTP_PAIR_LIMIT: Limit = { max: 5, windowMs: 15 * 60 * 1000 };
/** …and per account from everywhere: a six-digit code (three steps accepted) must not be
 *  guessable by spreading tries over addresses — some 0.1% a day at this rate, for someone
 *  who already holds the password. */
export const TOTP_ACCOUNT_LIMIT: Limit = { max: 20, windowMs: 60 * 60 * 1000 };
export const SIGNUP_LIMIT: Limit = { max: 10, windowMs: 60 * 60 * 1000 };

export const throttleKey = (...parts: string[]) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(parts.join("\u0000"))));

function hitStatement(db: ControlDb, key: string, limit: Limit, now: number) {
  const fresh = now - limit.windowMs;
  return db
    .insert(throttles)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`CASE WHEN ${throttles.windowStart} <= ${fresh} THEN 1 ELSE ${throttles.count} + 1 END`,
        windowStart: sql`CASE WHEN ${throttles.windowStart} <= ${fresh} THEN ${now} ELSE ${throttles.windowStart} END`,
      },
    })
    .returning({ count: throttles.count, windowStart: throttles.windowStart });
}

/** Counts one attempt against each key; returns the seconds to wait if any is over. */
export async function hitAll(
  db: ControlDb,
  hits: { key: string; limit: Limit }[],
  now: Date,
): Promise<number | null> {
  const t = now.getTime();
  const [first, ...rest] = hits.map((h) => hitStatement(db, h.key, h.limit, t));
  const results = await db.batch([first!, ...rest]);
  let wait: number | null = null;
  results.forEach((rows, i) => {
    const row = rows[0]!;
    const { limit } = hits[i]!;
    if (row.count > limit.max) {
      const seconds = Math.ceil((row.windowStart + limit.windowMs - t) / 1000);
      wait = Math.max(wait ?? 0, seconds, 1);
    }
  });
  return wait;
}

export async function clearThrottle(db: ControlDb, key: string): Promise<void> {
  await db.delete(throttles).where(eq(throttles.key, key));
}

/** Counts the attempt and refuses it (429, with Retry-After) when any limit is over. */
export async function throttle(
  db: ControlDb,
  hits: { key: string; limit: Limit }[],
  now: Date,
  message: string,
): Promise<void> {
  const wait = await hitAll(db, hits, now);
  if (wait)
    throw new DomainError("RATE_LIMITED", message, undefined, { "Retry-After": String(wait) });
}

/** Counts an attempt of one account (`A` names it) from one address against the limits, and
 *  refuses it (429) when one is over; answers the pair's key, which a success clears. */
type PairThrottle<A> = (
  db: ControlDb,
  attempt: A & { tenantId: string; address: string },
  now: Date,
) => Promise<string>;

/** Counts a login attempt against its limits, cheapest refusal first, and refuses it (429)
 *  before any password is hashed when one is over. Answers the key a successful login clears. */
export const throttleLogin: PairThrottle<{ email: string }> = async (db, attempt, now) => {
  const pairKey = throttleKey("login", attempt.tenantId, attempt.email, attempt.address);
  await throttle(
    db,
    [
      { key: throttleKey("login-ip", attempt.address), limit: ADDRESS_LIMIT },
      { key: throttleKey("login-ip-burst", attempt.address), limit: ADDRESS_BURST_LIMIT },
      { key: pairKey, limit: ACCOUNT_LIMIT },
    ],
    now,
    "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
  );
  await throttle(
    db,
    [{ key: throttleKey("login-all"), limit: GLOBAL_LOGIN_LIMIT }],
    now,
    "Hệ thống đang nhận quá nhiều lượt đăng nhập. Vui lòng thử lại sau ít phút.",
  );
  return pairKey;
};

/** Counts a second-factor attempt before the code is checked (429 beyond the limits). Answers
 *  the key a correct code clears. */
export const throttleTotp: PairThrottle<{ userId: string }> = async (db, attempt, now) => {
  const { tenantId, userId, address } = attempt;
  const pairKey = throttleKey("totp", tenantId, userId, address);
  const accountKey = throttleKey("totp-account", tenantId, userId);
  await throttle(
    db,
    [
      { key: pairKey, limit: TOTP_PAIR_LIMIT },
      { key: accountKey, limit: TOTP_ACCOUNT_LIMIT },
    ],
    now,
    "Nhập sai mã xác thực quá nhiều lần. Vui lòng thử lại sau ít phút.",
  );
  return pairKey;
};
