// Password hashing with scrypt from node:crypto: native on Node and on Workers with
// nodejs_compat, so both runtimes share this code. Parameters sit inside workerd's cap
// N·r·p ≤ 2^20 (research/security.md §2.6) — tests/auth/password.test.ts pins them — and
// are stored with each hash so they can be raised later (rehash on login).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

export const SCRYPT = { N: 2 ** 14, r: 8, p: 5, keyLen: 32, saltLen: 16 } as const;
/** workerd refuses scrypt above this cost; local runtimes do not, so only a test catches it. */
export const WORKERS_SCRYPT_COST_CAP = 2 ** 20;
export const MIN_PASSWORD_LENGTH = 10;

interface Params {
  N: number;
  r: number;
  p: number;
}

type Derive = (password: string, salt: Buffer, params: Params, keyLen: number) => Promise<Buffer>;

function scryptDerive(
  password: string,
  salt: Buffer,
  params: Params,
  keyLen: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      // NIST 800-63B rev 4: normalise to NFC so a password typed on a composing Vietnamese
      // keyboard verifies against the same password typed precomposed.
      password.normalize("NFC"),
      salt,
      keyLen,
      { ...params, maxmem: 256 * params.N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** The key derivation every hash and verification goes through. A seam for tests only: they
 *  put a cheap, counting stand-in here to assert how often a password was hashed (the login
 *  limits promise "not at all" beyond them) without spending seconds of scrypt. */
export const hasher: { derive: Derive } = { derive: scryptDerive };

/** Hashes run one at a time. The login budget (GLOBAL_LOGIN_LIMIT in throttle.ts, some 0.6 of
 *  a core) fits in one core, and a burst of attempts inside the limits then never takes the
 *  core that answers every other request: the login.flood bench measures a signed-in request
 *  beside a thousand logins. A login waits at most for the hashes admitted before it. */
let queue: Promise<unknown> = Promise.resolve();
const derive: Derive = (...args) => {
  const run = queue.then(() => hasher.derive(...args));
  queue = run.catch(() => undefined);
  return run;
};

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLen);
  const key = await derive(password, salt, SCRYPT, SCRYPT.keyLen);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(keyB64!, "base64");
  const actual = await derive(password, Buffer.from(saltB64!, "base64"), params, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$`);
}

/** Verifying against this when the account does not exist keeps the answer's timing from
 *  telling whether an e-mail has an account. */
export const DUMMY_HASH =
  "scrypt$16384$8$5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
