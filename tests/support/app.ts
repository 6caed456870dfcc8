// Test harness: a real app over real libSQL files in a fresh temp DATA_DIR per call. Tests
// own their data; nothing is shared between tests or files.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrations } from "../../schema/migrations";
import { createApp } from "../../worker/app";
import { localPlatform, type LocalPlatform } from "../../worker/db/local";
import { migrate } from "../../worker/db/migrate";
import { seedDemo } from "../../worker/demo";
import type { Outbound, Provisioner } from "../../worker/env";

export const ORIGIN = "http://localhost";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  platform: LocalPlatform;
  dataDir: string;
  clock: { now: Date };
  /** JSON request through the real app; `token` sends a bearer, `cookie` a cookie. */
  request(
    method: string,
    path: string,
    opts?: {
      body?: unknown;
      token?: string;
      cookie?: string;
      headers?: Record<string, string>;
      raw?: BodyInit;
    },
  ): Promise<Response>;
  close(): void;
}

export async function makeApp(
  opts: {
    provisioner?: (p: Provisioner) => Provisioner;
    outbound?: Outbound;
    /** SIGNUP as the operator sets it; fixtures sign tenants up directly, so `open`. */
    signup?: string;
    /** Where the test clock starts (an ISO instant). */
    now?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "shct-"));
  const clock = { now: new Date(opts.now ?? "2026-03-10T03:00:00Z") };
  const platform = localPlatform({ dataDir, now: () => clock.now, outbound: opts.outbound });
  platform.signup = opts.signup ?? "open";
  if (opts.provisioner) platform.provisioner = opts.provisioner(platform.provisioner);
  await migrate(platform.control().client, migrations.control);
  const app = createApp(() => platform);
  let closed = false;
  return {
    app,
    platform,
    dataDir,
    clock,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      if (o.body !== undefined) headers["Content-Type"] ??= "application/json";
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      if (o.cookie) {
        headers.Cookie = o.cookie;
        headers.Origin ??= ORIGIN;
      }
      return app.request(`${ORIGIN}${path}`, {
        method,
        headers,
        body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
      });
    },
    // Idempotent: an app made by `treeAt` closes itself, and a file's afterEach may close it again.
    close() {
      if (closed) return;
      closed = true;
      platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function makeAppWithDemo(): Promise<TestApp> {
  const t = await makeApp();
  await seedDemo(t.platform);
  return t;
}

export const signupBody = (slug: string, email = `admin@${slug}.vn`) => ({
  tenant: { slug, name: `Đảng bộ ${slug}`, kind: "dang-uy-phuong" },
  admin: { email, password: "mat-khau-du-dai", fullName: "Quản Trị Viên" },
});

/** Signs a tenant up for a fixture. Fixtures sign up many tenants from one address, so the
 *  signup throttle is cleared first; tests/routes/foundation.test.ts tests that limit. */
export async function signupTenant(t: TestApp, slug: string) {
  await t.platform.control().client.execute("DELETE FROM throttles");
  const res = await t.request("POST", "/api/signup", { body: signupBody(slug) });
  if (res.status !== 201) throw new Error(`signup ${slug}: ${res.status} ${await res.text()}`);
  return (await res.json()) as {
    tenant: { id: string; slug: string };
    user: { id: string };
    token: string;
  };
}

async function openTenantWhere(t: TestApp, column: "id" | "slug", value: string) {
  const row = (
    await t.platform
      .control()
      .client.execute({ sql: `SELECT id, db_url FROM tenants WHERE ${column} = ?`, args: [value] })
  ).rows[0]!;
  return t.platform.tenant({ id: String(row.id), dbUrl: String(row.db_url) });
}

/** A tenant's own database by its slug, opened as the app opens it. */
export const openTenantBySlug = (t: TestApp, slug: string) => openTenantWhere(t, "slug", slug);

/** A signed-up tenant's own database, opened as the app opens it. */
export const openTenant = (t: TestApp, tenantId: string) => openTenantWhere(t, "id", tenantId);

export async function login(t: TestApp, tenant: string, email: string, password = "demo12345") {
  const res = await t.request("POST", `/api/t/${tenant}/auth/login`, { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: { id: string; fullName: string } };
  return { ...body, cookie: res.headers.get("set-cookie")!.split(";")[0]! };
}
