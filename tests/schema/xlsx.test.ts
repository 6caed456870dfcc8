// The browser's Excel export (client/lib/xlsx.ts) over the shared zip framing
// (schema/files/zip.ts): the file unzips with the server's archive reader (which checks every
// CRC and size) and with node's zlib, and its sheet holds the header in bold, the rows, whole
// numbers as numbers, codes with leading zeros and dates as text, Vietnamese text in NFC.
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { columnName, sheetName, sheetValue, xlsxBytes } from "../../client/lib/xlsx";
import { readZip } from "../../worker/data/archive/zip";

async function unzip(bytes: Uint8Array<ArrayBuffer>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const stream = new Blob([bytes]).stream() as ReadableStream<Uint8Array>;
  for await (const e of readZip(stream)) out.set(e.name, new TextDecoder().decode(e.data));
  return out;
}

describe("xlsx export", () => {
  it("writes a workbook whose sheet has the header and the rows", async () => {
    const name = "Nguyễn Văn Ấn".normalize("NFD");
    const bytes = await xlsxBytes(
      "Tiến độ: chi bộ [1]",
      ["Đơn vị", "Phải nộp", "Hạn"],
      [
        [sheetValue(`  ${name} `), sheetValue("12"), sheetValue("05/04/2026")],
        [sheetValue("A & <B>"), sheetValue("0912345678"), sheetValue("")],
      ],
      new Date("2026-04-05T03:00:00Z"),
    );
    const parts = await unzip(bytes);
    expect([...parts.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain(
      '<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Đơn vị</t></is></c>',
    );
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">' +
        "Nguyễn Văn Ấn".normalize("NFC") +
        '</t></is></c><c r="B2"><v>12</v></c><c r="C2" t="inlineStr"><is><t xml:space="preserve">05/04/2026</t></is></c></row>',
    );
    // A phone number keeps its leading zero: text, not a number.
    expect(sheet).toContain(
      '<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">A &amp; &lt;B&gt;</t></is></c><c r="B3" t="inlineStr"><is><t xml:space="preserve">0912345678</t></is></c></row>',
    );
    expect(parts.get("xl/workbook.xml")).toContain('<sheet name="Tiến độ  chi bộ  1" ');
    expect(parts.get("xl/styles.xml")).toContain("<font><b/>");
    expect(parts.get("[Content_Types].xml")).toContain('PartName="/xl/worksheets/sheet1.xml"');
  });

  it("is a plain zip that node's zlib reads too", async () => {
    const bytes = await xlsxBytes("Bảng", ["Số"], [[1], [2]]);
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    expect(v.getUint32(0, true)).toBe(0x04034b50);
    const method = v.getUint16(8, true);
    const csize = v.getUint32(18, true);
    const nameLen = v.getUint16(26, true);
    expect(method).toBe(8);
    const first = inflateRawSync(bytes.subarray(30 + nameLen, 30 + nameLen + csize));
    expect(first.toString("utf8")).toContain("<Types ");
    // The end record counts the six parts.
    const end = new DataView(bytes.buffer, bytes.byteOffset + bytes.length - 22);
    expect(end.getUint32(0, true)).toBe(0x06054b50);
    expect(end.getUint16(10, true)).toBe(6);
  });

  it("names columns and sheets as Excel wants", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName(" / ")).toBe("Bảng");
    expect(sheetValue("-3")).toBe(-3);
    expect(sheetValue("007")).toBe("007");
    expect(sheetValue("1.234")).toBe("1.234");
  });
});
