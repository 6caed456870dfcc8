// `npm run bench`: one JSON object per line — {name, value, unit, baseline?, ratio?}. Each
// ratio is measured side by side in this one run (alternating rounds, median of each), so a
// noisy shared machine moves both sides together. Not a test: nothing here asserts.
import { benchArchive } from "./archive";
import { benchAudit } from "./audit";
import { benchClient } from "./client";
import { benchApi } from "./api";
import { benchFanout } from "./fanout";
import { benchImport } from "./import";
import { benchLaunch } from "./launch";
import { benchLoginFlood } from "./login-flood";
import { benchProgress } from "./progress";
import { benchRollup } from "./rollup";
import { benchSoak } from "./soak";

const only = process.argv[2];
const benches: [string, () => Promise<Record<string, unknown>[]>][] = [
  ["import", benchImport],
  ["rollup", benchRollup],
  ["progress", benchProgress],
  ["cron", benchFanout],
  // Both start the built server (`npm run build:node`); soak runs SOAK_SECONDS (default 600).
  ["login", benchLoginFlood],
  ["soak", benchSoak],
  ["archive", benchArchive],
  ["launch", benchLaunch],
  ["api", benchApi],
  ["audit", benchAudit],
  // The built server and client (`npm run build`) in Chromium: the member's first screen.
  ["client", benchClient],
];
for (const [name, run] of benches) {
  if (only && !name.startsWith(only)) continue;
  for (const line of await run()) console.log(JSON.stringify(line));
}
