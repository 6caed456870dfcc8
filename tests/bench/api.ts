// The API under load on the embedded default (issue 15): the built Node server
// (dist/node/node.mjs, `npm run build` first) with a generated tenant "ha-noi" and the demo
// đảng bộ, driven by autocannon. Each figure stands beside its baseline from the same server
// process in the same run.
//
// - api.me.rps: req/s of the demo admin's `/me` at 200 connections, against `/api/health`
//   (no tenant, no session). Goal: ratio ≥ 0.5.
// - api.fairness.p99: the demo tenant's `/me` p99 (10 connections) while ha-noi's root
//   dashboard is under load (50 connections), against the same `/me` alone. Goal: ≤ 2.
// - api.submit.p95: ms of draft saves by 50 members of ha-noi at once, each saving its own
//   plan again and again (every save carries the version it read; a 409 would be counted).
//
// BENCH_API_SECONDS (default 10) is the length of each load; BENCH_API_MEMBERS (default
// 20,000) the size of ha-noi.
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { createSession } from "../../worker/auth/sessions";
import { newId } from "../../worker/data/ids";
import { tenantHandle } from "../../worker/db/handles";
import { fairTenants, type FairTenants } from "../support/fair";
import { median } from "./support";

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const MEMBERS = Number(process.env.BENCH_API_MEMBERS ?? 20_000);
const SAVERS = 50;

const load = (
  t: FairTenants,
  path: string,
  opts: { token?: string; connections: number; seconds?: number },
) =>
  autocannon({
    url: `${t.server.base}${path}`,
    connections: opts.connections,
    duration: opts.seconds ?? SECONDS,
    headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {},
  });

/** `connections` loops of GET `path` for `seconds`, each waiting for its answer, run in a
 *  process of their own (me-loop.ts): how many answered, and their latencies' p50 and p99. */
async function fetchLoad(
  t: FairTenants,
  path: string,
  opts: { token: string; connections: number; seconds: number },
): Promise<{ answers: number; failed: number; p50: number; p99: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/me-loop.ts"], {
    env: {
      ...process.env,
      ME_URL: `${t.server.base}${path}`,
      ME_TOKEN: opts.token,
      ME_CONNECTIONS: String(opts.connections),
      ME_SECONDS: String(opts.seconds),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`me-loop exited ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as Awaited<ReturnType<typeof fetchLoad>>;
}

/** 50 members of ha-noi with an account and a session each, made in its file directly. */
async function savers(t: FairTenants): Promise<string[]> {
  const control = createClient({ url: `file:${join(t.server.dataDir, "control.db")}` });
  const id = String(
    (await control.execute("SELECT id FROM tenants WHERE slug = 'ha-noi'")).rows[0]![0],
  );
  control.close();
  const client = createClient({
    url: `file:${join(t.server.dataDir, "tenants", `${id}.db`)}`,
    timeout: 5000,
  });
  const { db } = tenantHandle(client);
  const members = (
    await client.execute({
      sql: "SELECT DISTINCT member_id FROM tasks WHERE campaign_id = ? AND member_id <> '' LIMIT ?",
      args: [t.big.campaignId, SAVERS],
    })
  ).rows.map((r) => String(r[0]));
  const now = new Date();
  const tokens: string[] = [];
  for (const [i, memberId] of members.entries()) {
    const userId = newId();
    await client.execute({
      sql: "INSERT INTO users (id, email, full_name, password_hash, member_id, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)",
      args: [userId, `luu${i}@ha-noi.vn`, `Người lưu ${i}`, memberId, now.getTime(), now.getTime()],
    });
    tokens.push((await createSession(db, userId, now)).token);
  }
  client.close();
  return tokens;
}

/** Each member saves its own draft in a loop for SECONDS; the latencies of every save. */
async function saveLoop(t: FairTenants, tokens: string[]) {
  const path = `${t.server.base}/api/t/ha-noi/campaigns/${t.big.campaignId}/submissions/mine`;
  const until = performance.now() + SECONDS * 1000;
  const times: number[] = [];
  let conflicts = 0;
  let failures = 0;
  await Promise.all(
    tokens.map(async (token, i) => {
      let version: number | undefined;
      for (let n = 0; performance.now() < until; n++) {
        const t0 = performance.now();
        const res = await fetch(path, {
          method: "PUT",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({
            formKey: "ke-hoach-tu-duong",
            data: { "ho-ten": `Người lưu ${i}`, "khac-phuc": `Bản nháp số ${n}` },
            version,
          }),
        });
        const body = (await res.json()) as { version?: number };
        times.push(performance.now() - t0);
        if (res.status === 200) version = body.version;
        else if (res.status === 409) conflicts++;
        else failures++;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { p95: times[Math.floor(times.length * 0.95)]!, saves: times.length, conflicts, failures };
}

export async function benchApi() {
  const t = await fairTenants(MEMBERS, { timeoutMs: 120_000 });
  try {
    const lines: Record<string, unknown>[] = [];
    // /me against the bare server, alternating, median of each.
    const me: number[] = [];
    const health: number[] = [];
    for (let round = 0; round < 2; round++) {
      health.push((await load(t, "/api/health", { connections: 200 })).requests.average);
      me.push(
        (await load(t, "/api/t/demo/me", { connections: 200, token: t.small.token })).requests
          .average,
      );
    }
    const rps = median(me);
    lines.push({
      name: "api.me.rps",
      value: Math.round(rps),
      unit: "req/s",
      baseline: Math.round(median(health)),
      ratio: Math.round((rps / median(health)) * 100) / 100,
    });

    // The demo tenant's /me alone, then beside ha-noi's dashboard under load (autocannon).
    const meLoad = { token: t.small.token, connections: 10, seconds: Math.max(1, SECONDS - 1) };
    const alone = await fetchLoad(t, "/api/t/demo/me", meLoad);
    const dashboard = load(t, `/api/t/ha-noi/campaigns/${t.big.campaignId}/progress`, {
      connections: 50,
      token: t.big.token,
    });
    await new Promise((r) => setTimeout(r, 500));
    const beside = await fetchLoad(t, "/api/t/demo/me", meLoad);
    const big = await dashboard;
    // Let the dashboards still queued in the server finish before the next measure: until
    // ha-noi's own /me answers within 50 ms again.
    for (let quiet = 0; quiet < 3;) {
      const t0 = performance.now();
      await (await t.call(t.big.token, "GET", "/api/t/ha-noi/me")).arrayBuffer();
      quiet = performance.now() - t0 < 50 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 100));
    }
    lines.push({
      name: "api.fairness.p99",
      value: beside.p99,
      unit: "ms",
      baseline: alone.p99,
      ratio: Math.round((beside.p99 / Math.max(1, alone.p99)) * 100) / 100,
      members: MEMBERS,
      meAnswers: beside.answers,
      meAnswersAlone: alone.answers,
      meFailed: beside.failed,
      dashboardRps: Math.round(big.requests.average),
      dashboardP97_5: big.latency.p97_5,
    });

    const saved = await saveLoop(t, await savers(t));
    lines.push({
      name: "api.submit.p95",
      value: Math.round(saved.p95),
      unit: "ms",
      members: SAVERS,
      saves: saved.saves,
      conflicts: saved.conflicts,
      failures: saved.failures,
    });
    return lines;
  } finally {
    await t.server.stop();
  }
}
