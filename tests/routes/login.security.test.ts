// Login under attack: beyond the limits no password is hashed (counted through the hasher
// seam, not timed), a flood from one address spends neither the shared budget nor the
// attacked owner's access from elsewhere, and many addresses together meet a global cap.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasher } from "../../worker/auth/password";
import { ADDRESS_BURST_LIMIT, ACCOUNT_LIMIT, GLOBAL_LOGIN_LIMIT } from "../../worker/auth/throttle";
import { makeApp, signupTenant, type TestApp } from "../support/app";

let t: TestApp;
const real = hasher.derive;
let hashes = 0;
beforeEach(() => {
  hashes = 0;
  // A deterministic stand-in: it verifies what it hashed, in microseconds, and counts.
  hasher.derive = async (password, salt, _params, keyLen) => {
    hashes++;
    return createHash("sha512").update(salt).update(password).digest().subarray(0, keyLen);
  };
});
afterEach(() => {
  hasher.derive = real;
  t?.close();
});

const ADMIN = "admin@phuong-a.vn";
const PASSWORD = "mat-khau-du-dai";

/** A tenant whose admin's password was hashed by the stand-in, and a login from `address`. */
async function setup() {
  t = await makeApp();
  await signupTenant(t, "phuong-a");
  t.platform.clientAddress = (c) => c.req.header("X-Test-Address") ?? "local";
  hashes = 0;
  return (address: string, email: string, password: string) =>
    t.request("POST", "/api/t/phuong-a/auth/login", {
      body: { email, password },
      headers: { "X-Test-Address": address },
    });
}

async function inBatches<T>(n: number, size: number, run: (i: number) => Promise<T>) {
  const out: T[] = [];
  for (let i = 0; i < n; i += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => run(i + j)))),
    );
  return out;
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {});

describe("login limits", () => {
  it("hashes at most the address's limit for 1,000 unknown e-mails from one address", async () => {
    const attempt = await setup();
    const statuses = await inBatches(1000, 50, async (i) => {
      const res = await attempt("203.0.113.7", `khong-ai-${i}@phuong-a.vn`, "doan-bua-di");
      return res.status;
    });
    expect(hashes).toBeLessThanOrEqual(ADDRESS_BURST_LIMIT.max);
    expect(tally(statuses)).toEqual({
      401: ADDRESS_BURST_LIMIT.max,
      429: 1000 - ADDRESS_BURST_LIMIT.max,
    });
    // Within the limits an unknown e-mail still costs a hash, like a known one: no timing tell.
    expect(hashes).toBe(ADDRESS_BURST_LIMIT.max);
  }, 120_000);

  it("lets the owner of an attacked account sign in from another address", async () => {
    const attempt = await setup();
    const statuses = await inBatches(1000, 50, async (i) => {
      const email = i % 2 ? ADMIN : `khong-ai-${i}@phuong-a.vn`;
      return (await attempt("203.0.113.7", email, `doan-${i}`)).status;
    });
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(ADDRESS_BURST_LIMIT.max);
    // The attacker's address is locked out of the account, even with the right password…
    expect((await attempt("203.0.113.7", ADMIN, PASSWORD)).status).toBe(429);
    // …its owner is not.
    hashes = 0;
    const owner = await attempt("198.51.100.20", ADMIN, PASSWORD);
    expect(owner.status).toBe(200);
    expect(hashes).toBe(1);
  }, 120_000);

  it("locks an account per address after its limit of wrong passwords", async () => {
    const attempt = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT.max + 5; i++)
      statuses.push((await attempt("203.0.113.8", ADMIN, `sai-${i}`)).status);
    expect(statuses).toEqual([...Array(ACCOUNT_LIMIT.max).fill(401), ...Array(5).fill(429)]);
    expect(hashes).toBe(ACCOUNT_LIMIT.max);
    expect((await attempt("203.0.113.9", ADMIN, PASSWORD)).status).toBe(200);
  });

  it("caps the hashes of many addresses together at the global limit", async () => {
    const attempt = await setup();
    const n = GLOBAL_LOGIN_LIMIT.max + 100;
    const statuses = await inBatches(n, 50, async (i) => {
      const address = `10.0.${Math.floor(i / 250)}.${i % 250}`;
      return (await attempt(address, `khong-ai-${i}@phuong-a.vn`, "doan-bua-di")).status;
    });
    expect(hashes).toBe(GLOBAL_LOGIN_LIMIT.max);
    expect(tally(statuses)).toEqual({ 401: GLOBAL_LOGIN_LIMIT.max, 429: 100 });
    // A minute later the budget is back.
    t.clock.now = new Date(t.clock.now.getTime() + GLOBAL_LOGIN_LIMIT.windowMs + 1000);
    expect((await attempt("198.51.100.20", ADMIN, PASSWORD)).status).toBe(200);
  }, 120_000);
});
