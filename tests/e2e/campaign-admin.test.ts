// Browser test of an admin preparing a campaign on a 390 px phone, and of the forms that
// campaign brings: clone a built-in template whose checklist lacks its items, paste the
// items (a wrong count is refused with the server's problem), create a campaign, see a
// campaign on an incomplete template refused at launch, launch the good one; then a member
// answers the checklist item by item (a "Có" without its note is refused next to the note),
// and a secretary enters a plan on behalf of a member without a phone.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ (worker/demo.ts). Needs `npm run build` first.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO, PHONE_WIDTH, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

/** A member of the secretary's cell with no account (worker/demo.ts). */
const NO_PHONE = "Đỗ Thị Lan";
/** Placeholder items for the test only: a real tenant pastes them from its document. */
const items = (group: number, n: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Biểu hiện thử nghiệm ${group}.${i + 1}`).join(
    "\n",
  );

const e2e = useServerAndBrowser("shct-e2e-campaign-");

describe("an admin's campaign from a cloned template, its checklist and on-behalf entry", () => {
  it("fills a template's list, launches a campaign, and its forms work end to end", async () => {
    const pageErrors: string[] = [];
    const admin = await e2e.signedIn(pageErrors, DEMO.admin, DEMO.password);
    const nav = admin.getByRole("navigation", { name: "Các mục chính" });

    // Clone the built-in "Diễn đàn chi bộ": its 27-item checklist has no items yet.
    await nav.getByRole("link", { name: "Mẫu", exact: true }).click();
    await admin.getByRole("heading", { level: 1, name: "Mẫu đợt sinh hoạt" }).waitFor();
    const card = admin.locator("li.card", { hasText: "Diễn đàn chi bộ" });
    await card.getByText("Nhân bản mẫu này").click();
    await card.getByLabel("Tên mẫu mới").fill("Diễn đàn chi bộ của phường");
    await card.getByRole("button", { name: "Nhân bản" }).click();
    await admin.waitForURL(/\/t\/demo\/mau\/[a-z0-9-]+$/);
    const templateUrl = admin.url();
    await admin.getByRole("heading", { level: 1, name: "Diễn đàn chi bộ của phường" }).waitFor();
    await admin.getByText("Chưa phát động được đợt nào từ mẫu này:").waitFor();
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);

    // Paste the items, one a line; the count follows, and one too many is refused on save.
    const g1 = admin.getByLabel(/^Nhóm 1:/);
    const g2 = admin.getByLabel(/^Nhóm 2:/);
    const g3 = admin.getByLabel(/^Nhóm 3:/);
    await g1.fill(items(1, 9));
    await g2.fill(items(2, 10));
    await g3.fill(items(3, 9));
    await admin
      .locator(`#${await g1.getAttribute("id")}-count`)
      .getByText("9/9 nội dung — đủ")
      .waitFor();
    await admin.getByText("10/9 nội dung — thừa 1").waitFor();
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    const problem = admin.getByRole("alert").filter({ hasText: "nhiều hơn 9" });
    await problem.waitFor();
    await g2.fill(items(2, 9));
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    await admin.getByText(/^Đã lưu mẫu \(phiên bản 1\)\.$/).waitFor();
    await admin.getByText("Chưa phát động được đợt nào từ mẫu này:").waitFor({ state: "detached" });

    // A campaign on the built-in template (no items) is refused at launch, with the reason.
    await admin.goto("/t/demo/dot-sinh-hoat/moi?mau=dien-dan-chi-bo");
    await admin.getByLabel("Tên đợt").waitFor();
    await expect
      .poll(() => admin.getByLabel("Tên đợt").inputValue(), SLOW)
      .toMatch(/^Diễn đàn chi bộ năm/);
    await admin.getByRole("button", { name: "Tạo đợt (nháp)" }).click();
    await admin.waitForURL(/\/t\/demo\/dot-sinh-hoat\/[a-z0-9]+$/);
    await admin.getByRole("button", { name: "Phát động" }).click();
    const refused = admin.getByRole("alert").filter({ hasText: "Chưa phát động được:" });
    await refused.waitFor();
    expect(await refused.innerText()).toContain("còn thiếu 9/9 nội dung");

    // The campaign on the filled-in copy: created as a draft, then launched.
    await admin.goto(`/t/demo/dot-sinh-hoat/moi?mau=${templateUrl.split("/").pop()}`);
    const name = admin.getByLabel("Tên đợt");
    await expect.poll(() => name.inputValue(), SLOW).toMatch(/^Diễn đàn chi bộ của phường năm/);
    await name.fill("Diễn đàn chi bộ thử nghiệm");
    await admin.getByLabel("Số văn bản (không bắt buộc)").fill("12-HD/ĐU");
    // The whole đảng bộ is chosen by default; its units are then not offered one by one.
    const root = admin.getByRole("checkbox", { name: /Đảng bộ phường Long Biên/ });
    expect(await root.isChecked()).toBe(true);
    await admin.getByText(/Gồm cả \d+ đơn vị trực thuộc\./).waitFor();
    // A bad date is refused next to its field, in the client, before anything is sent.
    const due = admin.getByLabel("Hạn hoàn thành (trước ngày)");
    const goodDue = await due.inputValue();
    await due.fill("31/02/2027");
    await admin.getByRole("button", { name: "Tạo đợt (nháp)" }).click();
    await admin
      .locator("#c-due-err")
      .getByText(/^Ngày không hợp lệ/)
      .waitFor();
    await due.fill(goodDue);
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);
    await admin.getByRole("button", { name: "Tạo đợt (nháp)" }).click();
    await admin.getByRole("heading", { level: 1, name: "Diễn đàn chi bộ thử nghiệm" }).waitFor();
    await admin.getByText("Nháp — chưa phát động").waitFor();
    await admin.getByRole("button", { name: "Phát động" }).click();
    await admin.getByText("Đã phát động: các chi bộ và đảng viên đã nhận việc.").waitFor();
    await admin.getByText("Đang diễn ra").waitFor();
    const campaignUrl = admin.url();

    // The per-unit table as CSV, built in the browser: UTF-8 with a BOM for Excel.
    await admin.locator(".totals-grid").waitFor();
    const download = admin.waitForEvent("download");
    await admin.getByRole("button", { name: "Tải bảng số liệu (CSV)" }).click();
    const file = await (await download).path();
    const csv = await readFile(file, "utf8");
    expect(csv.startsWith("\uFEFFĐơn vị,Trực thuộc,Phải nộp,Đã nộp,Đã xác nhận,")).toBe(true);
    expect(csv).toMatch(/\r\nChi bộ Khu dân cư số 1,Đảng bộ phường Long Biên \(mẫu\),\d+,/);
    expect(csv).toMatch(/\r\nTổng,,\d+,\d+,\d+,\d+,\d+,\d+\r\n$/);
    await admin.screenshot({
      path: join(ROOT, "test-results/campaign-admin-390.png"),
      fullPage: true,
    });
    await admin.context().close();

    // The member answers the checklist: every item a level, a note where "Có" asks for one.
    const member = await e2e.signedIn(pageErrors, DEMO.member, DEMO.password);
    const group = member.locator("section.task-group", { hasText: "Diễn đàn chi bộ thử nghiệm" });
    await group
      .getByRole("link", { name: /Tự liên hệ/ })
      .first()
      .click();
    await member.waitForURL(/\/ke-hoach\/tu-lien-he-27$/);
    const list = member.locator(".checklist-item");
    await expect.poll(() => list.count(), SLOW).toBe(27);
    for (let g = 1; g <= 3; g++) {
      for (let i = 1; i <= 9; i++) {
        const item = member.locator(".checklist-item", {
          hasText: `Biểu hiện thử nghiệm ${g}.${i}`,
        });
        await item.getByLabel(g === 2 && i === 4 ? "Có" : "Không có", { exact: true }).check();
      }
    }
    // "Có" opens its note: required, and empty for now.
    const note = member.getByLabel("Biểu hiện đó đang ở mức độ nào?");
    expect(await note.count()).toBe(1);
    expect(await note.getAttribute("aria-required")).toBe("true");
    await expect
      .poll(() => member.locator(".save-status").innerText(), SLOW)
      .toMatch(/^Đã lưu lúc/);
    await member.getByRole("button", { name: "Nộp", exact: true }).click();
    const noteErr = member.locator("#pf__lien-he-27__nhom-2__4__note-err");
    await expect.poll(() => noteErr.innerText(), SLOW).toMatch(/^Cần ghi/);
    await expect
      .poll(() => member.evaluate(() => document.activeElement?.id), SLOW)
      .toBe("pf__lien-he-27__nhom-2__4__note");
    const summary = member.locator(".error-summary");
    await summary.getByRole("link", { name: /nhóm 2, nội dung 4/ }).waitFor();
    // "Có" also makes the causes and remedies required (requiredIf): marked on the form.
    // (The server does not enforce it for group-keyed checklist answers: see the report.)
    const causes = member.getByLabel(/^Nguyên nhân của những biểu hiện/);
    expect(await causes.getAttribute("aria-required")).toBe("true");
    await note.fill("Đôi khi còn ngại va chạm, chưa thẳng thắn góp ý.");
    await causes.fill("Tâm lý nể nang.");
    await member.getByLabel(/^Đề xuất giải pháp khắc phục/).fill("Tự giác phê bình trong chi bộ.");
    await member.getByRole("button", { name: "Nộp", exact: true }).click();
    await member.getByText(/^Đã nộp lúc/).waitFor();
    expect(await scrollWidth(member)).toBeLessThanOrEqual(PHONE_WIDTH);
    await member.screenshot({ path: join(ROOT, "test-results/checklist-390.png"), fullPage: true });
    await member.context().close();

    // The secretary enters the personal plan of a member who has no phone.
    const sec = await e2e.signedIn(pageErrors, DEMO.secretary, DEMO.password);
    await sec.goto(`${campaignUrl}/xac-nhan`);
    await sec.getByRole("heading", { level: 1, name: "Xác nhận kế hoạch" }).waitFor();
    const missing = sec.locator("section", { has: sec.locator("#q-missing") });
    await missing.getByRole("link", { name: `Nhập thay cho ${NO_PHONE}` }).click();
    await sec.waitForURL(/\/nhap-thay\/[a-z0-9]+\/ke-hoach-2-trong-1$/);
    await sec.getByText(`Bí thư nhập thay cho ${NO_PHONE}.`, { exact: false }).waitFor();
    await sec.getByLabel(/^Kế hoạch phấn đấu, rèn luyện/).fill("Học tập nghị quyết đầy đủ.");
    await sec.getByLabel(/^Kế hoạch làm theo tư tưởng/).fill("Giữ nếp sống giản dị.");
    await sec.getByRole("button", { name: "Nộp", exact: true }).click();
    await sec.getByText(/^Đã nộp lúc/).waitFor();
    await sec.getByRole("link", { name: "← Danh sách xác nhận" }).click();
    const awaiting = sec.locator("section", { has: sec.locator("#q-awaiting") });
    await awaiting
      .locator("li", { hasText: NO_PHONE })
      .getByText(/bí thư nhập thay/)
      .waitFor();

    expect(pageErrors).toEqual([]);
    await sec.context().close();
  }, 180_000);
});
