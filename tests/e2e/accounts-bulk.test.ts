// Browser test of accounts for everyone on the roster (issue 12): the admin invites a whole
// cell from its roster page at 1280 px — no e-mail leaves this server, so every member without
// an account gets a printed slip with a code and a QR code — and a member with only a phone
// number redeems their slip on a 390 px phone and then signs in by phone, typed as people
// type it. The secretary prints a reset slip for a member of the cell. axe-core checks each
// page of the journey for serious and critical violations.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeSerious, seriousFindings } from "../support/axe";
import { DEMO, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const e2e = useServerAndBrowser("shct-e2e-accounts-");
const CELL = "Chi bộ Khu dân cư số 1";
const NEW_MEMBER = { fullName: "Bùi Thị Nga", phone: "0912.345.678" };
const NEW_PASSWORD = "mot cau de nho du dai";

/** A call to the API with the page's own session cookie (for the test's set-up only). */
function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api/t/demo${p}`, {
        method: m,
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return res.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

describe("accounts for everyone on the roster", () => {
  it("invites a cell in bulk, prints slips with QR codes; a member redeems one and signs in by phone", async () => {
    const errors: string[] = [];
    const admin = await e2e.phone(errors);
    await admin.setViewportSize({ width: 1280, height: 900 });
    await e2e.signIn(admin, DEMO.admin, DEMO.password);
    const { units } = await api<{ units: { id: string; name: string }[] }>(admin, "GET", "/units");
    const cell = units.find((u) => u.name === CELL)!;
    const added = await api<{ member: { id: string } }>(admin, "POST", "/members", {
      ...NEW_MEMBER,
      unitId: cell.id,
    });
    expect(added.member.id).toBeTruthy();

    // The roster page of the cell: one button invites everyone without an account.
    await admin.goto(`/t/demo/don-vi/${cell.id}`);
    await admin.getByRole("heading", { level: 1, name: CELL }).waitFor(SLOW);
    const bulk = admin.waitForResponse(
      (r) => r.url().endsWith("/invitations/bulk") && r.request().method() === "POST",
    );
    await admin.getByRole("button", { name: `Mời cả ${CELL}` }).click();
    const answer = (await (await bulk).json()) as {
      emailed: unknown[];
      slips: { fullName: string; code: string; url: string; login: string }[];
    };
    expect(answer.emailed).toEqual([]); // no e-mail transport on this server
    const slip = answer.slips.find((s) => s.fullName === NEW_MEMBER.fullName)!;
    expect(slip.login).toBe("+84912345678");
    await expect
      .poll(() => admin.getByRole("status").filter({ hasText: "in phiếu cho" }).innerText(), SLOW)
      .toBe(`Đã gửi thư mời cho 0 người; in phiếu cho ${answer.slips.length} người.`);

    // The slip: name, the phone as people read it, the code, the link and its QR code.
    const card = admin.locator(".slip", { hasText: NEW_MEMBER.fullName });
    await card.waitFor(SLOW);
    const text = await card.innerText();
    expect(text).toContain("Phiếu mời tạo tài khoản".toUpperCase());
    expect(text).toContain("0912 345 678");
    expect(text).toContain(slip.code);
    expect(text).toContain(slip.url);
    const qr = card.getByRole("img", {
      name: `Mã QR mở trang đặt mật khẩu cho ${NEW_MEMBER.fullName}`,
    });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/gif;base64,/);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(40);
    await admin.getByRole("button", { name: `In phiếu (${answer.slips.length})` }).waitFor();
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(1280);
    expect(await seriousFindings(admin)).toEqual([]);
    await card.screenshot({ path: join(ROOT, "test-results/bulk-slip-1280.png") });
    // The same slips on a phone: nothing scrolls sideways (long links wrap).
    await admin.setViewportSize({ width: 390, height: 844 });
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(admin)).toEqual([]);
    await admin.setViewportSize({ width: 1280, height: 900 });

    // Again: nobody is invited twice.
    await admin.getByRole("button", { name: `Mời cả ${CELL}` }).click();
    await expect
      .poll(() => admin.getByRole("status").filter({ hasText: "in phiếu cho" }).innerText(), SLOW)
      .toBe("Đã gửi thư mời cho 0 người; in phiếu cho 0 người.");

    // The accounts page offers the same for the whole roster.
    await admin.goto("/t/demo/tai-khoan");
    await admin.getByRole("button", { name: "Mời cả đảng bộ" }).waitFor(SLOW);
    expect(await seriousFindings(admin)).toEqual([]);

    // On the member's phone: the slip's link (its QR code), a password, signed in.
    const phone = await e2e.phone(errors);
    await phone.goto(new URL(slip.url).pathname + new URL(slip.url).hash);
    await phone.getByLabel("Mật khẩu mới").fill(NEW_PASSWORD);
    expect(await seriousFindings(phone)).toEqual([]);
    await phone.getByLabel("Nhập lại mật khẩu").fill(NEW_PASSWORD);
    await phone.getByRole("button", { name: /mật khẩu|tài khoản/i }).click();
    await phone.waitForURL(`${e2e.base}/t/demo`, SLOW);
    await phone.getByRole("button", { name: "Đăng xuất" }).click();
    await phone.waitForURL(/\/dang-nhap$/);

    // Signing in by phone, spaced as people write it.
    const login = phone.getByLabel("Thư điện tử hoặc số điện thoại");
    await login.fill("0912 345 678");
    await phone.getByLabel("Mật khẩu").fill(NEW_PASSWORD);
    expect(await scrollWidth(phone)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(phone)).toEqual([]);
    await phone.getByRole("button", { name: "Đăng nhập" }).click();
    await phone.waitForURL(`${e2e.base}/t/demo`, SLOW);
    expect((await phone.locator(".greeting").innerText()).trim()).toBe(
      `Xin chào, ${NEW_MEMBER.fullName}`,
    );
    expect(await seriousFindings(phone)).toEqual([]);

    // The secretary prints a reset slip for that member from the member's page.
    const secretary = await e2e.signedIn(errors, DEMO.secretary, DEMO.password);
    await secretary.goto(`/t/demo/dang-vien/${added.member.id}`);
    await secretary.getByRole("button", { name: "In phiếu đặt lại mật khẩu" }).click();
    const reset = secretary.locator(".slip", { hasText: NEW_MEMBER.fullName });
    await reset.waitFor(SLOW);
    expect(await reset.innerText()).toContain("Phiếu đặt lại mật khẩu".toUpperCase());
    expect(await reset.innerText()).toMatch(/[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/);
    expect(await scrollWidth(secretary)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(secretary)).toEqual([]);

    // The checker itself can fail: an image without a text alternative is critical.
    await secretary.evaluate(() => {
      const img = document.createElement("img");
      img.src = "/icon-192.png";
      document.querySelector("main")!.append(img);
    });
    expect((await axeSerious(secretary)).bad).toContain("image-alt (1)");

    expect(errors).toEqual([]);
  }, 120_000);
});
