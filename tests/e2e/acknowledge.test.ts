// Browser test of a step done by acknowledgement on a 390 px phone: the cell's secretary finds
// "Gửi kế hoạch tu dưỡng cho tổ chức giám sát" (000 §II.4) in "Việc của tôi", opens "Ghi nhận
// đã làm", is told what is missing (the server's 422, under the field), adds it, and the task
// is done. Runs against the built server (tests/support/server.ts). Needs `npm run build`.
import { describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";

const WIDTH = 390;
const SLOW = { timeout: 15_000 };
const SECRETARY = { email: "bithu@demo.vn", password: "demo12345" };
const STEP = "Gửi kế hoạch tu dưỡng cho tổ chức giám sát";

const e2e = useServerAndBrowser("shct-e2e-ack-");

describe("a step done by acknowledgement, on a 390 px phone", () => {
  it("asks for the evidence the step names, then marks the task done", async () => {
    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, SECRETARY.email, SECRETARY.password);

    const task = page.getByRole("listitem").filter({ hasText: STEP });
    await task.waitFor(SLOW);
    expect(await task.locator(".badge").innerText()).toBe("Chưa làm");
    await task.getByText("Ghi nhận đã làm").click();
    await task.getByText(/^Minh chứng:/).waitFor();
    expect(await task.getByLabel("Ngày thực hiện").inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    // Without the note and the document: refused, each message under its field.
    await task.getByRole("button", { name: "Ghi nhận" }).click();
    await task.getByText("Cần ghi nội dung đã làm.").waitFor(SLOW);
    await task.getByText("Cần có đường dẫn hoặc số hiệu văn bản.").waitFor();
    expect(await task.getByLabel("Ghi chú").getAttribute("aria-invalid")).toBe("true");

    await task.getByLabel("Ghi chú").fill("Đã gửi ban công tác mặt trận khu dân cư số 1");
    await task.getByLabel("Số hiệu hoặc tên văn bản, tệp lưu").fill("Công văn số 12/CB");
    await task.getByRole("button", { name: "Ghi nhận" }).click();
    await page
      .getByRole("listitem")
      .filter({ hasText: STEP })
      .locator(".badge", { hasText: "Đã xong" })
      .waitFor(SLOW);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(pageErrors).toEqual([]);
  });
});
