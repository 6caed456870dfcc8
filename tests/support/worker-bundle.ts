// The real Worker bundle (wrangler deploy --dry-run) running in workerd through Miniflare,
// with every database reached over Hrana HTTP: the control plane and each tenant database are
// real libSQL files served by the test-only endpoint in hrana.ts, and tenant databases are
// created through the stand-in of the Turso Platform API in turso-platform.ts. `intercept`
// lets a test answer other outside hosts (e.g. an e-mail API) before those two.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare, Response as MfResponse, type Request as MfRequest } from "miniflare";
import { createHranaHandler } from "./hrana";
import { createTursoPlatformStandIn } from "./turso-platform";

export const ORG = "test-org";
export const GROUP_TOKEN = "group-token-test";
export const PLATFORM_TOKEN = "platform-token-test";
const CONTROL_HOST = `control-${ORG}.turso.io`;

/** How Miniflare loads the bundle `wrangler deploy --dry-run` wrote to `out`: the same
 *  compatibility settings as wrangler.toml. */
export const bundleScript = (out: string) => ({
  modules: true as const,
  scriptPath: join(out, "index.js"),
  modulesRoot: out,
  compatibilityDate: "2026-07-01",
  compatibilityFlags: ["nodejs_compat"],
});

export async function startWorkerBundle(
  opts: {
    /** Bind the Queue that fans the cron out (without it the scheduled pass runs inline). */
    queue?: boolean;
    bindings?: Record<string, string>;
    intercept?: (req: Request) => Promise<Response | null>;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), "shct-worker-"));
  const out = join(dir, "bundle");
  if (!existsSync("dist/client")) mkdirSync("dist/client", { recursive: true });
  execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", out], {
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  const standIn = createTursoPlatformStandIn({
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
  const hosts: string[] = [];
  const mf = new Miniflare({
    ...bundleScript(out),
    ...(opts.queue
      ? {
          queueProducers: { JOBS: { queueName: "shct-tenant-jobs" } },
          queueConsumers: { "shct-tenant-jobs": { maxBatchSize: 10, maxBatchTimeout: 1 } },
        }
      : {}),
    bindings: {
      CONTROL_DB_URL: `libsql://${CONTROL_HOST}`,
      CONTROL_DB_TOKEN: GROUP_TOKEN,
      TURSO_GROUP_TOKEN: GROUP_TOKEN,
      TURSO_ORG: ORG,
      TURSO_GROUP: "default",
      TURSO_PLATFORM_TOKEN: PLATFORM_TOKEN,
      // Fixtures sign tenants up directly; tests/routes/signup.test.ts covers the other modes.
      SIGNUP: "open",
      ...opts.bindings,
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
        (await opts.intercept?.(standard)) ??
        (url.hostname === "api.turso.tech"
          ? await standIn.handle(standard)
          : await hrana.handle(standard));
      return new MfResponse(await res.arrayBuffer(), {
        status: res.status,
        headers: Object.fromEntries(res.headers),
      });
    },
  });
  return {
    mf,
    dir,
    standIn,
    /** Every outside host the Worker called, in order. */
    hosts,
    controlFile,
    /** The libSQL file behind a tenant's database. */
    tenantFile: (tenantId: string) => standIn.fileFor(`t-${tenantId}-${ORG}.turso.io`)!,
    async close() {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One JSON call to a tenant's API on the bundle, as the bearer of `token`. */
export async function tenantCall<T>(
  mf: Pick<Miniflare, "dispatchFetch">,
  token: string,
  slug: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await mf.dispatchFetch(`https://app.example/api/t/${slug}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}
