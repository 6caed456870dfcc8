// Browser test of the template editor and the audit log on a 390 px phone (issue 12): a copy
// named with "–" gets a key the server accepts and the đảng bộ's own issuing body; a step's
// date typed as a day that does not exist is answered in Vietnamese beside that input (the
// server's field path mapped to it); the corrected date is saved and read back; the audit
// log then reads in words, grouped by person and hour, and filters by person.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ (worker/demo.ts). Needs `npm run build` first.
import { describe, expect, it } from "vitest";
import { issuingOf } from "../../schema/rules/issuing";
import { getBuiltInTemplate } from "../../schema/templates";
import { DEMO, PHONE_WIDTH, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";

const e2e = useServerAndBrowser("shct-e2e-editor-");

const ADMIN_NAME = "Nguyễn Thị Thu Hà";
const TENANT_NAME = "Đảng bộ phường Long Biên (mẫu)";

describe("the template editor and the audit log", () => {
  it("edits a step's date with the error beside it, then reads the change in the log", async () => {
    const pageErrors: string[] = [];
    const admin = await e2e.signedIn(pageErrors, DEMO.admin, DEMO.password);

    // Copy CT 24 under a name with an en dash: the key suggested is one the server takes.
    await admin.goto("/t/demo/mau");
    const builtIn = getBuiltInTemplate("ct24-sinh-hoat")!;
    const card = admin.locator("li.card", { hasText: builtIn.name });
    await card.getByText("Nhân bản mẫu này").click();
    await card.getByLabel("Tên mẫu mới").fill("CT 24 – Đảng bộ phường");
    await expect
      .poll(() => card.getByLabel(/^Khóa/).inputValue(), SLOW)
      .toBe("ct-24-dang-bo-phuong");
    await card.getByRole("button", { name: "Nhân bản" }).click();
    await admin.waitForURL(/\/t\/demo\/mau\/ct-24-dang-bo-phuong$/);
    await admin.getByRole("heading", { level: 1, name: "CT 24 – Đảng bộ phường" }).waitFor();

    // The issuing body is the đảng bộ's own, not the seed's.
    const issuing = issuingOf(TENANT_NAME);
    expect(await admin.getByLabel("Cơ quan ban hành").inputValue()).toBe(issuing.body);
    expect(await admin.getByLabel("Địa danh").inputValue()).toBe(issuing.place);

    // The report step's date: a day that does not exist is refused beside the input.
    const i = builtIn.steps.findIndex((s) => s.key === "cb-bao-cao");
    const date = admin.locator(`#step-${i}-date`);
    expect(await date.inputValue()).toBe("30/10/2023");
    await date.fill("30/02/2024");
    await date.press("Tab");
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    const error = admin.locator(`#step-${i}-date-err`);
    await expect.poll(() => error.innerText(), SLOW).toBe("Ngày không có thật.");
    expect(await date.getAttribute("aria-invalid")).toBe("true");
    // Text that is no date at all is caught before sending, in the same place.
    await date.fill("ngày mai");
    await date.press("Tab");
    await expect.poll(() => error.innerText(), SLOW).toMatch(/ngày\/tháng\/năm/);
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);

    // Corrected, it saves; read back after a reload.
    await date.fill("02/11/2023");
    await date.press("Tab");
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    await admin.getByText(/^Đã lưu mẫu \(phiên bản 1\)\.$/).waitFor();
    await admin.reload();
    await expect.poll(() => admin.locator(`#step-${i}-date`).inputValue(), SLOW).toBe("02/11/2023");

    // The log: words, not codes; the admin's changes of this hour in one group.
    await admin.goto("/t/demo/nhat-ky");
    const log = admin.getByRole("table", { name: "Nhật ký thay đổi" });
    const group = log.locator("tbody.audit-group").first();
    await expect.poll(() => group.locator("th").innerText(), SLOW).toContain(ADMIN_NAME);
    const text = await group.innerText();
    expect(text).toContain("Sửa mẫu");
    expect(text).toContain("Phần đã sửa: các bước và hạn");
    expect(text).toContain("Nhân bản mẫu");
    expect(text).not.toContain("template.save");
    // Filtered by person: only the secretary's groups, none of the admin's template edits.
    await admin.getByLabel("Người thực hiện").selectOption({ label: "Trần Văn Bình" });
    const settled = async () => {
      const t = await log.innerText();
      if (t.includes("Đang tải")) return "loading";
      return t.includes("Sửa mẫu") ? "admin's" : "filtered";
    };
    await expect.poll(settled, SLOW).toBe("filtered");
    expect(admin.url()).toContain("nguoi=");
    for (const heading of await log.locator("tbody.audit-group th").allInnerTexts())
      expect(heading).toContain("Trần Văn Bình");
    await admin.getByLabel("Người thực hiện").selectOption({ label: ADMIN_NAME });
    await expect.poll(() => log.innerText(), SLOW).toContain("Sửa mẫu");
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("gives a stuck draft its way out: refreshed onto the đảng bộ's copy, or deleted", async () => {
    const pageErrors: string[] = [];
    const admin = await e2e.signedIn(pageErrors, DEMO.admin, DEMO.password);
    // Two drafts on the built-in CT 24, whose 25 expressions are not entered: neither launches;
    // and the đảng bộ's own copy of it to refresh one onto.
    const ids = await admin.evaluate(async () => {
      const json = (r: Response) => r.json() as Promise<Record<string, unknown>>;
      await fetch("/api/t/demo/templates", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fromKey: "ct24-sinh-hoat", name: "CT 24 của phường" }),
      });
      const { units } = (await json(await fetch("/api/t/demo/units"))) as {
        units: { id: string; depth: number }[];
      };
      const root = units.find((u) => u.depth === 0)!.id;
      const make = async (name: string) =>
        (
          (await json(
            await fetch("/api/t/demo/campaigns", {
              method: "POST",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify({
                templateKey: "ct24-sinh-hoat",
                name,
                startsOn: "2026-09-07",
                dueOn: "2026-09-20",
                unitIds: [root],
              }),
            }),
          )) as { id: string }
        ).id;
      return [await make("Đợt nháp một"), await make("Đợt nháp hai")];
    });

    await admin.goto(`/t/demo/dot-sinh-hoat/${ids[0]}`);
    await admin.getByText("Đợt nháp này chưa phát động được:").waitFor();
    await admin
      .getByText(/còn thiếu 25\/25 nội dung/)
      .first()
      .waitFor();
    await admin.getByLabel("Cập nhật theo mẫu").selectOption("ct-24-cua-phuong");
    await admin.getByRole("button", { name: "Cập nhật theo mẫu" }).click();
    await admin.getByText("Đã cập nhật theo mẫu “ct-24-cua-phuong” (phiên bản 1).").waitFor();

    await admin.goto(`/t/demo/dot-sinh-hoat/${ids[1]}`);
    await admin.getByRole("button", { name: "Xóa đợt nháp" }).click();
    await admin.getByRole("button", { name: "Xóa", exact: true }).click();
    await admin.waitForURL(/\/t\/demo\/dot-sinh-hoat$/);
    await admin.getByRole("link", { name: "Đợt nháp một" }).waitFor();
    expect(await admin.getByRole("link", { name: "Đợt nháp hai" }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
