// Roster files in and out: CSV and XLSX → header-checked rows of trimmed NFC text (the caller
// validates the values), and the CSV / XLSX exports with formula-injection escaping.
//
// Runs on Node and on Cloudflare Workers, so only web APIs. ZIP work goes through fflate's
// *synchronous* calls: the async ones (used inside read-excel-file/universal and
// write-excel-file/universal) spawn a Web Worker for any entry over 160–512 KB, and workerd has
// no `Worker`, so a 20,000-row file would fail there with "Worker is not defined". We therefore
// write XLSX ourselves and hand read-excel-file an uncompressed copy of the archive.
import { unzipSync, zipSync } from "fflate";
import { readSheet } from "read-excel-file/universal";
import { csvRecords, decodeUtf8, detectSeparator } from "./roster-csv";
import { foldVietnamese } from "./text";

export { escapeCell, toCsv, toXlsx } from "./roster-export";

import { OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS } from "../../schema/rules/roster-columns";
import { hasControlChar } from "../../schema/scalars";

export { OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS };
export const MAX_ROSTER_ROWS = 20_000;

export type RosterFileKind = "csv" | "xlsx";

export interface RawRow {
  /** 1-based line (CSV) or row (XLSX) as a person sees it; the header is line 1. */
  line: number;
  /** Canonical header → trimmed NFC text. Only the columns the file has are present. */
  cells: Record<string, string>;
}

export type RowError = { line: number; message: string };
export type ParseResult =
  { ok: true; rows: RawRow[] } | { ok: false; tooLarge?: true; errors: RowError[] };

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ZIP_TYPES = new Set([
  XLSX_TYPE,
  "application/octet-stream",
  "application/zip",
  "application/x-zip-compressed",
  "",
]);
// Browsers on Windows with Office installed label .csv uploads as application/vnd.ms-excel.
const CSV_TYPES = new Set([
  "text/csv",
  "application/csv",
  "text/x-csv",
  "text/plain",
  "application/vnd.ms-excel",
]);
// Declared (uncompressed) size of the XML parts we inflate. 20,000 rows of this roster are
// ~10 MB of sheet XML; the cap keeps a zip bomb from exhausting a Worker's 128 MB.
const MAX_XLSX_XML_BYTES = 64 * 1024 * 1024;

function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function hasOleMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function detectKind(
  contentType: string | undefined,
  bytes: Uint8Array,
): RosterFileKind | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  // A CSV can never start with "PK\x03\x04": a ZIP sent as CSV is an XLSX with the wrong label.
  if (hasZipMagic(bytes)) return ZIP_TYPES.has(type) || CSV_TYPES.has(type) ? "xlsx" : null;
  if (type === XLSX_TYPE) return "xlsx"; // parse reports it as a broken Excel file, which says more than 415
  if (CSV_TYPES.has(type) && !hasOleMagic(bytes)) return "csv";
  return null;
}

export async function parseRosterFile(
  kind: RosterFileKind,
  bytes: Uint8Array,
): Promise<ParseResult> {
  if (kind === "xlsx") {
    const sheet = await readXlsx(bytes);
    return "errors" in sheet ? sheet : buildRows(sheet.records);
  }
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== "string") return decoded;
  // Excel's own "sep=;" hint line: honour it, and blank it so later line numbers stay put.
  const hint = /^sep=([,;])[ \t]*(?=\r|\n|$)/i.exec(decoded);
  const text = hint ? decoded.slice(hint[0].length) : decoded;
  const sep = hint ? hint[1]! : detectSeparator(text);
  return buildRows(csvRecords(text, sep), sep);
}

// ---------------------------------------------------------------------------------------------
// Shared: header check and row assembly for both formats.

export interface SourceRecord {
  line: number;
  cells: string[];
  /** A record the tokenizer could not split cleanly; reported instead of its cells. */
  error?: string;
}

const REQUIRED = new Set<string>(ROSTER_COLUMNS);
const KNOWN = new Set<string>([...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS]);
// Line breaks inside a cell come as CRLF from Excel on Windows; one form keeps comparisons simple.
const clean = (s: string) => s.normalize("NFC").replace(/\r\n?/g, "\n").trim();
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");
const list = (names: string[]) => names.map((n) => `«${n}»`).join(", ");

function buildRows(records: Iterable<SourceRecord>, csvSeparator?: string): ParseResult {
  const it = records[Symbol.iterator]();
  let header: SourceRecord | undefined;
  for (let r = it.next(); !r.done; r = it.next()) {
    if (r.value.error)
      return { ok: false, errors: [{ line: r.value.line, message: r.value.error }] };
    if (!isBlank(r.value.cells)) {
      header = r.value;
      break;
    }
  }
  if (!header)
    return { ok: false, errors: [{ line: 1, message: "Tệp trống: không có dòng tiêu đề." }] };

  const columns = header.cells.map((c) => foldVietnamese(c));
  const headerErrors = checkHeader(header.cells, columns);
  if (headerErrors.length)
    return { ok: false, errors: headerErrors.map((message) => ({ line: header.line, message })) };

  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  let count = 0;
  for (let r = it.next(); !r.done; r = it.next()) {
    const { line, cells, error } = r.value;
    if (!error && isBlank(cells)) continue;
    if (++count > MAX_ROSTER_ROWS) {
      return {
        ok: false,
        tooLarge: true,
        errors: [
          {
            line,
            message: `Tệp có hơn ${MAX_ROSTER_ROWS.toLocaleString("vi-VN")} dòng dữ liệu; hãy chia thành nhiều tệp.`,
          },
        ],
      };
    }
    if (error) {
      errors.push({ line, message: error });
      continue;
    }
    const stray = strayCell(cells, columns, csvSeparator);
    if (stray) {
      errors.push({ line, message: stray });
      continue;
    }
    const out: Record<string, string> = {};
    columns.forEach((name, k) => {
      if (name) out[name] = clean(cells[k] ?? "");
    });
    // NUL and other control characters are never typed; they come from a damaged file or a
    // bad export, and are refused like the same text in a JSON body (schema/scalars.ts).
    const bad = columns.findIndex((name, k) => name && hasControlChar(cells[k] ?? ""));
    if (bad >= 0) {
      errors.push({
        line,
        message: `Cột «${clean(header.cells[bad] ?? "")}» có ký tự điều khiển (ví dụ NUL) không hợp lệ; hãy sửa ô này trong tệp.`,
      });
      continue;
    }
    rows.push({ line, cells: out });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

function checkHeader(raw: string[], columns: string[]): string[] {
  const errors: string[] = [];
  const unknown = raw.filter((_, k) => columns[k] && !KNOWN.has(columns[k]!)).map(clean);
  const missing = ROSTER_COLUMNS.filter((name) => !columns.includes(name));
  const repeated = [...new Set(columns.filter((name, k) => name && columns.indexOf(name) !== k))];
  if (missing.length) errors.push(`Thiếu cột bắt buộc: ${list(missing)}.`);
  if (unknown.length) {
    errors.push(
      `Cột không hợp lệ: ${list(unknown)}. Chỉ dùng các cột ${list([...REQUIRED])} và (không bắt buộc) ${list([...OPTIONAL_ROSTER_COLUMNS])}.`,
    );
  }
  if (repeated.length) errors.push(`Cột bị lặp lại: ${list(repeated)}.`);
  return errors;
}

/** A value with no header above it: in CSV, a separator inside an unquoted value shifts the row
 *  right even when the last cell is empty, so any extra cell counts there. XLSX rows come padded
 *  to the widest row of the sheet, so only non-empty cells count. */
function strayCell(
  cells: string[],
  columns: string[],
  csvSeparator: string | undefined,
): string | null {
  if (csvSeparator && cells.length > columns.length) {
    return `Dòng có ${cells.length} ô, nhiều hơn ${columns.length} cột của dòng tiêu đề (ô chứa dấu «${csvSeparator}» phải đặt trong dấu ngoặc kép).`;
  }
  const k = cells.findIndex((c, k) => !columns[k] && c.trim() !== "");
  return k < 0 ? null : `Ô thứ ${k + 1} có dữ liệu nhưng cột này không có tiêu đề.`;
}

// ---------------------------------------------------------------------------------------------
// XLSX

const CORRUPT =
  "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.";

async function readXlsx(
  bytes: Uint8Array,
): Promise<{ records: SourceRecord[] } | { ok: false; tooLarge?: true; errors: RowError[] }> {
  if (hasOleMagic(bytes)) {
    return {
      ok: false,
      errors: [
        {
          line: 1,
          message:
            "Không đọc được tệp Excel: định dạng .xls cũ không được hỗ trợ, hãy lưu lại dạng .xlsx.",
        },
      ],
    };
  }
  let stored: Uint8Array<ArrayBuffer>;
  try {
    let total = 0;
    const parts = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_XLSX_XML_BYTES) throw new TooBig();
        return true;
      },
    });
    // Stored entries make read-excel-file's unzip a plain copy, never a Web Worker.
    stored = zipSync(parts, { level: 0 });
  } catch (e) {
    if (e instanceof TooBig) {
      return {
        ok: false,
        tooLarge: true,
        errors: [{ line: 1, message: "Tệp Excel quá lớn; hãy chia thành nhiều tệp." }],
      };
    }
    return { ok: false, errors: [{ line: 1, message: CORRUPT }] };
  }
  let data: unknown[][];
  try {
    data = await readSheet(stored.buffer, 1);
  } catch {
    return { ok: false, errors: [{ line: 1, message: CORRUPT }] };
  }
  // read-excel-file keeps leading and inner empty rows, so index + 1 is Excel's row number.
  return { records: data.map((row, k) => ({ line: k + 1, cells: row.map(cellText) })) };
}

class TooBig extends Error {}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "co" : "";
  if (typeof value === "number") return formatNumber(value);
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}

/** What Excel's "General" format shows: 15 significant digits, so 1975.0 → "1975" and
 *  0.1 + 0.2 → "0.3", not a float artefact. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  return String(Number(n.toPrecision(15)));
}
