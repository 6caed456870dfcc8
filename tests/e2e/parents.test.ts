// Browser test of "Cấp trên – cấp dưới": two đảng bộ signed up through the API, the child
// asks the parent to link and the parent approves (bearer tokens, as scripts do); then the
// parent's admin signs in on a 390 px phone and sees the child on the parents page.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPhonePage } from "../support/browser";
import { ROOT, startServer, type TestServer } from "../support/server";

const WIDTH = 390;
const PASSWORD = "mat-khau-rat-dai-1";
const PARENT = { slug: "quan-thu-nghiem", name: "Đảng bộ quận Thử Nghiệm" };
const CHILD = { slug: "phuong-thu-nghiem", name: "Đảng bộ phường Thử Nghiệm" };

let server: TestServer | undefined;
let base = "";
let browser: Browser | undefined;

async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      Accept: "application/json",
      ...(body !== undefined || method !== "GET" ? { "Content-Type": "application/json" } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      Origin: base,
    },
    body: body !== undefined ? JSON.stringify(body) : method !== "GET" ? "{}" : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signUp(t: { slug: string; name: string }, email: string): Promise<string> {
  const { token } = await api<{ token: string }>("POST", "/api/signup", undefined, {
    tenant: { ...t, kind: "dang-uy-phuong" },
    admin: { email, password: PASSWORD, fullName: "Nguyễn Văn Quản Trị" },
  });
  return token;
}

beforeAll(async () => {
  server = await startServer({ prefix: "shct-e2e-parents-" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("parents page", () => {
  it("lists an approved child đảng bộ to the parent's admin", async () => {
    const parentToken = await signUp(PARENT, "admin@quan.vn");
    const childToken = await signUp(CHILD, "admin@phuong.vn");

    await api("POST", `/api/t/${CHILD.slug}/links`, childToken, { parentSlug: PARENT.slug });
    const links = await api<{ asParent: { id: string; status: string }[] }>(
      "GET",
      `/api/t/${PARENT.slug}/links`,
      parentToken,
    );
    const pending = links.asParent.find((l) => l.status === "pending");
    expect(pending).toBeDefined();
    await api("POST", `/api/t/${PARENT.slug}/links/${pending!.id}/approve`, parentToken);

    const page = await newPhonePage(browser!, base);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`/t/${PARENT.slug}/dang-nhap`);
    await page.getByLabel("Thư điện tử").fill("admin@quan.vn");
    await page.getByLabel("Mật khẩu").fill(PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(`${base}/t/${PARENT.slug}`);

    await page.getByRole("link", { name: "Cấp trên – cấp dưới" }).first().click();
    await page.waitForURL(`${base}/t/${PARENT.slug}/lien-ket`);
    await page.getByRole("heading", { level: 1, name: "Cấp trên – cấp dưới" }).waitFor();
    const children = page.locator("section", {
      has: page.getByRole("heading", { name: "Đảng bộ cấp dưới" }),
    });
    await children.getByText(CHILD.name).first().waitFor();
    await expect.poll(() => children.getByText("Đã liên kết").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { name: CHILD.name, level: 3 }).waitFor();

    // The header links to the notifications with the unread count.
    await page.getByRole("link", { name: /^Thông báo \(\d+\)/ }).waitFor();

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      WIDTH,
    );
    await page.screenshot({ path: join(ROOT, "test-results/parents-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
