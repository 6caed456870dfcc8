// Browser test of a đảng bộ signing up alone on a 390 px phone: the form from the home page,
// the "Chờ xác nhận" state, the verification mail read from a real SMTP server in this
// process, and the link that activates the đảng bộ and lands the admin signed in. Against the
// built Node server with SIGNUP=verify; needs `npm run build` first.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPhonePage } from "../support/browser";
import { ROOT, startServer, type TestServer } from "../support/server";
import { seriousFindings } from "../support/axe";
import { startSmtp, type TestSmtp } from "../support/smtp";

const WIDTH = 390;
const NAME = "Đảng bộ phường Phúc Xá";
const ADMIN = { fullName: "Trần Thị Hồng", email: "hong.tran@phucxa.vn" };
const PASSWORD = "mot cau de nho 2026";

let server: TestServer | undefined;
let smtp: TestSmtp | undefined;
let base = "";
let browser: Browser | undefined;

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startServer({
    prefix: "shct-e2e-signup-",
    env: { SIGNUP: "verify", SMTP_URL: smtp.url },
  });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe("a đảng bộ signs up alone on a 390 px phone", () => {
  it("registers from the home page, waits for the mail, follows its link and is signed in", async () => {
    const page = await newPhonePage(browser!, base);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));

    await page.goto("/");
    await page.getByRole("link", { name: "Đăng ký đảng bộ mới" }).click();
    await page.waitForURL(`${base}/dang-ky`);
    await page.getByRole("heading", { level: 1, name: "Đăng ký đảng bộ mới" }).waitFor();
    expect(await seriousFindings(page)).toEqual([]);

    // The code is suggested from the name, diacritics folded.
    await page.getByLabel("Tên đảng bộ").fill(NAME);
    const slug = page.getByLabel("Mã đảng bộ");
    expect(await slug.inputValue()).toBe("phuong-phuc-xa");
    // A code of one's own is checked as it is typed, the message next to the field.
    await slug.fill("phuc--xa");
    await expect
      .poll(() => page.locator("#su-slug-err").textContent())
      .toBe("Dấu gạch ngang chỉ nằm giữa hai chữ, không ở đầu, cuối hay hai dấu liền nhau.");
    expect(await slug.getAttribute("aria-invalid")).toBe("true");
    await slug.fill("phuong-phuc-xa");

    // Missing fields are named next to each field, not by the browser's generic bubble.
    await page.getByRole("button", { name: "Đăng ký" }).click();
    await expect
      .poll(() => page.locator("#su-kind-err").textContent())
      .toBe("Hãy chọn loại tổ chức.");
    expect(await page.locator("#su-fullname-err").textContent()).toBe("Hãy nhập họ và tên.");
    expect(await page.locator("#su-slug-err").textContent()).toBe("");

    await page.getByLabel("Loại tổ chức").selectOption({ label: "Đảng ủy phường" });
    await page.getByLabel("Họ và tên").fill(ADMIN.fullName);
    await page.getByLabel("Thư điện tử").fill(ADMIN.email);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/signup-390-form.png"), fullPage: true });
    const sent = page.waitForResponse(
      (r) => r.url().endsWith("/api/signup") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Đăng ký" }).click();
    expect((await sent).status()).toBe(202);

    // "Chờ xác nhận": where the mail went and for which code.
    await page.getByRole("heading", { level: 1, name: "Chờ xác nhận" }).waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    const main = page.locator("main");
    expect(await page.getByRole("status").innerText()).toBe(
      `Đã gửi thư xác nhận tới ${ADMIN.email}.`,
    );
    expect(await main.innerText()).toContain("phuong-phuc-xa");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/signup-390-pending.png") });

    // Not yet a đảng bộ anyone can enter.
    expect((await fetch(`${base}/api/tenants/phuong-phuc-xa`)).status).toBe(404);

    await expect.poll(() => smtp!.received.length, { timeout: 10_000 }).toBe(1);
    const mail = smtp!.received[0]!;
    expect(mail.envelopeTo).toEqual([ADMIN.email]);
    expect(mail.subject).toBe(`Xác nhận đăng ký ${NAME}`);
    const link = /^(http\S+\/dang-ky\/xac-nhan#\S+)$/m.exec(mail.text)?.[1];
    expect(link?.startsWith(`${base}/dang-ky/xac-nhan#`)).toBe(true);

    await page.goto(link!);
    await page.getByRole("heading", { level: 1, name: "Xác nhận đăng ký" }).waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByLabel(/^Mật khẩu/).fill(PASSWORD);
    await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.getByRole("button", { name: "Kích hoạt và đăng nhập" }).click();

    // Signed in, in the new đảng bộ, as its admin.
    await page.waitForURL(`${base}/t/phuong-phuc-xa`);
    const greeting = page.locator(".greeting");
    await greeting.waitFor();
    expect(await seriousFindings(page)).toEqual([]);
    expect((await greeting.innerText()).trim()).toBe(`Xin chào, ${ADMIN.fullName}`);
    expect(await page.locator(".roles").innerText()).toContain("Quản trị");
    expect(await page.locator(".shell-header").innerText()).toContain(NAME);
    await page.screenshot({ path: join(ROOT, "test-results/signup-390-signed-in.png") });

    // The link worked once; the password set on the way in signs in.
    const again = await fetch(`${base}/api/signup/verify`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({ token: link!.split("#")[1], password: "mat-khau-khac-hang" }),
    });
    expect(again.status).toBe(400);
    const login = await fetch(`${base}/api/t/phuong-phuc-xa/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({ email: ADMIN.email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);

    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
