// Browser test of "Cấp trên – cấp dưới": two đảng bộ signed up through the API, the child
// asks the parent to link and the parent approves (bearer tokens, as scripts do); then the
// parent's admin signs in on a 390 px phone and sees the child on the parents page.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scrollWidth, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";
import { bearerApi, E2E_PASSWORD } from "../support/browser-api";

const WIDTH = 390;
const PASSWORD = E2E_PASSWORD;
const PARENT = { slug: "quan-thu-nghiem", name: "Đảng bộ quận Thử Nghiệm" };
const CHILD = { slug: "phuong-thu-nghiem", name: "Đảng bộ phường Thử Nghiệm" };

const e2e = useServerAndBrowser("shct-e2e-parents-");
const { api, signUp } = bearerApi(e2e);

describe("parents page", () => {
  it("lists an approved child đảng bộ to the parent's admin", async () => {
    const parentToken = await signUp(PARENT, "admin@quan.vn");
    const childToken = await signUp(CHILD, "admin@phuong.vn");

    await api("POST", `/api/t/${CHILD.slug}/links`, childToken, { parentSlug: PARENT.slug });
    const links = await api<{ asParent: { id: string; status: string }[] }>(
      "GET",
      `/api/t/${PARENT.slug}/links`,
      parentToken,
    );
    const pending = links.asParent.find((l) => l.status === "pending");
    expect(pending).toBeDefined();
    await api("POST", `/api/t/${PARENT.slug}/links/${pending!.id}/approve`, parentToken);

    const pageErrors: string[] = [];
    const page = await e2e.phone(pageErrors);
    await e2e.signIn(page, "admin@quan.vn", PASSWORD, PARENT.slug);

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

    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(ROOT, "test-results/parents-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
