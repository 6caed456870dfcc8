// The Workers platform: every database is reached over HTTP (Hrana) with
// `@libsql/client/web`. Clients are made per request — Workers forbid I/O objects shared
// across requests — and cached only inside this request's platform object. Tenant databases
// live in one Turso group and open with the group token; new ones are created through the
// Turso Platform API.
import { createClient } from "@libsql/client/web";
import { fetchOutbound, type Bindings, type Platform, type Provisioner } from "../env";
import { VERSION } from "../version";
import { controlHandle, tenantHandle, type ControlHandle, type TenantHandle } from "./handles";

export class TursoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Turso Platform API: `POST /v1/organizations/{org}/databases` makes a database in a group
 *  and answers `{database: {DbId, Hostname, Name}}`; DELETE removes it. */
export function tursoProvisioner(env: Bindings, fetcher: typeof fetch = fetch): Provisioner {
  const api = (env.TURSO_API_URL ?? "https://api.turso.tech").replace(/\/$/, "");
  const org = env.TURSO_ORG ?? "";
  const headers = {
    Authorization: `Bearer ${env.TURSO_PLATFORM_TOKEN ?? ""}`,
    "Content-Type": "application/json",
  };
  const dbName = (tenantId: string) => `t-${tenantId}`;
  return {
    async create(tenantId) {
      const res = await fetcher(`${api}/v1/organizations/${org}/databases`, {
        method: "POST",
        headers,
        body: JSON.stringify({ name: dbName(tenantId), group: env.TURSO_GROUP ?? "default" }),
      });
      if (!res.ok) throw new TursoApiError(res.status, `create database: ${res.status}`);
      const body = (await res.json()) as { database?: { Hostname?: string } };
      if (!body.database?.Hostname) throw new TursoApiError(502, "create database: no Hostname");
      return `libsql://${body.database.Hostname}`;
    },
    async destroy(tenantId) {
      const res = await fetcher(`${api}/v1/organizations/${org}/databases/${dbName(tenantId)}`, {
        method: "DELETE",
        headers,
      });
      if (!res.ok && res.status !== 404)
        throw new TursoApiError(res.status, `delete database: ${res.status}`);
    },
  };
}

export function tursoPlatform(env: Bindings): Platform {
  let control: ControlHandle | undefined;
  const tenants = new Map<string, TenantHandle>();
  return {
    version: VERSION,
    outbound: fetchOutbound(),
    allowedOrigins: (env.PUBLIC_ORIGIN ?? "").split(",").filter(Boolean),
    now: () => new Date(),
    control() {
      return (control ??= controlHandle(
        createClient({ url: env.CONTROL_DB_URL ?? "", authToken: env.CONTROL_DB_TOKEN }),
      ));
    },
    tenant(t) {
      let handle = tenants.get(t.id);
      if (!handle) {
        handle = tenantHandle(createClient({ url: t.dbUrl, authToken: env.TURSO_GROUP_TOKEN }));
        tenants.set(t.id, handle);
      }
      return handle;
    },
    provisioner: tursoProvisioner(env),
    clientAddress: (c) => c.req.header("CF-Connecting-IP") ?? "unknown",
  };
}
