// Single-use links (invitations and password resets). Only the token's SHA-256 is stored,
// and using a link is one conditional UPDATE, so two clicks racing on one link cannot both
// succeed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accountTokens } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DomainError } from "../errors";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;

export const hashToken = (token: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
export const newToken = () =>
  encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));

/** Claims a live token of `kind` — at most once, whoever races for it. */
export async function claimToken(
  db: TenantDb,
  { token, kind, now }: { token: string; kind: "invite" | "reset"; now: Date },
) {
  const [claimed] = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(accountTokens.tokenHash, hashToken(token)),
        eq(accountTokens.kind, kind),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!claimed)
    throw new DomainError(
      "TOKEN_INVALID",
      "Đường dẫn đã hết hạn, đã được dùng hoặc đã bị thu hồi.",
    );
  return claimed;
}

/** Gives a claimed token back (the claim's other checks failed: it must not be burnt). */
export async function releaseToken(db: TenantDb, id: string) {
  await db.update(accountTokens).set({ usedAt: null }).where(eq(accountTokens.id, id));
}
