// export.500k / import.500k — a generated city (tests/gen, `npm run gen`'s data: 500,000
// members in ~28,000 cells, their status history) with one campaign in which 60% of members
// have a plan (a seed-000 plan's text, a version row each), exported through the API to a
// file, then that file streamed into a fresh tenant through the API. Seconds, the archive's
// size and the peak heap above the baseline (sampled every 20 ms and at every chunk).
// BENCH_ARCHIVE_MEMBERS sets the size (default 500,000) for a small run.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { eq } from "drizzle-orm";
import { units } from "../../schema/tables/tenant";
import { createSession } from "../../worker/auth/sessions";
import { createCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { writeCity } from "../gen/city";
import { makeApp, ORIGIN, openTenant, signupBody, signupTenant } from "../support/app";
import { fullPlan000 } from "../support/tree";

const MEMBERS = Number(process.env.BENCH_ARCHIVE_MEMBERS ?? 500_000);
const label = MEMBERS % 1000 === 0 ? `${MEMBERS / 1000}k` : String(MEMBERS);
const mib = (n: number) => Math.round((n / 1048576) * 10) / 10;

function heapSampler() {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak - base;
    },
  };
}

export async function benchArchive() {
  const t = await makeApp();
  const dir = mkdtempSync(join(tmpdir(), "shct-archive-bench-"));
  try {
    const { tenant } = await signupTenant(t, "ha-noi");
    const { db, client } = await openTenant(t, tenant.id);
    const [root] = await db.select().from(units).where(eq(units.depth, 0));
    await writeCity(client, { id: root!.id, path: root!.path }, { members: MEMBERS, seed: 1 });
    const { id: campaignId } = await createCampaign(systemCtx(db, t.clock.now), {
      templateKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa",
      startsOn: "2026-03-01",
      dueOn: "2026-04-10",
      unitIds: [root!.id],
    });
    const now = t.clock.now.getTime();
    const plan = JSON.stringify(fullPlan000("Đảng viên"));
    await client.execute({
      sql: `INSERT INTO submissions (id, campaign_id, member_id, form_key, form_version, status, version, data_json, submitted_at, first_submitted_at, created_at, updated_at)
        SELECT 's' || id, :cid, id, 'ke-hoach-tu-duong', 1,
          CASE rowid % 3 WHEN 0 THEN 'draft' ELSE 'submitted' END, 1, :plan,
          CASE rowid % 3 WHEN 0 THEN NULL ELSE :now END, CASE rowid % 3 WHEN 0 THEN NULL ELSE :now END, :now, :now
        FROM members WHERE rowid % 10 < 6`,
      args: { cid: campaignId, now, plan },
    });
    await client.execute({
      sql: `INSERT INTO submission_versions (id, submission_id, version, status, data_json, at, actor_user_id, on_behalf)
        SELECT 'v' || id, id, 1, status, data_json, :now, NULL, 0 FROM submissions`,
      args: { now },
    });
    const rows = await client.execute(
      "SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM member_status_history) + (SELECT count(*) FROM units) + (SELECT count(*) FROM submissions) + (SELECT count(*) FROM submission_versions) AS n",
    );
    const totalRows = Number(rows.rows[0]!.n);

    const adminId = String(
      (await client.execute("SELECT user_id FROM grants WHERE role = 'admin'")).rows[0]![0],
    );
    const token = (await createSession(db, adminId, t.clock.now)).token;
    const file = join(dir, "ha-noi.zip");

    let heap = heapSampler();
    let started = performance.now();
    const res = await t.request("GET", "/api/t/ha-noi/archive/export", { token });
    if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
    const out = createWriteStream(file);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      heap.sample();
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    out.end();
    await finished(out);
    const exportSeconds = (performance.now() - started) / 1000;
    const exportHeap = heap.stop();
    const bytes = statSync(file).size;

    await t.platform.control().client.execute("DELETE FROM throttles");
    const signup = await t.request("POST", "/api/signup", {
      body: signupBody("ha-noi-moi", "admin@ha-noi.vn"),
    });
    const fresh = (await signup.json()) as { token: string };
    heap = heapSampler();
    started = performance.now();
    const source = Readable.toWeb(
      createReadStream(file, { highWaterMark: 256 * 1024 }),
    ) as unknown as ReadableStream<Uint8Array>;
    const body = source.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, c) {
          heap.sample();
          c.enqueue(chunk);
        },
      }),
    );
    const imported = await t.app.request(`${ORIGIN}/api/t/ha-noi-moi/archive/import`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${fresh.token}`,
        "Content-Type": "application/zip",
        "Content-Length": String(bytes),
      },
      body: body as ReadableStream,
      duplex: "half",
    } as RequestInit);
    if (imported.status !== 200)
      throw new Error(`import: ${imported.status} ${await imported.text()}`);
    const importSeconds = (performance.now() - started) / 1000;
    const importHeap = heap.stop();
    const round = (s: number) => Math.round(s * 10) / 10;
    return [
      { name: `export.${label}`, value: round(exportSeconds), unit: "s", rows: totalRows },
      { name: `export.${label}.bytes`, value: mib(bytes), unit: "MiB" },
      { name: `export.${label}.peak_heap`, value: mib(exportHeap), unit: "MiB" },
      { name: `import.${label}`, value: round(importSeconds), unit: "s", rows: totalRows },
      { name: `import.${label}.peak_heap`, value: mib(importHeap), unit: "MiB" },
    ];
  } finally {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
