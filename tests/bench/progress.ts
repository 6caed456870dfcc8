// The dashboard at city scale (issues 13 and 15), on a generated tenant of 500,000 members
// (tests/gen, ~136 committees as a city has; BENCH_PROGRESS_MEMBERS to change) with a plan
// handed in by most of them:
// - api.progress.bytes.500k — the bytes of GET /campaigns/:id/progress at the root: one page
//   of the tree (the root and its direct children), against the whole-tree answer the route
//   gave before (every unit's row). Goal: ≤ 100 KB.
// - api.progress.build.ms — the first read, which builds the stored figures (one GROUP BY
//   over the members); api.progress.ms — a read after that, median of 5, in process.
// - api.dashboard.p95 / .p99 — ms for that request on the embedded default (worker/node.ts
//   serving the generated data folder, its own process) under autocannon at 200
//   connections, with req/s; baseline: a bare Hono handler answering the same bytes
//   (bare-server.ts), in alternating rounds of the same run. Goal: p95 ≤ 50 ms. The same
//   server's `/me` under the same load rides along (meP95, meRps): what any tenant request
//   costs there, so the dashboard's own share can be read off.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { campaigns, units } from "../../schema/tables/tenant";
import { createSession } from "../../worker/auth/sessions";
import { systemCtx } from "../../worker/data/context";
import { requireCampaign } from "../../worker/data/campaigns";
import { countsByUnit } from "../../worker/data/progress";
import { campaignCompliance } from "../../worker/data/compliance";
import { writeCity } from "../gen/city";
import { makeApp, openTenant, signupTenant } from "../support/app";
import { median } from "./support";

const MEMBERS = Number(process.env.BENCH_PROGRESS_MEMBERS ?? 500_000);
const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_DASHBOARD_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 2);

export async function benchProgress() {
  const t = await makeApp();
  const { tenant, user } = await signupTenant(t, "ha-noi");
  const { db, client } = await openTenant(t, tenant.id);
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  await writeCity(client, { id: root!.id, path: root!.path }, { members: MEMBERS, seed: 1 });
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const token = (await createSession(db, user.id, t.clock.now)).token;
  const api = async (method: string, path: string) =>
    t.request(method, `/api/t/ha-noi${path}`, { token });
  const created = await t.request("POST", "/api/t/ha-noi/campaigns", {
    token,
    body: {
      templateKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [root!.id],
    },
  });
  const { id } = (await created.json()) as { id: string };
  // Active without the launch's tasks (1M rows at this size, and the dashboard reads none).
  await db.update(campaigns).set({ status: "active" }).where(eq(campaigns.id, id));
  await plansHandedIn(client, id);
  const read = async (what = "progress") => {
    const t0 = performance.now();
    const res = await api("GET", `/campaigns/${id}/${what}`);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${what}: ${res.status} ${text}`);
    return { ms: performance.now() - t0, text };
  };
  const build = await read();
  const times: number[] = [];
  let body = build.text;
  for (let i = 0; i < 5; i++) {
    const r = await read();
    times.push(r.ms);
    body = r.text;
  }
  const bytes = new TextEncoder().encode(body).length;
  // The whole-tree answer: every unit's own row, as the route answered before.
  const c = await requireCampaign(db, id);
  const { dueAt, evaluatedOn, perUnit } = await countsByUnit(systemCtx(db, t.clock.now), {
    campaign: c,
  });
  const whole = JSON.stringify({
    dueAt,
    evaluatedOn,
    units: [...perUnit].map(([unitId, counts]) => ({ unitId, ...counts })),
  });
  // Compliance the same way: the first read judges every unit and stores the marks; a read
  // after it, against judging every unit per read as the route did before.
  const complianceBuild = await read("compliance");
  const complianceTimes: number[] = [];
  for (let i = 0; i < 5; i++) complianceTimes.push((await read("compliance")).ms);
  const j0 = performance.now();
  await campaignCompliance(systemCtx(db, t.clock.now), { campaign: c });
  const judgeAll = performance.now() - j0;
  // The server runs on the real clock: a session made now.
  const liveToken = (await createSession(db, user.id, new Date())).token;
  t.platform.close(); // the files stay for the server; removed at the end
  const dashboard = await underLoad(t.dataDir, `/api/t/ha-noi/campaigns/${id}/progress`, {
    token: liveToken,
    body,
  });
  rmSync(t.dataDir, { recursive: true, force: true });
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  const m = `${Math.round(MEMBERS / 1000)}k`;
  return [
    {
      name: `api.progress.bytes.${m}`,
      value: kb(bytes),
      unit: "KiB",
      baseline: kb(new TextEncoder().encode(whole).length),
      ratio: Math.round((bytes / whole.length) * 1000) / 1000,
      members: MEMBERS,
      units: perUnit.size,
    },
    {
      name: "api.progress.build.ms",
      value: Math.round(build.ms),
      unit: "ms",
      members: MEMBERS,
    },
    {
      name: "api.progress.ms",
      value: Math.round(median(times) * 10) / 10,
      unit: "ms",
      members: MEMBERS,
    },
    {
      name: "api.compliance.build.ms",
      value: Math.round(complianceBuild.ms),
      unit: "ms",
      members: MEMBERS,
    },
    {
      name: `api.compliance.root.${m}`,
      value: Math.round(median(complianceTimes) * 10) / 10,
      unit: "ms",
      baseline: Math.round(judgeAll * 10) / 10,
      ratio: Math.round((median(complianceTimes) / judgeAll) * 1000) / 1000,
      members: MEMBERS,
    },
    ...dashboard,
  ];
}

/** Plans for ~88% of the members (deterministic by row): most submitted or confirmed, some
 *  returned or still drafts, a few first handed in after the due date. */
async function plansHandedIn(
  client: Awaited<ReturnType<typeof openTenant>>["client"],
  campaignId: string,
) {
  const starts = Date.parse("2026-03-11T00:00:00+07:00");
  const due = Date.parse("2026-04-10T00:00:00+07:00");
  await client.execute({
    sql: `INSERT INTO submissions (id, campaign_id, member_id, form_key, form_version, status,
        version, data_json, submitted_at, first_submitted_at, created_at, updated_at)
      SELECT 's' || rowid, ?, id, 'ke-hoach-tu-duong', 1,
        CASE rowid % 8 WHEN 0 THEN 'draft' WHEN 1 THEN 'returned' WHEN 2 THEN 'confirmed'
          WHEN 3 THEN 'confirmed' ELSE 'submitted' END,
        2, '{}', t, t, ?, ?
      FROM (SELECT rowid, id, ? + (rowid * 7919 % 1000) * (? - ?) / 950 AS t FROM members)
      WHERE rowid % 9 <> 0`,
    args: [campaignId, starts, starts, starts, due, starts],
  });
}

interface Load {
  p95: number;
  p99: number;
  rps: number;
  non2xx: number;
}

/** One autocannon round against `url`; percentiles from every response's own time. */
async function cannon(url: string, headers: Record<string, string>): Promise<Load> {
  const times: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  instance.on("response", (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN);
  return {
    p95: at(0.95),
    p99: at(0.99),
    rps: Math.round(result.requests.average),
    non2xx: result.non2xx,
  };
}

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      if (/ready|đang chạy/.test(d.toString())) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`server exited: ${code}`)));
  });
}

async function underLoad(dataDir: string, path: string, o: { token: string; body: string }) {
  const bodyFile = join(dataDir, "progress.json");
  writeFileSync(bodyFile, o.body);
  const [appPort, barePort] = [18000 + (process.pid % 1000), 19000 + (process.pid % 1000)];
  const profile = process.env.BENCH_SERVER_PROFILE; // a folder: the server's --cpu-prof there
  const server = await start(
    [
      "--expose-gc",
      ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []),
      "--import",
      "tsx",
      "worker/node.ts",
    ],
    {
      DATA_DIR: dataDir,
      PORT: String(appPort),
      SEED_DEMO: "0",
      CRON_INTERVAL_MS: String(24 * 3600_000),
    },
  );
  const bare = await start(["--import", "tsx", "tests/bench/bare-server.ts"], {
    PORT: String(barePort),
    BODY_FILE: bodyFile,
  });
  try {
    const auth = { Authorization: `Bearer ${o.token}` };
    const appUrl = `http://127.0.0.1:${appPort}${path}`;
    // Warm: the server's first read brings the figures to its own clock's date.
    const warm = await fetch(appUrl, { headers: auth });
    if (warm.status !== 200) throw new Error(`warm-up: ${warm.status} ${await warm.text()}`);
    const apps: Load[] = [];
    const bares: Load[] = [];
    const mes: Load[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bares.push(await cannon(`http://127.0.0.1:${barePort}/progress`, {}));
      apps.push(await cannon(appUrl, auth));
      // For reading the ratio: the same server's /me, the least a tenant request costs.
      mes.push(await cannon(`http://127.0.0.1:${appPort}/api/t/ha-noi/me`, auth));
    }
    const med = (xs: Load[], k: keyof Load) => median(xs.map((x) => x[k]));
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const line = (q: "p95" | "p99") => ({
      name: `api.dashboard.${q}`,
      value: med(apps, q),
      unit: "ms",
      baseline: med(bares, q),
      ratio: ratio(med(apps, q), med(bares, q)),
      rps: med(apps, "rps"),
      baselineRps: med(bares, "rps"),
      meP95: med(mes, "p95"),
      meRps: med(mes, "rps"),
      non2xx: apps.reduce((n, x) => n + x.non2xx, 0),
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      members: MEMBERS,
    });
    return [line("p95"), line("p99")];
  } finally {
    await Promise.all(
      [server, bare].map(
        (child) => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM")),
      ),
    );
  }
}
