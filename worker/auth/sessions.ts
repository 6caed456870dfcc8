// Sessions after the Lucia project's current guide (the `lucia` package is deprecated):
// the token is `<id>.<secret>`, the database keeps only SHA-256(secret), the secret is
// compared in constant time, and the expiry slides with use. Sessions live in the tenant's
// own database, so a token is only ever looked up in the tenant named by the URL.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { eq, inArray, sql } from "drizzle-orm";
import { grants, sessions, units, users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import type { SessionGrant, SessionUser } from "../env";

/** A session ends after this long without use… */
export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** …or this long after login, whichever comes first. */
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** A session still owing its second factor ends this long after the password was accepted. */
export const PENDING_TIMEOUT_MS = 10 * 60 * 1000;
/** last_verified_at is written at most this often, to spare a write per request. */
const REFRESH_INTERVAL_MS = 10 * 60 * 1000;

const randomPart = (bytes: number) =>
  encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
const hashSecret = (secret: string) => sha256(new TextEncoder().encode(secret));

export async function createSession(
  db: TenantDb,
  userId: string,
  now: Date,
  opts: { twoFactorPending?: boolean } = {},
): Promise<{ id: string; token: string }> {
  const id = randomPart(10); // 80 bits: enough to be unguessable as a lookup key
  const secret = randomPart(32); // 256 bits
  await db.insert(sessions).values({
    id,
    userId,
    secretHash: Buffer.from(hashSecret(secret)),
    createdAt: now,
    lastVerifiedAt: now,
    twoFactorPending: opts.twoFactorPending ?? false,
  });
  return { id, token: `${id}.${secret}` };
}

export interface ValidSession {
  sessionId: string;
  user: SessionUser;
  grants: SessionGrant[];
  /** The password was accepted, the second factor not yet (routes/two-factor.ts). */
  twoFactorPending: boolean;
}

export async function validateSessionToken(
  db: TenantDb,
  token: string,
  now: Date,
): Promise<ValidSession | null> {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  // One round trip: the session with its user, and the user's grants.
  const [rows, grantRows] = await db.batch([
    db
      .select({
        secretHash: sessions.secretHash,
        createdAt: sessions.createdAt,
        lastVerifiedAt: sessions.lastVerifiedAt,
        twoFactorPending: sessions.twoFactorPending,
        userId: users.id,
        email: users.email,
        fullName: users.fullName,
        memberId: users.memberId,
        disabledAt: users.disabledAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id)),
    db
      .select({ role: grants.role, unitId: grants.unitId, unitPath: units.path })
      .from(grants)
      .leftJoin(units, eq(units.id, grants.unitId))
      .where(
        eq(
          grants.userId,
          sql`(SELECT ${sessions.userId} FROM ${sessions} WHERE ${sessions.id} = ${id})`,
        ),
      ),
  ]);
  const row = rows[0];
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  const t = now.getTime();
  if (
    row.disabledAt ||
    t - row.lastVerifiedAt.getTime() >= IDLE_TIMEOUT_MS ||
    t - row.createdAt.getTime() >= ABSOLUTE_TIMEOUT_MS ||
    (row.twoFactorPending && t - row.createdAt.getTime() >= PENDING_TIMEOUT_MS)
  ) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (t - row.lastVerifiedAt.getTime() >= REFRESH_INTERVAL_MS) {
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id));
  }
  return {
    sessionId: id,
    user: { id: row.userId, email: row.email, fullName: row.fullName, memberId: row.memberId },
    grants: grantRows,
    twoFactorPending: row.twoFactorPending,
  };
}

export async function invalidateSession(db: TenantDb, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: TenantDb, userIds: string[]): Promise<void> {
  if (userIds.length) await db.delete(sessions).where(inArray(sessions.userId, userIds));
}

/** Seconds the cookie should live: the absolute limit; the idle limit is enforced above. */
export const cookieMaxAge = () => Math.floor(ABSOLUTE_TIMEOUT_MS / 1000);
