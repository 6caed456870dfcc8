// Browser test of the app offline (client/sw/service-worker.ts): a member's task list and the
// draft typed without network come back on a reload with no network at all, on a 390 px phone
// and at 1280 px; the manifest and icons an Android home screen needs are served; signing out
// forgets the kept task list. axe-core checks each page of the journey.
// Runs against the built Node server (dist/node/node.mjs serving dist/client).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousFindings } from "../support/axe";
import { DEMO, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";

const e2e = useServerAndBrowser("shct-e2e-offline-");
const TASK = /Viết bản kế hoạch tu dưỡng, rèn luyện/;
const DUTY = /^Thực hiện chức trách, nhiệm vụ được giao/;

/** Waits until the service worker controls the page (its first load installs it). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), SLOW)
    .toBe(true);
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

  it("reloads without network into the task list with the draft typed offline", async () => {
    const errors: string[] = [];
    const page = await e2e.phone(errors, true);
    await e2e.signIn(page, DEMO.member, DEMO.password);
    await controlled(page);
    // Once controlled, a reload fetches the tasks through the worker, which keeps them.
    await page.reload();
    const task = page.getByRole("link", { name: TASK });
    await task.waitFor();
    expect(await seriousFindings(page)).toEqual([]);

    // The plan form, then the network goes: what the member types stays on the phone.
    await task.click();
    const duty = page.getByLabel(DUTY);
    await duty.waitFor(SLOW);
    await page.context().setOffline(true);
    await duty.fill("Viết khi mất mạng: giữ đúng giờ họp chi bộ.");
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Object.keys(localStorage).some((k) => k.startsWith("shct:draft:demo:")),
          ),
        SLOW,
      )
      .toBe(true);

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

    // What is kept: the shell, and of the API only this tenant's task list.
    const kept = await page.evaluate(async () => {
      const out: [string, string][] = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) {
          out.push([name, new URL(r.url).pathname]);
        }
      }
      return out;
    });
    expect(kept.filter(([, path]) => path.startsWith("/api/"))).toEqual([
      ["shct-tasks", "/api/t/demo/my/tasks"],
    ]);
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
      page.evaluate(async () => (await (await caches.open("shct-tasks")).keys()).length);
    expect(await keptTasks()).toBe(0);

    // A session that ends on the server (here: its cookie gone) takes its copy with it: the
    // worker deletes the kept answer when the network answers 401.
    await e2e.signIn(page, DEMO.member, DEMO.password);
    await page.getByRole("link", { name: TASK }).waitFor(SLOW);
    await expect.poll(keptTasks, SLOW).toBe(1);
    await page.context().clearCookies();
    expect(await page.evaluate(() => fetch("/api/t/demo/my/tasks").then((r) => r.status))).toBe(
      401,
    );
    expect(await keptTasks()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
