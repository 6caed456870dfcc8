// "Tải về Excel": any table of the screens as a real .xlsx (Office Open XML), written in the
// browser. A lazy chunk: the Table component imports it on the first click, so no screen
// carries it before. One sheet, a bold frozen header row, strings inline (no shared-string
// table to build), whole numbers as numbers; dates stay the dd/mm/yyyy text the screen shows.
// The zip framing is shared with the server's archive (schema/files/zip.ts); the browser's
// own CompressionStream("deflate-raw") compresses, so no compressor ships to the client.
import { ZipFrames } from "../../schema/files/zip";
import { saveFile } from "./save";

export type SheetCell = string | number;

/** A whole number a spreadsheet may add up: not a code with leading zeros (a phone number,
 *  a member number), and small enough to stay exact. */
const NUMBER = /^-?(0|[1-9]\d{0,14})$/;

/** What a cell of the screen holds, as the sheet should hold it. */
export function sheetValue(text: string): SheetCell {
  const t = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return NUMBER.test(t) ? Number(t) : t;
}

/** Characters XML 1.0 cannot carry at all are dropped; the rest escaped. */
function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A, B, …, Z, AA, AB, … */
export function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function cell(ref: string, v: SheetCell, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (v === "") return "";
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xml(v)}</t></is></c>`;
}

/** The worksheet: the header (bold, frozen) then the rows. */
export function sheetXml(header: readonly string[], rows: readonly (readonly SheetCell[])[]) {
  const width = rows.reduce((n, r) => Math.max(n, r.length), header.length);
  const cols = Array.from({ length: width }, (_, i) => {
    const longest = Math.max(
      String(header[i] ?? "").length,
      ...rows.slice(0, 200).map((r) => String(r[i] ?? "").length),
    );
    const w = Math.min(60, Math.max(8, longest + 2));
    return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
  }).join("");
  const line = (r: readonly SheetCell[], n: number, style: number) =>
    `<row r="${n}">${r.map((v, i) => cell(`${columnName(i)}${n}`, v, style)).join("")}</row>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" state="frozen"/></sheetView></sheetViews>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${line(header, 1, 1)}${rows.map((r, i) => line(r, i + 2, 0)).join("")}</sheetData>` +
    `</worksheet>`
  );
}

/** Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const t = title
    .replace(/[:\\/?*[\]]/g, " ")
    .trim()
    .slice(0, 31);
  return t || "Bảng";
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
/** Style 0: the default; style 1: bold (the header row). */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function workbookXml(name: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

async function deflateRaw(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The .xlsx file's bytes: one sheet called `title`. */
export async function xlsxBytes(
  title: string,
  header: readonly string[],
  rows: readonly (readonly SheetCell[])[],
  at = new Date(),
): Promise<Uint8Array<ArrayBuffer>> {
  const enc = new TextEncoder();
  const parts: [string, string][] = [
    ["[Content_Types].xml", CONTENT_TYPES],
    ["_rels/.rels", ROOT_RELS],
    ["xl/workbook.xml", workbookXml(sheetName(title))],
    ["xl/_rels/workbook.xml.rels", WORKBOOK_RELS],
    ["xl/styles.xml", STYLES],
    ["xl/worksheets/sheet1.xml", sheetXml(header, rows)],
  ];
  const zip = new ZipFrames(at);
  const out: Uint8Array[] = [];
  for (const [name, text] of parts) {
    const data = enc.encode(text);
    out.push(zip.deflated(name, data, await deflateRaw(data)));
  }
  out.push(zip.end());
  const all = new Uint8Array(out.reduce((n, b) => n + b.length, 0));
  let p = 0;
  for (const b of out) {
    all.set(b, p);
    p += b.length;
  }
  return all;
}

/** A cell's words as the screen shows them, without its buttons and form controls. */
function cellText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const c of copy.querySelectorAll("button, input, select, textarea, [data-no-export]"))
    c.remove();
  return copy.textContent ?? "";
}

/** The header and rows of a rendered table, read from the page: what the reader sees is what
 *  the file holds, whatever the screen put in its cells. */
export function readTable(table: HTMLTableElement): { header: string[]; rows: SheetCell[][] } {
  const header = [...table.querySelectorAll("thead tr:first-child > *")].map((c) =>
    String(sheetValue(cellText(c))),
  );
  const rows = [...table.querySelectorAll("tbody > tr")].map((tr) =>
    [...tr.children].map((c) => sheetValue(cellText(c))),
  );
  return { header, rows };
}

/** Saves the table as `<name>.xlsx` through the browser's download. */
export async function downloadTable(table: HTMLTableElement, title: string, fileName: string) {
  const { header, rows } = readTable(table);
  const bytes = await xlsxBytes(title, header, rows);
  const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  saveFile(new Blob([bytes], { type }), `${fileName}.xlsx`);
}
