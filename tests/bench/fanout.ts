// cron.fanout.5000 — one scheduled pass over 5,000 small tenants on the embedded default
// (Node, one libSQL file each), in seconds, and the process's peak memory during it. The
// tenants are copies of one migrated, seeded database file, registered in the control plane.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { migrations } from "../../schema/migrations";
import { tenants } from "../../schema/tables/control";
import { runScheduledPass } from "../../worker/cron";
import { newId } from "../../worker/data/ids";
import { latestVersion } from "../../worker/db/migrate";
import { seedDemo } from "../../worker/demo";
import { makeApp } from "../support/app";

const TENANTS = 5_000;

export async function benchFanout() {
  const t = await makeApp();
  const template = await seedDemo(t.platform);
  const source = join(t.dataDir, "tenants", `${template.id}.db`);
  // Checkpoint the WAL into the main file so a plain copy is a whole database.
  await t.platform.tenant(template).client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  const rows = [];
  for (let i = 0; i < TENANTS - 1; i++) {
    const id = newId();
    copyFileSync(source, join(t.dataDir, "tenants", `${id}.db`));
    rows.push({
      id,
      slug: `phuong-${i}`,
      name: `Đảng bộ phường ${i}`,
      kind: "dang-uy-phuong",
      status: "active" as const,
      dbUrl: `file:tenants/${id}.db`,
      schemaVersion: latestVersion(migrations.tenant),
      createdAt: t.clock.now,
      updatedAt: t.clock.now,
    });
  }
  const control = t.platform.control().db;
  for (let i = 0; i < rows.length; i += 500)
    await control.insert(tenants).values(rows.slice(i, i + 500));
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const report = await runScheduledPass(t.platform);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const ran = report.tenants.filter((r) => r.ran).length;
  t.close();
  if (ran !== TENANTS) throw new Error(`pass ran ${ran} of ${TENANTS} tenants`);
  return [
    { name: "cron.fanout.5000", value: Math.round(seconds * 10) / 10, unit: "s" },
    {
      name: "cron.fanout.5000.per_tenant",
      value: Math.round((seconds * 1000) / TENANTS),
      unit: "ms",
    },
    { name: "cron.fanout.5000.peak_rss", value: Math.round(peak / 1048576), unit: "MiB" },
  ];
}
