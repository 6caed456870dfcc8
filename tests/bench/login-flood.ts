// login.flood.p95 — the p95 of a signed-in request (GET /me) while 1,000 login attempts with
// unknown e-mails arrive in parallel, against the same request's p95 with no flood, measured
// side by side (alternating rounds, median of each) on the built Node server as a child
// process (`npm run build:node` first). Goal (issue 14): ratio ≤ 2 — the attempts beyond the
// limits are refused before any password is hashed, so they cannot eat the CPU.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signupOver, startProcessServer } from "../support/process-server";
import { median } from "./support";

const FLOOD = Number(process.env.BENCH_LOGIN_FLOOD ?? 1000);
const ROUNDS = 3;
const SAMPLES = 200;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/** `SAMPLES` signed-in requests, 4 at a time, each timed; stops early when `until` settles. */
async function sample(url: string, token: string, until?: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until?.then(() => (done = true));
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < SAMPLES && !(until && done && times.length >= 20)) {
      next++;
      const start = performance.now();
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /me: ${res.status}`);
      times.push(performance.now() - start);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return times;
}

export async function benchLoginFlood() {
  const dataDir = mkdtempSync(join(tmpdir(), "shct-bench-flood-"));
  const server = await startProcessServer(dataDir);
  try {
    const token = await signupOver(
      server.base,
      "lu-dang-nhap",
      "Đảng bộ bị tấn công",
      "admin@lu.vn",
    );
    const me = `${server.base}/api/t/lu-dang-nhap/me`;
    const login = `${server.base}/api/t/lu-dang-nhap/auth/login`;
    await sample(me, token); // warm up
    const quiet: number[] = [];
    const flooded: number[] = [];
    const refusals: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      quiet.push(p95(await sample(me, token)));
      const flood = Promise.all(
        Array.from({ length: FLOOD }, (_, i) =>
          fetch(login, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
              email: `khong-co-${round}-${i}@lu.vn`,
              password: "doan-bua-1234",
            }),
          }).then(
            async (r) => {
              await r.arrayBuffer();
              refusals[r.status] = (refusals[r.status] ?? 0) + 1;
            },
            () => (refusals.network = (refusals.network ?? 0) + 1),
          ),
        ),
      );
      flooded.push(p95(await sample(me, token, flood)));
      await flood;
    }
    const value = median(flooded);
    const baseline = median(quiet);
    return [
      {
        name: "login.flood.p95",
        value: Math.round(value * 10) / 10,
        unit: "ms",
        baseline: Math.round(baseline * 10) / 10,
        ratio: Math.round((value / baseline) * 100) / 100,
        attempts: refusals,
      },
    ];
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
