// The Workers platform: every database is reached over HTTP (Hrana) with
// `@libsql/client/web`. Clients are made per request — Workers forbid I/O objects shared
// across requests — and cached only inside this request's platform object (keyed by tenant id).
//
// Secrets, each with the smallest reach that works:
// - the control plane opens with its own CONTROL_DB_TOKEN, never used for a tenant;
// - each tenant database opens with its own token, minted through the Platform API when the
//   database is made and kept in the control plane sealed with TENANT_TOKEN_KEY (sealed.ts);
// - the group token (TURSO_GROUP_TOKEN) is only the fallback for rows made before tenant tokens
//   (db_token null), or for a deployment that has not set TENANT_TOKEN_KEY yet;
// - a row's db_url must name a database of the configured organisation before any client is
//   made: a row pointing elsewhere is refused, so a tampered row cannot send a token away.
import { createClient, type Client } from "@libsql/client/web";
import { eq } from "drizzle-orm";
import { tenants as tenantsTable } from "../../schema/tables/control";
import { fetchOutbound, type Bindings, type Platform, type Provisioner } from "../env";
import { VERSION } from "../version";
import { newId } from "../data/ids";
import {
  controlHandle,
  tenantHandle,
  type ControlDb,
  type ControlHandle,
  type TenantHandle,
} from "./handles";
import { runLongHere } from "./long-jobs";
import { seal, unseal } from "./sealed";
import { claimPooled, fillPool, type MadeDatabase } from "./turso-pool";

export class TursoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What a test (or another runtime) may swap: the network and the clock of the readiness wait. */
export interface TursoDeps {
  fetch?: (req: Request) => Promise<Response>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Turso answers 404 (or fails to connect) for a few seconds after it creates a database:
 *  signup polls it this many times, the delay doubling from `firstDelayMs`, and gives up when
 *  the next wait would pass `budgetMs` (100 ms … 6.4 s: at most ~12.7 s of waiting). */
export const READY_WAIT = { tries: 8, firstDelayMs: 100, budgetMs: 15_000 };

/** `libsql://<db>-<org>.turso.io`, or the regional form `<db>-<org>.<region>.turso.io`. */
export function isOwnDatabaseUrl(env: Pick<Bindings, "TURSO_ORG">, url: string): boolean {
  const org = env.TURSO_ORG ?? "";
  if (!/^[a-z0-9-]+$/.test(org)) return false;
  const m = /^libsql:\/\/([a-z0-9.-]+)$/.exec(url);
  return !!m && new RegExp(`^[a-z0-9-]+-${org}(\\.[a-z0-9-]+)?\\.turso\\.io$`).test(m[1]!);
}

export class ForeignDatabaseError extends Error {
  constructor(tenantId: string) {
    super(`tenant ${tenantId}: db_url is not a database of the configured organisation`);
  }
}

/** A client whose bearer token is resolved when the first request leaves: tenant tokens are
 *  unsealed asynchronously, while opening a tenant is synchronous. */
function openClient(url: string, token: () => Promise<string | undefined>, deps: TursoDeps) {
  const send = deps.fetch ?? ((req: Request) => fetch(req));
  let resolved: Promise<string | undefined> | undefined;
  return createClient({
    url,
    fetch: async (req: Request) => {
      const bearer = await (resolved ??= token());
      const headers = new Headers(req.headers);
      if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
      return send(new Request(req, { headers }));
    },
  });
}

/** Polls a new database with `SELECT 1` until it answers, with bounded exponential backoff. */
async function waitUntilReady(client: Client, deps: TursoDeps): Promise<void> {
  const sleep = deps.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;
  const start = now();
  let delay = READY_WAIT.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.execute("SELECT 1");
      return;
    } catch (err) {
      const spent = now() - start;
      if (attempt >= READY_WAIT.tries || spent + delay > READY_WAIT.budgetMs)
        throw new TursoApiError(503, `new database not reachable after ${attempt} tries: ${err}`);
    }
    await sleep(delay);
    delay *= 2;
  }
}

/** Turso Platform API: `POST /v1/organizations/{org}/databases` makes a database in a group
 *  and answers `{database: {DbId, Hostname, Name}}`; `POST …/databases/{name}/auth/tokens`
 *  answers `{jwt}`, a token for that one database; DELETE removes the database (and with it
 *  every token it had). `create` takes a database from the pool when one is prepared
 *  (worker/db/turso-pool.ts), else makes one and returns once it answers a query. */
export function tursoProvisioner(
  env: Bindings,
  deps: TursoDeps = {},
  hooks: {
    /** Keeps the sealed tenant token on the tenant's (still `provisioning`) row. */
    storeToken?: (tenantId: string, sealed: string) => Promise<void>;
    /** The opened database, so the rest of the signup reuses it (and its plaintext token). */
    opened?: (tenantId: string, handle: TenantHandle) => void;
    /** The control plane, where the pool of prepared databases is kept. */
    control?: () => ControlDb;
  } = {},
): Provisioner {
  const send = deps.fetch ?? ((req: Request) => fetch(req));
  const api = (env.TURSO_API_URL ?? "https://api.turso.tech").replace(/\/$/, "");
  const org = env.TURSO_ORG ?? "";
  const call = (method: string, path: string, body?: unknown) =>
    send(
      new Request(`${api}/v1/organizations/${org}/databases${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${env.TURSO_PLATFORM_TOKEN ?? ""}`,
          "Content-Type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  /** The database's name from its URL (`libsql://<name>-<org>.…`), or null for none. */
  const nameOf = (dbUrl: string) =>
    new RegExp(`^libsql://([a-z0-9-]+)-${org}\\.`).exec(dbUrl)?.[1] ?? null;
  const remove = async (name: string) => {
    const res = await call("DELETE", `/${name}`);
    if (!res.ok && res.status !== 404)
      throw new TursoApiError(res.status, `delete database: ${res.status}`);
  };
  const make = async (name: string): Promise<MadeDatabase> => {
    const res = await call("POST", "", { name, group: env.TURSO_GROUP ?? "default" });
    if (!res.ok) throw new TursoApiError(res.status, `create database: ${res.status}`);
    const body = (await res.json()) as { database?: { Hostname?: string } };
    if (!body.database?.Hostname) throw new TursoApiError(502, "create database: no Hostname");
    const url = `libsql://${body.database.Hostname}`;
    if (!isOwnDatabaseUrl(env, url)) throw new TursoApiError(502, `foreign hostname: ${url}`);

    let token = env.TURSO_GROUP_TOKEN;
    if (env.TENANT_TOKEN_KEY) {
      const minted = await call("POST", `/${name}/auth/tokens?authorization=full-access`);
      if (!minted.ok) throw new TursoApiError(minted.status, `create token: ${minted.status}`);
      const { jwt } = (await minted.json()) as { jwt?: string };
      if (!jwt) throw new TursoApiError(502, "create token: no jwt");
      token = jwt;
    } else {
      console.warn("TENANT_TOKEN_KEY is not set: new tenants open with the group token");
    }
    const client = openClient(url, async () => token, deps);
    await waitUntilReady(client, deps);
    return { url, token, client };
  };
  return {
    async create(tenantId) {
      const pooled =
        hooks.control &&
        (await claimPooled(hooks.control(), env.TENANT_TOKEN_KEY, env.TURSO_GROUP_TOKEN));
      // The client that waited for a new database is handed on; a pooled one gets its own.
      const { url, token, client } = pooled
        ? { ...pooled, client: openClient(pooled.url, async () => pooled.token, deps) }
        : await make(`t-${tenantId}`);
      if (env.TENANT_TOKEN_KEY && token)
        await hooks.storeToken?.(tenantId, await seal(env.TENANT_TOKEN_KEY, tenantId, token));
      hooks.opened?.(tenantId, tenantHandle(client));
      return url;
    },
    async destroy(tenantId, dbUrl) {
      await remove(nameOf(dbUrl) ?? `t-${tenantId}`);
    },
    async prepare(target) {
      if (!hooks.control) return 0;
      return fillPool(hooks.control(), {
        target,
        now: new Date(deps.now?.() ?? Date.now()),
        sealKey: env.TENANT_TOKEN_KEY,
        newId,
        make,
        destroy: remove,
      });
    },
  };
}

/** REMINDER_PAGES ("members,people"): smaller reminder pages (the budgets test). */
function pagesOf(text: string | undefined) {
  const [members, people] = (text ?? "").split(",").map(Number);
  return members && people ? { members, people } : undefined;
}

export function tursoPlatform(env: Bindings, deps: TursoDeps = {}): Platform {
  let control: ControlHandle | undefined;
  const tenants = new Map<string, TenantHandle>();
  const controlDb = () =>
    (control ??= controlHandle(
      openClient(env.CONTROL_DB_URL ?? "", async () => env.CONTROL_DB_TOKEN, deps),
    ));
  const platform: Platform = {
    controlKey: env.CONTROL_DB_URL ?? "",
    version: VERSION,
    outbound: fetchOutbound(),
    allowedOrigins: (env.PUBLIC_ORIGIN ?? "").split(",").filter(Boolean),
    now: () => new Date(),
    sealKey: env.TENANT_TOKEN_KEY,
    reminderPages: pagesOf(env.REMINDER_PAGES),
    control: controlDb,
    tenant(t) {
      let handle = tenants.get(t.id);
      if (!handle) {
        if (!isOwnDatabaseUrl(env, t.dbUrl)) throw new ForeignDatabaseError(t.id);
        const sealed = t.dbToken;
        const key = env.TENANT_TOKEN_KEY;
        const token = sealed
          ? async () => {
              if (!key)
                throw new Error(`tenant ${t.id} has a sealed token but no TENANT_TOKEN_KEY`);
              return unseal(key, t.id, sealed);
            }
          : // Rows made before tenant tokens: the group token, until they are given their own.
            async () => env.TURSO_GROUP_TOKEN;
        handle = tenantHandle(openClient(t.dbUrl, token, deps));
        tenants.set(t.id, handle);
      }
      return handle;
    },
    provisioner: tursoProvisioner(env, deps, {
      async storeToken(tenantId, sealed) {
        await controlDb()
          .db.update(tenantsTable)
          .set({ dbToken: sealed })
          .where(eq(tenantsTable.id, tenantId));
      },
      opened: (tenantId, handle) => tenants.set(tenantId, handle),
      control: () => controlDb().db,
    }),
    clientAddress: (c) => c.req.header("CF-Connecting-IP") ?? "unknown",
    // Workers have no thread to spare: long work runs here, in the chunks it already lands in.
    runLong: (kind, job) => runLongHere(platform, kind, job),
  };
  return platform;
}
