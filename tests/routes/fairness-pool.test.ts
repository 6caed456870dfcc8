// Long work in job processes (worker/node-jobs): the routes that import, export and launch
// hand their job to Platform.runLong; on Node a child process with its own libSQL connection
// runs it. Here the test app's platform gets the real pool (the process runs the source under
// tsx), and each answer must be the one the inline path gives: results, refusals with their
// codes, and a job stopped past its time answers 413 leaving no trace.
import { zipSync } from "fflate";
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { threadPool, type ThreadPool } from "../../worker/node-jobs/pool";
import { ALL_SCOPE } from "../../worker/domain/scope";
import { jobOf } from "../../worker/db/long-jobs";
import { login, makeAppWithDemo, signupTenant, type TestApp } from "../support/app";

const SCRIPT = new URL("../../worker/node-jobs/thread.ts", import.meta.url);
const CSV = [
  "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly",
  "Trần Văn Luồng,1980,luong.tran@example.vn,Chi bộ Khu dân cư số 2,,dang-sinh-hoat,",
  "Lê Thị Sợi,1991,soi.le@example.vn,Chi bộ Khu dân cư số 2,,dang-sinh-hoat,",
].join("\n");

let t: TestApp;
let pool: ThreadPool;
afterEach(async () => {
  await pool?.close();
  t?.close();
});

/** This process's children that run the job script, alive now (Linux's /proc). */
function jobProcesses(): string[] {
  return readdirSync("/proc/self/task")
    .flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, "utf8").split(" "))
    .filter((pid) => {
      try {
        return (
          pid.trim() !== "" && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("thread.ts")
        );
      } catch {
        return false; // gone meanwhile
      }
    });
}

async function setup(timeoutMs?: { import?: number }, idleMs?: number) {
  t = await makeAppWithDemo();
  pool = threadPool({ script: SCRIPT, dataDir: t.dataDir, size: 1, timeoutMs, idleMs });
  t.platform.runLong = pool.runLong;
  const { token } = await login(t, "demo", "admin@demo.vn");
  const upload = (body: string | Uint8Array, contentType = "text/csv") =>
    t.app.request("http://localhost/api/t/demo/members/import", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
      body: body as BodyInit,
    });
  const tenant = (
    await t.platform.control().client.execute("SELECT id, db_url FROM tenants WHERE slug='demo'")
  ).rows[0]!;
  const client = t.platform.tenant({ id: String(tenant.id), dbUrl: String(tenant.db_url) }).client;
  const count = async (sql: string) => Number((await client.execute(sql)).rows[0]![0]);
  return { token, upload, count };
}

describe("long work in a job process", () => {
  it("imports a roster in the job process; the request's connection sees the rows", async () => {
    const { upload, count } = await setup();
    const before = await count("SELECT count(*) FROM members");
    const res = await upload(CSV);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(pool.started()).toBe(1);
    expect(await count("SELECT count(*) FROM members")).toBe(before + 2);
    expect(await count("SELECT count(*) FROM audit_log WHERE action = 'member.import'")).toBe(1);
  }, 60_000);

  it("a refusal thrown in the job process answers with its own code and message", async () => {
    const { upload, token } = await setup();
    const bad = await upload("\xd0\xcf\x11\xe0junk", "application/pdf");
    expect(bad.status).toBe(415);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    // The demo campaign is already active: launching it again is a 409 from the job process.
    const list = await t.app.request("http://localhost/api/t/demo/campaigns", {
      headers: { Authorization: `Bearer ${token}` },
    });
    const { campaigns } = (await list.json()) as { campaigns: { id: string; status: string }[] };
    const active = campaigns.find((c) => c.status === "active")!;
    const again = await t.app.request(`http://localhost/api/t/demo/campaigns/${active.id}/launch`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("INVALID_STATE");
    expect(pool.started()).toBe(1);
  }, 60_000);

  it("exports in the job process, the file sent back whole", async () => {
    const { token } = await setup();
    const res = await t.app.request("http://localhost/api/t/demo/members/export?format=xlsx", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(pool.started()).toBe(1);
  }, 60_000);

  it("inflates a zip that lies about its size in the job process, while the request thread keeps turning", async () => {
    const { upload, count } = await setup();
    // 200 MB of sheet XML in ~200 KB, every part declaring 1,000 bytes.
    const zip = zipSync(
      { "xl/worksheets/sheet1.xml": new Uint8Array(200 * 1024 * 1024) },
      { level: 9 },
    );
    const dv = new DataView(zip.buffer);
    for (let i = 0; i < zip.length - 4; i++) {
      if (dv.getUint32(i, true) === 0x04034b50) dv.setUint32(i + 22, 1000, true);
      if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true);
    }
    const members = await count("SELECT count(*) FROM members");
    await upload("warm,the,process"); // its start-up is not what is counted below
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const res = await upload(
      zip,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    clearInterval(timer);
    // Refused as a file that cannot be read (its line errors), nothing imported.
    expect(res.status).toBe(200);
    const body = (await res.json()) as { created: number; errors: unknown[] };
    expect(body.created).toBe(0);
    expect(body.errors.length).toBeGreaterThan(0);
    expect(await count("SELECT count(*) FROM members")).toBe(members);
    // Inflating 200 MB takes over a second; this thread went on turning meanwhile (inline, the
    // interval could not fire until the upload had been read).
    expect(ticks).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it("stops a job process left idle, and starts a new one for the next job", async () => {
    const { upload } = await setup(undefined, 300);
    expect((await upload(CSV)).status).toBe(200);
    expect((await upload(CSV)).status).toBe(200); // straight after: the same process
    expect(pool.started()).toBe(1);
    expect(jobProcesses()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1000));
    // Gone, with all its memory (a stopped thread's stayed with the server: README).
    expect(jobProcesses()).toHaveLength(0);
    expect((await upload(CSV)).status).toBe(200);
    expect(pool.started()).toBe(2);
  }, 60_000);

  it("takes tenants in turn: one tenant's queue does not go ahead of another's", async () => {
    await setup();
    await signupTenant(t, "phuong-b");
    const rows = (await t.platform.control().client.execute("SELECT id, slug, db_url FROM tenants"))
      .rows;
    const tenant = (slug: string) => {
      const r = rows.find((x) => x.slug === slug)!;
      return { id: String(r.id), dbUrl: String(r.db_url) };
    };
    const ctx = {
      scope: ALL_SCOPE,
      actor: { actorUserId: null, requestId: null },
      now: t.clock.now,
    };
    const order: string[] = [];
    const job = (slug: string, label: string) =>
      pool
        .runLong("export", jobOf(tenant(slug), ctx, { format: "csv" as const }))
        .then(() => order.push(label));
    // Three of demo's, then one of phuong-b's, all queued at once on a one-process pool.
    await Promise.all([
      job("demo", "a1"),
      job("demo", "a2"),
      job("demo", "a3"),
      job("phuong-b", "b1"),
    ]);
    expect(order.indexOf("b1")).toBeLessThan(order.indexOf("a3"));
    expect(order.indexOf("a1")).toBe(0);
  }, 60_000);

  it("runs the scheduled pass in a job process, over the same files", async () => {
    const { count } = await setup();
    expect(await count("SELECT count(*) FROM rollup_state")).toBe(0);
    await pool.runPass();
    expect(pool.started()).toBe(1);
    // The pass ran to its end over the demo tenant: its rollup state is written.
    expect(await count("SELECT count(*) FROM rollup_state")).toBeGreaterThan(0);
  }, 60_000);

  it("a job past its time is stopped: 413, nothing written, and the next job gets a new process", async () => {
    const { upload, count } = await setup({ import: 1 });
    const members = await count("SELECT count(*) FROM members");
    const audit = await count("SELECT count(*) FROM audit_log");
    const res = await upload(CSV);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    expect(await count("SELECT count(*) FROM members")).toBe(members);
    expect(await count("SELECT count(*) FROM audit_log")).toBe(audit);
    await upload(CSV); // stopped again, in a fresh process
    expect(pool.started()).toBe(2);
  }, 60_000);
});
