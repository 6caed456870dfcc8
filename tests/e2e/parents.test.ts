// Browser test of "Cấp trên – cấp dưới": two đảng bộ signed up through the API, the child
// asks the parent to link and the parent approves (bearer tokens, as scripts do); then the
// parent's admin signs in on a 390 px phone and sees the child on the parents page.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PHONE_WIDTH, scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";
import { bearerApi, E2E_PASSWORD } from "../support/browser-api";

const PARENT = { slug: "quan-thu-nghiem", name: "Đảng bộ quận Thử Nghiệm" };
const CHILD = { slug: "phuong-thu-nghiem", name: "Đảng bộ phường Thử Nghiệm" };

const e2e = useServerAndBrowser("shct-e2e-parents-");
const { api, askLink, linked } = bearerApi(e2e);

describe("parents page", () => {
  it("lists an approved child đảng bộ to the parent's admin", async () => {
    const { parentToken } = await askLink(PARENT, "admin@quan.vn", CHILD, "admin@phuong.vn");
    const links = await api<{ asParent: { id: string; status: string }[] }>(
      "GET",
      `/api/t/${PARENT.slug}/links`,
      parentToken,
    );
    const pending = links.asParent.find((l) => l.status === "pending");
    expect(pending).toBeDefined();
    await api("POST", `/api/t/${PARENT.slug}/links/${pending!.id}/approve`, parentToken);

    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, "admin@quan.vn", E2E_PASSWORD, PARENT.slug);

    await page.getByRole("link", { name: "Cấp trên – cấp dưới" }).first().click();
    await page.waitForURL(`${e2e.base}/t/${PARENT.slug}/lien-ket`);
    await page.getByRole("heading", { level: 1, name: "Cấp trên – cấp dưới" }).waitFor();
    const children = page.locator("section", {
      has: page.getByRole("heading", { name: "Đảng bộ cấp dưới" }),
    });
    await children.getByText(CHILD.name).first().waitFor();
    await expect.poll(() => children.getByText("Đã liên kết").count()).toBeGreaterThan(0);
    await page.getByRole("heading", { name: CHILD.name, level: 3 }).waitFor();

    // The header links to the notifications with the unread count.
    await page.getByRole("link", { name: /^Thông báo \(\d+\)/ }).waitFor();

    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/parents-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("lets the child adopt and adapt a directive, showing what the parent locked", async () => {
    const { parentToken } = await linked(
      { slug: "quan-hai", name: "Đảng bộ quận Hai" },
      "qh@quan.vn",
      { slug: "phuong-hai", name: "Đảng bộ phường Hai" },
      "ph@p.vn",
    );
    await api("POST", "/api/t/quan-hai/directives", parentToken, {
      templateKey: "tu-soi-tu-sua",
      name: "Kế hoạch thực hiện Chỉ thị 24",
      documentNo: "187-KH/QU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      lockedSections: ["steps", "forms"],
    });

    const pageErrors: string[] = [];
    const page = await e2e.signedIn(pageErrors, "ph@p.vn", E2E_PASSWORD, "phuong-hai");
    await page.goto(`${e2e.base}/t/phuong-hai/lien-ket`);
    await page.getByText("Cấp trên khóa: Các bước, Biểu mẫu.").first().waitFor();
    await page.getByRole("link", { name: "Áp dụng “Kế hoạch thực hiện Chỉ thị 24”" }).click();
    await page.getByRole("heading", { level: 1, name: "Áp dụng văn bản của cấp trên" }).waitFor();
    await page.getByText("Cấp trên khóa: Các bước, Biểu mẫu.").waitFor();

    // A deadline after the parent's is refused next to its field; then the child's own.
    await page.getByLabel("Số văn bản của đảng bộ").fill("155-KH/ĐU");
    await page.getByLabel("Hạn hoàn thành").fill("11/04/2026");
    await page.getByRole("button", { name: "Áp dụng và tạo đợt sinh hoạt (nháp)" }).click();
    await page.getByText("Không được sau 10/04/2026 (hạn của cấp trên).").waitFor();
    await page.screenshot({ path: join(ROOT, "test-results/adopt-390.png"), fullPage: true });
    await page.getByLabel("Hạn hoàn thành").fill("05/04/2026");
    await page.getByRole("button", { name: "Áp dụng và tạo đợt sinh hoạt (nháp)" }).click();
    await page.waitForURL(new RegExp(`${e2e.base}/t/phuong-hai/dot-sinh-hoat/`));
    await page.getByText("155-KH/ĐU").first().waitFor();
    // An adopted draft is not refreshed from a template (the parent's locks would go).
    await page
      .getByText("Đợt này thực hiện văn bản của cấp trên nên không cập nhật theo mẫu")
      .waitFor();

    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE_WIDTH);
    expect(pageErrors).toEqual([]);
  });
});
