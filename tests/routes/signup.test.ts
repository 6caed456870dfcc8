// Sign-up modes (SIGNUP=open|verify|closed), the e-mailed verification link, and the daily
// limits, through the real app with the verification mail read from a real SMTP server.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { purgeExpiredSignups, signupMode } from "../../worker/data/signups";
import { login, makeApp, signupBody, type TestApp } from "../support/app";
import { appWithSmtp } from "../support/smtp";

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const HOUR = 60 * 60 * 1000;
const PASSWORD = "mat-khau-moi-du-dai";

/** The app with SIGNUP=verify and e-mail over SMTP to a server in this process. */
const verifyApp = () => appWithSmtp({}, { signup: "verify" });

/** Sign-up without a password: the admin sets it when following the link. */
const pendingBody = (slug: string, email = `admin@${slug}.vn`) => {
  const body = signupBody(slug, email);
  return { ...body, admin: { email, fullName: body.admin.fullName } };
};

const tokenIn = (text: string) => /\/dang-ky\/xac-nhan#([a-z2-7]+)/.exec(text)?.[1];

async function tenantRows(app: TestApp) {
  const r = await app.platform.control().client.execute("SELECT slug, status FROM tenants");
  return r.rows.map((row) => ({ slug: row.slug, status: row.status }));
}
const tenantFiles = (app: TestApp) => readdirSync(join(app.dataDir, "tenants"));

describe("SIGNUP=verify", () => {
  it("makes a pending tenant, mails a link, and the link activates it and signs the admin in", async () => {
    const { t, smtp } = await verifyApp();
    const res = await t.request("POST", "/api/signup", { body: pendingBody("phuong-moi") });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      status: "pending",
      tenant: { slug: "phuong-moi", name: "Đảng bộ phuong-moi" },
      sentTo: "admin@phuong-moi.vn",
      expiresAt: "2026-03-11T03:00:00.000Z",
    });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(["admin@phuong-moi.vn"]);
    expect(mail.subject).toBe("Xác nhận đăng ký Đảng bộ phuong-moi");
    expect(mail.text).toContain("Kính gửi đồng chí Quản Trị Viên,");
    expect(mail.text).toMatch(/^http:\/\/localhost\/dang-ky\/xac-nhan#[a-z2-7]{52}$/m);
    expect(await tenantRows(t)).toEqual([{ slug: "phuong-moi", status: "pending" }]);

    const ok = await t.request("POST", "/api/signup/verify", {
      body: { token: tokenIn(mail.text), password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { tenant: { slug: string; name: string }; token: string };
    expect(body.tenant).toMatchObject({ slug: "phuong-moi", name: "Đảng bộ phuong-moi" });
    expect(ok.headers.get("set-cookie")).toMatch(/^sid-phuong-moi=/);
    expect(await tenantRows(t)).toEqual([{ slug: "phuong-moi", status: "active" }]);
    const me = await t.request("GET", "/api/t/phuong-moi/me", { token: body.token });
    expect(((await me.json()) as { grants: unknown }).grants).toEqual([
      { role: "admin", unitId: null },
    ]);
    await login(t, "phuong-moi", "admin@phuong-moi.vn", PASSWORD);

    const again = await t.request("POST", "/api/signup/verify", {
      body: { token: tokenIn(mail.text), password: "mat-khau-khac-hang" },
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("TOKEN_INVALID");
    await login(t, "phuong-moi", "admin@phuong-moi.vn", PASSWORD);
  });

  it("keeps a pending tenant invisible: no public name, no login, its slug held", async () => {
    const { t } = await verifyApp();
    expect(
      (await t.request("POST", "/api/signup", { body: pendingBody("phuong-cho") })).status,
    ).toBe(202);
    const pub = await t.request("GET", "/api/tenants/phuong-cho");
    expect(pub.status).toBe(404);
    const loginRes = await t.request("POST", "/api/t/phuong-cho/auth/login", {
      body: { email: "admin@phuong-cho.vn", password: PASSWORD },
    });
    expect(loginRes.status).toBe(404);
    expect(await loginRes.json()).toEqual({
      error: { code: "TENANT_NOT_FOUND", message: "Không tìm thấy đảng bộ này." },
    });
    const taken = await t.request("POST", "/api/signup", {
      body: pendingBody("phuong-cho", "nguoi-khac@vn.vn"),
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("SLUG_TAKEN");
  });

  it("refuses an expired link, and after 24 h gives the slug to the next sign-up", async () => {
    const { t, smtp } = await verifyApp();
    await t.request("POST", "/api/signup", { body: pendingBody("phuong-het") });
    const first = tokenIn(smtp.received[0]!.text);
    const [oldFile] = tenantFiles(t);
    t.clock.now = new Date(t.clock.now.getTime() + 24 * HOUR);
    const late = await t.request("POST", "/api/signup/verify", {
      body: { token: first, password: PASSWORD },
    });
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({
      error: {
        code: "TOKEN_INVALID",
        message:
          "Đường dẫn xác nhận đã hết hạn hoặc đã được dùng. Nếu đảng bộ chưa được kích hoạt, hãy đăng ký lại.",
      },
    });
    expect(await tenantRows(t)).toEqual([{ slug: "phuong-het", status: "pending" }]);

    const next = await t.request("POST", "/api/signup", {
      body: pendingBody("phuong-het", "nguoi-sau@vn.vn"),
    });
    expect(next.status).toBe(202);
    expect(tenantFiles(t)).not.toContain(oldFile);
    expect(await tenantRows(t)).toEqual([{ slug: "phuong-het", status: "pending" }]);
    const second = tokenIn(smtp.received[1]!.text);
    const ok = await t.request("POST", "/api/signup/verify", {
      body: { token: second, password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    await login(t, "phuong-het", "nguoi-sau@vn.vn", PASSWORD);
  });

  it("purges sign-ups whose link expired unused, and only those", async () => {
    const { t, smtp } = await verifyApp();
    await t.request("POST", "/api/signup", { body: pendingBody("phuong-cu") });
    t.clock.now = new Date(t.clock.now.getTime() + 12 * HOUR);
    await t.request("POST", "/api/signup", { body: pendingBody("phuong-moi-hon") });
    const token = tokenIn(smtp.received[1]!.text);
    t.clock.now = new Date(t.clock.now.getTime() + 12 * HOUR + 1);
    expect(await purgeExpiredSignups(t.platform)).toBe(1);
    expect(await tenantRows(t)).toEqual([{ slug: "phuong-moi-hon", status: "pending" }]);
    expect(tenantFiles(t).filter((f) => f.endsWith(".db"))).toHaveLength(1);
    const verifications = await t.platform
      .control()
      .client.execute("SELECT count(*) AS n FROM signup_verifications");
    expect(verifications.rows[0]!.n).toBe(1);
    expect(
      (await t.request("POST", "/api/signup/verify", { body: { token, password: PASSWORD } }))
        .status,
    ).toBe(200);
    expect(await purgeExpiredSignups(t.platform)).toBe(0);
  });

  it("asks for a password unless one was given at sign-up", async () => {
    const { t, smtp } = await verifyApp();
    await t.request("POST", "/api/signup", { body: pendingBody("phuong-mk") });
    const token = tokenIn(smtp.received[0]!.text);
    const none = await t.request("POST", "/api/signup/verify", { body: { token } });
    expect(none.status).toBe(422);
    expect(((await none.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      password: "Hãy đặt mật khẩu để đăng nhập.",
    });
    // The refused attempt did not burn the link.
    expect(
      (await t.request("POST", "/api/signup/verify", { body: { token, password: PASSWORD } }))
        .status,
    ).toBe(200);

    await t.request("POST", "/api/signup", { body: signupBody("phuong-co-mk") });
    const withPassword = tokenIn(smtp.received[1]!.text);
    const ok = await t.request("POST", "/api/signup/verify", { body: { token: withPassword } });
    expect(ok.status).toBe(200);
    await login(t, "phuong-co-mk", "admin@phuong-co-mk.vn", "mat-khau-du-dai");
  });

  it("leaves nothing behind when the mail server refuses the address", async () => {
    const { t, smtp } = await verifyApp();
    smtp.refuse.set("admin@phuong-sai.vn", 550);
    const res = await t.request("POST", "/api/signup", { body: pendingBody("phuong-sai") });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      "admin.email": "Không gửi được thư tới địa chỉ này.",
    });
    expect(await tenantRows(t)).toEqual([]);
    expect(tenantFiles(t)).toEqual([]);
  });

  it("rejects a made-up or empty token", async () => {
    const { t } = await verifyApp();
    const bogus = await t.request("POST", "/api/signup/verify", {
      body: { token: "a".repeat(52), password: PASSWORD },
    });
    expect(bogus.status).toBe(400);
    const empty = await t.request("POST", "/api/signup/verify", { body: { token: "" } });
    expect(empty.status).toBe(422);
  });
});

describe("SIGNUP=closed and open", () => {
  // Without e-mail configured, "verify" refuses too, telling the operator what to set.
  it.each([
    {
      mode: "closed",
      status: 403,
      code: "SIGNUP_CLOSED",
      message:
        "Hệ thống hiện không nhận đăng ký đảng bộ mới. Vui lòng liên hệ người vận hành hệ thống.",
    },
    {
      mode: "verify",
      status: 503,
      code: "SIGNUP_UNAVAILABLE",
      message:
        "Chưa đăng ký được: đăng ký cần xác nhận qua thư điện tử nhưng hệ thống chưa cấu hình gửi thư. " +
        "Người vận hành cần đặt SMTP_URL (hoặc MAIL_API_URL) hoặc đặt SIGNUP=open.",
    },
  ] as const)(
    "$mode refuses with $status and makes nothing",
    async ({ mode, status, code, message }) => {
      t = await makeApp({ signup: mode });
      const res = await t.request("POST", "/api/signup", { body: signupBody(`phuong-${mode}`) });
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: { code, message } });
      expect(await tenantRows(t)).toEqual([]);
    },
  );

  it("open needs the admin's password at once", async () => {
    t = await makeApp({ signup: "open" });
    const res = await t.request("POST", "/api/signup", { body: pendingBody("phuong-mo") });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: unknown } }).error.fields).toEqual({
      "admin.password": "Bắt buộc phải có.",
    });
    expect(await tenantRows(t)).toEqual([]);
    expect(existsSync(join(t.dataDir, "tenants"))).toBe(true);
    expect(tenantFiles(t)).toEqual([]);
  });

  it("tells the sign-up page the mode and the refusal it would meet", async () => {
    const modeOf = async (app: TestApp) => (await app.request("GET", "/api/signup")).json();
    t = await makeApp({ signup: "open" });
    expect(await modeOf(t)).toEqual({ mode: "open", ready: true, message: null });
    t.platform.signup = "closed";
    expect(await modeOf(t)).toMatchObject({ mode: "closed", ready: false });
    t.platform.signup = undefined;
    expect(await modeOf(t)).toMatchObject({
      mode: "verify",
      ready: false,
      message: expect.stringContaining("SIGNUP=open"),
    });
    t.close();
    ({ t } = await verifyApp());
    expect(await modeOf(t)).toEqual({ mode: "verify", ready: true, message: null });
  });

  it("reads the setting: unset is verify, an unknown value closes", () => {
    const cases: [string | undefined, string][] = [
      [undefined, "verify"],
      ["", "verify"],
      [" Open ", "open"],
      ["verify", "verify"],
      ["closed", "closed"],
      ["yes", "closed"],
    ];
    for (const [setting, mode] of cases) expect(signupMode(setting)).toBe(mode);
  });
});

describe("sign-up limits", () => {
  it("mails one address at most 3 times a day", async () => {
    const { t, smtp } = await verifyApp();
    const email = "mot-nguoi@vn.vn";
    for (const slug of ["phuong-mot", "phuong-hai", "phuong-ba"])
      expect(
        (await t.request("POST", "/api/signup", { body: pendingBody(slug, email) })).status,
      ).toBe(202);
    const fourth = await t.request("POST", "/api/signup", {
      body: pendingBody("phuong-bon", email.toUpperCase()),
    });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get("retry-after")).toBe(String(24 * 60 * 60));
    expect(smtp.received).toHaveLength(3);
    expect((await tenantRows(t)).map((r) => r.slug)).not.toContain("phuong-bon");
    // Another address is not held back by it.
    expect(
      (await t.request("POST", "/api/signup", { body: pendingBody("phuong-nam") })).status,
    ).toBe(202);
    t.clock.now = new Date(t.clock.now.getTime() + 24 * HOUR);
    expect(
      (await t.request("POST", "/api/signup", { body: pendingBody("phuong-bon", email) })).status,
    ).toBe(202);
  });

  it("takes at most 20 sign-ups a day from one client address", async () => {
    // Pending sign-ups: no password to hash, so the 21 stay quick.
    const { t } = await verifyApp();
    const start = t.clock.now.getTime();
    for (let i = 0; i < 20; i++) {
      // 10 an hour is the hourly limit; spread them over two hours.
      t.clock.now = new Date(start + (i < 10 ? 0 : 2 * HOUR));
      const res = await t.request("POST", "/api/signup", { body: pendingBody(`phuong-so-${i}`) });
      expect(res.status).toBe(202);
    }
    t.clock.now = new Date(start + 4 * HOUR);
    const over = await t.request("POST", "/api/signup", { body: pendingBody("phuong-so-20") });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe(String(20 * 60 * 60));
    expect((await tenantRows(t)).length).toBe(20);
    t.clock.now = new Date(start + 24 * HOUR);
    expect(
      (await t.request("POST", "/api/signup", { body: pendingBody("phuong-so-20") })).status,
    ).toBe(202);
  });
});
