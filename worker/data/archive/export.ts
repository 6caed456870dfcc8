// A tenant's whole data as one zip (docs: README "Tenant archive"): `format.json` first (what
// this file is, so a reader can refuse a foreign or newer one before it writes anything), one
// JSON-lines part per PART_ROWS rows of every exported table, `manifest.json` last with each
// part's table, row count and SHA-256. Read in keyset pages on rowid inside one read
// transaction (one consistent snapshot), each page turned into a deflated entry as the
// client pulls: memory holds one page.
import type { Client, Transaction } from "@libsql/client";
import { audit } from "../audit";
import type { Ctx } from "../context";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  EXPORTED,
  PART_ROWS,
  SECRET_COLUMN,
  type ExportedTable,
} from "./tables";
import { ZipWriter } from "./zip";

export interface ArchiveHead {
  format: string;
  version: number;
  /** Tenant migrations applied to the database it came from (rows in __drizzle_migrations). */
  migrationLevel: number;
  tenant: { slug: string; name: string; kind: string };
  createdAt: string;
}

export interface ArchiveFile {
  name: string;
  table: string;
  rows: number;
  sha256: string;
}

export interface Manifest extends ArchiveHead {
  tables: { table: string; rows: number }[];
  files: ArchiveFile[];
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function migrationLevel(tx: Pick<Client, "execute">): Promise<number> {
  const rs = await tx.execute("SELECT count(*) AS n FROM __drizzle_migrations");
  return Number(rs.rows[0]!.n);
}

/** A table's exported columns, in their declared order, secrets left out. */
async function exportedColumns(tx: Transaction, table: string): Promise<string[]> {
  const rs = await tx.execute({
    sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid",
    args: [table],
  });
  return rs.rows.map((r) => String(r[0])).filter((c) => !SECRET_COLUMN.test(c));
}

/** Pages of a table as JSON lines, each line built by SQLite's json_object (integers stay
 *  integers, text text, null null; a BLOB would fail loudly — no exported column holds one):
 *  one text value per row, so the client library builds no row objects. */
async function* pages(tx: Transaction, spec: ExportedTable) {
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const cols = await exportedColumns(tx, spec.table);
  const line = `json_object(${cols.map((c) => `'${c}', ${q(c)}`).join(", ")})`;
  let after = 0;
  for (;;) {
    const rs = await tx.execute({
      sql: `SELECT rowid, ${line} FROM ${q(spec.table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      args: [after, PART_ROWS],
    });
    if (rs.rows.length === 0) return;
    const lines = rs.rows.map((r) => {
      const text = String(r[1]);
      return spec.redact
        ? JSON.stringify(spec.redact(JSON.parse(text) as Record<string, unknown>))
        : text;
    });
    after = Number(rs.rows[rs.rows.length - 1]![0]);
    yield lines;
    if (rs.rows.length < PART_ROWS) return;
  }
}

/** The archive's bytes, chunk by chunk. The read transaction closes when the stream ends or
 *  the download is abandoned. */
export async function* archiveChunks(
  client: Client,
  tenant: ArchiveHead["tenant"],
  now: Date,
): AsyncGenerator<Uint8Array> {
  const tx = await client.transaction("read");
  try {
    const head: ArchiveHead = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      migrationLevel: await migrationLevel(tx),
      tenant,
      createdAt: now.toISOString(),
    };
    const zip = new ZipWriter(now);
    yield zip.entry("format.json", utf8(JSON.stringify(head)));
    const files: ArchiveFile[] = [];
    const tables: Manifest["tables"] = [];
    for (const spec of EXPORTED) {
      let total = 0;
      let part = 0;
      for await (const rows of pages(tx, spec)) {
        const data = utf8(rows.join("\n") + "\n");
        const name = `tables/${spec.table}/${String(++part).padStart(6, "0")}.jsonl`;
        files.push({ name, table: spec.table, rows: rows.length, sha256: await sha256Hex(data) });
        total += rows.length;
        yield zip.entry(name, data);
      }
      tables.push({ table: spec.table, rows: total });
    }
    const manifest: Manifest = { ...head, tables, files };
    yield zip.entry("manifest.json", utf8(JSON.stringify(manifest, null, 1)));
    yield zip.end();
  } finally {
    tx.close();
  }
}

/** A pull stream over `archiveChunks`: nothing is read until the client asks for bytes. */
export function archiveStream(
  client: Client,
  tenant: ArchiveHead["tenant"],
  now: Date,
): ReadableStream<Uint8Array> {
  const chunks = archiveChunks(client, tenant, now);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The archive of the caller's tenant. The download is recorded first, so the archive holds
 *  the row that says who took it and when. */
export async function exportTenant(
  ctx: Ctx,
  client: Client,
  tenant: ArchiveHead["tenant"] & { id: string },
): Promise<ReadableStream<Uint8Array>> {
  const { slug, name, kind } = tenant;
  await audit(ctx, {
    action: "tenant.export",
    entity: "tenant",
    entityId: tenant.id,
    after: { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION },
  });
  return archiveStream(client, { slug, name, kind }, ctx.now);
}
