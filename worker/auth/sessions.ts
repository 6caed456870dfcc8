// Sessions after the Lucia project's current guide (the `lucia` package is deprecated):
// the token is `<id>.<secret>`, the database keeps only SHA-256(secret), the secret is
// compared in constant time, and the expiry slides with use. Sessions live in the tenant's
// own database, so a token is only ever looked up in the tenant named by the URL.
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { eq, inArray } from "drizzle-orm";
import { sessions } from "../../schema/tables/tenant";
import type { Client } from "@libsql/client";
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

// The session check runs on every tenant request, so it is one statement whose text is built
// once here, not by drizzle per request: the session joined to its user, with the user's grants
// as a JSON aggregate. No BEGIN or COMMIT: a single SELECT reads one snapshot by itself. The
// session and user come back as one JSON array, not nine columns: the libSQL client's cost
// grows with the columns of a result (their names and types are read for each statement, and
// each value is defined on the row object), and on `/me` that was a fifth of the server's time.
const VALIDATE_SQL = `SELECT s.secret_hash,
  json_array(s.created_at, s.last_verified_at, s.two_factor_pending,
    u.id, u.email, u.full_name, u.member_id, u.disabled_at),
  (SELECT json_group_array(json_array(g.role, g.unit_id, gu.path))
    FROM grants g LEFT JOIN units gu ON gu.id = g.unit_id WHERE g.user_id = u.id)
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id = ?`;
type SessionRow = [
  createdAt: number,
  lastVerifiedAt: number,
  twoFactorPending: number,
  userId: string,
  email: string | null,
  fullName: string,
  memberId: string | null,
  disabledAt: number | null,
];
type GrantRow = [role: SessionGrant["role"], unitId: string | null, unitPath: string | null];
const DELETE_SQL = "DELETE FROM sessions WHERE id = ?";
const REFRESH_SQL = "UPDATE sessions SET last_verified_at = ? WHERE id = ?";

/** Checks `<id>.<secret>` against the tenant's sessions: unknown, wrong secret, expired (idle,
 *  absolute, or a second factor owed too long) or a disabled user is null, and an expired or
 *  disabled one is deleted. A session used past REFRESH_INTERVAL_MS since its last write has
 *  its expiry slid forward; otherwise the check writes nothing. */
export async function validateSessionToken(
  client: Client,
  token: string,
  now: Date,
): Promise<ValidSession | null> {
  const dot = token.indexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  const { rows } = await client.execute({ sql: VALIDATE_SQL, args: [id] });
  const row = rows[0];
  if (!row) return null;
  const hash = row[0] as ArrayBuffer | Uint8Array;
  const stored = hash instanceof Uint8Array ? hash : new Uint8Array(hash);
  if (!constantTimeEqual(hashSecret(secret), stored)) return null;
  const [createdAt, lastVerifiedAt, pending, userId, email, fullName, memberId, disabledAt] =
    JSON.parse(row[1] as string) as SessionRow;
  const twoFactorPending = pending !== 0;
  const t = now.getTime();
  if (
    disabledAt != null ||
    t - lastVerifiedAt >= IDLE_TIMEOUT_MS ||
    t - createdAt >= ABSOLUTE_TIMEOUT_MS ||
    (twoFactorPending && t - createdAt >= PENDING_TIMEOUT_MS)
  ) {
    await client.execute({ sql: DELETE_SQL, args: [id] });
    return null;
  }
  if (t - lastVerifiedAt >= REFRESH_INTERVAL_MS)
    await client.execute({ sql: REFRESH_SQL, args: [t, id] });
  return {
    sessionId: id,
    user: { id: userId, email, fullName, memberId },
    grants: (JSON.parse(row[2] as string) as GrantRow[]).map(([role, unitId, unitPath]) => ({
      role,
      unitId,
      unitPath,
    })),
    twoFactorPending,
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
