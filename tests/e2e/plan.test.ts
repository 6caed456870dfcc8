// Browser test of a member's plan on a 390 px phone, end to end: "Việc của tôi" with the
// plan task and its due date; the form drawn from the template; autosave (kept across a
// reload); a submit refused field by field, then accepted; typing while offline and the
// save that follows when the network returns; the A4 print view. Then the cell's secretary
// confirms plans from the queue and the campaign's progress counts them.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ (worker/demo.ts). Needs `npm run build` first.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const WIDTH = 390;
/** Autosave waits 1.5 s after the last keystroke; polls allow for that and a slow machine. */
const SLOW = { timeout: 15_000 };

const PASSWORD = "demo12345";
const MEMBER = { email: "dangvien@demo.vn", name: "Lê Thị Hồng" };
const SECRETARY = { email: "bithu@demo.vn", name: "Trần Văn Bình" };
/** Seeded with a submitted plan in the secretary's cell (worker/demo.ts). */
const WAITING = "Phạm Quốc Hùng";
const FORM_PATH = /\/t\/demo\/dot-sinh-hoat\/[a-z0-9]+\/ke-hoach\/ke-hoach-tu-duong$/;

/** The plan form's controls this test types in, and its save state. */
function fields(page: Page) {
  return {
    // Anchored: the rescue box after a conflict is labelled with the same words, quoted.
    duty: page.getByLabel(/^Thực hiện chức trách, nhiệm vụ được giao/),
    fix: page.getByLabel(/^2\. Về khắc phục hạn chế, thiếu sót của bản thân/),
    status: page.locator(".save-status"),
  };
}

/** dd/mm/yyyy of an instant in ICT, as the app must show it whatever the phone's zone. */
function ictDay(iso: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}/${p.month}/${p.year}`;
}

/** The number under a label of the progress totals ("Đã xác nhận" → 1). */
async function total(page: Page, label: string): Promise<number> {
  const cell = page.locator(".totals-grid div", { has: page.locator("dt", { hasText: label }) });
  return Number(await cell.locator("dd").innerText());
}

const e2e = useServerAndBrowser("shct-e2e-plan-");

describe("a member's plan on a 390 px phone, and the cell confirming it", () => {
  it("writes, autosaves, submits field by field, survives going offline, prints; the secretary confirms", async () => {
    const pageErrors: string[] = [];
    let page = await e2e.signedIn(pageErrors, MEMBER.email, PASSWORD);

    // "Việc của tôi" is the member's home: the plan task, its due date in ICT, its state.
    await page.getByRole("heading", { level: 1, name: "Việc của tôi" }).waitFor();
    const { tasks } = (await page.evaluate(() =>
      fetch("/api/t/demo/my/tasks").then((r) => r.json()),
    )) as { tasks: { step: string; dueAt: string }[] };
    const planTask = tasks.find((t) => t.step === "viet-ke-hoach")!;
    const task = page.getByRole("link", { name: /Viết bản kế hoạch tu dưỡng, rèn luyện/ });
    await task.waitFor();
    const taskText = await task.innerText();
    expect(taskText).toContain(`Hạn: trước ngày ${ictDay(planTask.dueAt)}`);
    expect(taskText).toContain("Bản nháp");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    // The form, drawn from the campaign's template, with the member's draft in it.
    await task.click();
    await page.waitForURL(FORM_PATH);
    const formUrl = page.url();
    await page.getByRole("heading", { level: 1, name: /^Kế hoạch tu dưỡng, rèn luyện/ }).waitFor();
    expect(await page.getByLabel("Họ và tên").inputValue()).toBe(MEMBER.name);
    let { duty, fix, status } = fields(page);
    expect(await status.getAttribute("role")).toBe("status");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);

    // Autosave: a change is saved by itself, and a reload shows it.
    const dutyText = "Hoàn thành nhiệm vụ tổ trưởng tổ dân phố; vận động gia đình chấp hành tốt.";
    const saved = page.waitForResponse(
      (r) => r.url().endsWith("/submissions/mine") && r.request().method() === "PUT",
    );
    await duty.fill(dutyText);
    expect((await saved).status()).toBe(200);
    await expect.poll(() => status.innerText(), SLOW).toMatch(/^Đã lưu lúc \d{2}:\d{2}$/);
    // The counter counts code points against the field's maxLength.
    expect(await page.locator("#pf__tu-duong-ren-luyen__chuc-trach-count").innerText()).toBe(
      `${[...dutyText].length}/5.000 ký tự`,
    );
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /^Kế hoạch tu dưỡng/ }).waitFor();
    await expect.poll(() => duty.inputValue(), SLOW).toBe(dutyText);

    // A required field left empty: the server's message next to it, focus on it, and a
    // summary at the top linking to it.
    await fix.fill("");
    await expect.poll(() => status.innerText(), SLOW).toMatch(/^Đã lưu lúc/);
    await page.getByRole("button", { name: "Nộp", exact: true }).click();
    const fixError = page.locator("#pf__khac-phuc-err");
    await expect.poll(() => fixError.innerText(), SLOW).toBe("Bắt buộc phải điền.");
    expect(await fix.getAttribute("aria-invalid")).toBe("true");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), SLOW)
      .toBe("pf__khac-phuc");
    const summary = page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    await summary.getByRole("link", { name: /khắc phục hạn chế.*Bắt buộc phải điền/ }).waitFor();

    // Filled in, the plan goes through.
    const fixText = "Mạnh dạn phát biểu, đóng góp ý kiến trong sinh hoạt chi bộ.";
    await fix.fill(fixText);
    expect(await fixError.innerText()).toBe("");
    await page.getByRole("button", { name: "Nộp", exact: true }).click();
    await page.getByText(/^Đã nộp lúc \d{2}:\d{2}/).waitFor();
    await page.locator(".callout.submitted", { hasText: "đang chờ chi bộ xác nhận" }).waitFor();
    expect(await page.locator(".plan-meta .badge").innerText()).toBe("Đã nộp");

    // Offline: what is typed stays on the phone and the page says it is not saved yet…
    const context = page.context();
    await context.setOffline(true);
    const more = " Bổ sung khi mất sóng.";
    await duty.press("End");
    await duty.pressSequentially(more);
    await expect
      .poll(() => status.innerText(), SLOW)
      .toBe("Chưa lưu (mất kết nối) — sẽ lưu lại khi có mạng. Nội dung vẫn được giữ trên máy này.");
    const kept = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("shct:draft:")),
    );
    expect(kept).toHaveLength(1);
    // …and saves it when the network returns.
    await context.setOffline(false);
    await expect.poll(() => status.innerText(), SLOW).toMatch(/^Đã lưu lúc/);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith("shct:draft:")),
      ),
    ).toEqual([]);
    expect(await page.locator(".plan-meta .badge").innerText()).toBe("Bản nháp");

    // A tab closed while offline loses nothing: the text comes back on the next visit and
    // is saved then. This segment's saves are refused as a lost network refuses them.
    const saves = (url: URL) => url.pathname.endsWith("/submissions/mine");
    await context.route(saves, (route) =>
      route.request().method() === "PUT" ? route.abort("internetdisconnected") : route.continue(),
    );
    await context.setOffline(true);
    const later = " Nhờ chi bộ nhắc nhở.";
    await fix.press("End");
    await fix.pressSequentially(later);
    await expect.poll(() => status.innerText(), SLOW).toMatch(/^Chưa lưu \(mất kết nối\)/);
    const left = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("shct:draft:")),
    );
    expect(left).toHaveLength(1);
    await page.close();
    await context.setOffline(false);
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(formUrl);
    // Restored from the phone ("Đã khôi phục…"); or, when a save of the closing tab reached
    // the server after all (seen on a loaded machine), read from the server with the phone's
    // copy dropped as the same text (client/lib/drafts.ts sameData). Either way: not lost.
    ({ duty, fix, status } = fields(page));
    await expect.poll(() => fix.inputValue(), SLOW).toBe(fixText + later);
    await context.unroute(saves);
    await expect
      .poll(() => status.innerText(), SLOW)
      .toMatch(/^(Đã lưu lúc|Nội dung được tự động lưu)/);

    // Another device saves first: this one is told, is offered the newest version, and
    // what it typed stays visible to copy.
    const other = await e2e.signedIn(pageErrors, MEMBER.email, PASSWORD);
    await other.goto(formUrl);
    const there = fields(other);
    const finalDuty = `${dutyText}${more} Máy khác bổ sung.`;
    await expect.poll(() => there.duty.inputValue(), SLOW).toBe(dutyText + more);
    await there.duty.fill(finalDuty);
    await expect.poll(() => there.status.innerText(), SLOW).toMatch(/^Đã lưu lúc/);
    await duty.press("End");
    await duty.pressSequentially(" Máy này gõ thêm.");
    await page.getByText("Bản kế hoạch vừa được thay đổi ở nơi khác").waitFor();
    expect(await status.innerText()).toBe("Chưa lưu: kế hoạch vừa được thay đổi ở nơi khác.");
    await page.getByRole("button", { name: "Tải bản mới nhất" }).click();
    const rescued = page.locator(".rescue");
    await rescued.getByRole("heading", { name: "Nội dung bạn đã gõ nhưng chưa lưu" }).waitFor();
    ({ duty, status } = fields(page));
    await expect.poll(() => duty.inputValue(), SLOW).toBe(finalDuty);
    expect(await rescued.getByLabel(/Thực hiện chức trách/).inputValue()).toBe(
      `${dutyText}${more} Máy này gõ thêm.`,
    );
    await rescued.screenshot({ path: join(ROOT, "test-results/plan-conflict-390.png") });
    await rescued.getByRole("button", { name: /^Đã chép xong/ }).click();
    await rescued.waitFor({ state: "detached" });
    await other.context().close();

    // Submitted once more (an edit after submitting makes a plan a draft again).
    await page.getByRole("button", { name: "Nộp", exact: true }).click();
    await page.getByText(/^Đã nộp lúc/).waitFor();
    await page.reload();
    ({ duty, status } = fields(page));
    await expect.poll(() => duty.inputValue(), SLOW).toBe(finalDuty);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/plan-390.png"), fullPage: true });

    // The print view: the administrative layout, without nav or buttons on paper.
    await page.getByRole("link", { name: "Bản in" }).click();
    await page.waitForURL(`${formUrl}/in`);
    const sheet = page.locator(".sheet");
    await sheet.getByText("ĐẢNG CỘNG SẢN VIỆT NAM").waitFor();
    await page.emulateMedia({ media: "print" });
    const paper = await sheet.innerText();
    expect(paper).toContain("CHI BỘ KHU DÂN CƯ SỐ 1");
    expect(paper).toMatch(/Long Biên, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(paper).toMatch(/KẾ HOẠCH TU DƯỠNG, RÈN LUYỆN ĐẠO ĐỨC.*NĂM \d{4}/);
    expect(paper).toContain(finalDuty);
    expect(paper).toContain("XÁC NHẬN CỦA CHI BỘ");
    expect(paper).toContain("NGƯỜI CAM KẾT");
    expect(paper).toContain(MEMBER.name);
    expect(await page.locator(".print-toolbar").isVisible()).toBe(false);
    // On paper: no button, no link, no nav (roles count only what is rendered).
    expect(await page.getByRole("button").count()).toBe(0);
    expect(await page.getByRole("link").count()).toBe(0);
    expect(await page.getByRole("navigation").count()).toBe(0);
    // The sheet as the printer lays it out: A4 width (794 px at 96 dpi), and a real PDF.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(ROOT, "test-results/plan-print.png"), fullPage: true });
    await page.pdf({ path: join(ROOT, "test-results/plan-print.pdf"), preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });

    expect(pageErrors).toEqual([]);
    await context.close();

    // The secretary of the member's cell: progress before, then the queue.
    const sec = await e2e.signedIn(pageErrors, SECRETARY.email, PASSWORD);
    const nav = sec.getByRole("navigation", { name: "Các mục chính" });
    await nav.getByRole("link", { name: "Đợt sinh hoạt" }).click();
    await sec.getByRole("heading", { level: 1, name: "Đợt sinh hoạt" }).waitFor();
    await sec.locator(".campaign-list a").first().click();
    await sec.getByRole("heading", { level: 2, name: "Tiến độ nộp kế hoạch" }).waitFor();
    await sec.locator(".totals-grid").waitFor();
    const campaignUrl = sec.url();
    const confirmedBefore = await total(sec, "Đã xác nhận");
    const submittedBefore = await total(sec, "Đã nộp");
    expect(await scrollWidth(sec)).toBeLessThanOrEqual(WIDTH);

    await sec.getByRole("link", { name: "Xác nhận kế hoạch của đảng viên" }).click();
    await sec.getByRole("heading", { level: 1, name: "Xác nhận kế hoạch" }).waitFor();
    const queueUrl = sec.url();
    const awaiting = sec.locator("section", { has: sec.locator("#q-awaiting") });
    await awaiting.getByText(MEMBER.name).waitFor();
    await awaiting.getByText(WAITING).waitFor();
    expect(await scrollWidth(sec)).toBeLessThanOrEqual(WIDTH);
    const open = async (name: string) => {
      await awaiting
        .locator("li", { hasText: name })
        .getByRole("link", { name: "Xem và xác nhận" })
        .click();
      await sec.getByRole("heading", { level: 1, name: `Kế hoạch của ${name}` }).waitFor();
    };
    const confirm = async (name: string, opinion?: string) => {
      await open(name);
      if (opinion) await sec.getByLabel("Nhận xét của chi bộ (không bắt buộc)").fill(opinion);
      const confirmed = sec.waitForResponse(
        (r) => r.url().endsWith("/confirm") && r.request().method() === "POST",
      );
      await sec.getByRole("button", { name: "Xác nhận", exact: true }).click();
      const answer = await confirmed;
      expect(answer.status()).toBe(200);
      if (opinion) expect(answer.request().postDataJSON()).toEqual({ opinion });
      await sec.getByRole("heading", { level: 1, name: "Xác nhận kế hoạch" }).waitFor();
      await sec.getByText(`Đã xác nhận kế hoạch của ${name}.`).waitFor();
    };

    // The member's plan goes back with a comment (required: refused without one).
    await open(MEMBER.name);
    await sec.getByText(finalDuty).waitFor();
    await sec.getByRole("button", { name: "Trả lại để sửa" }).click();
    await sec
      .locator("#return-comment-err")
      .getByText(/ít nhất 3 ký tự/)
      .waitFor();
    const comment = "Đề nghị nêu rõ thời hạn khắc phục.";
    await sec.getByLabel("Góp ý khi trả lại (bắt buộc)").fill(comment);
    await sec.getByRole("button", { name: "Trả lại để sửa" }).click();
    await sec.getByText(`Đã trả lại kế hoạch của ${MEMBER.name} kèm góp ý.`).waitFor();
    const missing = sec.locator("section", { has: sec.locator("#q-missing") });
    await missing
      .locator("li", { hasText: MEMBER.name })
      .getByText(/Bị trả lại/)
      .waitFor();
    await confirm(WAITING);

    // The member sees the comment on "Việc của tôi" and in the form, fixes, submits again.
    const again = await e2e.signedIn(pageErrors, MEMBER.email, PASSWORD);
    const returned = again.getByRole("link", { name: /Viết bản kế hoạch tu dưỡng/ });
    await returned.getByText("Bị trả lại").waitFor();
    await again.getByText(`Góp ý của chi bộ: ${comment}`).waitFor();
    await returned.click();
    await again.locator(".callout.returned", { hasText: comment }).waitFor();
    const mine = fields(again);
    await mine.fix.fill(`${fixText}${later} Hoàn thành trong quý này.`);
    await again.getByRole("button", { name: "Nộp", exact: true }).click();
    await again.getByText(/^Đã nộp lúc/).waitFor();
    await again.context().close();

    await sec.goto(queueUrl);
    await confirm(MEMBER.name, "Kế hoạch sát với nhiệm vụ; chi bộ sẽ theo dõi hằng tháng.");
    const confirmedList = sec.locator("section", { has: sec.locator("#q-confirmed") });
    for (const name of [MEMBER.name, WAITING]) await confirmedList.getByText(name).waitFor();
    expect(await awaiting.locator("li").count()).toBe(0);

    // The campaign's progress counts the two new confirmations.
    await sec.goto(campaignUrl);
    await sec.locator(".totals-grid").waitFor();
    await expect.poll(() => total(sec, "Đã xác nhận"), SLOW).toBe(confirmedBefore + 2);
    expect(await total(sec, "Đã nộp")).toBe(submittedBefore);
    await sec.screenshot({
      path: join(ROOT, "test-results/plan-progress-390.png"),
      fullPage: true,
    });

    // The member sees the confirmation, read-only, with the date.
    const back = await e2e.signedIn(pageErrors, MEMBER.email, PASSWORD);
    await back.goto(formUrl);
    await back.getByText(/^Đã được chi bộ xác nhận ngày \d{2}\/\d{2}\/\d{4}\.$/).waitFor();
    expect(await back.getByRole("textbox").count()).toBe(0);
    await back.getByRole("button", { name: "Sửa kế hoạch" }).waitFor();

    expect(pageErrors).toEqual([]);
    await sec.context().close();
    await back.context().close();
  }, 180_000);
});
