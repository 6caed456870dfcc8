// Browser tests of the cell's own work on a 390 px phone (issue 10, "the client shows the
// directive"). The admin saves the ward's CT 24 with its 25 expressions and launches it over
// the đảng bộ (through the API, as the admin's screens already do elsewhere). Then the cell's
// secretary opens "Việc của chi bộ", fills the minutes with the 25-expression checklist (one
// control per item), meets a stale save (409) and reloads, and the checklist counts show the
// cell's answer; a member sees the next meeting (time, place, the Sổ tay link) on "Dự sinh
// hoạt" and opens its guidance: the agenda with presenters and the materials to read. Runs against the built server. Needs `npm run build`.
import { describe, expect, it } from "vitest";
import {
  DEMO,
  demoApi,
  PHONE_WIDTH,
  scrollWidth,
  SLOW,
  useServerAndBrowser,
} from "../support/browser";
import { ct24Filled, ct24Minutes } from "../support/templates";

const UNIT = "Chi bộ Khu dân cư số 1";
const MINUTES_STEP = "Tổ chức sinh hoạt chính trị, tư tưởng tại chi bộ";
const ATTEND_STEP = "Dự sinh hoạt chính trị, tư tưởng và tham gia ý kiến";

const e2e = useServerAndBrowser("shct-e2e-cell-");

const ictDay = (offsetDays: number) =>
  new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

let campaignId = "";
let unitId = "";
let api: ReturnType<typeof demoApi>;

describe("the cell's work on a 390 px phone", () => {
  it("the secretary fills the minutes with the 25-expression checklist and the count shows it", async () => {
    const errors: string[] = [];
    const admin = await e2e.phone();
    await e2e.signIn(admin, DEMO.admin, DEMO.password);
    api = demoApi(e2e.base, admin);
    await api("POST", "/templates", {
      fromKey: "ct24-sinh-hoat",
      key: "ct24-phuong",
      name: "CT 24 — phường",
    });
    await api("PUT", "/templates/ct24-phuong", { version: 1, definition: ct24Filled() });
    const { units } = await api<{ units: { id: string; name: string; parentId: string | null }[] }>(
      "GET",
      "/units",
    );
    const root = units.find((u) => u.parentId === null)!;
    unitId = units.find((u) => u.name === UNIT)!.id;
    ({ id: campaignId } = await api<{ id: string }>("POST", "/campaigns", {
      templateKey: "ct24-phuong",
      name: "Kế hoạch 155-KH/ĐU",
      startsOn: ictDay(-2),
      dueOn: ictDay(14),
      unitIds: [root.id],
    }));
    await api("POST", `/campaigns/${campaignId}/launch`);

    // The secretary's "Việc của tôi": the step's guidance leads to the cell's view.
    const page = await e2e.signedIn(errors, DEMO.secretary, DEMO.password);
    const task = page.getByRole("listitem").filter({ hasText: MINUTES_STEP });
    await task.first().waitFor(SLOW);
    await task.first().getByText("Hướng dẫn", { exact: true }).click();
    await task.first().getByText("Trình bày: Bí thư chi bộ").first().waitFor(SLOW);
    await task.first().getByRole("link", { name: "Xem việc của chi bộ, từng bước" }).click();
    await page.getByRole("heading", { level: 1, name: "Việc của chi bộ" }).waitFor(SLOW);

    // Step by step: the meeting step's action is its minutes.
    const step = page.locator(".cell-step").filter({ hasText: MINUTES_STEP });
    await step.getByRole("link", { name: "Ghi biên bản, nội dung sinh hoạt" }).click();
    await page
      .getByRole("heading", { level: 1, name: /Nội dung sinh hoạt chính trị/ })
      .waitFor(SLOW);

    // One control per expression: 25 items, each its own group of levels.
    const items = page.locator(".checklist-item");
    expect(await items.count()).toBe(25);
    await page.getByLabel(/^Nhận thức, thái độ của đảng viên/).fill("Đảng viên nhận thức rõ.");
    for (let n = 1; n <= 25; n++) {
      const item = page.getByRole("group", { name: new RegExp(`^${n}\\. Biểu hiện số ${n}$`) });
      await item.getByLabel(n === 7 ? "Có" : "Không có", { exact: true }).check();
    }
    // "Có" asks at what degree: refused without it, by the server, under the item.
    await page.getByLabel(/^Chi bộ và bản thân trong thời gian qua/).fill("Tương đối tốt.");
    await page.getByLabel(/^Giải pháp khắc phục/).fill("Rà soát thủ tục.");
    await page.getByLabel(/^Tổng hợp, khái quát/).fill("Các ý kiến thống nhất.");
    await page.getByLabel(/^Đánh giá chất lượng buổi sinh hoạt/).fill("Đạt yêu cầu.");
    await page.getByRole("button", { name: "Lưu biểu mẫu" }).click();
    const item7 = page.locator(".checklist-item").nth(6);
    await item7.getByText("Cần ghi ở mức độ nào?.").waitFor(SLOW);
    expect(await page.getByText("Đã lưu phiên bản").count()).toBe(0);
    await item7.getByLabel("Ở mức độ nào?").fill("Còn chậm trả lời đơn thư.");
    await page.getByRole("button", { name: "Lưu biểu mẫu" }).click();
    await page.getByText("Đã lưu phiên bản 1.").waitFor(SLOW);

    // Someone else saves meanwhile: the stale save is refused and the page offers a reload.
    await api("PUT", `/campaigns/${campaignId}/steps/cb-sinh-hoat/units/${unitId}`, {
      version: 1,
      data: ct24Minutes("Bản của đồng chí phó bí thư."),
    });
    await page.getByRole("button", { name: "Lưu biểu mẫu" }).click();
    await page.getByText("Dữ liệu đã được người khác thay đổi", { exact: false }).waitFor(SLOW);
    await page.getByRole("button", { name: "Tải lại bản mới nhất" }).click();
    await page.getByText(/^Phiên bản 2/).waitFor(SLOW);
    expect(await page.getByLabel(/^Tổng hợp, khái quát/).inputValue()).toBe(
      "Bản của đồng chí phó bí thư.",
    );
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);

    // The counts: one cell, expression 7 answered "Có".
    await page.getByRole("link", { name: "Xem tổng hợp danh mục của các đơn vị" }).click();
    await page.getByRole("heading", { level: 1, name: "Tổng hợp danh mục" }).waitFor(SLOW);
    expect(await page.locator(".tally-units").innerText()).toBe("1");
    const row7 = page.locator('tr[data-item="7"]');
    expect(await row7.locator('td[data-level="co"]').innerText()).toBe("1");
    expect(await row7.locator('td[data-level="khong"]').innerText()).toBe("0");
    expect(await page.locator('tr[data-item="8"] td[data-level="khong"]').innerText()).toBe("1");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);

    // The admin reaches the same counts from the campaign page.
    await admin.goto(`/t/demo/dot-sinh-hoat/${campaignId}`);
    await admin.getByRole("link", { name: `Tổng hợp danh mục: ${MINUTES_STEP}` }).click();
    await admin.getByRole("heading", { level: 1, name: "Tổng hợp danh mục" }).waitFor(SLOW);
    expect(await admin.locator('tr[data-item="7"] td[data-level="co"]').innerText()).toBe("1");
    expect(errors).toEqual([]);
  });

  it("a member sees the next meeting, its materials, and the agenda with presenters", async () => {
    expect(campaignId).not.toBe("");
    // The cell's meeting is scheduled in three days, its materials posted on Sổ tay.
    const at = new Date(`${ictDay(3)}T08:00:00+07:00`);
    const { meeting } = await api<{ meeting: { id: string; version: number } }>(
      "POST",
      `/campaigns/${campaignId}/meetings`,
      { unitId, stepKey: "cb-sinh-hoat", scheduledAt: at.toISOString(), place: "Nhà văn hóa tổ 5" },
    );
    await api("PATCH", `/meetings/${meeting.id}`, {
      version: meeting.version,
      materialsSentAt: new Date().toISOString(),
      soTayLink: "https://sotaydangvien.vn/tai-lieu/ct24",
      soTayPostedAt: new Date().toISOString(),
    });

    const errors: string[] = [];
    const page = await e2e.signedIn(errors, DEMO.member, DEMO.password);
    const task = page.getByRole("listitem").filter({ hasText: ATTEND_STEP }).first();
    await task.waitFor(SLOW);
    const next = task.locator(".next-meeting");
    expect(await next.innerText()).toContain(
      `08:00 ngày ${ictDay(3).split("-").reverse().join("/")}, tại Nhà văn hóa tổ 5`,
    );
    expect(
      await next
        .getByRole("link", { name: "Tài liệu trên Sổ tay đảng viên điện tử" })
        .getAttribute("href"),
    ).toBe("https://sotaydangvien.vn/tai-lieu/ct24");
    await task.getByText("Hướng dẫn", { exact: true }).click();
    const guidance = task.getByRole("region", { name: `Hướng dẫn: ${ATTEND_STEP}` });
    await guidance.waitFor(SLOW);
    await guidance.getByText("Cách hoàn thành").waitFor();
    await guidance.getByText("Đảng viên có mặt tại cuộc họp").waitFor();
    await guidance.getByText(/Đọc bài viết “Bệnh sợ trách nhiệm”/).waitFor();
    await guidance
      .getByText("Trình bày: Bí thư (hoặc Phó Bí thư) chi bộ", { exact: false })
      .waitFor();
    await guidance.getByText(/Tài liệu gửi qua Sổ tay đảng viên điện tử/).waitFor();
    await guidance.getByText(/^Chỉ thị số 24-CT\/TU/).waitFor();
    expect(await guidance.getByText(/^Hạn|\d{2}\/\d{2}\/\d{4}/).count()).toBeGreaterThan(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(errors).toEqual([]);
  });

  it("the secretary records this month's review on the template's own form", async () => {
    expect(unitId).not.toBe("");
    const { campaigns } = await api<{ campaigns: { id: string; templateKey: string }[] }>(
      "GET",
      "/campaigns",
    );
    const demo = campaigns.find((c) => c.templateKey === "tu-soi-tu-sua")!;
    const errors: string[] = [];
    const page = await e2e.signedIn(errors, DEMO.secretary, DEMO.password);
    await page.goto(`/t/demo/dot-sinh-hoat/${demo.id}/don-vi/${unitId}`);
    await page.getByRole("link", { name: /nhận xét, đánh giá hằng tháng/ }).click();
    await page.getByRole("heading", { level: 1, name: /hằng tháng/ }).waitFor(SLOW);
    await page.getByText("Đã ghi: chưa tháng nào.").waitFor();
    const month = ictDay(0);
    const label = `Tháng ${month.slice(5, 7)}/${month.slice(0, 4)}`;
    expect(await page.getByLabel("Tháng").locator("option:checked").innerText()).toBe(label);
    await page.getByLabel(/^Nhận xét, đánh giá chung/).fill("Đa số đảng viên thực hiện tốt.");
    await page.getByLabel(/^Những mặt được/).fill("Gương mẫu ở khu dân cư.");
    await page.getByLabel(/^Những mặt chưa được/).fill("Còn ít phát biểu trong sinh hoạt.");
    await page.getByLabel("Không", { exact: true }).check();
    await page.getByRole("button", { name: /^Lưu nhận xét tháng/ }).click();
    await page.getByText("Đã lưu phiên bản 1.").waitFor(SLOW);
    await page.reload();
    await page.getByText(`Đã ghi: ${label}.`).waitFor(SLOW);
    expect(await page.getByLabel(/^Những mặt được/).inputValue()).toBe("Gương mẫu ở khu dân cư.");
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(errors).toEqual([]);
  });
});
