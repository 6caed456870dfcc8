// Reads an archive (export.ts) into a fresh tenant: one that holds only what sign-up made
// (its root unit, the admin who imports, that admin's grant, their sessions and audit rows).
// Everything happens inside one write transaction as the file arrives, one part at a time:
// the sign-up's rows are replaced, each part is checked (zip CRC, SHA-256 against the
// manifest, its columns against the table) and inserted; at the end the manifest is held
// against what was read (every file present, none extra, the row counts) and every reference
// is checked in SQL. Any refusal rolls the transaction back: the tenant is as it was.
// Rows keep their ids, so frozen hashes, figures and the audit log read the same.
import type { Client, InStatement, InValue, ResultSet, Transaction } from "@libsql/client";
import { hasControlChar } from "../../../schema/scalars";
import { DomainError } from "../../errors";
import {
  migrationLevel,
  sha256Hex,
  type ArchiveFile,
  type ArchiveHead,
  type Manifest,
} from "./export";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  EXCLUDED,
  EXPORTED,
  exportedNames,
  REFERENCES,
  SECRET_COLUMN,
} from "./tables";
import { damaged, readZip } from "./zip";

export interface ImportInput {
  client: Client;
  tenantId: string;
  /** The admin importing: their account stays usable (see `keepImporter`). */
  userId: string;
  requestId: string | null;
  now: Date;
  body: ReadableStream<Uint8Array>;
}

export interface ImportSummary {
  source: ArchiveHead["tenant"];
  exportedAt: string;
  rows: number;
  tables: { table: string; rows: number }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const foreign = (message: string) => new DomainError("ARCHIVE_FOREIGN", message);

/** Refuses a tenant that holds anything sign-up did not make. Run inside the import's write
 *  transaction, so two imports racing for one tenant cannot both pass. */
export async function assertFresh(
  db: { batch(stmts: InStatement[]): Promise<ResultSet[]> },
  userId: string,
): Promise<void> {
  const count = (table: string, where = "", args: InValue[] = []) => ({
    table,
    sql: `SELECT count(*) FROM ${q(table)}${where ? ` WHERE ${where}` : ""}`,
    args,
  });
  const checks = [
    count("units", "depth > 0"),
    count("users", "id != ?", [userId]),
    count("grants", "user_id != ?", [userId]),
    ...EXPORTED.filter((t) => !["units", "users", "grants", "audit_log"].includes(t.table)).map(
      (t) => count(t.table),
    ),
    ...Object.keys(EXCLUDED)
      .filter((t) => t !== "sessions")
      .map((t) => count(t)),
  ];
  const rs = await db.batch(checks.map(({ sql, args }) => ({ sql, args })));
  const busy = checks.filter((_, i) => Number(rs[i]!.rows[0]![0]) > 0).map((c) => c.table);
  if (busy.length)
    throw new DomainError(
      "TENANT_NOT_EMPTY",
      "Chỉ nhập được bản xuất vào một đảng bộ mới tạo, chưa có dữ liệu. Đảng bộ này đã có: " +
        busy.join(", ") +
        ".",
      Object.fromEntries(busy.map((t) => [t, "đã có dữ liệu"])),
    );
}

function parseJson<T>(data: Uint8Array, what: string): T {
  try {
    return JSON.parse(
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data),
    ) as T;
  } catch {
    throw damaged(`Không đọc được ${what}: không phải JSON hợp lệ.`);
  }
}

function checkHead(head: Partial<ArchiveHead> | null, level: number): ArchiveHead {
  if (!head || typeof head !== "object" || head.format !== ARCHIVE_FORMAT)
    throw foreign("Tệp không phải bản xuất dữ liệu đảng bộ của hệ thống này.");
  if (typeof head.version !== "number" || head.version > ARCHIVE_VERSION)
    throw new DomainError(
      "ARCHIVE_TOO_NEW",
      `Bản xuất dùng định dạng phiên bản ${String(head.version)}, mới hơn phiên bản ` +
        `${ARCHIVE_VERSION} mà máy chủ này đọc được. Hãy nâng cấp máy chủ rồi nhập lại.`,
    );
  if (typeof head.migrationLevel !== "number" || head.migrationLevel > level)
    throw new DomainError(
      "ARCHIVE_TOO_NEW",
      `Bản xuất đến từ cơ sở dữ liệu mới hơn (mức ${String(head.migrationLevel)}, ` +
        `máy chủ này ở mức ${level}). Hãy nâng cấp máy chủ rồi nhập lại.`,
    );
  if (!head.tenant || typeof head.createdAt !== "string")
    throw damaged("Tệp format.json thiếu thông tin.");
  return head as ArchiveHead;
}

const PART_NAME = /^tables\/([a-z_]+)\/(\d{6})\.jsonl$/;

/** Columns a part may carry for `table`: the table's own, minus secrets. */
async function columnsOf(tx: Transaction, table: string): Promise<Set<string>> {
  const rs = await tx.execute({ sql: "SELECT name FROM pragma_table_info(?)", args: [table] });
  return new Set(rs.rows.map((r) => String(r[0])).filter((c) => !SECRET_COLUMN.test(c)));
}

/** A stored value: null, a finite number, or text as the app stores it (NFC, no control
 *  characters but tab and line breaks) — what an export of ours holds, nothing else. */
function inValue(v: unknown, where: string): InValue {
  if (v === null || (typeof v === "number" && Number.isFinite(v))) return v;
  if (typeof v === "string") {
    if (hasControlChar(v) || v.normalize("NFC") !== v)
      throw damaged(`Văn bản ở ${where} có ký tự không hợp lệ.`, { [where]: "ký tự không hợp lệ" });
    return v;
  }
  throw damaged(`Dữ liệu sai kiểu ở ${where}.`, { [where]: "sai kiểu" });
}

async function insertPart(
  tx: Transaction,
  name: string,
  table: string,
  data: Uint8Array,
  allowed: Set<string>,
): Promise<number> {
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(data);
  const lines = text.split("\n");
  if (lines.pop() !== "") throw damaged(`Phần "${name}" bị cắt ngắn.`, { [name]: "bị cắt" });
  if (lines.length === 0) throw damaged(`Phần "${name}" rỗng.`, { [name]: "rỗng" });
  let cols: string[] | null = null;
  const values: InValue[][] = [];
  for (const [i, line] of lines.entries()) {
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw damaged(`Dòng ${i + 1} của "${name}" không phải JSON.`, { [name]: `dòng ${i + 1}` });
    }
    if (!row || typeof row !== "object" || Array.isArray(row))
      throw damaged(`Dòng ${i + 1} của "${name}" không phải một bản ghi.`);
    const keys = Object.keys(row);
    if (!cols) {
      cols = keys;
      const unknown = cols.filter((c) => !allowed.has(c));
      if (unknown.length)
        throw foreign(`Bảng ${table} trong tệp có cột lạ: ${unknown.join(", ")}.`);
    } else if (keys.length !== cols.length || keys.some((k, j) => k !== cols![j]))
      throw damaged(`Dòng ${i + 1} của "${name}" có các cột khác các dòng trước.`);
    values.push(cols.map((c) => inValue(row[c], `${name}:${i + 1}`)));
  }
  const perStmt = Math.max(1, Math.floor(4000 / cols!.length));
  const stmts = [];
  for (let i = 0; i < values.length; i += perStmt) {
    const chunk = values.slice(i, i + perStmt);
    const one = `(${cols!.map(() => "?").join(",")})`;
    stmts.push({
      sql: `INSERT INTO ${q(table)} (${cols!.map(q).join(",")}) VALUES ${chunk.map(() => one).join(",")}`,
      args: chunk.flat(),
    });
  }
  try {
    await tx.batch(stmts);
  } catch (err) {
    throw damaged(`Không ghi được "${name}": ${(err as Error).message}`, {
      [name]: "không ghi được",
    });
  }
  return values.length;
}

/** The manifest against what was read: same files, checksums and counts, nothing missing. */
function checkManifest(m: Manifest, head: ArchiveHead, seen: ArchiveFile[]) {
  if (
    m.format !== head.format ||
    m.version !== head.version ||
    m.migrationLevel !== head.migrationLevel
  )
    throw damaged("manifest.json không khớp với format.json.");
  if (!Array.isArray(m.files) || !Array.isArray(m.tables))
    throw damaged("manifest.json thiếu danh sách tệp.");
  const byName = new Map(seen.map((f) => [f.name, f]));
  const problems: Record<string, string> = {};
  for (const f of m.files) {
    const got = byName.get(f.name);
    if (!got) problems[f.name] = "thiếu trong tệp zip";
    else if (got.sha256 !== f.sha256) problems[f.name] = "sai mã SHA-256";
    else if (got.rows !== f.rows || got.table !== f.table) problems[f.name] = "sai số dòng";
    byName.delete(f.name);
  }
  for (const name of byName.keys()) problems[name] = "không có trong manifest.json";
  const listed = new Map(m.tables.map((t) => [t.table, t.rows]));
  for (const t of m.tables)
    if (!exportedNames.has(t.table)) throw foreign(`Bản xuất có bảng lạ: ${t.table}.`);
  for (const spec of EXPORTED) {
    const rows = seen.filter((f) => f.table === spec.table).reduce((n, f) => n + f.rows, 0);
    if (!listed.has(spec.table)) problems[spec.table] = "bảng không có trong manifest.json";
    else if (listed.get(spec.table) !== rows) problems[spec.table] = "sai tổng số dòng";
  }
  const keys = Object.keys(problems);
  if (keys.length)
    throw damaged(
      `Tệp bị hỏng hoặc thiếu: ${keys
        .slice(0, 5)
        .map((k) => `${k} (${problems[k]})`)
        .join("; ")}` + (keys.length > 5 ? ` và ${keys.length - 5} chỗ khác.` : "."),
      problems,
    );
}

async function checkReferences(tx: Transaction) {
  const rs = await tx.batch(
    REFERENCES.map(([t, c, ref, rc]) => ({
      sql:
        `SELECT count(*) FROM ${q(t)} WHERE ${q(c)} IS NOT NULL AND ${q(c)} != '' ` +
        `AND ${q(c)} NOT IN (SELECT ${q(rc)} FROM ${q(ref)})`,
      args: [],
    })),
  );
  const broken: Record<string, string> = {};
  REFERENCES.forEach(([t, c, ref], i) => {
    const n = Number(rs[i]!.rows[0]![0]);
    if (n > 0) broken[`${t}.${c}`] = `${n} dòng trỏ tới ${ref} không có`;
  });
  if (Object.keys(broken).length)
    throw damaged(
      "Tệp có dữ liệu tham chiếu tới bản ghi không tồn tại: " +
        Object.entries(broken)
          .map(([k, v]) => `${k}: ${v}`)
          .join("; "),
      broken,
    );
}

/** The importing admin keeps signing in: the archive's account with their e-mail (or phone)
 *  takes their password and sessions, is enabled and is an admin; without one, their own account and
 *  admin grant are put back beside the archive's. */
async function keepImporter(tx: Transaction, me: Record<string, InValue>, now: Date) {
  const rs = await tx.execute({
    sql: `SELECT id FROM users WHERE (email IS NOT NULL AND email = ?) OR (phone IS NOT NULL AND phone = ?)
          ORDER BY (email = ?) DESC LIMIT 1`,
    args: [me.email ?? null, me.phone ?? null, me.email ?? null],
  });
  const match = rs.rows[0] ? String(rs.rows[0][0]) : null;
  const grantId = crypto.randomUUID();
  if (match) {
    await tx.batch([
      {
        sql: "UPDATE users SET password_hash = ?, disabled_at = NULL WHERE id = ?",
        args: [me.password_hash ?? null, match],
      },
      { sql: "UPDATE sessions SET user_id = ? WHERE user_id = ?", args: [match, me.id!] },
      {
        sql: `INSERT INTO grants (id, user_id, role, unit_id, created_at)
              SELECT ?, ?, 'admin', NULL, ? WHERE NOT EXISTS
              (SELECT 1 FROM grants WHERE user_id = ? AND role = 'admin' AND unit_id IS NULL)`,
        args: [grantId, match, now.getTime(), match],
      },
    ]);
    return match;
  }
  const cols = Object.keys(me);
  await tx.batch([
    {
      sql: `INSERT INTO users (${cols.map(q).join(",")}) VALUES (${cols.map(() => "?").join(",")})`,
      args: cols.map((c) => me[c]!),
    },
    {
      sql: "INSERT INTO grants (id, user_id, role, unit_id, created_at) VALUES (?, ?, 'admin', NULL, ?)",
      args: [grantId, me.id!, now.getTime()],
    },
  ]);
  return String(me.id);
}

export async function importArchive(input: ImportInput): Promise<ImportSummary> {
  const { client, userId, now } = input;
  const tx = await client.transaction("write");
  try {
    await assertFresh(tx, userId);
    const level = await migrationLevel(tx);
    const meRs = await tx.execute({ sql: "SELECT * FROM users WHERE id = ?", args: [userId] });
    const me = Object.fromEntries(meRs.columns.map((c, i) => [c, meRs.rows[0]![i] as InValue]));
    let head: ArchiveHead | null = null;
    let manifest: Manifest | null = null;
    const seen: ArchiveFile[] = [];
    const names = new Set<string>();
    const columns = new Map<string, Set<string>>();
    for await (const entry of readZip(input.body)) {
      if (!head) {
        if (entry.name !== "format.json")
          throw foreign(
            "Tệp không phải bản xuất dữ liệu đảng bộ của hệ thống này (thiếu format.json ở đầu).",
          );
        head = checkHead(parseJson(entry.data, "format.json"), level);
        // Ours and not newer: the sign-up's rows give way (sessions stay, for the importer).
        await tx.batch(EXPORTED.map((t) => ({ sql: `DELETE FROM ${q(t.table)}`, args: [] })));
        continue;
      }
      if (manifest) throw damaged("Tệp có dữ liệu sau manifest.json.");
      if (entry.name === "manifest.json") {
        manifest = parseJson<Manifest>(entry.data, "manifest.json");
        continue;
      }
      const m = PART_NAME.exec(entry.name);
      if (!m || !exportedNames.has(m[1]!)) throw foreign(`Tệp có phần lạ: "${entry.name}".`);
      if (names.has(entry.name)) throw damaged(`Phần "${entry.name}" lặp lại.`);
      names.add(entry.name);
      const table = m[1]!;
      if (!columns.has(table)) columns.set(table, await columnsOf(tx, table));
      const rows = await insertPart(tx, entry.name, table, entry.data, columns.get(table)!);
      seen.push({ name: entry.name, table, rows, sha256: await sha256Hex(entry.data) });
    }
    if (!head) throw damaged("Tệp rỗng hoặc không phải tệp zip.");
    if (!manifest) throw damaged("Tệp bị cắt ngắn: thiếu manifest.json ở cuối.");
    checkManifest(manifest, head, seen);
    await checkReferences(tx);
    const kept = await keepImporter(tx, me, now);
    const rows = seen.reduce((n, f) => n + f.rows, 0);
    await tx.execute({
      sql: `INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id, before_json, after_json, request_id)
            VALUES (?, ?, 'tenant.import', 'tenant', ?, NULL, ?, ?)`,
      args: [
        now.getTime(),
        kept,
        input.tenantId,
        JSON.stringify({
          format: head.format,
          version: head.version,
          from: head.tenant.slug,
          exportedAt: head.createdAt,
          rows,
        }),
        input.requestId,
      ],
    });
    await tx.commit();
    return { source: head.tenant, exportedAt: head.createdAt, rows, tables: manifest.tables };
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    throw err;
  } finally {
    tx.close();
  }
}
