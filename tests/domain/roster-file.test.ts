// Roster import/export files: CSV and XLSX parsing to header-checked rows, and the escaped
// exports. XLSX inputs are built here byte by byte with fflate the way Excel lays them out, so
// the reader is tested against Excel's own cell encodings, not just our writer's.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  MAX_ROSTER_ROWS,
  ROSTER_COLUMNS,
  detectKind,
  escapeCell,
  parseRosterFile,
  toCsv,
  toXlsx,
  type ParseResult,
} from "../../worker/domain/roster-file";

const HEADER = ROSTER_COLUMNS.join(",");
/** The cells of a line that gives only "Nguyễn Văn An" and 1975. */
const AN_1975_ONLY = {
  ho_ten: "Nguyễn Văn An",
  nam_sinh: "1975",
  email: "",
  don_vi: "",
  chuc_vu: "",
  trang_thai: "",
  dien_quan_ly: "",
};
const enc = (s: string) => new TextEncoder().encode(s);
const csv = (s: string) => parseRosterFile("csv", enc(s));

function rows(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.rows;
}

function errors(result: ParseResult) {
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

const ROW_A = {
  ho_ten: "Nguyễn Văn An",
  nam_sinh: "1975",
  email: "an@example.vn",
  don_vi: "Chi bộ 1",
  chuc_vu: "Bí thư",
  trang_thai: "dang-sinh-hoat",
  dien_quan_ly: "co",
};
/** A row's cells in ROW_A's column order, and `more` after them. */
const cellsOf = (values: string[], more: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.keys(ROW_A).map((k, i) => [k, values[i]])),
  ...more,
});
const LINE_A = "Nguyễn Văn An,1975,an@example.vn,Chi bộ 1,Bí thư,dang-sinh-hoat,co";
const tooMany = (n: number) =>
  `Dòng có ${n} ô, nhiều hơn 7 cột của dòng tiêu đề (ô chứa dấu «,» phải đặt trong dấu ngoặc kép).`;

describe("detectKind", () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]);
  const text = enc("ho_ten,nam_sinh");
  it("goes by content type, and by the ZIP magic for octet-stream", () => {
    expect(detectKind("text/csv; charset=utf-8", text)).toBe("csv");
    expect(
      detectKind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip),
    ).toBe("xlsx");
    expect(detectKind("application/octet-stream", zip)).toBe("xlsx");
    expect(detectKind("application/octet-stream", text)).toBeNull();
    expect(detectKind("application/json", text)).toBeNull();
    expect(detectKind(undefined, text)).toBeNull();
  });
  it("takes a ZIP labelled as CSV for the XLSX it is, and refuses a legacy .xls", () => {
    expect(detectKind("text/csv", zip)).toBe("xlsx");
    expect(
      detectKind("application/vnd.ms-excel", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1])),
    ).toBeNull();
    expect(detectKind("application/vnd.ms-excel", text)).toBe("csv");
  });
});

describe("parseRosterFile: CSV", () => {
  it("reads a plain file with and without a BOM, the same way", async () => {
    const plain = `${HEADER}\n${LINE_A}\n`;
    const expected = [{ line: 2, cells: ROW_A }];
    expect(rows(await csv(plain))).toEqual(expected);
    expect(rows(await csv("\uFEFF" + plain))).toEqual(expected);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(plain)]);
    expect(rows(await parseRosterFile("csv", bom))).toEqual(expected);
  });

  it("detects ';' from the header and reads CRLF", async () => {
    const text = `${ROSTER_COLUMNS.join(";")}\r\n${LINE_A.replaceAll(",", ";")}\r\nTrần Thị Bình;1980;binh@example.vn;Chi bộ 2;;mien-sinh-hoat;\r\n`;
    expect(rows(await csv(text))).toEqual([
      { line: 2, cells: ROW_A },
      {
        line: 3,
        cells: {
          ho_ten: "Trần Thị Bình",
          nam_sinh: "1980",
          email: "binh@example.vn",
          don_vi: "Chi bộ 2",
          chuc_vu: "",
          trang_thai: "mien-sinh-hoat",
          dien_quan_ly: "",
        },
      },
    ]);
  });

  it("honours Excel's sep= line and still counts it as line 1", async () => {
    const text = `sep=;\r\n${ROSTER_COLUMNS.join(";")}\r\n${LINE_A.replaceAll(",", ";")}\r\n`;
    expect(rows(await csv(text))).toEqual([{ line: 3, cells: ROW_A }]);
  });

  it("keeps ',' as the separator when cells hold ';', and reads quoted commas", async () => {
    const text = `${HEADER}\n"Lê Văn C; bí danh Ba",1950,c@example.vn,Chi bộ 1,"Đảng viên, cựu chiến binh",tuoi-cao-benh,\n`;
    const [row] = rows(await csv(text));
    expect(row!.cells.ho_ten).toBe("Lê Văn C; bí danh Ba");
    expect(row!.cells.chuc_vu).toBe("Đảng viên, cựu chiến binh");
  });

  it("reads quoted separators, doubled quotes and newlines, and counts lines physically", async () => {
    const text = [
      HEADER,
      `"Phạm ""Tí"" Văn D",1960,d@example.vn,"Chi bộ 3, khu A",Bí thư,dang-sinh-hoat,co`,
      `"Hoàng Thị E`,
      `(tên cũ: Hoàng Thị Ê)",1970,e@example.vn,Chi bộ 1,"Phó bí thư`,
      ``,
      `kiêm tổ trưởng",dang-sinh-hoat,`,
      `Vũ Văn G,1985,g@example.vn,Chi bộ 2,,dang-sinh-hoat,`,
      `Đỗ Văn H,1990,h@example.vn,Chi bộ 2,,dang-sinh-hoat,co,thừa`,
    ].join("\n");
    const result = await csv(text);
    // The last record makes the file fail; its line is the physical line 8.
    expect(errors(result)).toEqual([{ line: 8, message: tooMany(8) }]);
    const ok = rows(await csv(text.split("\n").slice(0, 7).join("\r\n")));
    expect(ok.map((r) => r.line)).toEqual([2, 3, 7]);
    expect(ok[0]!.cells.ho_ten).toBe('Phạm "Tí" Văn D');
    expect(ok[0]!.cells.don_vi).toBe("Chi bộ 3, khu A");
    expect(ok[1]!.cells.ho_ten).toBe("Hoàng Thị E\n(tên cũ: Hoàng Thị Ê)");
    // CRLF inside quotes becomes a plain newline; the blank line inside stays part of the cell.
    expect(ok[1]!.cells.chuc_vu).toBe("Phó bí thư\n\nkiêm tổ trưởng");
    expect(ok[2]!.cells.ho_ten).toBe("Vũ Văn G");
  });

  it("skips blank lines and all-empty rows but keeps the line numbers of the rest", async () => {
    const text = `\n\n${HEADER}\n\n${LINE_A}\n   \n,,,,,,\n${LINE_A.replace("An", "Anh")}\n\n`;
    expect(rows(await csv(text)).map((r) => [r.line, r.cells.ho_ten])).toEqual([
      [5, "Nguyễn Văn An"],
      [8, "Nguyễn Văn Anh"],
    ]);
  });

  it("normalises NFD text to NFC and trims", async () => {
    const nfdName = "Nguyễn Thị Hồng".normalize("NFD");
    const nfdUnit = "Chi bộ Đông Hà".normalize("NFD");
    expect(nfdName).not.toBe("Nguyễn Thị Hồng");
    const [row] = rows(
      await csv(`${HEADER}\n  ${nfdName} ,1975,h@example.vn, ${nfdUnit},,dang-sinh-hoat,\n`),
    );
    expect(row!.cells.ho_ten).toBe("Nguyễn Thị Hồng");
    expect(row!.cells.ho_ten!.normalize("NFC")).toBe(row!.cells.ho_ten);
    expect(row!.cells.ho_ten!.length).toBe(15);
    expect(row!.cells.don_vi).toBe("Chi bộ Đông Hà");
  });

  it("matches header names case-insensitively after trimming, but only the contract's names", async () => {
    const header = " HO_TEN ,Nam_Sinh,EMAIL,don_vi,chuc_vu,trang_thai,dien_quan_ly,So_Dien_Thoai";
    const [row] = rows(await csv(`${header}\n${LINE_A},0912 345 678\n`));
    expect(row!.cells).toEqual({ ...ROW_A, so_dien_thoai: "0912 345 678" });
    expect("ngay_trang_thai" in row!.cells).toBe(false);

    const vietnamese = `Họ tên,${ROSTER_COLUMNS.slice(1).join(",")}\n${LINE_A}\n`;
    expect(errors(await csv(vietnamese))).toEqual([
      { line: 1, message: "Thiếu cột bắt buộc: «ho_ten»." },
      {
        line: 1,
        message:
          "Cột không hợp lệ: «Họ tên». Chỉ dùng các cột «ho_ten», «nam_sinh», «email», «don_vi», «chuc_vu», «trang_thai», «dien_quan_ly» và (không bắt buộc) «so_dien_thoai», «dang_cong_khai», «ngay_trang_thai».",
      },
    ]);
  });

  it("names missing and unknown columns at line 1", async () => {
    const text =
      "ho_ten,email,don_vi,trang_thai,ghi_chu,emial\nA,a@x.vn,Chi bộ 1,dang-sinh-hoat,,\n";
    const errs = errors(await csv(text));
    expect(errs).toHaveLength(2);
    expect(errs[0]).toEqual({
      line: 1,
      message: "Thiếu cột bắt buộc: «nam_sinh», «chuc_vu», «dien_quan_ly».",
    });
    expect(errs[1]!.line).toBe(1);
    expect(errs[1]!.message.startsWith("Cột không hợp lệ: «ghi_chu», «emial».")).toBe(true);
  });

  it("reports the header's line when blank lines come first, and repeated columns", async () => {
    expect(errors(await csv(`\n\n${HEADER},email\n${LINE_A},\n`))).toEqual([
      { line: 3, message: "Cột bị lặp lại: «email»." },
    ]);
  });

  it("reports every row with more cells than the header, on its own line, even if the extra is empty", async () => {
    // An unquoted comma in a name shifts the row right; the last, empty, cell falls off the end.
    const text = `${HEADER}\n${LINE_A}\nNguyễn Văn B, con,1975,b@example.vn,Chi bộ 1,,dang-sinh-hoat,\n${LINE_A},,\n${LINE_A},x\n`;
    expect(errors(await csv(text))).toEqual([
      { line: 3, message: tooMany(8) },
      { line: 4, message: tooMany(9) },
      { line: 5, message: tooMany(8) },
    ]);
    const semi = `${ROSTER_COLUMNS.join(";")}\n${LINE_A.replaceAll(",", ";")};\n`;
    expect(errors(await csv(semi))).toEqual([
      {
        line: 2,
        message:
          "Dòng có 8 ô, nhiều hơn 7 cột của dòng tiêu đề (ô chứa dấu «;» phải đặt trong dấu ngoặc kép).",
      },
    ]);
  });

  it("flags data under a header cell left empty", async () => {
    const text = `ho_ten,,${ROSTER_COLUMNS.slice(1).join(",")}\nA,,1975,,,,,\nB,?,1975,,,,,\n`;
    expect(errors(await csv(text))).toEqual([
      { line: 3, message: "Ô thứ 2 có dữ liệu nhưng cột này không có tiêu đề." },
    ]);
  });

  it("treats missing trailing cells as empty", async () => {
    const [row] = rows(await csv(`${HEADER}\nNguyễn Văn An,1975\n`));
    expect(row!.cells).toEqual(AN_1975_ONLY);
  });

  it("reports an unclosed quote at the line where its record starts", async () => {
    const text = `${HEADER}\n${LINE_A}\n"Nguyễn Văn B,1975,b@example.vn,Chi bộ 1,,dang-sinh-hoat,\n${LINE_A}\n`;
    expect(errors(await csv(text))).toEqual([
      { line: 3, message: "Dấu ngoặc kép mở ở dòng 3 không được đóng." },
    ]);
  });

  it("reports text after a closing quote", async () => {
    const text = `${HEADER}\n"Nguyễn" Văn B,1975,b@example.vn,Chi bộ 1,,dang-sinh-hoat,\n`;
    expect(errors(await csv(text))).toEqual([
      {
        line: 2,
        message:
          'Có ký tự ngay sau dấu ngoặc kép đóng ở dòng 2; trong ô, dấu ngoặc kép phải viết đôi ("").',
      },
    ]);
  });

  it("rejects a file that is not UTF-8 with one error at the first bad line", async () => {
    // "Nguyễn" in Windows-1258 is not valid UTF-8.
    const latin = new Uint8Array([
      ...enc(`${HEADER}\n${LINE_A}\nNguy`),
      0xd2,
      0x6e,
      ...enc(",1975,,,,,\n"),
    ]);
    const errs = errors(await parseRosterFile("csv", latin));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.line).toBe(3);
    expect(errs[0]!.message.startsWith("Tệp không phải UTF-8")).toBe(true);
  });

  it("refuses NUL and other control characters in a cell, naming the row and the column", async () => {
    const file = `${HEADER}\n${LINE_A}\nTrần\u0000 Bình,1980,,,,,\n${LINE_A.replace("Bí thư", "Bí\u0007thư")}\n`;
    expect(errors(await csv(file))).toEqual([
      { line: 3, message: expect.stringContaining("«ho_ten» có ký tự điều khiển") },
      { line: 4, message: expect.stringContaining("«chuc_vu» có ký tự điều khiển") },
    ]);
    // Tabs and line breaks inside a quoted cell are text, not control characters.
    expect(rows(await csv(`${HEADER}\n"Nguyễn\tVăn An",1975,,,"Bí\nthư",,\n`))).toHaveLength(1);
  });

  it("rejects an empty file", async () => {
    expect(errors(await csv("\uFEFF\r\n \r\n"))).toEqual([
      { line: 1, message: "Tệp trống: không có dòng tiêu đề." },
    ]);
    expect(rows(await csv(`${HEADER}\r\n`))).toEqual([]);
  });

  it("accepts 20,000 data rows and flags 20,001 as too large", async () => {
    const body = Array.from(
      { length: MAX_ROSTER_ROWS },
      (_, i) => `Người ${i},1975,p${i}@example.vn,Chi bộ 1,,dang-sinh-hoat,`,
    );
    const full = rows(await csv(`${HEADER}\n\n${body.join("\n")}\n`));
    expect(full).toHaveLength(20_000);
    expect(full.at(-1)!.line).toBe(20_002);
    expect(full.at(-1)!.cells.email).toBe("p19999@example.vn");

    const over = await csv(
      `${HEADER}\n${body.join("\n")}\nMột người nữa,1975,x@example.vn,Chi bộ 1,,dang-sinh-hoat,\n`,
    );
    expect(over).toEqual({
      ok: false,
      tooLarge: true,
      errors: [
        { line: 20_002, message: "Tệp có hơn 20.000 dòng dữ liệu; hãy chia thành nhiều tệp." },
      ],
    });
  });
});

// ---------------------------------------------------------------------------------------------

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** An XLSX laid out as Excel saves it: shared strings, styles with date formats, rels. */
function excelFile(sheetRows: string, sharedStrings: string[]): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels":
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${XML}<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
      // The roster is the first sheet even though its part is sheet2.xml.
      `<sheets><sheet name="Đảng viên" sheetId="2" r:id="rId2"/><sheet name="Ghi chú" sheetId="1" r:id="rId1"/></sheets>` +
      `<calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/styles.xml":
      `${XML}<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      // 0: General, 1: built-in date format 14, 2: custom dd/mm/yyyy, 3: "0.00".
      `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
      `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
      `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
      `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/sharedStrings.xml":
      `${XML}<sst ${MAIN} count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
      sharedStrings
        .map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`))
        .join("") +
      `</sst>`,
    "xl/worksheets/sheet1.xml": `${XML}<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
    "xl/worksheets/sheet2.xml":
      `${XML}<worksheet ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<dimension ref="A1:H5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><sheetData>${sheetRows}</sheetData>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("parseRosterFile: XLSX as Excel writes it", () => {
  const strings = [
    ...ROSTER_COLUMNS,
    "ngay_trang_thai",
    "Nguyễn Văn An", // 8
    "Chi bộ 1", // 9
    "dang-sinh-hoat", // 10
    // 11: rich text with runs, in NFD, with spaces Excel preserves
    `<r><t xml:space="preserve"> ${"Trần".normalize("NFD")} </t></r><r><rPr><b/></rPr><t>${"Thị Bình".normalize("NFD")}</t></r>`,
    "Bí thư", // 12
  ];
  const ss = (i: number) => i;
  const header = [...ROSTER_COLUMNS, "ngay_trang_thai"]
    .map((_, k) => `<c r="${"ABCDEFGH"[k]}1" t="s"><v>${ss(k)}</v></c>`)
    .join("");
  const sheetRows =
    `<row r="1" spans="1:8">${header}</row>` +
    `<row r="2" spans="1:8"><c r="A2" t="s"><v>8</v></c><c r="B2"><v>1975</v></c>` +
    `<c r="C2" t="inlineStr"><is><t>an@example.vn</t></is></c><c r="D2" t="s"><v>9</v></c>` +
    `<c r="E2" t="s"><v>12</v></c><c r="F2" t="s"><v>10</v></c><c r="G2" t="b"><v>1</v></c>` +
    `<c r="H2" s="1"><v>45292</v></c></row>` +
    // Row 3 is empty and absent; row 4 carries Excel's other spellings.
    `<row r="4" spans="1:8"><c r="A4" t="s"><v>11</v></c><c r="B4" s="3"><v>1975.0</v></c>` +
    `<c r="C4" t="str"><f>LOWER("BINH@EXAMPLE.VN")</f><v>binh@example.vn</v></c><c r="D4"><v>7</v></c>` +
    `<c r="E4" s="0"/><c r="F4" t="s"><v>10</v></c><c r="G4" t="b"><v>0</v></c>` +
    `<c r="H4" s="2"><v>45658.75</v></c></row>` +
    `<row r="5"><c r="A5" s="0"/></row>`;

  it("reads shared strings, numbers, inline strings, booleans and dates", async () => {
    const bytes = excelFile(sheetRows, strings);
    expect(detectKind("application/octet-stream", bytes)).toBe("xlsx");
    expect(rows(await parseRosterFile("xlsx", bytes))).toEqual([
      { line: 2, cells: { ...ROW_A, ngay_trang_thai: "2024-01-01" } },
      {
        line: 4,
        cells: cellsOf(
          ["Trần Thị Bình", "1975", "binh@example.vn", "7", "", "dang-sinh-hoat", ""],
          { ngay_trang_thai: "2025-01-01" },
        ),
      },
    ]);
  });

  it("takes the first non-empty row as the header and checks it", async () => {
    const header3 = header.replace(/1"/g, '3"');
    const late = excelFile(
      `<row r="1"/><row r="2"><c r="A2" s="0"/></row><row r="3">${header3}</row>` +
        `<row r="4"><c r="A4" t="s"><v>8</v></c><c r="B4"><v>1975</v></c></row>`,
      strings,
    );
    expect(rows(await parseRosterFile("xlsx", late))).toEqual([
      {
        line: 4,
        cells: { ...AN_1975_ONLY, ngay_trang_thai: "" },
      },
    ]);

    const badHeader = excelFile(sheetRows.replace('<c r="B1" t="s"><v>1</v></c>', ""), strings);
    expect(errors(await parseRosterFile("xlsx", badHeader))).toEqual([
      { line: 1, message: "Thiếu cột bắt buộc: «nam_sinh»." },
    ]);
  });

  it("flags a value in a column that has no header", async () => {
    const bytes = excelFile(
      sheetRows.replace('</row><row r="4"', '<c r="J2"><v>1</v></c></row><row r="4"'),
      strings,
    );
    expect(errors(await parseRosterFile("xlsx", bytes))).toEqual([
      { line: 2, message: "Ô thứ 10 có dữ liệu nhưng cột này không có tiêu đề." },
    ]);
  });

  it("gives one Vietnamese error for a corrupt file", async () => {
    let seed = 7;
    const noise = Array.from(
      { length: 2048 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...noise]);
    const expected = {
      ok: false,
      errors: [
        {
          line: 1,
          message:
            "Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx. Hãy mở bằng Excel và lưu lại dạng .xlsx.",
        },
      ],
    };
    expect(await parseRosterFile("xlsx", corrupt)).toEqual(expected);
    // A valid ZIP that is not a workbook.
    expect(await parseRosterFile("xlsx", zipSync({ "a.xml": strToU8("<a/>") }))).toEqual(expected);
    // A truncated real file.
    expect(await parseRosterFile("xlsx", excelFile(sheetRows, strings).slice(0, 600))).toEqual(
      expected,
    );
  });

  it("names the legacy .xls format", async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(errors(await parseRosterFile("xlsx", xls))).toEqual([
      {
        line: 1,
        message:
          "Không đọc được tệp Excel: định dạng .xls cũ không được hỗ trợ, hãy lưu lại dạng .xlsx.",
      },
    ]);
  });
});

describe("toXlsx → parseRosterFile", () => {
  it("round-trips text, numbers, empties and escaped formulas", async () => {
    const bytes = await toXlsx(
      [...ROSTER_COLUMNS],
      [
        [
          "Nguyễn Văn An",
          1975,
          "an@example.vn",
          "Chi bộ 1 & 2 <Đông>",
          "Bí thư",
          "dang-sinh-hoat",
          "co",
        ],
        ['=HYPERLINK("http://x")', null, "", 'Chi bộ "Tây"', "-", "dang-sinh-hoat", null],
      ],
      "Đảng viên: tháng 1/2025 [bản chính]",
    );
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    // A formula and a leading "-" come back quoted, so no spreadsheet runs them; null is "".
    const escaped = [
      '\'=HYPERLINK("http://x")',
      "",
      "",
      'Chi bộ "Tây"',
      "'-",
      "dang-sinh-hoat",
      "",
    ];
    expect(rows(await parseRosterFile("xlsx", bytes))).toEqual([
      { line: 2, cells: { ...ROW_A, don_vi: "Chi bộ 1 & 2 <Đông>" } },
      { line: 3, cells: cellsOf(escaped) },
    ]);
  });

  it("keeps text that looks like Excel escapes, emoji and line breaks; drops what XML cannot hold", async () => {
    const bytes = await toXlsx(
      [...ROSTER_COLUMNS],
      [["Tổ _x0041_ 😀", 1, "a\u0001b", "Dòng 1\r\nDòng 2", "\uD800z", "", ""]],
      "S",
    );
    expect(rows(await parseRosterFile("xlsx", bytes))[0]!.cells).toEqual({
      ho_ten: "Tổ _x0041_ 😀",
      nam_sinh: "1",
      email: "ab",
      don_vi: "Dòng 1\nDòng 2",
      chuc_vu: "\uFFFDz",
      trang_thai: "",
      dien_quan_ly: "",
    });
  });

  it("stores numbers as numeric cells, text as inline strings and the header bold", async () => {
    const { unzipSync, strFromU8 } = await import("fflate");
    const files = unzipSync(await toXlsx(["ho_ten", "nam_sinh"], [["+84 912", 1975]], "DS"));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain('<c r="B2"><v>1975</v></c>');
    expect(sheet).toContain(
      `<c r="A2" t="inlineStr"><is><t xml:space="preserve">'+84 912</t></is></c>`,
    );
    expect(sheet).toContain(`<c r="A1" s="1" t="inlineStr">`);
    expect(strFromU8(files["xl/styles.xml"]!)).toContain("<font><b/>");
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain(
      '<sheet name="DS" sheetId="1" r:id="rId1"/>',
    );
  });

  it("writes and reads back 20,000 rows, and refuses 20,001", async () => {
    const data = Array.from({ length: MAX_ROSTER_ROWS }, (_, i) => [
      `Đảng viên số ${i}`,
      1950 + (i % 50),
      `dv${i}@example.vn`,
      "Chi bộ 1",
      null,
      "dang-sinh-hoat",
      i % 2 ? "co" : null,
    ]);
    const full = rows(await parseRosterFile("xlsx", await toXlsx([...ROSTER_COLUMNS], data, "DS")));
    expect(full).toHaveLength(20_000);
    expect(full[19_999]).toEqual({
      line: 20_001,
      cells: {
        ho_ten: "Đảng viên số 19999",
        nam_sinh: "1999",
        email: "dv19999@example.vn",
        don_vi: "Chi bộ 1",
        chuc_vu: "",
        trang_thai: "dang-sinh-hoat",
        dien_quan_ly: "co",
      },
    });
    data.push(["Thêm", 1975, "them@example.vn", "Chi bộ 1", null, "dang-sinh-hoat", null]);
    const over = await parseRosterFile("xlsx", await toXlsx([...ROSTER_COLUMNS], data, "DS"));
    expect(over).toMatchObject({ ok: false, tooLarge: true, errors: [{ line: 20_002 }] });
  });
});

describe("escapeCell", () => {
  it("prefixes formula starters with a quote and leaves other text alone", () => {
    expect(escapeCell("=1+1")).toBe("'=1+1");
    expect(escapeCell("+84912345678")).toBe("'+84912345678");
    expect(escapeCell("-5")).toBe("'-5");
    expect(escapeCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(escapeCell("\t=1")).toBe("'\t=1");
    expect(escapeCell("\r=1")).toBe("'\r=1");
    expect(escapeCell("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(escapeCell("a=1")).toBe("a=1");
    expect(escapeCell("")).toBe("");
  });
});

describe("toCsv", () => {
  it("writes a BOM, CRLF, quotes where needed and escapes formula-like cells", () => {
    const out = toCsv(
      ["ho_ten", "nam_sinh", "don_vi"],
      [
        ["=cmd|' /C calc'!A0", 1975, "Chi bộ 1, khu A"],
        ['Phạm "Tí"', -5, "Chi bộ; 2"],
        ["Dòng\nhai", null, " cách "],
      ],
    );
    expect(out).toBe(
      "\uFEFFho_ten,nam_sinh,don_vi\r\n" +
        "'=cmd|' /C calc'!A0,1975,\"Chi bộ 1, khu A\"\r\n" +
        '"Phạm ""Tí""",-5,"Chi bộ; 2"\r\n' +
        '"Dòng\nhai",," cách "\r\n',
    );
  });

  it("re-parses an export to the escaped text", async () => {
    const out = toCsv(
      [...ROSTER_COLUMNS],
      [["=1+1", 1975, "@x.vn", "Chi bộ 1, khu A", "+Bí thư", "dang-sinh-hoat", "co"]],
    );
    expect(rows(await csv(out))).toEqual([
      {
        line: 2,
        cells: {
          ho_ten: "'=1+1",
          nam_sinh: "1975",
          email: "'@x.vn",
          don_vi: "Chi bộ 1, khu A",
          chuc_vu: "'+Bí thư",
          trang_thai: "dang-sinh-hoat",
          dien_quan_ly: "co",
        },
      },
    ]);
  });
});
