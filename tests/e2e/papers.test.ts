// Browser test of the papers an office files, at 1280 px: each opened from the screen it
// belongs to (the plan under review, the meeting, the report upward on the campaign page,
// the cell's page), printed to PDF by Chromium, and read back from the PDF: an A4 page,
// "ĐẢNG CỘNG SẢN VIỆT NAM", the issuing body, the number where the paper has one, and the
// signature titles — and the figures the product fills in.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ (worker/demo.ts). Needs `npm run build` first.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSerious } from "../support/axe";
import { DEMO, launchBrowser, SLOW } from "../support/browser";
import { pageCount, pageSize, pdfText, squash } from "../support/pdf-text";
import { ct24Filled, ct24Minutes } from "../support/templates";
import { ROOT, startServer, type TestServer } from "../support/server";
import { PAPER_ROWS } from "../../worker/data/unit-paper";

const WIDTH = 1280;
const CELL = "Chi bộ Khu dân cư số 1";
const PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM";
/** The demo's secretary of CELL, who signs the cell's papers. */
const SECRETARY_NAME = "Trần Văn Bình";
/** The demo's member of CELL with an account (her plan is a complete draft). */
const MEMBER_NAME = "Lê Thị Hồng";

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ prefix: "shct-e2e-papers-" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function desk(email: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    baseURL: server.base,
    // Lets the test inject axe-core under the app's CSP (script-src 'self').
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/t/demo/dang-nhap");
  await page.getByLabel("Thư điện tử").fill(email);
  await page.getByLabel("Mật khẩu").fill(DEMO.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${server.base}/t/demo`);
  return page;
}

/** The page threw nothing; its context goes. */
async function finish(page: Page, errors: string[]) {
  expect(errors).toEqual([]);
  await page.context().close();
}

/** A call to the API from the signed-in page (same origin: the cookie and Origin go along). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const res = await page.evaluate(
    async ([m, p, b]) => {
      const r = await fetch(`/api/t/demo${p}`, {
        method: m,
        headers: b === undefined ? {} : { "content-type": "application/json" },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: r.status, json: (await r.json().catch(() => null)) as unknown };
    },
    [method, path, body] as const,
  );
  if (res.status >= 300)
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as T;
}

interface Printed {
  /** What is on the sheet as the printer sees it. */
  dom: string;
  /** The PDF's text, whitespace removed. */
  pdf: string;
  pages: number;
}

/** axe-core's serious and critical findings on the page as it is on screen. */
async function accessibility(page: Page): Promise<string[]> {
  const r = await axeSerious(page);
  // axe ran its rules over the paper (it passes dozens on any real page).
  expect(r.passed).toBeGreaterThan(5);
  return r.bad;
}

/** Prints the paper on screen to PDF (kept in test-results/) and reads it back. */
async function print(page: Page, name: string): Promise<Printed> {
  const sheet = page.locator(".sheet");
  await sheet.getByText(PARTY).waitFor(SLOW);
  expect(await accessibility(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".print-toolbar").isVisible()).toBe(false);
  const dom = await sheet.innerText();
  await page.screenshot({ path: join(ROOT, `test-results/${name}.png`), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  await writeFile(join(ROOT, `test-results/${name}.pdf`), pdf);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // A4: 210 × 297 mm is 595.3 × 841.9 pt.
  const [w, h] = pageSize(pdf) ?? [0, 0];
  expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
  expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
  return { dom, pdf: squash(pdfText(pdf)), pages: pageCount(pdf) };
}

/** Every piece of text is on the PDF (compared without whitespace) and on the sheet. */
function expectOnPaper(p: Printed, texts: string[]) {
  for (const t of texts) {
    expect(p.pdf, t).toContain(squash(t));
    expect(squash(p.dom), t).toContain(squash(t));
  }
}

interface Unit {
  id: string;
  name: string;
  parentId: string | null;
}
const unitsOf = async (page: Page) => (await api<{ units: Unit[] }>(page, "GET", "/units")).units;
/** The đảng bộ's root unit. */
const rootOf = async (page: Page) => (await unitsOf(page)).find((u) => u.parentId === null)!;
const demoCampaign = async (page: Page) =>
  (
    await api<{ campaigns: { id: string; templateKey: string }[] }>(page, "GET", "/campaigns")
  ).campaigns.find((c) => c.templateKey === "tu-soi-tu-sua")!.id;

/** The admin's desk, the demo's campaign and the đảng bộ's root unit. */
async function adminAtRoot(errors: string[]) {
  const page = await desk(DEMO.admin, errors);
  return { page, campaignId: await demoCampaign(page), root: await rootOf(page) };
}

/** A session of the cell recorded as the meeting screen would: the first member present
 *  and speaking first, the second excused with a reason, the rest present and speaking. */
async function recordMeeting(page: Page, campaignId: string, unitId: string, stepKey: string) {
  const { members } = await api<{ members: { id: string; fullName: string }[] }>(
    page,
    "GET",
    `/members?unitId=${unitId}`,
  );
  const hour = 3_600_000;
  const now = Date.now();
  type Saved = { meeting: { id: string; version: number } };
  let { meeting } = await api<Saved>(page, "POST", `/campaigns/${campaignId}/meetings`, {
    unitId,
    stepKey,
    scheduledAt: new Date(now - 3 * hour).toISOString(),
    place: "Nhà văn hóa khu dân cư số 1",
  });
  const [first, second, ...rest] = members;
  ({ meeting } = await api<Saved>(page, "PUT", `/meetings/${meeting.id}/attendance`, {
    version: meeting.version,
    entries: [
      { memberId: first!.id, presence: "present", spokeOrder: 1 },
      { memberId: second!.id, presence: "excused", reason: "Đi công tác" },
      ...rest.map((m, i) => ({ memberId: m.id, presence: "present", spokeOrder: i + 2 })),
    ],
  }));
  const minutes = "Các đồng chí đảng viên lần lượt báo cáo kế hoạch tu dưỡng, rèn luyện.";
  await api(page, "PATCH", `/meetings/${meeting.id}`, {
    version: meeting.version,
    startedAt: new Date(now - 3 * hour).toISOString(),
    endedAt: new Date(now - hour).toISOString(),
    minutesSecretary: "Lê Thị Hồng",
    minutes,
    vote: { for: rest.length + 1, against: 0, abstain: 0 },
  });
  return { meetingId: meeting.id, members, minutes };
}

/** The admin launches a campaign of `templateKey` over the whole đảng bộ; with `copy`, first
 *  makes the template as the đảng bộ's own copy of `copy.from` and saves `copy.definition`
 *  of what the copy read. Answers the campaign's id. */
async function launchOverRoot(
  templateKey: string,
  name: string,
  errors: string[],
  copy?: { from: string; definition: (copied: Record<string, unknown>) => unknown },
): Promise<string> {
  const admin = await desk(DEMO.admin, errors);
  if (copy) {
    await api(admin, "POST", "/templates", { fromKey: copy.from, key: templateKey, name });
    const {
      builtIn: _b,
      launchBlockers: _l,
      ...copied
    } = await api<Record<string, unknown>>(admin, "GET", `/templates/${templateKey}`);
    await api(admin, "PUT", `/templates/${templateKey}`, {
      version: 1,
      definition: copy.definition(copied),
    });
  }
  const root = await rootOf(admin);
  const day = (offset: number) =>
    new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const { id } = await api<{ id: string }>(admin, "POST", "/campaigns", {
    templateKey,
    name,
    startsOn: day(-1),
    dueOn: day(20),
    unitIds: [root.id],
  });
  await api(admin, "POST", `/campaigns/${id}/launch`);
  await admin.context().close();
  return id;
}

describe("the papers an office files, printed at 1280 px", () => {
  it("the personal plan carries the cell's opinion, T/M CHI BỘ, BÍ THƯ and the signer", async () => {
    const errors: string[] = [];
    const page = await desk(DEMO.secretary, errors);
    const campaignId = await demoCampaign(page);
    const queue = await api<{
      awaitingConfirmation: { fullName: string; submission: { id: string } }[];
    }>(page, "GET", `/campaigns/${campaignId}/queue`);
    const waiting = queue.awaitingConfirmation.find((e) => e.fullName === "Phạm Quốc Hùng")!;
    const opinion = "Chi bộ nhất trí với kế hoạch; đề nghị đồng chí thực hiện nghiêm túc.";
    await api(page, "POST", `/submissions/${waiting.submission.id}/confirm`, { opinion });

    // From the review screen, as the cell reads it.
    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}/xac-nhan/${waiting.submission.id}`);
    await page.getByRole("link", { name: "Xem bản in" }).click();
    const paper = await print(page, "paper-plan");
    expectOnPaper(paper, [
      PARTY,
      "ĐẢNG BỘ PHƯỜNG LONG BIÊN",
      "CHI BỘ KHU DÂN CƯ SỐ 1",
      "XÁC NHẬN CỦA CHI BỘ",
      opinion,
      "T/M CHI BỘ",
      "BÍ THƯ",
      SECRETARY_NAME,
      "Phạm Quốc Hùng",
    ]);
    await finish(page, errors);
  });

  it("the member's own printed plan, once confirmed, carries the cell's opinion and signer too", async () => {
    const errors: string[] = [];
    const member = await desk(DEMO.member, errors);
    const campaignId = await demoCampaign(member);
    // The demo member's draft is complete: submitted as it is.
    await api(member, "POST", `/campaigns/${campaignId}/submissions/mine/submit`, {
      formKey: "ke-hoach-tu-duong",
    });
    const secretary = await desk(DEMO.secretary, errors);
    const queue = await api<{
      awaitingConfirmation: { fullName: string; submission: { id: string } }[];
    }>(secretary, "GET", `/campaigns/${campaignId}/queue`);
    const mine = queue.awaitingConfirmation.find((e) => e.fullName === MEMBER_NAME)!;
    const opinion = "Kế hoạch sát thực tế; chi bộ nhất trí.";
    await api(secretary, "POST", `/submissions/${mine.submission.id}/confirm`, { opinion });
    await finish(secretary, errors);

    // From the member's plan screen.
    await member.goto(`/t/demo/dot-sinh-hoat/${campaignId}/ke-hoach/ke-hoach-tu-duong`);
    await member.getByRole("link", { name: "Bản in" }).first().click();
    const paper = await print(member, "paper-plan-member");
    expectOnPaper(paper, [
      PARTY,
      "CHI BỘ KHU DÂN CƯ SỐ 1",
      opinion,
      "T/M CHI BỘ",
      "BÍ THƯ",
      SECRETARY_NAME,
      MEMBER_NAME,
    ]);
    await finish(member, errors);
  });

  it("the minutes of a session: roll-call, speakers, minutes, vote; THƯ KÝ and CHỦ TRÌ", async () => {
    const errors: string[] = [];
    const page = await desk(DEMO.secretary, errors);
    const campaignId = await demoCampaign(page);
    const cell = (await unitsOf(page)).find((u) => u.name === CELL)!;
    const { meetingId, members, minutes } = await recordMeeting(
      page,
      campaignId,
      cell.id,
      "hoi-nghi",
    );
    const [first, second, ...rest] = members;

    // From the meeting screen.
    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}/sinh-hoat/${meetingId}`);
    await page.getByRole("link", { name: "In biên bản" }).click();
    await page.waitForURL(/\/sinh-hoat\/[a-z0-9]+\/in$/);
    const paper = await print(page, "paper-minutes");
    expectOnPaper(paper, [
      PARTY,
      "ĐẢNG BỘ PHƯỜNG LONG BIÊN",
      "CHI BỘ KHU DÂN CƯ SỐ 1",
      "Số …-BB/CB",
      "BIÊN BẢN",
      "Nhà văn hóa khu dân cư số 1",
      `Tổng số đảng viên được triệu tập: ${members.length}; có mặt: ${members.length - 1}; vắng có lý do: 1`,
      `đồng chí ${second!.fullName} (Đi công tác)`,
      `Đồng chí ${first!.fullName}`,
      minutes,
      `tán thành ${rest.length + 1}/${members.length - 1}`,
      "THƯ KÝ",
      "CHỦ TRÌ",
      "Lê Thị Hồng",
    ]);
    await finish(page, errors);
  });

  it("CT 24's minutes carry the unit's minutes form: the 25 expressions as the cell answered", async () => {
    const errors: string[] = [];
    const campaignId = await launchOverRoot("ct24-phuong", "Kế hoạch 155-KH/ĐU", errors, {
      from: "ct24-sinh-hoat",
      definition: () => ct24Filled(),
    });
    const page = await desk(DEMO.secretary, errors);
    const cell = (await unitsOf(page)).find((u) => u.name === CELL)!;
    const conclusion = "Chi bộ thống nhất các giải pháp khắc phục trong quý tới.";
    await api(page, "PUT", `/campaigns/${campaignId}/steps/cb-sinh-hoat/units/${cell.id}`, {
      version: 0,
      data: ct24Minutes(conclusion),
    });
    const { meetingId } = await recordMeeting(page, campaignId, cell.id, "cb-sinh-hoat");

    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}/sinh-hoat/${meetingId}/in`);
    const paper = await print(page, "paper-minutes-ct24");
    expectOnPaper(paper, [
      PARTY,
      "CHI BỘ KHU DÂN CƯ SỐ 1",
      "Số …-BB/CB",
      "Tổ chức sinh hoạt chính trị, tư tưởng tại chi bộ",
      "NỘI DUNG SINH HOẠT CHÍNH TRỊ, TƯ TƯỞNG CỦA CHI BỘ",
      "Biểu hiện số 7 — Có. Còn chậm trả lời đơn thư.",
      "Biểu hiện số 8 — Không có",
      conclusion,
      "THƯ KÝ",
      "CHỦ TRÌ",
    ]);
    await finish(page, errors);
  });

  it("the report upward has the unit's figures filled in and the unit's own text", async () => {
    const errors: string[] = [];
    const campaignId = await launchOverRoot(
      "tu-soi-tu-sua-so",
      "Học tập Kết luận 21-KL/TW và Quy định 37-QĐ/TW",
      errors,
    );
    const page = await desk(DEMO.secretary, errors);
    const cell = (await unitsOf(page)).find((u) => u.name === CELL)!;
    const progress = await api<{ totals: { expected: number; excused: number } }>(
      page,
      "GET",
      `/campaigns/${campaignId}/progress?unitId=${cell.id}`,
    );
    const learned = "Chi bộ đã tổ chức học tập đầy đủ, 100% đảng viên tham gia.";
    await api(page, "PUT", `/campaigns/${campaignId}/reports/${cell.id}`, {
      reportKey: "bao-cao-dang-uy-so",
      data: { "hoc-tap-quan-triet": learned, "sinh-hoat-chinh-tri": "Đã tổ chức sinh hoạt." },
    });

    // From the campaign page, where the secretary fills the report in.
    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}`);
    await page.getByRole("link", { name: "In báo cáo (số liệu điền sẵn)" }).click();
    const paper = await print(page, "paper-report");
    expect(progress.totals.expected).toBeGreaterThan(0);
    expectOnPaper(paper, [
      PARTY,
      "ĐẢNG BỘ PHƯỜNG LONG BIÊN",
      "CHI BỘ KHU DÂN CƯ SỐ 1",
      "Số …-BC/CB",
      "BÁO CÁO",
      "Kính gửi: Đảng ủy Sở",
      `Đảng viên phải viết kế hoạch ${progress.totals.expected}`,
      `Đảng viên được miễn ${progress.totals.excused}`,
      "Đã nộp kế hoạch 0",
      `Chưa nộp ${progress.totals.expected}`,
      learned,
      "Nơi nhận:",
      "T/M CHI BỘ",
      "BÍ THƯ",
      SECRETARY_NAME,
    ]);
    await finish(page, errors);
  });

  it("the unit's one-page summary table: members, plans, late, excused, sessions", async () => {
    const errors: string[] = [];
    const { page, campaignId, root } = await adminAtRoot(errors);
    const progress = await api<{
      totals: { expected: number; excused: number; submitted: number; confirmed: number };
    }>(page, "GET", `/campaigns/${campaignId}/progress?unitId=${root.id}`);

    // From the progress section of the campaign page.
    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}`);
    await page.getByRole("link", { name: "In bảng tổng hợp" }).click();
    await page.waitForURL(/\/bang-tong-hop\/in$/);
    const paper = await print(page, "paper-summary");
    const t = progress.totals;
    expectOnPaper(paper, [
      PARTY,
      "ĐẢNG BỘ PHƯỜNG LONG BIÊN",
      "BẢNG TỔNG HỢP KẾT QUẢ",
      CELL,
      `Tổng cộng ${t.expected + t.excused} ${t.excused} ${t.submitted}`,
      "NGƯỜI LẬP BẢNG",
      "T/M ĐẢNG ỦY",
      "BÍ THƯ",
    ]);
    // On a phone the sheet is the screen's width: the table does not push it sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: WIDTH, height: 900 });
    // One page.
    expect(paper.pages).toBe(1);
    await finish(page, errors);
  });

  it("a template's own issuing place is on all four papers, not the đảng bộ's", async () => {
    const errors: string[] = [];
    const PLACE = "Gia Lâm";
    const campaignId = await launchOverRoot("noi-ban-hanh", "Tự soi, tự sửa (bản của Sở)", errors, {
      from: "tu-soi-tu-sua-so",
      definition: (copied) => ({ ...copied, issuing: { body: "Đảng ủy Sở", place: PLACE } }),
    });
    const page = await desk(DEMO.secretary, errors);
    const cell = (await unitsOf(page)).find((u) => u.name === CELL)!;
    const { meetingId } = await recordMeeting(page, campaignId, cell.id, "hoi-nghi-hoc-tap");
    await api(page, "PUT", `/campaigns/${campaignId}/reports/${cell.id}`, {
      reportKey: "bao-cao-dang-uy-so",
      data: { "hoc-tap-quan-triet": "Đã học tập.", "sinh-hoat-chinh-tri": "Đã sinh hoạt." },
    });
    const base = `/t/demo/dot-sinh-hoat/${campaignId}`;
    const placed = (p: Printed) => {
      expect(p.pdf).toContain(squash(`${PLACE}, ngày`));
      expect(p.pdf).not.toContain(squash("Long Biên, ngày"));
    };
    for (const [name, path] of [
      ["paper-place-minutes", `${base}/sinh-hoat/${meetingId}/in`],
      ["paper-place-report", `${base}/bao-cao/${cell.id}/bao-cao-dang-uy-so/in`],
      ["paper-place-summary", `${base}/don-vi/${cell.id}/bang-tong-hop/in`],
    ] as const) {
      await page.goto(path);
      placed(await print(page, name));
    }
    await finish(page, errors);

    // The đảng bộ's own summary (its root unit, no superior) names the template's issuing body
    // as its issuer.
    const admin = await desk(DEMO.admin, errors);
    await admin.goto(`${base}/don-vi/${(await rootOf(admin)).id}/bang-tong-hop/in`);
    const rootPaper = await print(admin, "paper-place-root-summary");
    placed(rootPaper);
    expect(rootPaper.pdf).toContain(squash("ĐẢNG ỦY SỞ"));
    await finish(admin, errors);

    // The member's own plan on paper.
    const member = await desk(DEMO.member, errors);
    await member.goto(`${base}/ke-hoach/tu-soi-tu-sua-ca-nhan/in`);
    placed(await print(member, "paper-place-plan"));
    await finish(member, errors);
  });

  // Last: it adds units to the demo's root (named to sort after the demo's own cells).
  it("a summary past one sheet's units lists the first by name and sums the rest, on one page", async () => {
    const errors: string[] = [];
    const { page, campaignId, root } = await adminAtRoot(errors);
    for (let i = 1; i <= 30; i++) {
      const name = `Chi bộ Tổ dân phố ${String(i).padStart(2, "0")}`;
      const unit = await api<{ id: string }>(page, "POST", "/units", {
        name,
        kind: "chi-bo",
        parentId: root.id,
      });
      await api(page, "POST", "/members", {
        fullName: `Đảng viên ${i}`,
        birthYear: 1970,
        unitId: unit.id,
      });
    }
    const progress = await api<{
      totals: { expected: number; excused: number; submitted: number };
      units: { unitId: string }[];
    }>(page, "GET", `/campaigns/${campaignId}/progress?unitId=${root.id}`);
    const children = progress.units.filter((u) => u.unitId !== root.id).length;
    expect(children).toBeGreaterThan(PAPER_ROWS);

    await page.goto(`/t/demo/dot-sinh-hoat/${campaignId}/don-vi/${root.id}/bang-tong-hop/in`);
    const paper = await print(page, "paper-summary-capped");
    const t = progress.totals;
    expectOnPaper(paper, [
      CELL,
      `Các đơn vị khác (${children - PAPER_ROWS} đơn vị)`,
      `Tổng cộng ${t.expected + t.excused} ${t.excused} ${t.submitted}`,
    ]);
    expect(paper.pdf).not.toContain(squash("Chi bộ Tổ dân phố 30"));
    expect(paper.pages).toBe(1);
    await finish(page, errors);
  });
});
