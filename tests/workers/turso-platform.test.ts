// The Workers platform (worker/db/turso.ts) driven through the real app on Node: the control
// plane and every tenant database are real libSQL files behind the test Hrana endpoint, tenant
// databases and their tokens come from the Turso Platform API stand-in. The network between
// them is one function that enforces Turso's rule for tokens — the control plane takes its own,
// a tenant database takes the group token or a token minted for that database — and records who
// was sent what. The readiness wait's sleep and clock are injected: nothing here really waits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../schema/migrations";
import { createApp } from "../../worker/app";
import { migrate } from "../../worker/db/migrate";
import { seal, unseal } from "../../worker/db/sealed";
import { isOwnDatabaseUrl, READY_WAIT, tursoPlatform } from "../../worker/db/turso";
import { POOL_FILL_PER_PASS, poolTarget } from "../../worker/db/turso-pool";
import type { Bindings } from "../../worker/env";
import { createHranaHandler } from "../support/hrana";
import { createTursoPlatformStandIn } from "../support/turso-platform";

const ORG = "test-org";
const CONTROL_HOST = `control-${ORG}.turso.io`;
const KEY = Buffer.alloc(32, 7).toString("base64");
const ENV: Bindings = {
  CONTROL_DB_URL: `libsql://${CONTROL_HOST}`,
  CONTROL_DB_TOKEN: "control-token",
  TURSO_GROUP_TOKEN: "group-token",
  TURSO_ORG: ORG,
  TURSO_GROUP: "default",
  TURSO_PLATFORM_TOKEN: "platform-token",
  TENANT_TOKEN_KEY: KEY,
  // Signs tenants up at once; tests/routes/signup.test.ts covers the other modes.
  SIGNUP: "open",
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanups.splice(0)) f();
});

async function makeTurso(env: Bindings = ENV) {
  const dir = mkdtempSync(join(tmpdir(), "shct-turso-"));
  const standIn = createTursoPlatformStandIn({
    org: ORG,
    group: "default",
    platformToken: env.TURSO_PLATFORM_TOKEN!,
    dir: join(dir, "turso"),
  });
  const controlFile = join(dir, "control.db");
  const hrana = createHranaHandler({
    token: "hrana-internal",
    resolve: (host) => (host === CONTROL_HOST ? controlFile : standIn.fileFor(host)),
  });
  cleanups.push(() => {
    hrana.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const sent: { host: string; token: string }[] = [];
  const network = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    if (url.hostname === "api.turso.tech") return standIn.handle(req);
    const token = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
    sent.push({ host: url.hostname, token });
    const allowed =
      url.hostname === CONTROL_HOST
        ? token === ENV.CONTROL_DB_TOKEN
        : token === ENV.TURSO_GROUP_TOKEN ||
          `${standIn.databaseOfToken(token)}-${ORG}.turso.io` === url.hostname;
    if (!allowed) return Response.json({ error: "Unauthorized" }, { status: 401 });
    const headers = new Headers(req.headers);
    headers.set("Authorization", "Bearer hrana-internal");
    return hrana.handle(new Request(req, { headers }));
  };
  const clock = { ms: Date.parse("2026-03-10T03:00:00Z"), sleeps: [] as number[] };
  const platform = (e: Bindings) =>
    tursoPlatform(e, {
      fetch: network,
      now: () => clock.ms,
      sleep: async (ms) => {
        clock.sleeps.push(ms);
        clock.ms += ms;
      },
    });
  await migrate(platform(env).control().client, migrations.control);
  const app = createApp(platform);
  let ip = 0;
  const request = (method: string, path: string, body?: unknown, token?: string) =>
    app.request(
      `https://app.example/api${path}`,
      {
        method,
        headers: {
          "CF-Connecting-IP": `10.0.0.${++ip}`,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      env,
    );
  const control = createClient({ url: `file:${controlFile}` });
  cleanups.unshift(() => control.close());
  const signup = (slug: string) =>
    request("POST", "/signup", {
      tenant: { slug, name: `Đảng bộ ${slug}`, kind: "dang-uy-phuong" },
      admin: { email: `a@${slug}.vn`, password: "mat-khau-du-dai", fullName: "Quản Trị" },
    });
  const login = (slug: string) =>
    request("POST", `/t/${slug}/auth/login`, {
      email: `a@${slug}.vn`,
      password: "mat-khau-du-dai",
    });
  return { standIn, sent, clock, request, control, signup, login, platform };
}

const tenantId = async (res: Response) =>
  ((await res.json()) as { tenant: { id: string } }).tenant.id;

describe("signup on Turso waits for the new database", () => {
  it("succeeds when the database answers after a few 404s, backing off 100, 200, 400 ms", async () => {
    const t = await makeTurso();
    t.standIn.coldStart(3);
    const res = await t.signup("phuong-cham");
    expect(res.status).toBe(201);
    expect(t.clock.sleeps).toEqual([100, 200, 400]);
    expect((await t.login("phuong-cham")).status).toBe(200);
  });

  it("fails cleanly when the database never comes up: 503, no database, no row", async () => {
    const t = await makeTurso();
    t.standIn.coldStart(1_000);
    const res = await t.signup("phuong-khong-len");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("5");
    expect(t.clock.sleeps).toEqual([100, 200, 400, 800, 1600, 3200, 6400]);
    expect(t.clock.sleeps.length).toBe(READY_WAIT.tries - 1);
    expect(t.clock.sleeps.reduce((a, b) => a + b)).toBeLessThanOrEqual(READY_WAIT.budgetMs);
    expect(t.standIn.databases()).toEqual([]);
    expect((await t.control.execute("SELECT count(*) AS n FROM tenants")).rows[0]!.n).toBe(0);
    expect((await t.request("GET", "/tenants/phuong-khong-len")).status).toBe(404);
  });
});

describe("secrets with a small blast radius", () => {
  it("opens each tenant with its own token, sealed in the control plane", async () => {
    const t = await makeTurso();
    const a = await tenantId(await t.signup("phuong-a"));
    const b = await tenantId(await t.signup("phuong-b"));
    expect((await t.login("phuong-a")).status).toBe(200);
    expect((await t.login("phuong-b")).status).toBe(200);

    for (const id of [a, b]) {
      const minted = t.standIn.tokensOf(`t-${id}`);
      expect(minted).toHaveLength(1);
      const used = new Set(
        t.sent.filter((s) => s.host === `t-${id}-${ORG}.turso.io`).map((s) => s.token),
      );
      expect([...used]).toEqual(minted);
      const row = await t.control.execute({
        sql: "SELECT db_token FROM tenants WHERE id = ?",
        args: [id],
      });
      const stored = String(row.rows[0]!.db_token);
      expect(stored).toMatch(/^v1\./);
      expect(stored).not.toContain(minted[0]!);
      expect(await unseal(KEY, id, stored)).toBe(minted[0]);
    }
    // The control plane only ever saw its own token, and no tenant saw it.
    const controlTokens = new Set(
      t.sent.filter((s) => s.host === CONTROL_HOST).map((s) => s.token),
    );
    expect([...controlTokens]).toEqual([ENV.CONTROL_DB_TOKEN]);
    expect(t.sent.filter((s) => s.host !== CONTROL_HOST).map((s) => s.token)).not.toContain(
      ENV.CONTROL_DB_TOKEN,
    );
    expect(t.sent.map((s) => s.token)).not.toContain(ENV.TURSO_GROUP_TOKEN);
  });

  it("opens a row made before tenant tokens with the group token", async () => {
    const t = await makeTurso();
    const id = await tenantId(await t.signup("phuong-cu"));
    await t.control.execute({ sql: "UPDATE tenants SET db_token = NULL WHERE id = ?", args: [id] });
    expect((await t.login("phuong-cu")).status).toBe(200);
    expect(t.sent.at(-1)).toEqual({
      host: `t-${id}-${ORG}.turso.io`,
      token: ENV.TURSO_GROUP_TOKEN,
    });
  });

  it("refuses a row whose db_url points outside the organisation, without connecting", async () => {
    const t = await makeTurso();
    const id = await tenantId(await t.signup("phuong-la"));
    const foreign = `t-${id}-other-org.turso.io`;
    await t.control.execute({
      sql: "UPDATE tenants SET db_url = ? WHERE id = ?",
      args: [`libsql://${foreign}`, id],
    });
    expect((await t.login("phuong-la")).status).toBe(500);
    expect(t.sent.map((s) => s.host)).not.toContain(foreign);
  });

  it("does not open a sealed token with another key or for another tenant", async () => {
    const sealed = await seal(KEY, "tenant-a", "secret-jwt");
    expect(await unseal(KEY, "tenant-a", sealed)).toBe("secret-jwt");
    await expect(unseal(KEY, "tenant-b", sealed)).rejects.toThrow();
    await expect(
      unseal(Buffer.alloc(32, 8).toString("base64"), "tenant-a", sealed),
    ).rejects.toThrow();
  });

  it("accepts only database URLs of the configured organisation", () => {
    const own = (url: string) => isOwnDatabaseUrl({ TURSO_ORG: ORG }, url);
    expect(own(`libsql://t-1-${ORG}.turso.io`)).toBe(true);
    expect(own(`libsql://t-1-${ORG}.aws-ap-northeast-1.turso.io`)).toBe(true);
    expect(own(`libsql://t-1-other-org.turso.io`)).toBe(false);
    expect(own(`libsql://t-1-${ORG}.turso.io.evil.example`)).toBe(false);
    expect(own(`libsql://t-1-${ORG}.turso.io:443`)).toBe(false);
    expect(own(`https://t-1-${ORG}.turso.io`)).toBe(false);
    expect(own(`libsql://evil.example/t-1-${ORG}.turso.io`)).toBe(false);
    expect(isOwnDatabaseUrl({}, `libsql://t-1-.turso.io`)).toBe(false);
  });
});

describe("a pool of databases made ahead of signups", () => {
  const poolRows = async (t: Awaited<ReturnType<typeof makeTurso>>) =>
    (await t.control.execute("SELECT id, db_url, db_token, schema_version FROM database_pool"))
      .rows;

  it("lets a signup take a prepared database at once, its token sealed again to the tenant", async () => {
    const t = await makeTurso();
    expect(await t.platform(ENV).provisioner.prepare!(2)).toBe(2);
    const pooled = await poolRows(t);
    expect(pooled).toHaveLength(2);
    expect(t.standIn.databases().sort()).toEqual(pooled.map((r) => `p-${r.id}`).sort());
    for (const r of pooled) {
      // Migrated when made; the token is sealed to the pool row, not readable as it is.
      expect(Number(r.schema_version)).toBe(migrations.tenant.length);
      const minted = t.standIn.tokensOf(`p-${r.id}`);
      expect(minted).toHaveLength(1);
      expect(String(r.db_token)).not.toContain(minted[0]!);
    }

    // A database made now would never answer: the signup must not be making one.
    t.standIn.coldStart(1_000);
    const before = t.clock.sleeps.length;
    const res = await t.signup("phuong-nhanh");
    expect(res.status).toBe(201);
    expect(t.clock.sleeps.length).toBe(before);
    const id = await tenantId(res);
    const [left] = await poolRows(t);
    expect(await poolRows(t)).toHaveLength(1);
    const taken = pooled.find((r) => r.id !== left!.id)!;
    const row = (
      await t.control.execute({
        sql: "SELECT db_url, db_token, schema_version FROM tenants WHERE id = ?",
        args: [id],
      })
    ).rows[0]!;
    expect(row.db_url).toBe(taken.db_url);
    expect(Number(row.schema_version)).toBe(migrations.tenant.length);
    // Sealed to the tenant now: it opens only as this tenant's token.
    expect(await unseal(KEY, id, String(row.db_token))).toBe(
      t.standIn.tokensOf(`p-${taken.id}`)[0],
    );
    expect((await t.login("phuong-nhanh")).status).toBe(200);
    expect(t.standIn.databases()).toHaveLength(2);

    // Removing the tenant removes the database it took, named from its URL.
    await t.platform(ENV).provisioner.destroy(id, String(row.db_url));
    expect(t.standIn.databases()).toEqual([`p-${left!.id}`]);
  });

  it("fills a few a pass, stops at the target, and leaves nothing behind when a make fails", async () => {
    const t = await makeTurso();
    const { provisioner } = t.platform(ENV);
    expect(await provisioner.prepare!(7)).toBe(POOL_FILL_PER_PASS);
    expect(await provisioner.prepare!(7)).toBe(7 - POOL_FILL_PER_PASS);
    expect(await provisioner.prepare!(7)).toBe(0);
    expect(await poolRows(t)).toHaveLength(7);

    const made = t.standIn.databases().length;
    t.standIn.failNextCreate(500);
    expect(await provisioner.prepare!(9)).toBe(0);
    expect(t.standIn.databases()).toHaveLength(made);
    expect(await poolRows(t)).toHaveLength(7);
  });

  it("reads TURSO_POOL_SIZE as a count, 0 when unset or not a whole number", () => {
    expect(poolTarget(undefined)).toBe(0);
    expect(poolTarget("3")).toBe(3);
    expect(poolTarget("-2")).toBe(0);
    expect(poolTarget("1.5")).toBe(0);
    expect(poolTarget("nhiều")).toBe(0);
  });
});
