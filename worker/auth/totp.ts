// The second factor: TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits — what every
// authenticator app reads from an otpauth:// URI), after the Lucia project's 2FA guide, with
// @oslojs/otp. Codes are checked against the platform's clock (never Date.now(), so tests
// and the server agree on the step), one step either side for a phone's clock drift; the step
// a code matched is returned so the caller can refuse it a second time (no replay).
import { sha256 } from "@oslojs/crypto/sha2";
import {
  decodeBase32IgnorePadding,
  encodeBase32NoPadding,
  encodeBase32UpperCaseNoPadding,
} from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from "@oslojs/otp";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
export const TOTP_KEY_BYTES = 20;
/** Steps accepted either side of the current one (clock drift of a phone). */
const DRIFT_STEPS = 1;

export const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / TOTP_PERIOD_S);

export const newTotpKey = () => crypto.getRandomValues(new Uint8Array(TOTP_KEY_BYTES));

/** The key as an authenticator app takes it typed in: base32, no padding. */
export const encodeTotpKey = (key: Uint8Array) => encodeBase32NoPadding(key);

/** The key the client sends back when confirming enrolment; null unless it is one of ours. */
export function decodeTotpKey(text: string): Uint8Array | null {
  try {
    const key = decodeBase32IgnorePadding(text.replace(/\s+/g, "").toUpperCase());
    return key.length === TOTP_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

export const totpKeyUri = (issuer: string, account: string, key: Uint8Array) =>
  createTOTPKeyURI(issuer, account, key, TOTP_PERIOD_S, TOTP_DIGITS);

/** The code an authenticator shows at `now` (tests, and nothing else on the server). */
export const totpAt = (key: Uint8Array, now: Date) =>
  generateHOTP(key, BigInt(stepAt(now)), TOTP_DIGITS);

/** The step `code` is valid for around `now`, or null. Each comparison is constant-time. */
export function matchingStep(key: Uint8Array, code: string, now: Date): number | null {
  const digits = code.replace(/\s+/g, "");
  const current = stepAt(now);
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++)
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, digits)) return step;
  return null;
}

/** A recovery code: 80 random bits as 16 base32 letters in groups of four. Only its hash is
 *  stored; it is shown once. */
export function newRecoveryCode(): string {
  const raw = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
  return raw.match(/.{4}/g)!.join("-");
}

/** Typed back with or without dashes, spaces or lower case: the same code. */
export const hashRecoveryCode = (code: string) =>
  sha256(new TextEncoder().encode(code.toUpperCase().replace(/[^A-Z2-7]/g, "")));
