// Browser test of the compliance drill-down on a 390 px phone: the route answers one page of
// the tree (the anchor and its direct children), so the campaign page's "Tuân thủ" section
// shows the admin's root summary per rule and each child's subtree counts, drills into a
// child (?unitId=) to show that unit's own marks, and the breadcrumb leads back to the root.
// Nothing scrolls sideways and axe finds nothing serious. Needs `npm run build` first.
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousFindings } from "../support/axe";
import { DEMO, PHONE_WIDTH, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const e2e = useServerAndBrowser("shct-e2e-compliance-drill-");

type Counts = { pass: number; late: number; fail: number; pending: number };
interface Compliance {
  unitId: string | null;
  units: {
    unitId: string;
    unitName: string;
    childCount: number;
    marks: { rule: string; label: string; status: keyof Counts }[];
    subtree: Record<string, Counts>;
  }[];
  summary: Record<string, Counts>;
  labels: Record<string, string>;
}

const WORDS: [keyof Counts, string][] = [
  ["pass", "Đạt"],
  ["late", "Muộn"],
  ["fail", "Chưa đạt"],
  ["pending", "Chưa đến hạn"],
];

async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(`/api/t/demo${p}`)).json(), path) as Promise<T>;
}

/** Each rule of `summary` has its bar in `section`, named with its figures in words. */
async function expectBars(section: Locator, c: Compliance) {
  const rules = Object.entries(c.summary);
  expect(rules.length).toBeGreaterThan(0);
  await expect.poll(() => section.locator(".rule-bars .bar").count(), SLOW).toBe(rules.length);
  for (const [rule, n] of rules) {
    const name = `${c.labels[rule]}: ${n.pass + n.late}/${n.pass + n.late + n.fail + n.pending} đơn vị đạt`;
    expect(await section.getByRole("img", { name: new RegExp(`^${escape(name)}`) }).count()).toBe(
      1,
    );
  }
}

describe("compliance drill-down on a 390 px phone", () => {
  it("shows the root's summary, drills into a child unit's marks, and comes back", async () => {
    const errors: string[] = [];
    const page = await e2e.signedIn(errors, DEMO.admin, DEMO.password);
    const { campaigns } = await api<{ campaigns: { id: string }[] }>(page, "/campaigns");
    const id = campaigns[0]!.id;
    const top = await api<Compliance>(page, `/campaigns/${id}/compliance`);
    const child = top.units.find((u) => u.unitId !== top.unitId && u.marks.length)!;
    expect(child).toBeTruthy();

    await page.goto(`/t/demo/dot-sinh-hoat/${id}`);
    const section = page.getByRole("region", { name: "Tuân thủ" });
    const childRow = section.getByRole("list", { name: `Số liệu tuân thủ của ${child.unitName}` });
    await childRow.waitFor(SLOW);
    // The root: its subtree's summary per rule, and each child's subtree counts in words.
    await expectBars(section, top);
    const [rule, n] = Object.entries(child.subtree)[0]!;
    const words = WORDS.filter(([k]) => n[k] > 0)
      .map(([k, w]) => `${w} ${n[k]}`)
      .join(" · ");
    const item = childRow.getByRole("listitem").filter({ hasText: top.labels[rule]! });
    expect(await item.locator(".reason").innerText()).toBe(words);
    expect(await section.getByRole("navigation").count()).toBe(0);
    await section.screenshot({ path: join(ROOT, "test-results/compliance-root-390.png") });

    // Down into the child: its own marks, its summary, and the way back up.
    await section.getByRole("link", { name: child.unitName }).click();
    await page.waitForURL(new RegExp(`\\?unitId=${child.unitId}$`), SLOW);
    const marks = section.getByRole("list", { name: `Tuân thủ của ${child.unitName}` });
    await marks.waitFor(SLOW);
    const below = await api<Compliance>(page, `/campaigns/${id}/compliance?unitId=${child.unitId}`);
    expect(below.unitId).toBe(child.unitId);
    await expectBars(section, below);
    const own = below.units.find((u) => u.unitId === child.unitId)!;
    expect(await marks.getByRole("listitem").count()).toBe(own.marks.length);
    for (const m of own.marks) {
      const li = marks.getByRole("listitem").filter({ hasText: m.label });
      expect(await li.locator(".badge").innerText()).toBe(WORDS.find(([k]) => k === m.status)![1]);
    }
    const crumbs = section.getByRole("navigation", { name: "Đơn vị đang xem tuân thủ" });
    expect(await crumbs.locator('[aria-current="page"]').innerText()).toBe(child.unitName);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousFindings(page)).toEqual([]);
    await section.screenshot({ path: join(ROOT, "test-results/compliance-drill-390.png") });

    // Back up to the reader's root through the breadcrumb.
    await crumbs.getByRole("link", { name: "Tất cả" }).click();
    await page.waitForURL((u) => !u.search.includes("unitId"), SLOW);
    await childRow.waitFor(SLOW);
    await expectBars(section, top);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
