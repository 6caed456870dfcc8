// Roster import through the real app: the whole file or nothing. Every refusal below is
// checked against a snapshot of the members, their status history and the audit log.
import { afterEach, describe, expect, it } from "vitest";
import { toXlsx } from "../../worker/domain/roster-file";
import { login, makeAppWithDemo, openTenantBySlug, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

const HEADER = "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly";
const KDC2 = "Chi bộ Khu dân cư số 2";

async function setup() {
  t = await makeAppWithDemo();
  const { token } = await login(t, "demo", "admin@demo.vn");
  const { client } = await openTenantBySlug(t, "demo");
  const snapshot = async () => {
    const q = async (sql: string) => JSON.stringify((await client.execute(sql)).rows);
    return {
      members: await q("SELECT * FROM members ORDER BY id"),
      history: await q("SELECT * FROM member_status_history ORDER BY id"),
      audit: await q("SELECT count(*) AS n FROM audit_log"),
    };
  };
  const upload = async (body: string | Uint8Array, contentType = "text/csv", query = "") => {
    const res = await t.app.request(`http://localhost/api/t/demo/members/import${query}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": contentType },
      body: body as BodyInit,
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        created: number;
        updated: number;
        unchanged: number;
        errors: { line: number; message: string }[];
        unmappedPositions: { line: number; position: string }[];
        error?: { code: string; message: string };
      },
    };
  };
  const names = async (unitName: string) => {
    const rows = (
      await client.execute({
        sql: "SELECT m.full_name FROM members m JOIN units u ON u.id = m.unit_id WHERE u.name = ? ORDER BY m.full_name",
        args: [unitName],
      })
    ).rows;
    return rows.map((r) => String(r.full_name));
  };
  return { token, upload, snapshot, names, client };
}

const good = [
  HEADER,
  `Trần Văn An,1980,an.tran@example.vn,${KDC2},Tổ trưởng,dang-sinh-hoat,`,
  `Nguyễn Thị Bích,1992,,${KDC2},,dang-sinh-hoat,co`,
  `Lê Quang Cường,1940,,${KDC2},,tuoi-cao-benh,`,
].join("\n");

/** An import's answer when no line failed, in the order the page prints it. */
const summary = (
  created: number,
  updated: number,
  unchanged: number,
  unmappedPositions: { line: number; position: string }[] = [],
) => ({ created, updated, unchanged, errors: [], unmappedPositions });

describe("members import", () => {
  it("imports a file, and importing it again changes nothing", async () => {
    const { upload, names, snapshot } = await setup();
    const first = await upload(good);
    expect(first).toEqual({
      status: 200,
      body: {
        created: 3,
        updated: 0,
        unchanged: 0,
        errors: [],
        // Not a post the directives route on: reported, imported with its text.
        unmappedPositions: [{ line: 2, position: "Tổ trưởng" }],
      },
    });
    expect(await names(KDC2)).toEqual(
      [
        "Bùi Thị Hạnh",
        "Đặng Minh Khoa",
        "Lê Quang Cường",
        "Ngô Văn Tú",
        "Nguyễn Thị Bích",
        "Trần Văn An",
      ].sort(),
    );
    const before = await snapshot();
    const again = await upload(good);
    expect(again.body).toEqual(summary(0, 0, 3, [{ line: 2, position: "Tổ trưởng" }]));
    expect(await snapshot()).toEqual(before);
  });

  it("updates by e-mail, or by name + birth year + unit without e-mail", async () => {
    const { upload, client } = await setup();
    await upload(good);
    const changed = [
      HEADER,
      `Trần Văn An,1980,an.tran@example.vn,${KDC2},Bí thư chi đoàn,dang-sinh-hoat,`,
      `Nguyễn Thị Bích,1992,,${KDC2},Tổ phó,dang-sinh-hoat,co`,
      `Lê Quang Cường,1940,,${KDC2},,tuoi-cao-benh,`,
      `Phạm Mới,1999,,${KDC2},,dang-sinh-hoat,`,
    ].join("\r\n");
    const res = await upload(changed);
    expect(res.body).toEqual(
      summary(1, 2, 1, [
        { line: 2, position: "Bí thư chi đoàn" },
        { line: 3, position: "Tổ phó" },
      ]),
    );
    const rows = (
      await client.execute(
        "SELECT full_name, position, version FROM members WHERE full_name IN ('Trần Văn An','Nguyễn Thị Bích') ORDER BY full_name",
      )
    ).rows;
    expect(rows.map((r) => [r.full_name, r.position, r.version])).toEqual([
      ["Nguyễn Thị Bích", "Tổ phó", 2],
      ["Trần Văn An", "Bí thư chi đoàn", 2],
    ]);
  });

  it("reads BOM, semicolons, quoted fields and decomposed (NFD) Vietnamese", async () => {
    const { upload, names } = await setup();
    const csv =
      "\uFEFF" +
      [
        HEADER.replaceAll(",", ";"),
        `"Đỗ; Văn Dũng";1985;;${KDC2};"Tổ trưởng ""khu A""";dang-sinh-hoat;`,
        `${"Hoàng Thị Én".normalize("NFD")};1990;;${KDC2.normalize("NFD")};;mien-sinh-hoat;`,
      ].join("\n");
    const res = await upload(csv);
    expect(res.body).toEqual(summary(2, 0, 0, [{ line: 2, position: 'Tổ trưởng "khu A"' }]));
    const list = await names(KDC2);
    expect(list).toContain("Đỗ; Văn Dũng");
    expect(list).toContain("Hoàng Thị Én".normalize("NFC"));
  });

  it("imports an XLSX file with numbers as numbers", async () => {
    const { upload, names } = await setup();
    const bytes = await toXlsx(
      HEADER.split(","),
      [["Vũ Thị Giang", 1987, null, KDC2, null, "dang-sinh-hoat", null]],
      "DS",
    );
    const res = await upload(
      bytes,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.body).toEqual(summary(1, 0, 0));
    expect(await names(KDC2)).toContain("Vũ Thị Giang");
  });

  it("reports a dry run without writing", async () => {
    const { upload, snapshot } = await setup();
    const before = await snapshot();
    expect((await upload(good, "text/csv", "?dryRun=1")).body).toEqual(
      summary(3, 0, 0, [{ line: 2, position: "Tổ trưởng" }]),
    );
    expect(await snapshot()).toEqual(before);
  });

  const bad: [string, string, { line: number; message: RegExp }[]][] = [
    [
      "an unknown unit",
      [
        HEADER,
        `Trần Văn An,1980,,${KDC2},,dang-sinh-hoat,`,
        "Ai Đó,1980,,Chi bộ Không Có,,dang-sinh-hoat,",
      ].join("\n"),
      [{ line: 3, message: /Không tìm thấy đơn vị «Chi bộ Không Có»/ }],
    ],
    [
      "a bad status",
      [HEADER, `Trần Văn An,1980,,${KDC2},,nghi-huu,`].join("\n"),
      [{ line: 2, message: /Trạng thái «nghi-huu» không hợp lệ/ }],
    ],
    [
      "a bad birth year and e-mail",
      [HEADER, `Trần Văn An,19x0,khong-phai-email,${KDC2},,dang-sinh-hoat,`].join("\n"),
      [
        {
          line: 2,
          message: /Năm sinh «19x0» không hợp lệ\. Thư điện tử «khong-phai-email» không hợp lệ/,
        },
      ],
    ],
    [
      "a duplicate e-mail",
      [HEADER, `A Một,1980,x@y.vn,${KDC2},,,`, `B Hai,1981,x@y.vn,${KDC2},,,`].join("\n"),
      [{ line: 3, message: /trùng với dòng 2/ }],
    ],
    [
      "a bad standing-committee flag",
      [HEADER, `A Một,1980,,${KDC2},,,có lẽ`].join("\n"),
      [{ line: 2, message: /Diện quản lý/ }],
    ],
    [
      "a missing column",
      ["ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai", `A Một,1980,,${KDC2},,`].join("\n"),
      [{ line: 1, message: /dien_quan_ly/ }],
    ],
    [
      "one bad row among many good",
      [
        HEADER,
        ...Array.from({ length: 100 }, (_, i) => `Người Thứ ${i},1980,,${KDC2},,,`),
        `Người Lỗi,1980,,${KDC2},,sai,`,
      ].join("\n"),
      [{ line: 102, message: /Trạng thái/ }],
    ],
  ];
  for (const [name, csv, errors] of bad) {
    it(`imports nothing from a file with ${name}`, async () => {
      const { upload, snapshot } = await setup();
      const before = await snapshot();
      const res = await upload(csv);
      expect(res.status).toBe(200);
      expect(res.body.created).toBe(0);
      expect(res.body.errors.length).toBe(errors.length);
      errors.forEach((e, i) => {
        expect(res.body.errors[i]!.line).toBe(e.line);
        expect(res.body.errors[i]!.message).toMatch(e.message);
      });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses invalid UTF-8, a wrong content type and too many rows, changing nothing", async () => {
    const { upload, snapshot } = await setup();
    const before = await snapshot();
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\nTr`),
      0xe0,
      0x6e,
      ...new TextEncoder().encode(`,1980,,${KDC2},,,\n`),
    ]);
    const notUtf8 = await upload(latin1);
    expect(notUtf8.body.errors).toHaveLength(1);
    expect(notUtf8.body.errors[0]!.message).toMatch(/UTF-8/);
    const json = await upload(JSON.stringify({ a: 1 }), "application/json");
    expect(json.status).toBe(415);
    const huge = [
      HEADER,
      ...Array.from({ length: 20_001 }, (_, i) => `Người ${i},1980,,${KDC2},,,`),
    ].join("\n");
    const tooMany = await upload(huge);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error!.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  it("escapes formula-like cells in the CSV export", async () => {
    const { upload, token } = await setup();
    await upload([HEADER, `"=HYPERLINK(""http://x"")",1980,,${KDC2},+84 chức vụ,,`].join("\n"));
    const res = await t.request("GET", "/api/t/demo/members/export?format=csv", { token });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'+84 chức vụ");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("keeps a position code picked by hand when the same file is imported again", async () => {
    const { upload, token, client } = await setup();
    const file = [
      HEADER,
      `Trần Văn An,1980,an.tran@example.vn,${KDC2},Chủ tịch UBND P. Phố Huế,dang-sinh-hoat,dang uy`,
      `Nguyễn Thị Bích,1992,,${KDC2},CT Hội ND quận,dang-sinh-hoat,co`,
    ].join("\n");
    expect((await upload(file)).body.unmappedPositions).toEqual([
      { line: 3, position: "CT Hội ND quận" },
    ]);
    const stored = async () =>
      (
        await client.execute(
          "SELECT full_name, position, position_code, management_category, managed_by_standing_committee AS btv, version FROM members WHERE full_name IN ('Trần Văn An','Nguyễn Thị Bích') ORDER BY full_name",
        )
      ).rows.map((r) => Object.values(r));
    expect(await stored()).toEqual([
      ["Nguyễn Thị Bích", "CT Hội ND quận", null, "dien-btv-cap-huyen", 1, 1],
      [
        "Trần Văn An",
        "Chủ tịch UBND P. Phố Huế",
        "chu-tich-ubnd-cap-xa",
        "dien-dang-uy-cap-xa",
        0,
        1,
      ],
    ]);
    // The office picks the code the list could not read; the same file then changes nothing
    // and no longer reports the line.
    const bich = (
      await client.execute("SELECT id FROM members WHERE full_name = 'Nguyễn Thị Bích'")
    ).rows[0]!.id;
    const patch = await t.request("PATCH", `/api/t/demo/members/${String(bich)}`, {
      token,
      body: { positionCode: "chu-tich-hoi-nong-dan-cap-huyen", version: 1 },
    });
    expect(patch.status).toBe(200);
    expect((await upload(file)).body).toEqual(summary(0, 0, 2));
    expect((await stored())[0]!.slice(2, 3)).toEqual(["chu-tich-hoi-nong-dan-cap-huyen"]);
    // A form re-sending the same text keeps the code; a new text is mapped again.
    await t.request("PATCH", `/api/t/demo/members/${String(bich)}`, {
      token,
      body: { position: "CT Hội ND quận", version: 2 },
    });
    expect((await stored())[0]!.slice(2, 3)).toEqual(["chu-tich-hoi-nong-dan-cap-huyen"]);
    await t.request("PATCH", `/api/t/demo/members/${String(bich)}`, {
      token,
      body: { position: "Phó Chủ tịch UBND phường Phố Huế", version: 3 },
    });
    expect((await stored())[0]!.slice(1, 3)).toEqual(["Phó Chủ tịch UBND phường Phố Huế", null]);
  });
});
