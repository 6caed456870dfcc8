/**
 * TEST FIXTURE — not product code.
 *
 * A stand-in for the Turso Platform API (https://api.turso.tech), databases subset, following
 * tursodatabase/turso-docs `api-reference/openapi.json`:
 *
 *   POST   /v1/organizations/{org}/databases         {name, group, seed?, size_limit?}
 *          → 200 {"database": {"DbId", "Hostname": "<name>-<org>.turso.io", "Name"}}
 *          → 409 {"error": "database with name <name> already exists"}
 *          → 400 {"error": "group not found"}      (the documented status for an unknown group)
 *          → 400 {"error": "…"} for a bad name (lowercase letters, digits, dashes, ≤ 64 chars),
 *            a bad body, a bad size_limit or an unknown seed database
 *   GET    /v1/organizations/{org}/databases         → 200 {"databases": [Database…]}
 *   GET    /v1/organizations/{org}/databases/{name}  → 200 {"database": Database} | 404
 *   DELETE /v1/organizations/{org}/databases/{name}  → 200 {"database": "<name>"} | 404
 *   POST   /v1/organizations/{org}/databases/{name}/auth/tokens?expiration=…&authorization=…
 *          → 200 {"jwt": "<token for that one database>"} | 404 (an unknown database)
 *          404 body: {"error": "could not find database with name <name>: record not found"}
 *
 * Every route needs `Authorization: Bearer <platformToken>` (401 {"error": …} otherwise); another
 * organization slug → 404 {"error": "organization not found"}. Each database is the libSQL file
 * `<dir>/<name>.db`; `fileFor(hostname)` maps `<name>-<org>.turso.io` to it, so a test can route
 * `*.turso.io` Hrana traffic to `createHranaHandler({ resolve: (host) => standIn.fileFor(host) })`.
 * Seeds: `{type: "database", name}` copies that database (VACUUM INTO); `database_upload` creates
 * an empty database (the upload endpoint itself is not implemented). `size_limit` is validated and
 * reported but not enforced. `failNextCreate(status)` makes the next create answer `status`.
 *
 * Turso's cold start: after `coldStart(n)`, each database created afterwards is not found by
 * `fileFor` for its first `n` lookups (so the Hrana endpoint answers 404, as Turso does for a
 * few seconds after a create). Minted database tokens are recorded: `tokensOf(name)`, and
 * `databaseOfToken(token)` says which database a token was minted for (null: none).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "libsql";

interface DbRecord {
  DbId: string;
  Name: string;
  Hostname: string;
  group: string;
  sizeLimit: string | null;
}

const NAME_RE = /^[a-z0-9-]{1,64}$/;
const SIZE_RE = /^\d+(\.\d+)?\s*(b|kb|mb|gb|tb)?$/i;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

export function createTursoPlatformStandIn(opts: {
  org: string;
  group: string;
  platformToken: string;
  dir: string;
}): {
  handle(req: Request): Promise<Response>;
  fileFor(hostname: string): string | null;
  databases(): string[];
  failNextCreate(status: number): void;
  coldStart(lookups: number): void;
  tokensOf(name: string): string[];
  databaseOfToken(token: string): string | null;
} {
  fs.mkdirSync(opts.dir, { recursive: true });
  const dbs = new Map<string, DbRecord>();
  let failNext: number | null = null;
  let coldLookups = 0;
  /** Lookups each new database still answers "not found" to. */
  const cold = new Map<string, number>();
  const tokens = new Map<string, string>(); // token → database name

  const fileOf = (name: string) => path.join(opts.dir, `${name}.db`);
  const record = (name: string, sizeLimit: string | null = null): DbRecord => ({
    DbId: randomUUID(),
    Name: name,
    Hostname: `${name}-${opts.org}.turso.io`,
    group: opts.group,
    sizeLimit,
  });
  const describe = (r: DbRecord) => ({
    Name: r.Name,
    DbId: r.DbId,
    Hostname: r.Hostname,
    block_reads: false,
    block_writes: false,
    regions: ["local"],
    primaryRegion: "local",
    group: r.group,
    delete_protection: false,
    parent: null,
  });
  const notFound = (name: string) =>
    json(404, { error: `could not find database with name ${name}: record not found` });

  // Databases already in `dir` (e.g. a second stand-in over the same directory) are adopted.
  for (const f of fs.readdirSync(opts.dir)) {
    const name = f.endsWith(".db") ? f.slice(0, -3) : "";
    if (NAME_RE.test(name)) dbs.set(name, record(name));
  }

  function createDatabase(body: unknown): Response {
    if (failNext !== null) {
      const status = failNext;
      failNext = null;
      return json(status, { error: "simulated failure (failNextCreate)" });
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return json(400, { error: "invalid request body" });
    }
    const { name, group, seed, size_limit } = body as Record<string, unknown>;
    if (typeof name !== "string" || !NAME_RE.test(name)) {
      return json(400, {
        error:
          "invalid database name: must contain only lowercase letters, numbers, dashes and be at most 64 characters long",
      });
    }
    if (typeof group !== "string" || group !== opts.group) {
      return json(400, { error: "group not found" });
    }
    let sizeLimit: string | null = null;
    if (size_limit !== undefined && size_limit !== null) {
      const s = String(size_limit);
      if (!(typeof size_limit === "string" || typeof size_limit === "number") || !SIZE_RE.test(s)) {
        return json(400, { error: `invalid size_limit: ${s}` });
      }
      sizeLimit = s;
    }
    if (dbs.has(name)) {
      return json(409, { error: `database with name ${name} already exists` });
    }
    let seedFrom: string | null = null;
    if (seed !== undefined && seed !== null) {
      const { type, name: seedName } = seed as Record<string, unknown>;
      if (type === "database") {
        if (typeof seedName !== "string" || !dbs.has(seedName)) {
          return json(400, { error: `seed database ${String(seedName)} not found` });
        }
        seedFrom = fileOf(seedName);
      } else if (type !== "database_upload") {
        return json(400, { error: `invalid seed type: ${String(type)}` });
      }
    }

    const file = fileOf(name);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    if (seedFrom !== null) {
      const src = new Database(seedFrom);
      try {
        src.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
      } finally {
        src.close();
      }
    }
    const db = new Database(file);
    try {
      db.exec("PRAGMA journal_mode = WAL");
    } finally {
      db.close();
    }
    const r = record(name, sizeLimit);
    dbs.set(name, r);
    if (coldLookups > 0) cold.set(name, coldLookups);
    return json(200, { database: { DbId: r.DbId, Hostname: r.Hostname, Name: r.Name } });
  }

  async function handle(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const auth = req.headers.get("authorization");
    const m = auth === null ? null : /^bearer\s+(.+)$/i.exec(auth.trim());
    if (m === null || m[1] !== opts.platformToken) {
      return json(401, { error: "invalid or expired auth token" });
    }
    const route =
      /^\/v1\/organizations\/([^/]+)\/databases(?:\/([^/]+)(\/auth\/tokens)?)?\/?$/.exec(
        url.pathname,
      );
    if (route === null) return json(404, { error: "not found" });
    const org = decodeURIComponent(route[1]!);
    const name = route[2] === undefined ? undefined : decodeURIComponent(route[2]);
    if (org !== opts.org) return json(404, { error: "organization not found" });

    if (name === undefined) {
      if (req.method === "POST") {
        let body: unknown;
        try {
          body = JSON.parse(await req.text());
        } catch {
          return json(400, { error: "invalid request body" });
        }
        return createDatabase(body);
      }
      if (req.method === "GET") {
        return json(200, { databases: [...dbs.values()].map(describe) });
      }
      return json(405, { error: "method not allowed" });
    }

    const r = dbs.get(name);
    if (route[3] !== undefined) {
      if (req.method !== "POST") return json(405, { error: "method not allowed" });
      if (r === undefined) return notFound(name);
      const jwt = `db-${name}-${randomUUID()}`;
      tokens.set(jwt, name);
      return json(200, { jwt });
    }
    if (req.method === "GET") {
      return r === undefined ? notFound(name) : json(200, { database: describe(r) });
    }
    if (req.method === "DELETE") {
      if (r === undefined) return notFound(name);
      dbs.delete(name);
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(fileOf(name) + suffix, { force: true });
      return json(200, { database: name });
    }
    return json(405, { error: "method not allowed" });
  }

  return {
    handle,
    fileFor(hostname: string): string | null {
      const host = hostname.toLowerCase().replace(/:\d+$/, "");
      const suffix = `-${opts.org}.turso.io`;
      if (!host.endsWith(suffix)) return null;
      const name = host.slice(0, -suffix.length);
      const left = cold.get(name) ?? 0;
      if (left > 0) {
        cold.set(name, left - 1);
        return null;
      }
      return dbs.has(name) ? fileOf(name) : null;
    },
    databases(): string[] {
      return [...dbs.keys()].sort();
    },
    failNextCreate(status: number): void {
      failNext = status;
    },
    coldStart(lookups: number): void {
      coldLookups = lookups;
    },
    tokensOf(name: string): string[] {
      return [...tokens].filter(([, db]) => db === name).map(([t]) => t);
    },
    databaseOfToken(token: string): string | null {
      return tokens.get(token) ?? null;
    },
  };
}
