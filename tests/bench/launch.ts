// launch.500k — the built Node server (`npm run build:node`) launches a campaign over a
// generated city (tests/gen: 500,000 members in ~28,000 cells) through the API, measured from
// outside: seconds for the launch call, the peak RSS during it (VmHWM from /proc, reset before
// the launch) of the server plus its job process (worker/node-jobs: the sum of the two peaks,
// an upper bound of their joint peak; the server's alone beside it), and the RSS of both 45 s
// after (past the job process's 30 s idle stop) against the server's before (issue 15: "peak
// RSS under 256 MB"; "the RSS returns to its level before the launch once it is done").
// BENCH_LAUNCH_MEMBERS sets the size (default 500,000).
import { readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { writeCity } from "../gen/city";
import { callJson, signupOver, startProcessServer } from "../support/process-server";

const MEMBERS = Number(process.env.BENCH_LAUNCH_MEMBERS ?? 500_000);
const label = MEMBERS % 1000 === 0 ? `${MEMBERS / 1000}k` : String(MEMBERS);
const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;

/** VmRSS and VmHWM (peak) of a process, in KiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)![1]);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** A POST that may take longer than fetch's 300 s wait for headers (a 500k launch on a busy
 *  machine): node:http waits as long as the server works. */
function postLong(url: string, token: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { Authorization: `Bearer ${token}` } });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The server's child processes (its job processes), alive now. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
    if (list) out.push(...list.split(/\s+/).map(Number));
  }
  return out;
}

/** The memory of the server and its job processes alive now: RSS and peaks summed. */
function treeMemory(pid: number): { rss: number; peak: number } {
  return childrenOf(pid)
    .map(memoryOf)
    .reduce((a, b) => ({ rss: a.rss + b.rss, peak: a.peak + b.peak }), memoryOf(pid));
}

/** The `NAME=value` settings that package.json's `start` script puts before `node`. */
function startEnv(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const start = (pkg as { scripts: { start: string } }).scripts.start;
  return Object.fromEntries(
    [...start.matchAll(/\b([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as const),
  );
}

/** Linux keeps the peak since exec; writing 5 to clear_refs starts it again from now. */
const resetPeak = (pid: number) => writeFileSync(`/proc/${pid}/clear_refs`, "5");

export async function benchLaunch() {
  const dir = mkdtempSync(join(tmpdir(), "shct-launch-bench-"));
  // With the malloc settings `npm start` runs it with (README: job threads' memory).
  const server = await startProcessServer(dir, { env: startEnv() });
  try {
    const pid = server.child.pid!;
    const token = await signupOver(server.base, "ha-noi", "Đảng bộ Hà Nội", "admin@ha-noi.vn");
    const control = createClient({ url: `file:${join(dir, "control.db")}` });
    const tenantId = String(
      (await control.execute("SELECT id FROM tenants WHERE slug = 'ha-noi'")).rows[0]!.id,
    );
    control.close();
    // The city is written beside the running server, straight into the tenant's file.
    const tenantFile = `file:${join(dir, "tenants", `${tenantId}.db`)}`;
    const city = createClient({ url: tenantFile });
    const rootRow = (await city.execute("SELECT id, path FROM units WHERE depth = 0")).rows[0]!;
    const root = { id: String(rootRow.id), path: String(rootRow.path) };
    await writeCity(city, root, { members: MEMBERS, seed: 1 });
    city.close();
    // The city was written synchronously: let the HTTP client see the server close its idle
    // keep-alive socket meanwhile, before the next call would be written to it.
    await new Promise((r) => setTimeout(r, 500));
    const created = await callJson<{ id: string }>(server.base, "POST", "/api/t/ha-noi/campaigns", {
      token,
      body: {
        templateKey: "tu-soi-tu-sua",
        name: "Tự soi, tự sửa",
        startsOn: "2026-03-01",
        dueOn: "2026-04-10",
        unitIds: [root.id],
      },
    });
    if (created.status !== 201) throw new Error(`create: ${created.status}`);

    await new Promise((r) => setTimeout(r, 2_000));
    const before = memoryOf(pid).rss;
    resetPeak(pid);
    const started = performance.now();
    const launched = await postLong(
      `${server.base}/api/t/ha-noi/campaigns/${created.body.id}/launch`,
      token,
    );
    const seconds = (performance.now() - started) / 1000;
    if (launched.status !== 200) throw new Error(`launch: ${launched.status}`);
    // A job process starts with the launch, so its peak since it started is the launch's.
    const serverPeak = memoryOf(pid).peak;
    const peak = treeMemory(pid).peak;
    await new Promise((r) => setTimeout(r, 45_000));
    const after = treeMemory(pid).rss;
    const check = createClient({ url: tenantFile });
    const tasks = Number((await check.execute("SELECT count(*) AS n FROM tasks")).rows[0]!.n);
    check.close();
    return [
      { name: `launch.${label}`, value: Math.round(seconds * 10) / 10, unit: "s" },
      { name: `launch.${label}.tasks`, value: tasks, unit: "rows" },
      { name: `launch.${label}.peak_rss`, value: mib(peak), unit: "MiB" },
      { name: `launch.${label}.server_peak_rss`, value: mib(serverPeak), unit: "MiB" },
      {
        name: `launch.${label}.rss_after`,
        value: mib(after),
        unit: "MiB",
        baseline: mib(before),
        ratio: Math.round((after / before) * 100) / 100,
      },
    ];
  } catch (err) {
    console.error(server.log().slice(-4000));
    throw err;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
