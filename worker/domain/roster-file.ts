// Roster files in and out: CSV and XLSX → header-checked rows of trimmed NFC text (the caller
// validates the values), and the CSV / XLSX exports with formula-injection escaping.
//
// Runs on Node and on Cloudflare Workers, so only web APIs. ZIP work goes through fflate's
// *synchronous* calls: the async ones (used inside read-excel-file/universal and
// write-excel-file/universal) spawn a Web Worker for any entry over 160–512 KB, and workerd has
// no `Worker`, so a 20,000-row file would fail there with "Worker is not defined". We therefore
// write XLSX ourselves and hand read-excel-file an uncompressed copy of the archive.
import { unzipSync, zipSync, strToU8 } from "fflate";
import { readSheet } from "read-excel-file/universal";
import { foldVietnamese } from "./text";

export const ROSTER_COLUMNS = [
  "ho_ten",
  "nam_sinh",
  "email",
  "don_vi",
  "chuc_vu",
  "trang_thai",
  "dien_quan_ly",
] as const;
/** Accepted when present; a file without them leaves those fields alone on update. */
export const OPTIONAL_ROSTER_COLUMNS = [
  "so_dien_thoai",
  "dang_cong_khai",
  "ngay_trang_thai",
] as const;
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

interface SourceRecord {
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
// CSV

function decodeUtf8(bytes: Uint8Array): string | ParseResult {
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const at = lossy.indexOf("\uFFFD");
    const line = at < 0 ? 1 : lineAt(lossy, at);
    return {
      ok: false,
      errors: [
        {
          line,
          message:
            "Tệp không phải UTF-8 (có thể được lưu theo bảng mã Windows hoặc UTF-16). Trong Excel hãy chọn «Lưu thành» → «CSV UTF-8 (phân cách bằng dấu phẩy)».",
        },
      ],
    };
  }
}

function lineAt(text: string, index: number): number {
  const before = text.slice(0, index);
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}

/** Excel in locales whose decimal mark is a comma (Vietnamese among them) saves with ";". */
function detectSeparator(text: string): "," | ";" {
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === "") continue;
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === ",") commas++;
      else if (!quoted && ch === ";") semicolons++;
    }
    return semicolons > commas ? ";" : ",";
  }
  return ",";
}

/** RFC 4180 records, each tagged with the physical line it starts on. */
function* csvRecords(text: string, sep: string): Generator<SourceRecord> {
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let error: string | undefined;
    for (;;) {
      let j = i;
      while (text[j] === " " || text[j] === "\t") j++;
      if (text[j] === '"') {
        i = j + 1;
        const opened = line;
        let value = "";
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            yield {
              line: start,
              cells,
              error: `Dấu ngoặc kép mở ở dòng ${opened} không được đóng.`,
            };
            return;
          }
          const chunk = text.slice(i, q).replace(/\r\n?/g, "\n");
          line += chunk.split("\n").length - 1;
          value += chunk;
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        while (text[i] === " " || text[i] === "\t") i++;
        if (i < n && text[i] !== sep && text[i] !== "\r" && text[i] !== "\n") {
          error ??= `Có ký tự ngay sau dấu ngoặc kép đóng ở dòng ${line}; trong ô, dấu ngoặc kép phải viết đôi ("").`;
          let k = i;
          while (k < n && text[k] !== sep && text[k] !== "\r" && text[k] !== "\n") k++;
          value += text.slice(i, k);
          i = k;
        }
        cells.push(value);
      } else {
        while (j < n && text[j] !== sep && text[j] !== "\r" && text[j] !== "\n") j++;
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (text[i] === sep) {
        i++;
        continue;
      }
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      break;
    }
    yield error ? { line: start, cells, error } : { line: start, cells };
  }
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

// ---------------------------------------------------------------------------------------------
// Export

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** A leading quote makes Excel / LibreOffice / Sheets take the cell as text, never a formula. */
export function escapeCell(value: string): string {
  return value !== "" && FORMULA_START.has(value[0]!) ? `'${value}` : value;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  // A number can only be digits, sign, point and exponent: never a formula, so no quote prefix.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = escapeCell(value);
  // ";" is quoted too so the file survives being read with either separator.
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 BOM so Excel reads Vietnamese correctly; CRLF as RFC 4180 says. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(","));
  return "\uFEFF" + lines.map((l) => l + "\r\n").join("");
}

const MAX_CELL_CHARS = 32_767; // Excel refuses to open a file with a longer cell

export async function toXlsx(
  header: string[],
  rows: (string | number | null)[][],
  sheetName: string,
): Promise<Uint8Array> {
  const all = [header, ...rows];
  const width = all.reduce((w, r) => Math.max(w, r.length), 1);
  const chars = new Array<number>(width).fill(8);
  const body: string[] = [];
  all.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      const ref = columnName(c) + (r + 1);
      const style = r === 0 ? ' s="1"' : "";
      if (typeof value === "number") {
        if (Number.isFinite(value)) cells.push(`<c r="${ref}"${style}><v>${value}</v></c>`);
        chars[c] = Math.max(chars[c]!, String(value).length);
      } else if (value !== null && value !== "") {
        const text = xmlText(escapeCell(value).slice(0, MAX_CELL_CHARS));
        cells.push(
          `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`,
        );
        chars[c] = Math.max(chars[c]!, Math.min(value.length, 60));
      }
    });
    body.push(`<row r="${r + 1}">${cells.join("")}</row>`);
  });
  const cols = chars
    .map((n, c) => `<col min="${c + 1}" max="${c + 1}" width="${n + 2}" customWidth="1"/>`)
    .join("");
  const sheet =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="A1:${columnName(width - 1)}${all.length}"/>` +
    // Frozen header row: the column names stay visible while scrolling 20,000 rows.
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${body.join("")}</sheetData></worksheet>`;
  const files = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "xl/workbook.xml":
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
      `<sheet name="${xmlText(safeSheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
    "xl/styles.xml": STYLES,
    "xl/worksheets/sheet1.xml": sheet,
  };
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])),
  );
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function xmlText(s: string): string {
  // Most names and emails need none of the replacements below; 140,000 cells add up.
  if (!/[&<>"_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  return (
    s
      // Characters XML 1.0 cannot carry at all, and lone surrogates UTF-8 cannot encode.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      // Excel decodes _xHHHH_ in text as a character escape; keep such text literal.
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // An XML parser turns a raw CR into LF; the reference keeps it.
      .replace(/\r/g, "&#13;")
  );
}

/** Excel rejects names over 31 characters, with []:*?/\ or starting/ending with an apostrophe. */
function safeSheetName(name: string): string {
  const s = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return s || "Sheet1";
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  `</Types>`;
const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
// Excel insists on the two default fills; xf 1 is the bold header.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
