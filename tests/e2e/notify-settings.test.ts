// Browser test of "Cách nhận thông báo" on a 390 px phone, against the built Node server with
// the demo đảng bộ and no e-mail configured: a member picks the app only and finds it kept
// after a reload; the admin reads that e-mail is off. Needs `npm run build` first.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO, PHONE_WIDTH, scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const e2e = useServerAndBrowser("shct-e2e-notify-");

describe("how notifications reach me, on a phone", () => {
  it("keeps a member's choice, and tells the admin e-mail is not configured", async () => {
    const errors: string[] = [];
    const page = await e2e.signedIn(errors, DEMO.member, DEMO.password);
    await page.getByRole("link", { name: /^Thông báo/ }).click();
    await page.getByRole("link", { name: "Cách nhận thông báo (thư điện tử)" }).click();
    await page.getByRole("heading", { level: 1, name: "Cách nhận thông báo" }).waitFor();
    // The default is the daily digest; without e-mail the page says it stays in the app.
    expect(await page.getByLabel("Gửi thư tổng hợp mỗi ngày một lần").isChecked()).toBe(true);
    await page.getByText("Hiện chưa gửi được thư điện tử").waitFor();
    await page.getByLabel("Chỉ xem trong ứng dụng").check();
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã lưu.").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Cách nhận thông báo" }).waitFor();
    await expect.poll(() => page.getByLabel("Chỉ xem trong ứng dụng").isChecked()).toBe(true);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    // A member sees no admin part.
    expect(await page.getByRole("heading", { name: /quản trị/ }).count()).toBe(0);

    const admin = await e2e.signedIn(errors, DEMO.admin, DEMO.password);
    await admin.goto("/t/demo/thong-bao/cai-dat");
    await admin.getByRole("heading", { name: "Cài đặt của đảng bộ (quản trị)" }).waitFor();
    await admin.getByText("Chưa cấu hình gửi thư điện tử").waitFor();
    await admin.screenshot({
      path: join(ROOT, "test-results/notify-settings-390.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });
});
