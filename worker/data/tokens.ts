// Single-use links (invitations and password resets). Only the token's SHA-256 is stored,
// and using a link is one conditional UPDATE, so two clicks racing on one link cannot both
// succeed. A printed slip carries a short code instead of a link: 8 characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), typed by hand, redeemed like a link.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accountTokens } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DomainError } from "../errors";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;
/** A slip is handed out at the next cell meeting: it lives a week, reset slips too. */
export const SLIP_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

/** 8 characters, uniform over the alphabet (bytes ≥ 248 are redrawn so none is favoured):
 *  31⁸ ≈ 8.5·10¹¹ codes. Guessing is held back by the address throttle on redemption. */
export function newShortCode(): string {
  let code = "";
  while (code.length < CODE_LENGTH)
    for (const b of crypto.getRandomValues(new Uint8Array(CODE_LENGTH)))
      if (b < 248 && code.length < CODE_LENGTH) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return code;
}

/** A short code as printed (ABCD-EFGH): what a slip shows. */
export const formatShortCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** The spelling a token is hashed in: a short code typed as "abcd efgh" or "ABCD-EFGH" is the
 *  same code; a link's token (52 lower-case base32 characters) is taken as it is. */
export function canonicalToken(token: string): string {
  const compact = token.replace(/[\s-]/g, "").toUpperCase();
  return compact.length === CODE_LENGTH && [...compact].every((ch) => CODE_ALPHABET.includes(ch))
    ? compact
    : token;
}

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
        eq(accountTokens.tokenHash, hashToken(canonicalToken(token))),
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

/** A short code no stored token has (a clash among 31⁸ is rare but, over a whole roster's
 *  slips, not impossible): drawn again until free. */
export async function freshShortCode(db: TenantDb): Promise<string> {
  for (;;) {
    const code = newShortCode();
    const [taken] = await db
      .select({ id: accountTokens.id })
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashToken(code)));
    if (!taken) return code;
  }
}
