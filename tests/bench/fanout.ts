// The scheduled pass at the country's scale, and what the Worker costs to ship and start.
//
// cron.fanout.5000 / .50000 — one pass over N tenants on the embedded default (Node, one
//   libSQL file each), 1% of them changed since the last pass (marked as a write marks them)
//   and the rest idle, with the next_due_at a real pass left them (the demo's campaign: the
//   next ICT midnight). Seconds, with the tenants the pass opened and its peak RSS. At 5,000
//   every tenant has its own file (copies of the seeded demo); at 50,000 only the changed ones
//   do — an idle tenant is never opened, and `.opened` shows none was.
// turso.rows_read.idle_pass — one pass over 5,000 idle tenants with the Workers platform over
//   Hrana (tests/support/hrana.ts): rows read in tenant databases (the goal: 0), with the
//   control plane's rows and the requests of each kind beside it. The test server's rows_read
//   is rows returned; no tenant request means no tenant row read at all.
// worker.bundle.gzip — KiB of the Worker as `wrangler deploy --dry-run` builds it, gzipped;
//   worker.cold_start — ms from starting Miniflare on that bundle to the first answer (which
//   includes the isolate's control-plane check over Hrana).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare, Response as MfResponse, type Request as MfRequest } from "miniflare";
import { migrations } from "../../schema/migrations";
import { tenants } from "../../schema/tables/control";
import { runScheduledPass } from "../../worker/cron";
import { markTenantChanged } from "../../worker/data/tenants";
import { newId } from "../../worker/data/ids";
import { latestVersion, migrate } from "../../worker/db/migrate";
import { tursoPlatform } from "../../worker/db/turso";
import { seedDemo } from "../../worker/demo";
import { makeApp } from "../support/app";
import { createHranaHandler } from "../support/hrana";
import { bundleScript } from "../support/worker-bundle";

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function fanout(total: number, filesForIdle: boolean) {
  const t = await makeApp();
  try {
    const template = await seedDemo(t.platform);
    // A first pass over the template leaves it as every idle tenant is left.
    await runScheduledPass(t.platform);
    const [{ nextDueAt } = { nextDueAt: null }] = await t.platform
      .control()
      .db.select({ nextDueAt: tenants.nextDueAt })
      .from(tenants);
    const source = join(t.dataDir, "tenants", `${template.id}.db`);
    // Checkpoint the WAL into the main file so a plain copy is a whole database.
    await t.platform.tenant(template).client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    const changed = Math.round(total / 100);
    const rows = [];
    for (let i = 0; i < total - 1; i++) {
      const id = newId();
      if (i < changed || filesForIdle) copyFileSync(source, join(t.dataDir, "tenants", `${id}.db`));
      rows.push({
        id,
        slug: `phuong-${i}`,
        name: `Đảng bộ phường ${i}`,
        kind: "dang-uy-phuong",
        status: "active" as const,
        dbUrl: `file:tenants/${id}.db`,
        schemaVersion: latestVersion(migrations.tenant),
        nextDueAt,
        createdAt: t.clock.now,
        updatedAt: t.clock.now,
      });
    }
    const control = t.platform.control().db;
    for (let i = 0; i < rows.length; i += 500)
      await control.insert(tenants).values(rows.slice(i, i + 500));
    for (const r of rows.slice(0, changed)) await markTenantChanged(control, r.id, t.clock.now);
    let opened = 0;
    const real = t.platform.tenant.bind(t.platform);
    t.platform.tenant = (x) => (opened++, real(x));
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const report = await runScheduledPass(t.platform);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const ran = report.tenants.filter((r) => r.ran).length;
    if (ran !== changed)
      throw new Error(`pass ran ${ran} tenants, expected the ${changed} changed`);
    const name = `cron.fanout.${total}`;
    return [
      { name, value: round1(seconds), unit: "s" },
      { name: `${name}.opened`, value: opened, unit: "tenants" },
      {
        name: `${name}.per_changed_tenant`,
        value: Math.round((seconds * 1000) / changed),
        unit: "ms",
      },
      { name: `${name}.peak_rss`, value: Math.round(peak / 1048576), unit: "MiB" },
    ];
  } finally {
    t.close();
  }
}

/** One pass over 5,000 idle tenants on the Workers platform, every request over Hrana. */
export async function idlePassOverHrana() {
  const dir = mkdtempSync(join(tmpdir(), "shct-idle-"));
  try {
    const token = "bench-token";
    const hrana = createHranaHandler({
      token,
      resolve: (host) =>
        host === "control-bench.turso.io" ? join(dir, "control.db") : join(dir, `${host}.db`),
    });
    const seen = { control: { requests: 0, rows: 0 }, tenant: { requests: 0, rows: 0 } };
    const platform = tursoPlatform(
      {
        CONTROL_DB_URL: "libsql://control-bench.turso.io",
        CONTROL_DB_TOKEN: token,
        TURSO_GROUP_TOKEN: token,
        TURSO_ORG: "bench",
      },
      {
        fetch: async (req) => {
          const kind = new URL(req.url).hostname.startsWith("control-") ? "control" : "tenant";
          const res = await hrana.handle(req);
          const body = (await res.clone().json()) as {
            results?: { response?: { result?: { rows_read?: number } } }[];
          };
          seen[kind].requests++;
          for (const r of body.results ?? []) seen[kind].rows += r.response?.result?.rows_read ?? 0;
          return res;
        },
      },
    );
    await migrate(platform.control().client, migrations.control);
    const now = Date.now();
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const id = newId();
      return {
        id,
        slug: `phuong-${i}`,
        name: `Đảng bộ phường ${i}`,
        kind: "dang-uy-phuong",
        status: "active" as const,
        dbUrl: `libsql://t-${id}-bench.turso.io`,
        schemaVersion: latestVersion(migrations.tenant),
        // As a pass leaves a tenant with a campaign running: due at the next ICT midnight.
        nextDueAt: now + 3600_000,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await platform
        .control()
        .db.insert(tenants)
        .values(rows.slice(i, i + 500));
    seen.control = { requests: 0, rows: 0 };
    const report = await runScheduledPass(platform);
    hrana.close();
    if (report.tenants.length) throw new Error("an idle tenant was run");
    return [
      { name: "turso.rows_read.idle_pass", value: seen.tenant.rows, unit: "tenant rows" },
      { name: "turso.rows_read.idle_pass.control", value: seen.control.rows, unit: "rows" },
      { name: "turso.requests.idle_pass.tenant", value: seen.tenant.requests, unit: "requests" },
      { name: "turso.requests.idle_pass.control", value: seen.control.requests, unit: "requests" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The built Worker's size, gzipped, and Miniflare's start to the first answer. */
export async function workerBundle() {
  const dir = mkdtempSync(join(tmpdir(), "shct-bundle-"));
  try {
    const out = join(dir, "bundle");
    mkdirSync("dist/client", { recursive: true });
    execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", out], {
      stdio: "pipe",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
    const code = readdirSync(out).filter((f) => /\.(m?js|wasm)$/.test(f));
    const gzip = code.reduce((n, f) => n + gzipSync(readFileSync(join(out, f))).length, 0);
    const token = "bench-token";
    const hrana = createHranaHandler({ token, resolve: () => join(dir, "control.db") });
    const t0 = performance.now();
    const mf = new Miniflare({
      ...bundleScript(out),
      bindings: {
        CONTROL_DB_URL: "libsql://control-bench.turso.io",
        CONTROL_DB_TOKEN: token,
        TURSO_ORG: "bench",
      },
      outboundService: async (req: MfRequest) => {
        const standard = new Request(req.url, {
          method: req.method,
          headers: Object.fromEntries(req.headers),
          body: req.method === "GET" ? undefined : await req.arrayBuffer(),
        });
        const res = await hrana.handle(standard);
        return new MfResponse(await res.arrayBuffer(), {
          status: res.status,
          headers: Object.fromEntries(res.headers),
        });
      },
    });
    const res = await mf.dispatchFetch("https://app.example/api/health");
    const cold = performance.now() - t0;
    if (res.status !== 200) throw new Error(`health ${res.status}`);
    await mf.dispose();
    hrana.close();
    return [
      { name: "worker.bundle.gzip", value: round1(gzip / 1024), unit: "KiB" },
      { name: "worker.cold_start", value: Math.round(cold), unit: "ms" },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFanout() {
  return [
    ...(await fanout(5_000, true)),
    ...(await fanout(50_000, false)),
    ...(await idlePassOverHrana()),
    ...(await workerBundle()),
  ];
}
