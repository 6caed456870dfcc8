// Browser tests of the follow-up on a 390 px phone (issue 10, "follow-up as dated
// obligations"). 001 is launched over the đảng bộ (through the API): the cell's secretary sees
// the milestones with their marks, records the tổ chức đảng's year-end input, and sees who of
// the cell's members has recorded their own year-end input, recording one for a member without
// an account; the member records theirs on "Việc của tôi", due 31/12. Then 003 (the ward's copy
// with its 27 expressions) is launched and the đảng bộ files its 6-monthly report on the
// periodic report page and sees it on time. axe finds nothing serious on these pages. Runs
// against the built server. Needs `npm run build`.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousFindings } from "../support/axe";
import * as browser from "../support/browser";
import { dienDanFilled } from "../support/templates";

const UNIT = "Chi bộ Khu dân cư số 1";
const YEAR_END =
  "Tự đánh giá kết quả thực hiện kế hoạch, cam kết cá nhân làm đầu vào kiểm điểm, xếp loại đảng viên cuối năm";

const { DEMO, demoApi, PHONE_WIDTH, scrollWidth, SLOW } = browser;
const e2e = browser.useServerAndBrowser("shct-e2e-follow-ups-");

const ictDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const vi = (iso: string) => iso.split("-").reverse().join("/");

let api: ReturnType<typeof demoApi>;
let admin: Page;
let rootId = "";

/** Launches the template over the whole đảng bộ, begun two days ago and due in twenty. */
async function launchOverRoot(templateKey: string, name: string) {
  const { id } = await api<{ id: string }>("POST", "/campaigns", {
    templateKey,
    name,
    startsOn: ictDay(-2),
    dueOn: ictDay(20),
    unitIds: [rootId],
  });
  await api("POST", `/campaigns/${id}/launch`);
  return id;
}

describe("the follow-up on a 390 px phone", () => {
  it("the secretary sees the milestones with their marks and records the year-end inputs", async () => {
    admin = await e2e.phone();
    await e2e.signIn(admin, DEMO.admin, DEMO.password);
    api = demoApi(e2e.base, admin);
    const { units } = await api<{ units: { id: string; name: string; parentId: string | null }[] }>(
      "GET",
      "/units",
    );
    rootId = units.find((u) => u.parentId === null)!.id;
    const unitId = units.find((u) => u.name === UNIT)!.id;
    const id = await launchOverRoot("tu-soi-tu-sua-so", "Kế hoạch 28-KH/ĐUK");
    const yearEnd = `${ictDay(-2).slice(0, 4)}-12-31`;

    const errors: string[] = [];
    const page = await e2e.phone(errors);
    await e2e.signIn(page, DEMO.secretary, DEMO.password);
    await page.goto(`/t/demo/dot-sinh-hoat/${id}/don-vi/${unitId}`);
    await page.getByRole("heading", { level: 2, name: "Mốc theo dõi" }).waitFor(SLOW);

    // The milestones, each with its day and its mark; the undated peaks as guidance.
    const followUps = page.locator("section", { has: page.getByText("Mốc theo dõi") });
    const ranking = followUps
      .locator(".cell-step")
      .filter({ hasText: "Đầu vào xếp loại cuối năm" });
    expect(await ranking.innerText()).toContain(`Hạn: hết ngày ${vi(yearEnd)}`);
    await ranking.getByText("Chưa ghi nhận", { exact: true }).waitFor();
    expect(await followUps.locator(".cell-step").count()).toBe(4);
    await ranking.getByText("Ghi nhận đã làm").click();
    await ranking
      .getByLabel(/^Việc đã làm/)
      .fill("Gửi kết quả đợt sinh hoạt làm đầu vào xếp loại.");
    await ranking.getByRole("button", { name: "Lưu ghi nhận" }).click();
    await ranking.getByText(`Đã ghi nhận ngày ${vi(ictDay(0))}`).waitFor(SLOW);

    // Each member's own input: who has it, who is missing, who is excused.
    const members = page.locator("section", {
      has: page.getByRole("heading", { name: "Đảng viên tự đánh giá cuối năm" }),
    });
    await members.getByText(YEAR_END).waitFor(SLOW);
    await members.getByText(/Còn 5 đồng chí chưa ghi nhận\./).waitFor();
    const excused = members.locator(".cell-step").filter({ hasText: "Hoàng Thị Mai" });
    await excused.getByText("Được miễn", { exact: true }).waitFor();
    // Đỗ Thị Lan has no account: the secretary records hers.
    const lan = members.locator(".cell-step").filter({ hasText: "Đỗ Thị Lan" });
    await lan.getByText("Chưa ghi nhận", { exact: true }).waitFor();
    await lan.getByText("Ghi nhận thay — Đỗ Thị Lan").click();
    await lan.getByLabel("Tự xếp loại mức hoàn thành nhiệm vụ").selectOption("hoan-thanh-tot");
    await lan.getByRole("button", { name: "Lưu tự đánh giá" }).click();
    await lan
      .getByText(/^Kết quả thực hiện kế hoạch, cam kết/)
      .first()
      .waitFor();
    await lan.getByText("Hãy ghi kết quả thực hiện kế hoạch, cam kết.").waitFor(SLOW);
    await lan
      .getByLabel(/^Kết quả thực hiện kế hoạch, cam kết/)
      .fill("Hoàn thành các việc đã hứa.");
    await lan.getByRole("button", { name: "Lưu tự đánh giá" }).click();
    await lan.getByText("Đúng hạn", { exact: true }).waitFor(SLOW);
    await members.getByText(/Còn 4 đồng chí chưa ghi nhận\./).waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousFindings(page)).toEqual([]);
    expect(errors).toEqual([]);

    // The member sees it among their tasks, due 31/12, and records their own.
    const member = await e2e.phone(errors);
    await e2e.signIn(member, DEMO.member, DEMO.password);
    const task = member.getByRole("listitem").filter({ hasText: YEAR_END }).first();
    await task.waitFor(SLOW);
    expect(await task.innerText()).toContain(vi(yearEnd));
    await task.getByText("Tự đánh giá", { exact: true }).click();
    await task.getByLabel(/^Kết quả thực hiện kế hoạch, cam kết/).fill("Đã làm đủ các việc.");
    await task.getByRole("button", { name: "Lưu tự đánh giá" }).click();
    await task.getByText("Sửa tự đánh giá").waitFor(SLOW);
    expect(await scrollWidth(member)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousFindings(member)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("the đảng bộ files its 6-monthly report and sees it on time", async () => {
    expect(rootId).not.toBe("");
    await api("POST", "/templates", {
      fromKey: "dien-dan-chi-bo",
      key: "dien-dan-phuong",
      name: "Diễn đàn chi bộ — phường",
    });
    await api("PUT", "/templates/dien-dan-phuong", { version: 1, definition: dienDanFilled() });
    const id = await launchOverRoot("dien-dan-phuong", "Kế hoạch Diễn đàn");

    const errors: string[] = [];
    const page = await e2e.phone(errors);
    await e2e.signIn(page, DEMO.admin, DEMO.password);
    await page.goto(`/t/demo/dot-sinh-hoat/${id}/don-vi/${rootId}/bao-cao-dinh-ky/bao-cao-6-thang`);
    await page
      .getByRole("heading", { level: 1, name: "Báo cáo tình hình, kết quả triển khai Diễn đàn" })
      .waitFor(SLOW);
    await page.getByText("Đã ghi: chưa kỳ nào.").waitFor();
    await page.getByLabel(/^Tình hình, kết quả triển khai Diễn đàn/).fill("Các chi bộ đã tổ chức.");
    await page.getByRole("button", { name: /^Lưu báo cáo/ }).click();
    await page.getByText("Đã lưu phiên bản 1.").waitFor(SLOW);
    await page.reload();
    const today = ictDay(0);
    const half = Number(today.slice(5, 7)) <= 6 ? "06-30" : "12-31";
    await page
      .getByText(
        `nộp ngày ${vi(today)} — đúng hạn (hạn hết ngày ${vi(`${today.slice(0, 4)}-${half}`)}).`,
        { exact: false },
      )
      .waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(await seriousFindings(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
