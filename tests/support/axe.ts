// axe-core in the e2e tests: every page of a journey is checked for serious and critical
// accessibility violations. The script is evaluated through the DevTools protocol rather than
// added as a <script> tag: the app's Content-Security-Policy (script-src 'self') refuses an
// inline script, and the test must not loosen the policy it runs under.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One violation, as the test prints it: the rule, its impact and where. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations on the page as it is now (empty: none). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(source);
  return page.evaluate(async () => {
    type Result = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
    const r = await axe.run();
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}
