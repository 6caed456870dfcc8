// Browser test of the charts and the Excel export (issue 12), at 390 px and 1280 px on the
// demo đảng bộ's running campaign, its rollup run by the server's own timer: the completion
// chart says in words the figures of the latest saved point (GET …/history), each rule's bar
// the units that meet it (GET …/compliance), "Tải về Excel" under the chart's table downloads
// a real .xlsx whose sheet holds the table, and axe finds nothing serious on the page.
// Needs `npm run build` first.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { History } from "../../client/api-meetings";
import { readZip } from "../../worker/data/archive/zip";
import { axeSerious } from "../support/axe";
import { DEMO, launchBrowser, signIn, SLOW } from "../support/browser";
import { ROOT, startServer, type TestServer } from "../support/server";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ prefix: "shct-e2e-charts-", env: { CRON_INTERVAL_MS: "1000" } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function adminAt(width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    baseURL: server.base,
    bypassCSP: true, // axe-core is injected
  });
  const page = await context.newPage();
  await signIn(page, server.base, DEMO.admin, DEMO.password);
  return page;
}

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(`/api/t/demo${p}`)).json(), path) as Promise<T>;
}

type Counts = { pass: number; late: number; fail: number; pending: number };
interface Compliance {
  units: { marks: { rule: string; label: string }[] }[];
  summary: Record<string, Counts>;
}

const day = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date(iso));
const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

describe.each([390, 1280])("charts at %i px", (width) => {
  it("draw the saved figures, say them in words, and export the table to Excel", async () => {
    const errors: string[] = [];
    const page = await adminAt(width);
    page.on("pageerror", (e) => errors.push(e.message));
    const { campaigns } = await api<{ campaigns: { id: string }[] }>(page, "/campaigns");
    const id = campaigns[0]!.id;
    // The server's timer runs the rollup every second: wait for its first point.
    await expect
      .poll(async () => (await api<History>(page, `/campaigns/${id}/history`)).points, SLOW)
      .not.toHaveLength(0);
    const { points } = await api<History>(page, `/campaigns/${id}/history`);
    const last = points.at(-1)!;
    expect(last.submitted).toBeGreaterThan(0);

    await page.goto(`/t/demo/dot-sinh-hoat/${id}`);
    const chart = page.getByRole("img", { name: "Tỷ lệ nộp và xác nhận kế hoạch theo ngày" });
    await chart.waitFor(SLOW);
    const desc = await page.locator("#completion-svg-desc").textContent();
    expect(desc).toContain(
      `Mới nhất ${day(last.computedAt)}: đã nộp ${last.submitted}/${last.expected} ` +
        `(${pct(last.submitted, last.expected)}%), đã xác nhận ${last.confirmed}/${last.expected}`,
    );
    expect(await chart.getAttribute("aria-describedby")).toBe("completion-svg-desc");
    // The axis is in dd/mm.
    expect(await chart.locator("text.tick").first().textContent()).toBe(
      day(points[0]!.computedAt).slice(0, 5),
    );

    // One bar per rule, saying how many units meet it of how many.
    const compliance = await api<Compliance>(page, `/campaigns/${id}/compliance`);
    const labels = new Map(compliance.units.flatMap((u) => u.marks.map((m) => [m.rule, m.label])));
    const rules = Object.entries(compliance.summary);
    expect(rules.length).toBeGreaterThan(0);
    const bars = page.locator(".rule-bars .bar");
    await expect.poll(() => bars.count(), SLOW).toBe(rules.length);
    for (const [rule, c] of rules) {
      const total = c.pass + c.late + c.fail + c.pending;
      const name = `${labels.get(rule)}: ${c.pass + c.late}/${total} đơn vị đạt`;
      expect(await page.getByRole("img", { name: new RegExp(`^${escape(name)}`) }).count()).toBe(1);
    }

    if (width <= 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
    await page.screenshot({ path: join(ROOT, `test-results/charts-${width}.png`), fullPage: true });
    await page
      .locator(".chart")
      .screenshot({ path: join(ROOT, `test-results/chart-${width}.png`) });
    await page
      .locator(".rule-bars")
      .screenshot({ path: join(ROOT, `test-results/rule-bars-${width}.png`) });
    const axe = await axeSerious(page);
    expect(axe.passed).toBeGreaterThan(5);
    expect(axe.bad).toEqual([]);

    // The chart's figures as a table, saved as Excel.
    const data = page.locator(".chart-data");
    await data.getByText("Xem số liệu").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      data.getByRole("button", { name: "Tải về Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tien-do-theo-ngay-.*\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = new Uint8Array(await readFile((await download.path())!));
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("PK\u0003\u0004");
    const parts = new Map<string, string>();
    for await (const e of readZip(new Blob([bytes]).stream() as ReadableStream<Uint8Array>))
      parts.set(e.name, new TextDecoder().decode(e.data));
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<t xml:space="preserve">Đã xác nhận</t>');
    expect(sheet).toContain(
      `<t xml:space="preserve">${day(last.computedAt)}</t></is></c><c r="B${points.length + 1}"><v>${last.expected}</v></c><c r="C${points.length + 1}"><v>${last.submitted}</v></c>`,
    );
    expect(parts.get("xl/workbook.xml")).toContain("Tiến độ theo ngày");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
