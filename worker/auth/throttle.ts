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
/** Per account: 10 attempts per 15 minutes, reset by a successful login. */
export const ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 15 * 60 * 1000 };
/** Per client address: generous, so one office behind one NAT is not locked out because
 *  someone attacks one account (ASVS 6.1.1). */
export const ADDRESS_LIMIT: Limit = { max: 300, windowMs: 10 * 60 * 1000 };
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
