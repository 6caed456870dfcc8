// `npm run cron` on the embedded default: the built CLI runs one pass over DATA_DIR and exits.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrations } from "../../schema/migrations";
import { localPlatform } from "../../worker/db/local";
import { migrate } from "../../worker/db/migrate";
import { seedDemo } from "../../worker/demo";

const dataDir = mkdtempSync(join(tmpdir(), "shct-cron-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run cron", () => {
  it("runs one pass over the demo and exits, and a second pass leaves the idle demo alone", async () => {
    const platform = localPlatform({ dataDir });
    await migrate(platform.control().client, migrations.control);
    await seedDemo(platform);
    platform.close();
    const run = () =>
      JSON.parse(
        execFileSync(process.execPath, ["dist/node/cron-cli.mjs"], {
          env: { ...process.env, DATA_DIR: dataDir },
          encoding: "utf8",
        }),
      ) as {
        tenants: {
          tenant: string;
          ran: boolean;
          reminders: { notifications: number };
          rollup: { snapshots: number; skipped: number };
        }[];
      };
    const first = run();
    expect(first.tenants.map((x) => [x.tenant, x.ran])).toEqual([["demo", true]]);
    expect(first.tenants[0]!.rollup.snapshots).toBeGreaterThan(0);
    // Nothing is due before the demo's next ICT day and nothing was written: the second
    // pass does not open it at all.
    expect(run().tenants).toEqual([]);
  });
});
