// axe-core (installed: node_modules/axe-core) run in a page: its serious and critical
// findings. The page's context needs `bypassCSP: true` to take the injected script.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
  passes: unknown[];
}

/** The serious and critical violations as "rule (count)", and how many rules passed (a real
 *  page passes dozens: a low number means axe did not see the page). */
export async function axeSerious(page: Page): Promise<{ bad: string[]; passed: number }> {
  await page.addScriptTag({ path: AXE });
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
