// Browser test of an admin's first hour on a 390 px phone: import a roster file (dry run,
// then for real), find the new members in the unit tree and the unit's roster, search
// without diacritics; and a file with one bad line shows that line and imports nothing.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ. Needs `npm run build` first (`npm test` does it).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const WIDTH = 390;

const ADMIN = { email: "admin@demo.vn", password: "demo12345" };
const UNIT = "Chi bộ Khu dân cư số 2";
/** The demo seeds three members in UNIT (worker/demo.ts). */
const SEEDED = ["Ngô Văn Tú", "Bùi Thị Hạnh", "Đặng Minh Khoa"];
const NEW = [
  { name: "Trần Thị Thanh Hương", year: 1984, position: "Phó Bí thư chi bộ" },
  { name: "Phạm Đức Thắng", year: 1979, position: "" },
  { name: "Võ Thị Ngọc Ánh", year: 1995, position: "" },
];
const HEADER = "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly";

let fileDir = "";

/** The names in the roster table's first column, as shown. */
async function rosterNames(page: Page): Promise<string[]> {
  const cells = page.locator("table tbody th a");
  return (await cells.allInnerTexts()).map((s) => s.trim());
}

function csv(rows: string[]): string {
  return [HEADER, ...rows].join("\r\n") + "\r\n";
}

/** Opens the unit tree from the nav and the roster of UNIT from the tree. */
async function openRoster(page: Page): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Các mục chính" });
  await nav.getByRole("link", { name: "Đơn vị" }).click();
  await page.waitForURL(`${e2e.base}/t/demo/don-vi`);
  await page.getByRole("heading", { level: 1, name: "Đơn vị" }).waitFor();
  await page.getByRole("list", { name: "Cây đơn vị" }).getByRole("link", { name: UNIT }).click();
  await page.getByRole("heading", { level: 1, name: UNIT }).waitFor();
  await page.locator("table tbody th a").first().waitFor();
}

const e2e = useServerAndBrowser("shct-e2e-roster-");

beforeAll(async () => {
  fileDir = await mkdtemp(join(tmpdir(), "shct-e2e-roster-files-"));
});

afterAll(async () => {
  if (fileDir) await rm(fileDir, { recursive: true, force: true });
});

describe("roster import and the unit's roster on a 390 px phone", () => {
  it("checks a file, imports it, and shows the new members in the unit's roster", async () => {
    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, ADMIN.email, ADMIN.password);

    // The admin's nav has the import screen; it opens inside the shell.
    const nav = page.getByRole("navigation", { name: "Các mục chính" });
    await nav.getByRole("link", { name: "Nhập danh sách" }).click();
    await page.waitForURL(`${e2e.base}/t/demo/nhap-danh-sach`);
    await page.getByRole("heading", { level: 1, name: "Nhập danh sách đảng viên" }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    const file = join(fileDir, "danh-sach-moi.csv");
    await writeFile(
      file,
      csv(NEW.map((m) => `${m.name},${m.year},,${UNIT},${m.position},dang-sinh-hoat,`)),
    );
    await page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles(file);

    // The dry run: the server checks every line and changes nothing.
    const dry = page.waitForResponse(
      (r) => r.url().includes("/members/import?dryRun=1") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    const dryRes = await dry;
    expect(dryRes.status()).toBe(200);
    expect(dryRes.request().headers()["content-type"]).toBe("text/csv");
    // (Chromium keeps no body for the answer to a request that uploaded a File, so the
    // answer is checked where the user reads it.)
    await page.getByText("Sẵn sàng nhập: 3 mới, 0 cập nhật.").waitFor();

    // The real import of the same file.
    const real = page.waitForResponse(
      (r) => r.url().endsWith("/api/t/demo/members/import") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Nhập", exact: true }).click();
    expect((await real).status()).toBe(200);
    await page.getByText("Đã nhập xong: 3 mới, 0 cập nhật.").waitFor();

    // The tree shows the new count; the unit's roster lists the old and the new members.
    await openRoster(page);
    expect(await page.title()).toContain(UNIT);
    const names = await rosterNames(page);
    expect(names).toHaveLength(SEEDED.length + NEW.length);
    for (const n of [...SEEDED, ...NEW.map((m) => m.name)]) expect(names).toContain(n);
    const row = page.locator("table tbody tr", { hasText: NEW[0]!.name });
    expect(await row.locator("td").allInnerTexts()).toEqual([
      String(NEW[0]!.year),
      NEW[0]!.position,
      "Đang sinh hoạt",
    ]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/roster-390.png"), fullPage: true });

    // A search without diacritics finds "Trần …" and nobody else in this unit.
    const search = page.waitForResponse(
      (r) => r.url().includes("/members?") && r.url().includes("q=tran"),
    );
    await page.getByLabel("Tìm theo họ tên").fill("tran");
    expect((await search).status()).toBe(200);
    await expect.poll(() => rosterNames(page)).toEqual([NEW[0]!.name]);
    expect(new URL(page.url()).searchParams.get("q")).toBe("tran");
    await page.getByText("Tìm thấy 1 đảng viên.").waitFor();

    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("shows the line of a bad file and imports nothing from it", async () => {
    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, ADMIN.email, ADMIN.password);

    // How many members the unit has before (the other test may or may not have run first).
    await openRoster(page);
    const before = await rosterNames(page);

    await page.goto("/t/demo/nhap-danh-sach");
    await page.getByRole("heading", { level: 1, name: "Nhập danh sách đảng viên" }).waitFor();
    const file = join(fileDir, "danh-sach-loi.csv");
    await writeFile(
      file,
      csv([
        `Lương Văn Hải,1970,,${UNIT},,dang-sinh-hoat,`,
        "Đinh Thị Yến,1988,,Chi bộ Không Tồn Tại,,dang-sinh-hoat,",
      ]),
    );
    await page.getByLabel("Tệp danh sách (.csv hoặc .xlsx)").setInputFiles(file);
    const dry = page.waitForResponse((r) => r.url().includes("/members/import?dryRun=1"));
    await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
    expect((await dry).status()).toBe(200);

    // The error table: only line 3 (the header is line 1), with the server's own message.
    const table = page.getByRole("table", { name: /Các lỗi trong tệp/ });
    await table.waitFor();
    expect(await table.locator("thead th").allInnerTexts()).toEqual(["Dòng", "Lỗi"]);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator("td").allInnerTexts();
    expect(cells[0]).toBe("3");
    expect(cells[1]).toContain("Chi bộ Không Tồn Tại");
    expect(cells[1]).toMatch(/[À-ỹ]/); // the server's Vietnamese text
    await page.getByText("Tệp có 1 lỗi, chưa nhập gì.", { exact: false }).waitFor();
    // No way to import a file that failed its check.
    expect(await page.getByRole("button", { name: "Nhập", exact: true }).count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({
      path: join(ROOT, "test-results/roster-import-error-390.png"),
      fullPage: true,
    });

    // Nothing was imported: not even the good line.
    await openRoster(page);
    await expect.poll(() => rosterNames(page)).toEqual(before);
    expect(before).not.toContain("Lương Văn Hải");

    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 90_000);
});
