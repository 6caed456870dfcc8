// The embedded default's platform: libSQL files under DATA_DIR — control.db and
// tenants/<tenantId>.db. Clients are cached per tenant id (a file client is a small pool of
// connections; reopening per request would cost a file open each time).
import { createClient, type Client } from "@libsql/client";
import { getConnInfo } from "@hono/node-server/conninfo";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fetchOutbound, type Outbound, type Platform } from "../env";
import { VERSION } from "../version";
import { runLongHere } from "./long-jobs";
import { controlHandle, tenantHandle, type ControlHandle, type TenantHandle } from "./handles";
import { groupCommit } from "./group-commit";
import { cacheStatements } from "./statement-cache";

// Every file connection of this process reuses its prepared statements (./statement-cache.ts).
cacheStatements();

function openFile(path: string): Client {
  // `timeout` is the busy timeout (ms) on every pooled connection. WAL keeps readers off the
  // writer's back and makes every commit durable across a crash of this process.
  const client = createClient({ url: `file:${path}`, timeout: 5000 });
  // Write batches arriving together share one commit (./group-commit.ts).
  return groupCommit(client);
}

/** Tenant databases kept open at once (least recently used closed first). */
export const MAX_OPEN_TENANTS = 256;

/** The sealing key of the embedded default when SEAL_KEY is not set: `seal.key` in DATA_DIR,
 *  made on first start (owner-only). It sits beside the databases, not inside them, so a
 *  copied database file alone opens no sealed secret; keep it with the backups. */
export function localSealKey(dataDir: string): string {
  const path = join(dataDir, "seal.key");
  if (!existsSync(path))
    writeFileSync(path, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  return readFileSync(path, "utf8").trim();
}

export interface LocalPlatform extends Platform {
  dataDir: string;
  close(): void;
}

export function localPlatform(opts: {
  dataDir: string;
  now?: () => Date;
  allowedOrigins?: string[];
  outbound?: Outbound;
  sealKey?: string;
}): LocalPlatform {
  const { dataDir } = opts;
  const tenantDir = join(dataDir, "tenants");
  mkdirSync(tenantDir, { recursive: true });
  let control: ControlHandle | undefined;
  const tenants = new Map<string, TenantHandle>();
  let evicted = 0;
  const fileOf = (tenantId: string) => join(tenantDir, `${tenantId}.db`);

  const platform: LocalPlatform = {
    dataDir,
    controlKey: `file:${join(dataDir, "control.db")}`,
    version: VERSION,
    outbound: opts.outbound ?? fetchOutbound(),
    allowedOrigins: opts.allowedOrigins ?? [],
    now: opts.now ?? (() => new Date()),
    sealKey: opts.sealKey || localSealKey(dataDir),
    control() {
      return (control ??= controlHandle(openFile(join(dataDir, "control.db"))));
    },
    tenant(t) {
      let handle = tenants.get(t.id);
      if (handle) {
        // Least recently used first: re-inserting moves this tenant to the end.
        tenants.delete(t.id);
        tenants.set(t.id, handle);
      } else {
        // The stored URL is `file:tenants/<id>.db`; only ids are trusted to build paths.
        if (t.dbUrl !== `file:tenants/${t.id}.db`) throw new Error(`unexpected db url for ${t.id}`);
        handle = tenantHandle(openFile(fileOf(t.id)));
        tenants.set(t.id, handle);
        // Each open tenant holds a few file descriptors (db, -wal, -shm): a pass over
        // thousands of tenants must not keep them all open. The oldest is the idle one.
        if (tenants.size > MAX_OPEN_TENANTS) {
          const [oldest, old] = tenants.entries().next().value!;
          tenants.delete(oldest);
          old.client.close();
          // A closed libSQL connection lets go of its files only when its statements are
          // garbage-collected (SQLite's deferred close), and open files put no pressure on the
          // collector: collect after every batch of evictions where Node lets us
          // (`npm start` and `npm run cron` run with --expose-gc).
          if (++evicted % 64 === 0) (globalThis as { gc?: () => void }).gc?.();
        }
      }
      return handle;
    },
    provisioner: {
      async create(tenantId) {
        const client = openFile(fileOf(tenantId));
        await client.execute("PRAGMA journal_mode = WAL");
        tenants.set(tenantId, tenantHandle(client));
        return `file:tenants/${tenantId}.db`;
      },
      async destroy(tenantId) {
        tenants.get(tenantId)?.client.close();
        tenants.delete(tenantId);
        for (const suffix of ["", "-wal", "-shm", "-journal"])
          rmSync(fileOf(tenantId) + suffix, { force: true });
      },
    },
    clientAddress(c) {
      try {
        return getConnInfo(c).remote.address ?? "unknown";
      } catch {
        return "local"; // app.request() in tests has no socket
      }
    },
    close() {
      control?.client.close();
      for (const h of tenants.values()) h.client.close();
      tenants.clear();
      control = undefined;
    },
    runLong: (kind, job) => runLongHere(platform, kind, job),
  };
  return platform;
}
