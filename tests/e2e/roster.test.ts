// Browser test of an admin's first hour on a 390 px phone: import a roster file (dry run,
// then for real), find the new members in the unit tree and the unit's roster, search
// without diacritics; and a file with one bad line shows that line and imports nothing.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ. Needs `npm run build` first (`npm test` does it).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPhonePage } from "../support/browser";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER = join(ROOT, "dist/node/node.mjs");
const CLIENT = join(ROOT, "dist/client/index.html");
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

let server: ChildProcess | undefined;
let serverLog = "";
let dataDir = "";
let fileDir = "";
let base = "";
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before answering:\n${serverLog}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms:\n${serverLog}`);
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The names in the roster table's first column, as shown. */
async function rosterNames(page: Page): Promise<string[]> {
  const cells = page.locator("table tbody th a");
  return (await cells.allInnerTexts()).map((s) => s.trim());
}

function csv(rows: string[]): string {
  return [HEADER, ...rows].join("\r\n") + "\r\n";
}

async function signIn(page: Page): Promise<void> {
  await page.goto("/t/demo/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(ADMIN.email);
  await page.getByLabel("Mật khẩu").fill(ADMIN.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${base}/t/demo`);
}

/** Opens the unit tree from the nav and the roster of UNIT from the tree. */
async function openRoster(page: Page): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Các mục chính" });
  await nav.getByRole("link", { name: "Đơn vị" }).click();
  await page.waitForURL(`${base}/t/demo/don-vi`);
  await page.getByRole("heading", { level: 1, name: "Đơn vị" }).waitFor();
  await page.getByRole("list", { name: "Cây đơn vị" }).getByRole("link", { name: UNIT }).click();
  await page.getByRole("heading", { level: 1, name: UNIT }).waitFor();
  await page.locator("table tbody th a").first().waitFor();
}

beforeAll(async () => {
  for (const f of [SERVER, CLIENT]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  await mkdir(join(ROOT, "test-results"), { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), "shct-e2e-roster-"));
  fileDir = await mkdtemp(join(tmpdir(), "shct-e2e-roster-files-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.SEED_DEMO; // the demo tenant is what this test works in
  server = spawn(process.execPath, [SERVER], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (b: Buffer) => (serverLog += b.toString()));
  server.stderr?.on("data", (b: Buffer) => (serverLog += b.toString()));
  await waitForHealth(base, server, 60_000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  for (const dir of [dataDir, fileDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe("roster import and the unit's roster on a 390 px phone", () => {
  it("checks a file, imports it, and shows the new members in the unit's roster", async () => {
    const page = await newPhonePage(browser!, base);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await signIn(page);

    // The admin's nav has the import screen; it opens inside the shell.
    const nav = page.getByRole("navigation", { name: "Các mục chính" });
    await nav.getByRole("link", { name: "Nhập danh sách" }).click();
    await page.waitForURL(`${base}/t/demo/nhap-danh-sach`);
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
    const page = await newPhonePage(browser!, base);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await signIn(page);

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
