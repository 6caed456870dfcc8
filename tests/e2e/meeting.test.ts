// Browser test of the secretary's meeting record on a 390 px phone: schedule the unit's
// meeting from the campaign page, record the materials, the roll-call (one excused with a
// reason), start and end, two speakers in order, minutes and the vote; then the unit's
// compliance marks on the campaign page follow. And the public page opens without login and
// shows only the plans routed to publication.
// Runs against the built server (tests/support/server.ts). Needs `npm run build` first.
import { join } from "node:path";
import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const WIDTH = 390;
const SLOW = { timeout: 15_000 };
const SECRETARY = { email: "bithu@demo.vn", password: "demo12345" };
const UNIT = "Chi bộ Khu dân cư số 1";
const EXCUSED = "Đỗ Thị Lan";
const SPEAKERS = ["Trần Văn Bình", "Phạm Quốc Hùng"];

const e2e = useServerAndBrowser("shct-e2e-meeting-");

/** Waits for the next successful write to the meeting (PATCH or PUT attendance). */
function saved(page: Page): Promise<Response> {
  return page.waitForResponse(
    (r) =>
      /\/api\/t\/demo\/meetings\/[a-z0-9]+(\/attendance)?$/.test(r.url()) &&
      ["PATCH", "PUT"].includes(r.request().method()) &&
      r.status() === 200,
    SLOW,
  );
}

describe("the secretary's meeting record on a 390 px phone", () => {
  it("records a meeting and the unit's compliance marks follow", async () => {
    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, SECRETARY.email, SECRETARY.password);

    // The campaign page: compliance is pending, and the meeting can be scheduled.
    await page
      .getByRole("navigation", { name: "Các mục chính" })
      .getByRole("link", { name: "Đợt sinh hoạt" })
      .click();
    await page
      .getByRole("link", { name: /Tự soi, tự sửa/ })
      .first()
      .click();
    const compliance = page.getByRole("list", { name: `Tuân thủ của ${UNIT}` });
    await compliance.waitFor(SLOW);
    const heldMark = compliance
      .getByRole("listitem")
      .filter({ hasText: "Tổ chức sinh hoạt đúng hạn" });
    expect(await heldMark.locator(".badge").innerText()).toBe("Chưa đến hạn");

    await page.getByRole("heading", { name: "Lên lịch sinh hoạt" }).waitFor();
    await page.getByLabel("Thời gian").fill("2026-12-05T08:00");
    await page.getByLabel("Địa điểm").fill("Nhà văn hóa khu dân cư số 1");
    await page.getByRole("button", { name: "Lên lịch sinh hoạt" }).click();
    await page.waitForURL(/\/sinh-hoat\/[a-z0-9]+$/, SLOW);
    await page.getByRole("heading", { level: 1, name: /Tổ chức hội nghị/ }).waitFor();
    expect(await page.getByLabel("Địa điểm").inputValue()).toBe("Nhà văn hóa khu dân cư số 1");

    // Materials sent now.
    let w = saved(page);
    await page.getByRole("button", { name: "Bây giờ" }).first().click();
    await w;
    expect(await page.getByLabel("Gửi tài liệu lúc").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Roll-call: everyone present but one, excused with a reason.
    const rows = page.locator(".roll-row");
    await rows.first().waitFor();
    const names = (await rows.locator(".roll-name strong").allInnerTexts()).map((s) => s.trim());
    expect(names).toEqual(expect.arrayContaining([...SPEAKERS, EXCUSED]));
    for (const name of names) {
      const group = page.getByRole("group", { name });
      w = saved(page);
      await group
        .getByRole("button", { name: name === EXCUSED ? "Vắng có lý do" : "Có mặt" })
        .click();
      await w;
    }
    w = saved(page);
    await page.getByLabel(`Lý do vắng của ${EXCUSED}`).fill("Đi công tác");
    await page.getByLabel(`Lý do vắng của ${EXCUSED}`).blur();
    await w;
    w = saved(page);
    await page.getByRole("checkbox", { name: `Cấp ủy viên (${SPEAKERS[0]})` }).check();
    await w;

    // Start, two speakers in order (one undone and redone), end.
    w = saved(page);
    await page.getByRole("button", { name: "Bắt đầu", exact: true }).click();
    await w;
    w = saved(page);
    await page.getByRole("button", { name: "Tổ chức riêng" }).click();
    await w;
    const choices = page.getByRole("list", { name: "Chưa phát biểu" });
    for (const name of SPEAKERS) {
      w = saved(page);
      await choices.getByRole("button", { name }).click();
      await w;
    }
    w = saved(page);
    await page.getByRole("button", { name: "Hoàn tác người cuối" }).click();
    await w;
    w = saved(page);
    await choices.getByRole("button", { name: SPEAKERS[1] }).click();
    await w;
    const spoken = page.getByRole("list", { name: "Đã phát biểu" });
    expect((await spoken.getByRole("listitem").allInnerTexts()).map((s) => s.trim())).toEqual(
      SPEAKERS,
    );

    // The directive's programme, ticked as it is covered: the first item, its presenter
    // filled from the template; the directive's notes are on the record too.
    expect(await page.getByRole("region", { name: "Hướng dẫn của văn bản" }).innerText()).toContain(
      "Không được lồng ghép",
    );
    w = saved(page);
    await page.getByRole("checkbox", { name: /^Quán triệt mục đích/ }).check();
    await w;
    expect(await page.getByLabel("Người trình bày nội dung 1").inputValue()).toBe("Người chủ trì");

    // Minutes and the vote.
    w = saved(page);
    await page.getByLabel("Thư ký ghi biên bản", { exact: true }).fill("Lê Thị Hồng");
    await page.getByLabel("Thư ký ghi biên bản", { exact: true }).blur();
    await w;
    w = saved(page);
    await page.getByLabel("Nội dung biên bản").fill("Các đồng chí lần lượt trình bày kế hoạch.");
    await page.getByLabel("Nội dung biên bản").blur();
    await w;
    for (let i = 0; i < 3; i++) {
      w = saved(page);
      await page.getByRole("button", { name: "Thêm một (Tán thành)" }).click();
      await w;
    }
    w = saved(page);
    await page.getByRole("button", { name: "Kết thúc", exact: true }).click();
    const last = await w;
    const { meeting } = (await last.json()) as {
      meeting: { voteFor: number; startedAt: string; endedAt: string; minutes: string };
    };
    expect(meeting.voteFor).toBe(3);
    expect(meeting.startedAt).toBeTruthy();
    expect(meeting.endedAt).toBeTruthy();
    expect(
      await page
        .getByRole("group", { name: "Tán thành", exact: true })
        .locator("output")
        .innerText(),
    ).toBe("3");
    await expect.poll(() => page.getByRole("status").first().innerText()).toMatch(/Đã lưu lúc/);
    expect(await page.getByRole("alert").first().innerText()).toBe("");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/meeting-390.png"), fullPage: true });

    // A reload keeps it all.
    await page.reload();
    await page.getByRole("list", { name: "Đã phát biểu" }).waitFor(SLOW);
    expect(await page.getByLabel(`Lý do vắng của ${EXCUSED}`).inputValue()).toBe("Đi công tác");

    // Back on the campaign page, the unit's marks follow what was entered.
    await page.getByRole("link", { name: /^← / }).click();
    await compliance.waitFor(SLOW);
    await expect.poll(() => heldMark.locator(".badge").innerText(), SLOW).not.toBe("Chưa đến hạn");
    const materials = compliance.getByRole("listitem").filter({ hasText: "Gửi tài liệu trước" });
    // The materials went out the moment the meeting started: not 3 days before it.
    expect(await materials.locator(".badge").innerText()).toBe("Muộn");
    const speakersMark = compliance.getByRole("listitem").filter({ hasText: "phát biểu" }).last();
    const separate = compliance.getByRole("listitem").filter({ hasText: "Không ghép" });
    expect(await separate.locator(".badge").innerText()).toBe("Đạt");
    // One item of the four on the programme was recorded; the minutes secretary was named.
    const agenda = compliance
      .getByRole("listitem")
      .filter({ hasText: "nội dung của chương trình" });
    expect(await agenda.locator(".badge").innerText()).toBe("Chưa đạt");
    expect(await agenda.innerText()).toContain("Chưa ghi nhận nội dung 2, 3 và 4.");
    const secretary = compliance
      .getByRole("listitem")
      .filter({ hasText: "Cử thư ký ghi biên bản" });
    expect(await secretary.locator(".badge").innerText()).toBe("Đạt");
    // Only two of those present spoke: the rule asks every member present to speak.
    expect(await speakersMark.locator(".badge").innerText()).toBe("Chưa đạt");
    expect(await speakersMark.innerText()).toMatch(/2\/\d+ đảng viên phát biểu/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({
      path: join(ROOT, "test-results/meeting-compliance-390.png"),
      fullPage: true,
    });

    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("shows the public page without login", async () => {
    const page = await e2e.phone();
    await page.goto("/t/demo/dang-nhap");
    await page.getByRole("link", { name: "Kế hoạch công khai" }).click();
    await page.waitForURL(`${e2e.base}/t/demo/cong-khai`);
    await page.getByRole("heading", { level: 2, name: "Nguyễn Đức Long" }).waitFor(SLOW);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Đảng bộ phường Long Biên (mẫu)");
    expect(text).not.toContain("Lê Thị Hồng");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/public-390.png"), fullPage: true });
    await page.context().close();
  });
});
