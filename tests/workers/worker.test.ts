// The real Worker bundle (wrangler deploy --dry-run) running in workerd through Miniflare,
// with every database reached over Hrana HTTP: the control plane and each tenant database
// are real libSQL files served by the test-only endpoint in tests/support/hrana.ts, and
// tenant databases are created through a stand-in of the Turso Platform API (an outside
// edge: the only thing mocked here).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare, Response as MfResponse, type Request as MfRequest } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHranaHandler } from "../support/hrana";
import { createTursoPlatformStandIn } from "../support/turso-platform";

const ORG = "test-org";
const GROUP_TOKEN = "group-token-test";
const PLATFORM_TOKEN = "platform-token-test";
const CONTROL_HOST = `control-${ORG}.turso.io`;

let mf: Miniflare;
let dir: string;
let standIn: ReturnType<typeof createTursoPlatformStandIn>;
const hosts: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shct-worker-"));
  const out = join(dir, "bundle");
  if (!existsSync("dist/client")) mkdirSync("dist/client", { recursive: true });
  execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", out], {
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  standIn = createTursoPlatformStandIn({
    org: ORG,
    group: "default",
    platformToken: PLATFORM_TOKEN,
    dir: join(dir, "turso"),
  });
  const controlFile = join(dir, "control.db");
  const hrana = createHranaHandler({
    token: GROUP_TOKEN,
    resolve: (host) => (host === CONTROL_HOST ? controlFile : standIn.fileFor(host)),
  });
  mf = new Miniflare({
    modules: true,
    scriptPath: join(out, "index.js"),
    modulesRoot: out,
    compatibilityDate: "2026-07-01",
    compatibilityFlags: ["nodejs_compat"],
    bindings: {
      CONTROL_DB_URL: `libsql://${CONTROL_HOST}`,
      CONTROL_DB_TOKEN: GROUP_TOKEN,
      TURSO_GROUP_TOKEN: GROUP_TOKEN,
      TURSO_ORG: ORG,
      TURSO_GROUP: "default",
      TURSO_PLATFORM_TOKEN: PLATFORM_TOKEN,
    },
    outboundService: async (req: MfRequest) => {
      const url = new URL(req.url);
      hosts.push(url.hostname);
      const standard = new Request(req.url, {
        method: req.method,
        headers: Object.fromEntries(req.headers),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer(),
      });
      const res =
        url.hostname === "api.turso.tech"
          ? await standIn.handle(standard)
          : await hrana.handle(standard);
      return new MfResponse(await res.arrayBuffer(), {
        status: res.status,
        headers: Object.fromEntries(res.headers),
      });
    },
  });
}, 180_000);

afterAll(async () => {
  await mf?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const json = (body: unknown) => ({
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("the Worker bundle in workerd", () => {
  it("answers health", async () => {
    const res = await mf.dispatchFetch("https://app.example/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: "0.1.0" });
  });

  it("signs a tenant up (database made through the Platform API), logs in and reads /me", async () => {
    const signup = await mf.dispatchFetch(
      "https://app.example/api/signup",
      json({
        tenant: {
          slug: "phuong-tren-worker",
          name: "Đảng bộ phường Trên Mây",
          kind: "dang-uy-phuong",
        },
        admin: {
          email: "admin@tren-may.vn",
          password: "mat-khau-du-dai",
          fullName: "Phạm Thị Vân",
        },
      }),
    );
    expect(signup.status).toBe(201);
    const created = (await signup.json()) as { tenant: { id: string } };
    expect(standIn.databases()).toEqual([`t-${created.tenant.id}`]);
    expect(signup.headers.get("set-cookie")).toMatch(/^__Host-sid-phuong-tren-worker=.+Secure/);

    const bad = await mf.dispatchFetch(
      "https://app.example/api/t/phuong-tren-worker/auth/login",
      json({ email: "admin@tren-may.vn", password: "sai-mat-khau-roi" }),
    );
    expect(bad.status).toBe(401);

    const login = await mf.dispatchFetch(
      "https://app.example/api/t/phuong-tren-worker/auth/login",
      json({ email: "admin@tren-may.vn", password: "mat-khau-du-dai" }),
    );
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: { fullName: string } };
    expect(user.fullName).toBe("Phạm Thị Vân");

    const me = await mf.dispatchFetch("https://app.example/api/t/phuong-tren-worker/me", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { grants: unknown }).grants).toEqual([
      { role: "admin", unitId: null },
    ]);
    expect(hosts).toContain(`t-${created.tenant.id}-${ORG}.turso.io`);
  });

  it("refuses a duplicate slug with 409 and leaves no extra database", async () => {
    const before = standIn.databases().length;
    const body = {
      tenant: { slug: "phuong-trung", name: "Đảng bộ phường Trùng", kind: "dang-uy-phuong" },
      admin: { email: "a@trung.vn", password: "mat-khau-du-dai", fullName: "Người Một" },
    };
    expect((await mf.dispatchFetch("https://app.example/api/signup", json(body))).status).toBe(201);
    const again = await mf.dispatchFetch("https://app.example/api/signup", json(body));
    expect(again.status).toBe(409);
    expect(standIn.databases().length).toBe(before + 1);
  });

  it("cleans up when the Platform API refuses to create a database", async () => {
    standIn.failNextCreate(500);
    const res = await mf.dispatchFetch(
      "https://app.example/api/signup",
      json({
        tenant: { slug: "phuong-loi", name: "Đảng bộ phường Lỗi", kind: "dang-uy-phuong" },
        admin: { email: "a@loi.vn", password: "mat-khau-du-dai", fullName: "Người Hai" },
      }),
    );
    expect(res.status).toBe(503);
    const info = await mf.dispatchFetch("https://app.example/api/tenants/phuong-loi");
    expect(info.status).toBe(404);
  });

  it("runs the scheduled handler", async () => {
    const worker = await mf.getWorker();
    const result = await worker.scheduled({ cron: "*/15 * * * *", scheduledTime: new Date() });
    expect(result.outcome).toBe("ok");
  });
});
