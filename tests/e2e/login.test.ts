// Browser test of the first client: the login page and the signed-in shell on a 390 px phone,
// against the built Node server (dist/node/node.mjs serving dist/client) on a fresh DATA_DIR
// with the demo đảng bộ. Needs `npm run build` first (`npm test` does it).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const WIDTH = 390;

const DEMO_NAME = "Đảng bộ phường Long Biên (mẫu)";
const ADMIN = { email: "admin@demo.vn", password: "demo12345" };

const e2e = useServerAndBrowser("shct-e2e-");

describe("login and the signed-in shell on a 390 px phone", () => {
  it("shows the đảng bộ, rejects a wrong password in Vietnamese, signs in and out", async () => {
    const pageErrors: string[] = [];
    const page = await e2e.phone(pageErrors);

    // The login page carries the đảng bộ's name from GET /api/tenants/demo.
    await page.goto("/t/demo/dang-nhap");
    await page.getByRole("heading", { level: 1, name: DEMO_NAME }).waitFor();
    // One field for an e-mail or a phone number: plain text, so a phone's keyboard offers both.
    const email = page.getByLabel("Thư điện tử hoặc số điện thoại");
    const password = page.getByLabel("Mật khẩu");
    expect(await email.getAttribute("type")).toBe("text");
    expect(await email.getAttribute("autocomplete")).toBe("username");
    expect(await password.getAttribute("autocomplete")).toBe("current-password");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/login-390-form.png") });

    // A wrong password: the server's own Vietnamese message appears in the alert region.
    await email.fill(ADMIN.email);
    await password.fill("sai-mat-khau-1");
    const failed = page.waitForResponse(
      (r) => r.url().endsWith("/api/t/demo/auth/login") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const failure = await failed;
    expect(failure.status()).toBe(401);
    const failBody = (await failure.json()) as { error: { code: string; message: string } };
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe(failBody.error.message);
    expect(failBody.error.message).toMatch(/[À-ỹ]/); // Vietnamese, with diacritics
    expect(page.url()).toBe(`${e2e.base}/t/demo/dang-nhap`);

    // The right password: the shell greets the admin by name with the Vietnamese role label.
    await password.fill(ADMIN.password);
    const ok = page.waitForResponse(
      (r) => r.url().endsWith("/api/t/demo/auth/login") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    const success = await ok;
    expect(success.status()).toBe(200);
    const { user } = (await success.json()) as { user: { fullName: string } };
    expect(user.fullName.length).toBeGreaterThan(0);
    await page.waitForURL(`${e2e.base}/t/demo`);
    const greeting = page.locator(".greeting");
    await greeting.waitFor();
    expect((await greeting.innerText()).trim()).toBe(`Xin chào, ${user.fullName}`);
    expect(await page.locator(".roles").innerText()).toContain("Quản trị");
    expect(await page.locator(".shell-header").innerText()).toContain(DEMO_NAME);
    const nav = page.getByRole("navigation", { name: "Các mục chính" });
    for (const label of ["Việc của tôi", "Đơn vị", "Đợt sinh hoạt"]) {
      await nav.getByRole("link", { name: label }).waitFor();
    }
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/login-390.png"), fullPage: true });

    // "Việc của tôi" opens inside the shell (the admin has no tasks of her own).
    await nav.getByRole("link", { name: "Việc của tôi" }).click();
    await page.waitForURL(`${e2e.base}/t/demo/viec-cua-toi`);
    await page.getByRole("heading", { level: 1, name: "Việc của tôi" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Hiện bạn không có việc nào");

    // Sign out: back on the login page, and the session is really gone.
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(`${e2e.base}/t/demo/dang-nhap`);
    await page.getByRole("heading", { level: 1, name: DEMO_NAME }).waitFor();
    await page.goto("/t/demo");
    await page.waitForURL(`${e2e.base}/t/demo/dang-nhap`);
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();

    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
