// The Worker bundle in workerd with tenant tokens on: signup waits out Turso's cold start,
// mints the new database its own token, seals it with TENANT_TOKEN_KEY (WebCrypto in workerd),
// and every later request opens the tenant with that token — never the group token. The Hrana
// endpoint here admits the control plane's token for the control plane only, and for a tenant
// database only a token the Platform API stand-in minted for that database.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { Miniflare, Response as MfResponse, type Request as MfRequest } from "miniflare";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHranaHandler } from "../support/hrana";
import { createTursoPlatformStandIn } from "../support/turso-platform";
import { bundleScript } from "../support/worker-bundle";

const ORG = "test-org";
const CONTROL_HOST = `control-${ORG}.turso.io`;
const CONTROL_TOKEN = "control-token-test";
const GROUP_TOKEN = "group-token-test";

let mf: Miniflare;
let dir: string;
let standIn: ReturnType<typeof createTursoPlatformStandIn>;
const sent: { host: string; token: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "shct-bundle-"));
  const out = join(dir, "bundle");
  if (!existsSync("dist/client")) mkdirSync("dist/client", { recursive: true });
  execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", out], {
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  standIn = createTursoPlatformStandIn({
    org: ORG,
    group: "default",
    platformToken: "platform-token-test",
    dir: join(dir, "turso"),
  });
  const controlFile = join(dir, "control.db");
  const hrana = createHranaHandler({
    token: "hrana-internal",
    resolve: (host) => (host === CONTROL_HOST ? controlFile : standIn.fileFor(host)),
  });
  mf = new Miniflare({
    ...bundleScript(out),
    bindings: {
      CONTROL_DB_URL: `libsql://${CONTROL_HOST}`,
      CONTROL_DB_TOKEN: CONTROL_TOKEN,
      TURSO_GROUP_TOKEN: GROUP_TOKEN,
      TURSO_ORG: ORG,
      TURSO_GROUP: "default",
      TURSO_PLATFORM_TOKEN: "platform-token-test",
      TENANT_TOKEN_KEY: Buffer.alloc(32, 3).toString("base64"),
      SIGNUP: "open",
    },
    outboundService: async (req: MfRequest) => {
      const url = new URL(req.url);
      const headers = Object.fromEntries(req.headers);
      const body =
        req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
      let res: Response;
      if (url.hostname === "api.turso.tech") {
        res = await standIn.handle(new Request(req.url, { method: req.method, headers, body }));
      } else {
        const token = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1] ?? "";
        sent.push({ host: url.hostname, token });
        const allowed =
          url.hostname === CONTROL_HOST
            ? token === CONTROL_TOKEN
            : `${standIn.databaseOfToken(token)}-${ORG}.turso.io` === url.hostname;
        res = allowed
          ? await hrana.handle(
              new Request(req.url, {
                method: req.method,
                headers: { ...headers, authorization: "Bearer hrana-internal" },
                body,
              }),
            )
          : Response.json({ error: "Unauthorized" }, { status: 401 });
      }
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

const post = (url: string, body: unknown) =>
  mf.dispatchFetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

it("signs up through Turso's cold start and opens the tenant with its own sealed token", async () => {
  standIn.coldStart(2);
  const signup = await post("https://app.example/api/signup", {
    tenant: { slug: "phuong-rieng", name: "Đảng bộ phường Riêng", kind: "dang-uy-phuong" },
    admin: { email: "a@rieng.vn", password: "mat-khau-du-dai", fullName: "Quản Trị" },
  });
  expect(signup.status).toBe(201);
  const { tenant } = (await signup.json()) as { tenant: { id: string } };
  const host = `t-${tenant.id}-${ORG}.turso.io`;
  const minted = standIn.tokensOf(`t-${tenant.id}`);
  expect(minted).toHaveLength(1);

  const login = await post("https://app.example/api/t/phuong-rieng/auth/login", {
    email: "a@rieng.vn",
    password: "mat-khau-du-dai",
  });
  expect(login.status).toBe(200);

  expect([...new Set(sent.filter((s) => s.host === host).map((s) => s.token))]).toEqual(minted);
  expect([...new Set(sent.filter((s) => s.host === CONTROL_HOST).map((s) => s.token))]).toEqual([
    CONTROL_TOKEN,
  ]);
  expect(sent.map((s) => s.token)).not.toContain(GROUP_TOKEN);

  const control = createClient({ url: `file:${join(dir, "control.db")}` });
  const stored = String(
    (await control.execute({ sql: "SELECT db_token FROM tenants WHERE id = ?", args: [tenant.id] }))
      .rows[0]!.db_token,
  );
  control.close();
  expect(stored).toMatch(/^v1\./);
  expect(stored).not.toContain(minted[0]!);
});
