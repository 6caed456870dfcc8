// Browser helpers for the e2e tests: playwright-core drives Debian's Chromium (no browser
// download; shared/research/stack.md §7). CHROMIUM_PATH overrides the binary.
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A page in a fresh context (own cookies) sized and set up like a member's phone. */
export async function newPhonePage(browser: Browser, baseURL?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    ...(baseURL ? { baseURL } : {}),
  });
  return context.newPage();
}
