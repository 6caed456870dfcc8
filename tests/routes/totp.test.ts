// The second factor end to end, through the real app over real libSQL files. Codes are made
// the way an authenticator app makes them (RFC 6238 from the shown key) at the test's clock,
// which is the clock the server checks them against, so stepping the clock by 30 s is a new
// code and staying in the step is a replay.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog, users } from "../../schema/tables/tenant";
import { totpAt } from "../../worker/auth/totp";
import { TOTP_PAIR_LIMIT } from "../../worker/auth/throttle";
import { makeApp, openTenant, signupTenant, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

const SLUG = "phuong-2fa";
const A = `/api/t/${SLUG}`;
const EMAIL = `admin@${SLUG}.vn`;
const PASSWORD = "mat-khau-du-dai";

async function setup() {
  t = await makeApp();
  const signed = await signupTenant(t, SLUG);
  t.platform.clientAddress = (c) => c.req.header("X-Test-Address") ?? "local";
  return { token: signed.token, userId: signed.user.id, tenantId: signed.tenant.id };
}

const tick = (seconds = 30) => {
  t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
};

async function enrol(token: string) {
  const setupRes = await t.request("POST", `${A}/auth/two-factor/setup`, { token });
  expect(setupRes.status).toBe(200);
  const { key, uri } = (await setupRes.json()) as { key: string; uri: string };
  const secret = decodeBase32IgnorePadding(key);
  const code = () => totpAt(secret, t.clock.now);
  const res = await t.request("POST", `${A}/auth/two-factor/enable`, {
    token,
    body: { key, code: code() },
  });
  expect(res.status).toBe(201);
  const { recoveryCode } = (await res.json()) as { recoveryCode: string };
  return { key, uri, secret, code, recoveryCode };
}

async function login(address = "local") {
  const res = await t.request("POST", `${A}/auth/login`, {
    body: { email: EMAIL, password: PASSWORD },
    headers: { "X-Test-Address": address },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; twoFactorRequired: boolean };
}

const verify = (token: string, code: string, address = "local") =>
  t.request("POST", `${A}/auth/two-factor/verify`, {
    token,
    body: { code },
    headers: { "X-Test-Address": address },
  });

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe("second factor (TOTP)", () => {
  it("enrols with a first code, shows the key as a URI and keeps it sealed", async () => {
    const { token, userId, tenantId } = await setup();
    const off = await t.request("GET", `${A}/auth/two-factor`, { token });
    expect(await off.json()).toEqual({ enabled: false });

    const { key, uri, recoveryCode } = await enrol(token);
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${key}`);
    expect(uri).toContain("period=30");
    expect(recoveryCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const on = await t.request("GET", `${A}/auth/two-factor`, { token });
    expect(await on.json()).toEqual({ enabled: true });

    const { db } = await openTenant(t, tenantId);
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    expect(row!.totpKey).toMatch(/^v1\./);
    const raw = Buffer.from(decodeBase32IgnorePadding(key));
    expect(row!.totpKey).not.toContain(key);
    expect(row!.totpKey).not.toContain(raw.toString("base64"));
    expect(row!.totpRecoveryHash).not.toBeNull();
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityId, userId));
    expect(audits.map((a) => a.action)).toContain("account.two-factor.enable");
  });

  it("refuses a wrong first code and enrols nothing", async () => {
    const { token } = await setup();
    const { key } = (await (
      await t.request("POST", `${A}/auth/two-factor/setup`, { token })
    ).json()) as { key: string };
    const wrong = totpAt(decodeBase32IgnorePadding(key), new Date(t.clock.now.getTime() - 3600e3));
    const res = await t.request("POST", `${A}/auth/two-factor/enable`, {
      token,
      body: { key, code: wrong },
    });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe("TOTP_INVALID");
    const on = await t.request("GET", `${A}/auth/two-factor`, { token });
    expect(await on.json()).toEqual({ enabled: false });
  });

  it("makes login two-step: the pending session reaches only the code step", async () => {
    const { token } = await setup();
    const { code } = await enrol(token);

    const pending = await login();
    expect(pending.twoFactorRequired).toBe(true);
    for (const [method, path] of [
      ["GET", `${A}/me`],
      ["GET", `${A}/units`],
      ["GET", `${A}/auth/two-factor`],
      ["POST", `${A}/auth/two-factor/setup`],
    ] as const) {
      const res = await t.request(method, path, { token: pending.token });
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
      expect((await errorOf(res)).code).toBe("TWO_FACTOR_REQUIRED");
    }

    const wrong = await verify(pending.token, code() === "000000" ? "111111" : "000000");
    expect(wrong.status).toBe(422);
    const err = await errorOf(wrong);
    expect(err.code).toBe("TOTP_INVALID");
    expect(err.message).toBe("Mã xác thực không đúng hoặc đã hết hạn.");

    // The enrolment spent this step's code: the same code again is a replay.
    const again = await verify(pending.token, code());
    expect(again.status).toBe(422);
    expect((await errorOf(again)).code).toBe("TOTP_REPLAYED");

    tick();
    const ok = await verify(pending.token, code());
    expect(ok.status).toBe(200);
    const full = (await ok.json()) as { token: string; twoFactorRequired: boolean };
    expect(full.twoFactorRequired).toBe(false);
    expect((await t.request("GET", `${A}/me`, { token: full.token })).status).toBe(200);
    // The pending session is gone once it has been used.
    expect((await verify(pending.token, code())).status).toBe(401);

    // Another login in the same 30 s step: the code just used is refused.
    const second = await login();
    const replay = await verify(second.token, code());
    expect(replay.status).toBe(422);
    expect((await errorOf(replay)).code).toBe("TOTP_REPLAYED");
    tick();
    expect((await verify(second.token, code())).status).toBe(200);
  });

  it("refuses the verify step to anyone without a pending session", async () => {
    const { token } = await setup();
    const { code } = await enrol(token);
    tick();
    const res = await verify(token, code());
    expect(res.status).toBe(401);
    expect((await verify("", code())).status).toBe(401);
  });

  it("ends a pending session that waits too long", async () => {
    const { token } = await setup();
    const { code } = await enrol(token);
    const pending = await login();
    tick(11 * 60);
    const res = await verify(pending.token, code());
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("UNAUTHENTICATED");
  });

  it("counts codes against the throttle before checking them", async () => {
    const { token } = await setup();
    const { code } = await enrol(token);
    const pending = await login("198.51.100.9");
    tick();
    const bad = code() === "123456" ? "654321" : "123456";
    for (let i = 0; i < TOTP_PAIR_LIMIT.max; i++)
      expect((await verify(pending.token, bad, "198.51.100.9")).status).toBe(422);
    const limited = await verify(pending.token, code(), "198.51.100.9");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect((await errorOf(limited)).code).toBe("RATE_LIMITED");
    // The owner from another address still gets in.
    const owner = await login("192.0.2.1");
    expect((await verify(owner.token, code(), "192.0.2.1")).status).toBe(200);
  });

  it("disables with a current code only", async () => {
    const { token } = await setup();
    const { code } = await enrol(token);
    const replay = await t.request("POST", `${A}/auth/two-factor/disable`, {
      token,
      body: { code: code() },
    });
    expect(replay.status).toBe(422);
    expect((await errorOf(replay)).code).toBe("TOTP_REPLAYED");
    tick();
    const off = await t.request("POST", `${A}/auth/two-factor/disable`, {
      token,
      body: { code: code() },
    });
    expect(off.status).toBe(204);
    expect(await (await t.request("GET", `${A}/auth/two-factor`, { token })).json()).toEqual({
      enabled: false,
    });
    const plain = await login();
    expect(plain.twoFactorRequired).toBe(false);
    expect((await t.request("GET", `${A}/me`, { token: plain.token })).status).toBe(200);
    const twice = await t.request("POST", `${A}/auth/two-factor/disable`, {
      token,
      body: { code: code() },
    });
    expect(twice.status).toBe(409);
  });

  it("lets the recovery code in once, and it removes the factor", async () => {
    const { token, userId, tenantId } = await setup();
    const { recoveryCode } = await enrol(token);
    const pending = await login();
    const wrong = await t.request("POST", `${A}/auth/two-factor/recover`, {
      token: pending.token,
      body: { recoveryCode: "AAAA-BBBB-CCCC-DDDD" },
    });
    expect(wrong.status).toBe(422);
    expect((await errorOf(wrong)).code).toBe("TOTP_INVALID");
    const ok = await t.request("POST", `${A}/auth/two-factor/recover`, {
      token: pending.token,
      // Typed in lower case without dashes: the same code.
      body: { recoveryCode: recoveryCode.replace(/-/g, "").toLowerCase() },
    });
    expect(ok.status).toBe(200);
    const full = (await ok.json()) as { token: string };
    expect((await t.request("GET", `${A}/me`, { token: full.token })).status).toBe(200);
    expect(
      await (await t.request("GET", `${A}/auth/two-factor`, { token: full.token })).json(),
    ).toEqual({ enabled: false });

    // Enrolled again: the old recovery code opens nothing.
    tick();
    await enrol(full.token);
    const next = await login();
    const reused = await t.request("POST", `${A}/auth/two-factor/recover`, {
      token: next.token,
      body: { recoveryCode },
    });
    expect(reused.status).toBe(422);
    const { db } = await openTenant(t, tenantId);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, userId))).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === "account.two-factor.recover")).toHaveLength(1);
  });
});
