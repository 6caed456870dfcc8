// Browser test of the app offline (client/sw/service-worker.ts): a member's task list and the
// draft typed without network come back on a reload with no network at all, on a 390 px phone
// and at 1280 px; the plan page, never opened online, reloads with no network with its form
// and the phone's draft, stays editable and sends the text when the network is back; the
// worker keeps the member's screens and no admin screen; the manifest and icons an Android
// home screen needs are served; signing out forgets what was kept. axe-core checks each page
// of the journey. Runs against the built Node server (dist/node/node.mjs serving dist/client).
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousFindings } from "../support/axe";
import { DEMO, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";

const e2e = useServerAndBrowser("shct-e2e-offline-");
const TASK = /Viết bản kế hoạch tu dưỡng, rèn luyện/;
const DUTY = /^Thực hiện chức trách, nhiệm vụ được giao/;
const ASSETS = "dist/client/assets";

/** Text only one screen's chunk holds: admin screens a member never opens, and the plan form. */
const ADMIN_MARKERS = [
  "được gộp lại", // the audit log
  "Sao lưu dữ liệu", // the archive
  "Lọc theo tên hoặc thư điện tử", // the accounts
  "Tệp danh sách (.csv hoặc .xlsx)", // the roster import
];
const PLAN_MARKER = "Đã khôi phục nội dung chưa lưu";

/** Playwright's offline emulation lets some of the page's API requests reach the server while
 *  failing them for the page (those the worker's static routes send to the network, it
 *  seems): the API is refused here too, as a phone without network would find it. */
async function noNetwork(page: Page, off: boolean): Promise<void> {
  if (!holding.has(page)) {
    holding.add(page);
    await page.context().addInitScript(holdWrites);
    await page.evaluate(holdWrites);
  }
  await page.evaluate((o) => sessionStorage.setItem("e2e-offline", o ? "1" : ""), off);
  // Back online, the page sends at once ("online"): the API must be let through before.
  if (off) await page.context().route("**/api/**", (r) => r.abort("internetdisconnected"));
  else await page.context().unrouteAll();
  await page.context().setOffline(off);
}

/** Pages whose writes are held while "offline" (below). */
const holding = new WeakSet<Page>();

/** A write the worker passes on to the network (it answers GETs only) is fetched past both
 *  the offline emulation and the routes now and then: under load one draft save got through
 *  and the save when back met a 409. So while "offline" the page's own writes fail in the page,
 *  as fetch fails on a phone without network; reads still go to the worker's copies. */
function holdWrites() {
  const real = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    if (sessionStorage.getItem("e2e-offline") && method.toUpperCase() !== "GET")
      return Promise.reject(new TypeError("Failed to fetch"));
    return real(input, init);
  };
}

/** Every cache's entries as [cache, path + search]. */
const keptEntries = (page: Page) =>
  page.evaluate(async () => {
    const out: [string, string][] = [];
    for (const name of await caches.keys()) {
      for (const r of await (await caches.open(name)).keys()) {
        const u = new URL(r.url);
        out.push([name, u.pathname + u.search]);
      }
    }
    return out;
  });

/** Waits until the service worker controls the page (its first load installs it). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), SLOW)
    .toBe(true);
}

/** A draft of this tenant is kept on the phone (client/lib/drafts.ts). */
const draftOnPhone = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("shct:draft:demo:")));

/** The member signed in on a phone whose worker controls the page, on the task list read
 *  through the worker (which keeps it). */
async function memberOnTaskList() {
  const errors: string[] = [];
  const page = await e2e.phone(errors, true);
  await e2e.signIn(page, DEMO.member, DEMO.password);
  await controlled(page);
  await page.reload();
  const task = page.getByRole("link", { name: TASK });
  await task.waitFor(SLOW);
  return { page, errors, task };
}

describe("the app offline", () => {
  it("serves the manifest, its icons and a policy that allows the worker", async () => {
    const res = await fetch(`${e2e.base}/manifest.webmanifest`);
    expect(res.headers.get("content-type")).toContain("application/manifest+json");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    const m = (await res.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(m).toMatchObject({ name: "Sinh hoạt chính trị", lang: "vi", start_url: "/" });
    expect(m.short_name).toMatch(/[À-ỹ]/);
    expect(m.display).toBe("standalone");
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(m.icons.map((i) => i.sizes).sort()).toEqual(["192x192", "512x512"]);
    for (const icon of m.icons) {
      const png = Buffer.from(await (await fetch(`${e2e.base}${icon.src}`)).arrayBuffer());
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      const side = Number(icon.sizes.split("x")[0]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([side, side]);
    }
    const sw = await fetch(`${e2e.base}/sw.js`);
    expect(sw.headers.get("content-type")).toContain("javascript");
    expect(await sw.text()).toMatch(/\/assets\/index-[\w-]+\.js/);
  });

  it("precaches the member's screens and no admin screen", async () => {
    const code = await (await fetch(`${e2e.base}/sw.js`)).text();
    const precached = new Set(code.match(/\/assets\/[\w.-]+\.(?:js|css)/g));
    const chunks = readdirSync(ASSETS).filter((f) => f.endsWith(".js"));
    const holding = (text: string) =>
      chunks.filter((f) => readFileSync(`${ASSETS}/${f}`, "utf8").includes(text));
    for (const marker of [...ADMIN_MARKERS, PLAN_MARKER]) expect(holding(marker)).toHaveLength(1);
    const admin = ADMIN_MARKERS.map((m) => `/assets/${holding(m)[0]}`);
    expect(admin.filter((f) => precached.has(f))).toEqual([]);
    expect(precached.has(`/assets/${holding(PLAN_MARKER)[0]}`)).toBe(true);
    expect([...precached].some((f) => /^\/assets\/index-[\w-]+\.js$/.test(f))).toBe(true);
    // Less than every chunk of the build: the screens the member never opens stay out.
    expect(precached.size).toBeLessThan(chunks.length);
    // Every file named is served (the worker's install fails on one missing file).
    for (const f of precached) expect((await fetch(`${e2e.base}${f}`)).status).toBe(200);
  });

  it("reloads the plan page without network, with its form and the phone's draft, and saves it when back", async () => {
    // The worker keeps the reads of each of the member's plans with the task list: the plan
    // page has never been opened.
    const { page, errors, task } = await memberOnTaskList();
    const href = (await task.getAttribute("href"))!;
    const [, campaignId, formKey] = /\/dot-sinh-hoat\/([^/]+)\/ke-hoach\/([^/?]+)$/.exec(href)!;
    const mine = `/api/t/demo/campaigns/${campaignId}/submissions/mine?formKey=${formKey}`;
    await expect
      .poll(async () => (await keptEntries(page)).map(([, path]) => path), SLOW)
      .toEqual(expect.arrayContaining([`/api/t/demo/campaigns/${campaignId}`, mine]));

    await noNetwork(page, true);
    await page.goto(href);
    const duty = page.getByLabel(DUTY);
    await duty.waitFor(SLOW);
    const typed = `Viết khi mất mạng lúc ${Date.now()}: giữ đúng giờ họp chi bộ.`;
    await duty.fill(typed);
    await expect.poll(() => draftOnPhone(page), SLOW).toBe(true);

    // A reload with no network: the form again, with the phone's draft, still editable.
    // Playwright's offline emulation lets the save a closing page sends get through (it is
    // not held like the page's own requests; see plan.test.ts); a phone with no network would
    // lose it. So the page is kept from sending it: what the reload shows is the phone's copy.
    await page.evaluate(() =>
      window.addEventListener("visibilitychange", (e) => e.stopImmediatePropagation(), true),
    );
    await page.reload();
    await duty.waitFor(SLOW);
    expect(await duty.inputValue()).toBe(typed);
    await page.getByText("Đã khôi phục nội dung chưa lưu trên máy này.").waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(page)).toEqual([]);
    const more = `${typed} Đã sửa thêm khi chưa có mạng.`;
    await duty.fill(more);

    // The network comes back: the text reaches the server.
    await noNetwork(page, false);
    const onServer = () =>
      page.evaluate(async (url) => JSON.stringify(await (await fetch(url)).json()), mine);
    await expect.poll(onServer, { timeout: 30_000 }).toContain("Đã sửa thêm khi chưa có mạng.");
    // And the copy kept for offline follows the save: a reload without network shows it.
    await page
      .getByText(/Đã lưu/)
      .first()
      .waitFor(SLOW);
    await noNetwork(page, true);
    await page.reload();
    await duty.waitFor(SLOW);
    expect(await duty.inputValue()).toBe(more);
    await noNetwork(page, false);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("reloads without network into the task list with the draft typed offline", async () => {
    const { page, errors, task } = await memberOnTaskList();
    expect(await seriousFindings(page)).toEqual([]);

    // The plan form, then the network goes: what the member types stays on the phone.
    await task.click();
    const duty = page.getByLabel(DUTY);
    await duty.waitFor(SLOW);
    await page.context().setOffline(true);
    await duty.fill("Viết khi mất mạng: giữ đúng giờ họp chi bộ.");
    await expect.poll(() => draftOnPhone(page), SLOW).toBe(true);

    // A reload with no network: the app, not the browser's "No internet" page.
    await page.goto("/t/demo");
    await page.getByRole("heading", { level: 1, name: "Việc của tôi" }).waitFor(SLOW);
    await expect
      .poll(() => page.getByRole("status").first().innerText())
      .toContain("Không có kết nối mạng");
    await page.getByRole("link", { name: TASK }).waitFor(SLOW);
    const item = page.locator("li", { has: page.getByRole("link", { name: TASK }) });
    expect(await item.locator(".task-draft").innerText()).toMatch(
      /^Bản nháp lưu trên máy này lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/,
    );
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    expect(await seriousFindings(page)).toEqual([]);

    // The same at 1280 px, and "Việc của tôi" from the offline menu.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("navigation").getByRole("link", { name: "Việc của tôi" }).click();
    await page.waitForURL(/\/t\/demo\/viec-cua-toi$/);
    await page.getByRole("link", { name: TASK }).waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
    expect(await seriousFindings(page)).toEqual([]);

    // What is kept: the shell, and of the API only this tenant's member reads.
    const kept = await keptEntries(page);
    const api = kept.filter(([, path]) => path.startsWith("/api/"));
    expect(api).toEqual(expect.arrayContaining([["shct-member", "/api/t/demo/my/tasks"]]));
    for (const [name, path] of api) {
      expect(name).toBe("shct-member");
      expect(path).toMatch(
        /^\/api\/t\/demo\/(my\/tasks|campaigns\/\w+(\/submissions\/mine\?formKey=[\w-]+)?)$/,
      );
    }
    expect(kept.map(([, path]) => path)).toEqual(
      expect.arrayContaining(["/", "/manifest.webmanifest", "/icon-192.png"]),
    );
    expect(
      kept.some(([name, path]) => name.startsWith("shct-shell-") && /^\/assets\/index-/.test(path)),
    ).toBe(true);

    // Back online, the draft goes to the server, and signing out forgets the kept tasks.
    await page.context().setOffline(false);
    await page.goto("/t/demo");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await page.waitForURL(/\/dang-nhap$/);
    const keptTasks = () =>
      page.evaluate(async () => (await (await caches.open("shct-member")).keys()).length);
    expect(await keptTasks()).toBe(0);

    // A session that ends on the server (here: its cookie gone) takes its copy with it: the
    // worker deletes the kept answer when the network answers 401.
    await e2e.signIn(page, DEMO.member, DEMO.password);
    await page.getByRole("link", { name: TASK }).waitFor(SLOW);
    await expect.poll(keptTasks, SLOW).toBeGreaterThan(1);
    await page.context().clearCookies();
    expect(await page.evaluate(() => fetch("/api/t/demo/my/tasks").then((r) => r.status))).toBe(
      401,
    );
    expect(await keptTasks()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
