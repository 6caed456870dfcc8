// Browser helpers for the e2e tests: playwright-core drives Debian's Chromium (no browser
// download; shared/research/stack.md §7). CHROMIUM_PATH overrides the binary.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./server";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The phone the e2e tests use: nothing may scroll sideways past this width. */
export const PHONE_WIDTH = 390;
/** Polls and waits that allow for autosave (1.5 s after the last keystroke) on a slow machine. */
export const SLOW = { timeout: 15_000 };
/** The demo đảng bộ's accounts (worker/demo.ts), all with one password. */
export const DEMO = {
  password: "demo12345",
  admin: "admin@demo.vn",
  member: "dangvien@demo.vn",
  secretary: "bithu@demo.vn",
} as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A page in a fresh context (own cookies) sized and set up like a member's phone. The app's
 * service worker is blocked unless `serviceWorker` is set: Playwright's offline switch does
 * not hold for a request that goes through the worker as a page closes (the plan's save on
 * hiding then reaches the server once the test turns the network back on), so the tests of
 * the page's own offline handling run without it, and tests/e2e/offline.test.ts with it.
 */
export async function newPhonePage(
  browser: Browser,
  baseURL?: string,
  serviceWorker = false,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: PHONE_WIDTH, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    serviceWorkers: serviceWorker ? "allow" : "block",
    ...(baseURL ? { baseURL } : {}),
  });
  return context.newPage();
}

/** The page's full width: no wider than the phone means nothing to scroll sideways. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Signs in through the login page of a page whose context has `base` as its baseURL, and
 *  waits for the tenant's home. */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  password: string,
  tenant = "demo",
) {
  await page.goto(`/t/${tenant}/dang-nhap`);
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${base}/t/${tenant}`);
}

/** An e2e file's own server (fresh DATA_DIR) and browser, shared by the file's tests. */
export interface E2e {
  /** e.g. "http://127.0.0.1:40123"; read inside a test, once `beforeAll` has run. */
  readonly base: string;
  /** A phone page in a fresh context; its uncaught errors are pushed onto `errors`. With
   *  `serviceWorker`, the app's service worker runs (newPhonePage). */
  phone(errors?: string[], serviceWorker?: boolean): Promise<Page>;
  /** Signs in through the login page and waits for the tenant's home. */
  signIn(page: Page, email: string, password: string, tenant?: string): Promise<void>;
  /** A phone page (its errors pushed onto `errors`) signed in as `email`: phone + signIn. */
  signedIn(errors: string[], email: string, password: string, tenant?: string): Promise<Page>;
}

/** Starts the server and the browser before the file's tests and stops both after them. */
export function useServerAndBrowser(prefix: string, env?: Record<string, string>): E2e {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ prefix, env });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const phone: E2e["phone"] = async (errors, serviceWorker) => {
    const page = await newPhonePage(browser!, server!.base, serviceWorker);
    if (errors) page.on("pageerror", (e) => errors.push(e.message));
    return page;
  };
  const signInHere: E2e["signIn"] = (page, email, password, tenant) =>
    signIn(page, server!.base, email, password, tenant);
  return {
    get base() {
      return server!.base;
    },
    phone,
    signIn: signInHere,
    async signedIn(errors, email, password, tenant) {
      const page = await phone(errors);
      await signInHere(page, email, password, tenant);
      return page;
    },
  };
}

/** The demo tenant's API, called with the session of `page`'s browser context (the admin's
 *  own, in the tests that set up through the API what other screens already cover). */
export function demoApi(base: string, page: Page) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await page.request.fetch(`${base}/api/t/demo${path}`, {
      method,
      headers: { "content-type": "application/json", origin: base },
      ...(body === undefined ? {} : { data: JSON.stringify(body) }),
    });
    if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
