// One tenant at the product's scale under a 128 MB heap (issue 13): launch, a reminder day and
// the rollup over a generated city (tests/gen/city.ts, seed 1) where every member has an
// account. The process runs with --max-old-space-size=128 (tests/scale/vitest.config.ts and
// the `scale` project of tests/vitest.config.ts): a job that holds the tenant in memory dies
// here. `npm run test:scale` runs 500,000 members; CI (the `scale` project) runs 10,000: at
// 50,000 the three jobs took ~2 minutes on the 2-core build machine, past CI's minute.
// Each job's sampled peak heap is printed as a JSON line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../schema/migrations";
import { createCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { finishLaunch, launchCampaign } from "../../worker/data/launch";
import { provisionTenant } from "../../worker/data/tenants";
import { remindersWithSettings, runReminders } from "../../worker/cron/reminders";
import { runRollup } from "../../worker/cron/rollup";
import type { TenantHandle } from "../../worker/db/handles";
import { localPlatform, type LocalPlatform } from "../../worker/db/local";
import { migrate } from "../../worker/db/migrate";
import type { TenantRecord } from "../../worker/env";
import { mkdtempSync, rmSync } from "node:fs";
import { getHeapStatistics } from "node:v8";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCity } from "../gen/city";

const MEMBERS = Number(process.env.SCALE_MEMBERS ?? 10_000);
const HEAP_LIMIT_MIB = 128;
/** Issue 13's goal for one tenant job: under 64 MB of heap. The sampled peak is `heapUsed`:
 *  what the job holds, garbage not yet collected, and the vitest process's own ~21 MiB.
 *  Held by the launch (49 MiB at 500,000 members) and the rollup (50-52 MiB: it judges and
 *  recounts a page of 2,000 units at a time and reads whole-campaign rows as one JSON text
 *  each; it sampled 82-86 before). The reminder day is held to the cap only: 79 MiB at
 *  500,000 in one-page passes (73 as one long pass; 53-72 in a bare Node process). Each pass
 *  reads the whole unit tree (reminder-items.ts reminderBasis, ~9 MiB live at 500,000) and
 *  drops it: what is left is to read a page's units instead. */
const JOB_HEAP_GOAL_MIB = 64;
const MiB = 1024 * 1024;

let dir: string;
let platform: LocalPlatform;
let tenant: TenantRecord;
let handle: TenantHandle;
let campaignId: string;
const clock = { now: new Date("2026-03-12T02:00:00Z") };

/** Runs `job` sampling the heap every few milliseconds (between its awaits); the peak in MiB. */
async function peakHeap<T>(name: string, job: () => Promise<T>) {
  global.gc?.();
  const start = process.memoryUsage().heapUsed;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const t0 = performance.now();
  try {
    const result = await job();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const line = {
      name: `scale.${name}.${MEMBERS}`,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      peakHeapMiB: Math.round(peak / MiB),
      // What the process held before the job (vitest, the modules): the job's share is above.
      startHeapMiB: Math.round(start / MiB),
    };
    console.log(JSON.stringify(line));
    return { result, peakMiB: peak / MiB };
  } finally {
    clearInterval(sampler);
  }
}

const one = async (sql: string, args: (string | number)[] = []) =>
  Number((await handle.client.execute({ sql, args })).rows[0]!.n);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shct-scale-"));
  platform = localPlatform({ dataDir: dir, now: () => clock.now });
  await migrate(platform.control().client, migrations.control);
  const made = await provisionTenant(platform, {
    tenant: { slug: "ha-noi", name: "Đảng bộ Thành phố", kind: "thanh-uy" },
    admin: { email: "admin@ha-noi.vn", password: "mat-khau-du-dai", fullName: "Quản Trị Viên" },
  });
  tenant = made.tenant;
  handle = platform.tenant(tenant);
  await writeCity(
    handle.client,
    { id: made.rootUnitId, path: `/${made.rootUnitId}/` },
    { members: MEMBERS, seed: 1 },
  );
  // Every member signs in (one statement: nothing of it passes through this process's heap).
  await handle.client
    .execute(`INSERT INTO users (id, email, full_name, member_id, created_at, updated_at)
    SELECT 'u-' || id, id || '@ha-noi.vn', full_name, id, created_at, updated_at FROM members`);
  const sys = systemCtx(handle.db, clock.now);
  campaignId = (
    await createCampaign(sys, {
      templateKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa 2026",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [made.rootUnitId],
    })
  ).id;
}, 1_800_000);

afterAll(() => {
  platform?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`a tenant of ${MEMBERS.toLocaleString("vi-VN")} members, heap capped at ${HEAP_LIMIT_MIB} MB`, () => {
  it("runs with its heap capped (old space 128 MB, plus V8's young generation)", () => {
    expect(getHeapStatistics().heap_size_limit / MiB).toBeLessThan(HEAP_LIMIT_MIB + 64);
  });

  it("launches: every member's tasks, once", async () => {
    const { peakMiB } = await peakHeap("launch", () =>
      launchCampaign(systemCtx(handle.db, clock.now), campaignId),
    );
    const tasks = await one("SELECT count(*) AS n FROM tasks WHERE campaign_id = ?", [campaignId]);
    const people = await one(
      "SELECT count(DISTINCT member_id) AS n FROM tasks WHERE campaign_id = ? AND member_id != ''",
      [campaignId],
    );
    expect(people).toBeGreaterThan(MEMBERS * 0.9);
    await finishLaunch(systemCtx(handle.db, clock.now), campaignId);
    expect(await one("SELECT count(*) AS n FROM tasks WHERE campaign_id = ?", [campaignId])).toBe(
      tasks,
    );
    expect(peakMiB).toBeLessThan(JOB_HEAP_GOAL_MIB);
  });

  it("rolls up: the root's figures count every member expected", async () => {
    const { peakMiB } = await peakHeap("rollup", () =>
      runRollup(handle.db, platform.control().db, tenant, clock.now),
    );
    const expected = await one(
      "SELECT sum(expected) AS n FROM rollup_units WHERE campaign_id = ?",
      [campaignId],
    );
    expect(expected).toBeGreaterThan(MEMBERS * 0.9);
    expect(peakMiB).toBeLessThan(JOB_HEAP_GOAL_MIB);
  });

  it("runs a reminder day: one digest for each member owed a plan, nothing twice", async () => {
    clock.now = new Date("2026-04-07T01:00:00Z"); // three ICT days before the plan is due
    const { peakMiB } = await peakHeap("reminders", () =>
      runReminders(handle.db, clock.now, { email: true }),
    );
    const expected = await one(
      "SELECT sum(expected) AS n FROM rollup_units WHERE campaign_id = ?",
      [campaignId],
    );
    const digests = "SELECT count(*) AS n FROM notifications WHERE kind = 'reminder-digest'";
    expect(await one(digests)).toBe(expected);
    await runReminders(handle.db, clock.now, { email: true });
    expect(await one(digests)).toBe(expected);
    expect(peakMiB).toBeLessThan(HEAP_LIMIT_MIB);
  });

  // On demand: SCALE_REMINDER_PAGES="2000,1000;5000,2500" runs the day again for each page
  // size (members,people) and prints its passes and peak heap (the production page sizes,
  // MEMBER_PAGE and DIGEST_PAGE, are chosen from these lines).
  it.runIf(!!process.env.SCALE_REMINDER_PAGES)("measures a reminder day's page sizes", async () => {
    for (const spec of process.env.SCALE_REMINDER_PAGES!.split(";")) {
      const [members, people] = spec.split(",").map(Number);
      for (const table of ["outbox", "reminder_ledger", "notifications", "settings"])
        await handle.client.execute(`DELETE FROM ${table}`);
      let passes = 0;
      const { peakMiB } = await peakHeap(`reminders.pages-${members}-${people}`, async () => {
        for (let more = true; more; passes++)
          more = (
            await remindersWithSettings(handle.db, clock.now, { email: true }, { members, people })
          ).more;
      });
      console.log(JSON.stringify({ members, people, passes }));
      expect(peakMiB).toBeLessThan(HEAP_LIMIT_MIB);
    }
  });
});
