// axe-core (installed: node_modules/axe-core) run in a page: its serious and critical
// findings. The script is evaluated through the DevTools protocol, which the page's
// Content-Security-Policy (script-src 'self') does not govern, so a context without
// `bypassCSP` is checked under the very policy it ships with.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
  passes: unknown[];
}

/** The serious and critical violations as "rule (count)", and how many rules passed (a real
 *  page passes dozens: a low number means axe did not see the page). */
export async function axeSerious(page: Page): Promise<{ bad: string[]; passed: number }> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document): Promise<AxeResult> } }).axe;
    const { violations, passes } = await axe.run(document);
    return {
      passed: passes.length,
      bad: violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.nodes.length})`),
    };
  });
}

/** The serious and critical findings ([] when none), once axe is seen to have checked the
 *  page: a page where fewer than 10 rules pass was not really seen, and throws. */
export async function seriousFindings(page: Page): Promise<string[]> {
  const { bad, passed } = await axeSerious(page);
  if (passed < 10) throw new Error(`axe-core saw too little of ${page.url()} (${passed} rules)`);
  return bad;
}
