// The member's first screen (issue 12's Measure): the demo member's task list (/t/demo) in
// Debian's Chromium (playwright-core) on the built Node server (`npm run build` first).
// - client.js.initial: KiB of script, each file gzipped (level 9), that the browser fetched
//   until the task list showed — the entry and every chunk the first screen pulls, not the
//   lazy ones it never asks for. Goal: under 40.
// - client.lcp: the largest contentful paint, in ms, of a cold load (empty cache, signed in)
//   under Lighthouse's mobile throttling profile — the CPU slowed 4× and "slow 4G" (150 ms
//   RTT, 1.6 Mbps down, 750 kbps up), set through the DevTools protocol — on a 390 px phone,
//   read from Chromium's own 'largest-contentful-paint' entry. Lighthouse is not installed;
//   this is its profile, not its score. The median of ROUNDS loads.
// - client.sw.precache: KiB, each file gzipped (level 9), of the build files the service
//   worker downloads when it installs (the member's screens, as /sw.js lists them), against
//   every JS and CSS file of the build as the baseline (what it downloaded before).
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, signIn } from "../support/browser";
import { startServer } from "../support/server";
import { median } from "./support";

const ROUNDS = Number(process.env.BENCH_LCP_ROUNDS ?? 3);
const MEMBER = { email: "dangvien@demo.vn", password: "demo12345" };
/** Lighthouse's "slow 4G" (its mobile default), in the protocol's bytes per second. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/** The task list is on screen: its first campaign's group of tasks, or its empty message. */
const shown = (page: Page) =>
  page.locator(".task-group, .tasks, p.card").first().waitFor({ timeout: 120_000 });

export async function benchClient() {
  const server = await startServer({ prefix: "shct-bench-client-" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
      // A first visit: the service worker (/sw.js) would serve the "cold" load from its
      // cache once the sign-in page installed it.
      serviceWorkers: "block",
      baseURL: server.base,
    });
    const first = await context.newPage();
    await signIn(first, server.base, MEMBER.email, MEMBER.password);
    await first.close();

    // The scripts of a cold first screen, unthrottled (the bytes do not depend on the pace).
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts = new Map<string, Promise<number>>();
    page.on("response", (r) => {
      const type = r.headers()["content-type"] ?? "";
      if (r.request().resourceType() === "script" || type.includes("javascript"))
        scripts.set(
          r.url(),
          r.body().then((b) => gzipSync(b, { level: 9 }).length),
        );
    });
    await page.goto("/t/demo");
    await shown(page);
    await page.waitForLoadState("networkidle");
    const bytes = (await Promise.all(scripts.values())).reduce((a, b) => a + b, 0);
    page.removeAllListeners("response");

    // Cold, throttled loads, each in a fresh tab with the protocol's throttling on.
    const lcps: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const tab = await context.newPage();
      const s = await context.newCDPSession(tab);
      await s.send("Network.enable");
      await s.send("Network.clearBrowserCache");
      await s.send("Network.setCacheDisabled", { cacheDisabled: true });
      await s.send("Network.emulateNetworkConditions", SLOW_4G);
      await s.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await tab.goto("/t/demo", { timeout: 120_000 });
      await shown(tab);
      // LCP is final once the page is idle; the buffered entries include those before now.
      await tab.waitForLoadState("networkidle", { timeout: 120_000 });
      const lcp = await tab.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const last = list.getEntries().at(-1);
              resolve(last ? last.startTime : NaN);
            }).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => resolve(NaN), 5000);
          }),
      );
      if (Number.isFinite(lcp)) lcps.push(lcp);
      await tab.close();
    }
    return [
      { name: "client.js.initial", value: Math.round((bytes / 1024) * 10) / 10, unit: "KiB" },
      { name: "client.lcp", value: Math.round(median(lcps)), unit: "ms" },
      precacheLine(),
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The service worker's precache against every script and stylesheet of the build. */
function precacheLine() {
  const dir = "dist/client";
  const kib = (files: string[]) =>
    Math.round(
      (files.reduce((n, f) => n + gzipSync(readFileSync(`${dir}${f}`), { level: 9 }).length, 0) /
        1024) *
        10,
    ) / 10;
  const code = /\.(js|css)$/;
  const listed = readFileSync(`${dir}/sw.js`, "utf8").match(/\/assets\/[\w.-]+\.(?:js|css)/g);
  const kept = kib([...new Set(listed)]);
  const all = kib(
    readdirSync(`${dir}/assets`)
      .filter((f) => code.test(f))
      .map((f) => `/assets/${f}`),
  );
  return {
    name: "client.sw.precache",
    value: kept,
    unit: "KiB",
    baseline: all,
    ratio: Math.round((kept / all) * 100) / 100,
  };
}
