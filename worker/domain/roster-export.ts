// Roster exports: CSV and XLSX with formula-injection escaping. XLSX is written here, with
// fflate's synchronous zip (see roster-file.ts for why: workerd has no Web Worker).
import { strToU8, zipSync } from "fflate";

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

// The control characters in these patterns are the point: XML 1.0 cannot carry them.
/* eslint-disable no-control-regex */
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
/* eslint-enable no-control-regex */

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
const SPREADSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";
/** The type of each part that is not a relationships file, in the order they are declared. */
const PART_TYPES = {
  "xl/workbook.xml": "sheet.main",
  "xl/worksheets/sheet1.xml": "worksheet",
  "xl/styles.xml": "styles",
};
const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  Object.entries(PART_TYPES)
    .map(
      ([part, type]) =>
        `<Override PartName="/${part}" ContentType="${SPREADSHEET_TYPE}.${type}+xml"/>`,
    )
    .join("") +
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
