// Browser test of the template editor's follow-up section on a 390 px phone (issue 10's
// leftover): a đảng bộ's copy of 001 (which asks each member's year-end self-assessment) sets
// the members' own day, a milestone's date and another's half-year/year choice; a day that
// does not exist is answered in Vietnamese beside its input (not repeated in the alert), text
// that is no date is caught before sending; the saved values are read back after a reload and
// from the API, and unticking the members' input removes it. axe finds nothing serious.
// Runs against the built Node server (dist/node/node.mjs serving dist/client) on a fresh
// DATA_DIR with the demo đảng bộ. Needs `npm run build:client` and `npm run build:node` first.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TemplateDefinition } from "../../schema/template";
import { getBuiltInTemplate } from "../../schema/templates";
import { seriousFindings } from "../support/axe";
import { DEMO, PHONE_WIDTH, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { ROOT } from "../support/server";

const e2e = useServerAndBrowser("shct-e2e-followup-");

describe("the template editor's follow-up section", () => {
  it("sets the members' year-end day and the milestones, with errors beside them", async () => {
    const pageErrors: string[] = [];
    const admin = await e2e.signedIn(pageErrors, DEMO.admin, DEMO.password);
    const builtIn = getBuiltInTemplate("tu-soi-tu-sua-so")!;
    expect(builtIn.followUp.yearEndRanking?.members?.dueOn).toBeUndefined();
    expect(builtIn.followUp.milestones.map((m) => m.date ?? m.at)).toEqual([
      "2022-05-19",
      "giua-nam",
      "cuoi-nam",
    ]);

    await admin.goto("/t/demo/mau");
    const card = admin.locator("li.card", { hasText: builtIn.name });
    await card.getByText("Nhân bản mẫu này").click();
    await card.getByLabel("Tên mẫu mới").fill("Tự soi tự sửa của phường");
    await card.getByRole("button", { name: "Nhân bản" }).click();
    await admin.waitForURL(/\/t\/demo\/mau\/[a-z0-9-]+$/);
    const key = admin.url().split("/").pop()!;
    await admin.getByRole("heading", { level: 1, name: "Tự soi tự sửa của phường" }).waitFor();

    // As cloned: the members' input asked, with no day of its own (31/12 of the year, said).
    const members = admin.locator("#yearend-members");
    const membersDate = admin.locator("#yearend-members-date");
    expect(await members.isChecked()).toBe(true);
    expect(await membersDate.inputValue()).toBe("");
    expect(await admin.locator("#yearend-members-date-hint").innerText()).toContain("31/12");
    expect(await admin.locator("#milestone-0-date").inputValue()).toBe("19/05/2022");
    expect(await admin.locator("#milestone-1-when").inputValue()).toBe("giua-nam");
    expect(await admin.locator("#milestone-1-date").count()).toBe(0);

    // A day that does not exist: the server's answer beside the input, not in the alert's list.
    const save = admin.getByRole("button", { name: "Lưu mẫu" });
    await membersDate.fill("31/02/2022");
    await membersDate.press("Tab");
    await save.click();
    const error = admin.locator("#yearend-members-date-err");
    await expect.poll(() => error.innerText(), SLOW).toBe("Ngày không có thật.");
    expect(await membersDate.getAttribute("aria-invalid")).toBe("true");
    expect(await admin.getByRole("alert").innerText()).not.toContain("followUp");
    // Text that is no date at all is caught before sending, in the same place.
    await membersDate.fill("cuối tháng");
    await membersDate.press("Tab");
    await expect.poll(() => error.innerText(), SLOW).toMatch(/ngày\/tháng\/năm/);
    expect(await seriousFindings(admin)).toEqual([]);
    expect(await scrollWidth(admin)).toBeLessThanOrEqual(PHONE_WIDTH);
    await admin
      .locator("section[aria-labelledby='tpl-followup']")
      .screenshot({ path: join(ROOT, "test-results/template-followup-390.png") });

    // Corrected, with a milestone's date moved and another's half-year made the year's end.
    await membersDate.fill("15/12/2022");
    await membersDate.press("Tab");
    const peak = admin.locator("#milestone-0-date");
    await peak.fill("20/05/2022");
    await peak.press("Tab");
    await admin.locator("#milestone-1-when").selectOption("cuoi-nam");
    await admin.locator("#milestone-0-title").fill("Cao điểm kỷ niệm Ngày sinh Bác");
    await save.click();
    await admin.getByText(/^Đã lưu mẫu \(phiên bản 1\)\.$/).waitFor();
    await admin.reload();
    await expect
      .poll(() => admin.locator("#yearend-members-date").inputValue(), SLOW)
      .toBe("15/12/2022");
    expect(await admin.locator("#milestone-0-date").inputValue()).toBe("20/05/2022");
    expect(await admin.locator("#milestone-0-title").inputValue()).toBe(
      "Cao điểm kỷ niệm Ngày sinh Bác",
    );
    expect(await admin.locator("#milestone-1-when").inputValue()).toBe("cuoi-nam");

    const read = () =>
      admin.evaluate(
        async (k) =>
          (await (await fetch(`/api/t/demo/templates/${k}`)).json()) as TemplateDefinition,
        key,
      );
    const saved = (await read()).followUp;
    expect(saved.yearEndRanking?.members?.dueOn).toBe("2022-12-15");
    expect(saved.milestones.map((m) => [m.date ?? null, m.at ?? null])).toEqual([
      ["2022-05-20", null],
      [null, "cuoi-nam"],
      [null, "cuoi-nam"],
    ]);

    // Unticked, the members are asked nothing: saved without it, and the box reads so.
    await admin.locator("#yearend-members").uncheck();
    expect(await admin.locator("#yearend-members-date").count()).toBe(0);
    await save.click();
    await admin.getByText(/^Đã lưu mẫu \(phiên bản 1\)\.$/).waitFor();
    await expect
      .poll(async () => (await read()).followUp.yearEndRanking?.members, SLOW)
      .toBe(undefined);
    await admin.reload();
    await admin.locator("#yearend-input").waitFor();
    expect(await admin.locator("#yearend-members").isChecked()).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("edits a periodic report's title, period and recipient", async () => {
    const pageErrors: string[] = [];
    const admin = await e2e.signedIn(pageErrors, DEMO.admin, DEMO.password);
    const builtIn = getBuiltInTemplate("dien-dan-chi-bo")!;
    expect(builtIn.followUp.periodicReports.map((r) => r.every)).toEqual(["6-thang"]);
    const key = await admin.evaluate(async () => {
      const r = await fetch("/api/t/demo/templates", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fromKey: "dien-dan-chi-bo", name: "Diễn đàn của phường" }),
      });
      return ((await r.json()) as { key: string }).key;
    });
    await admin.goto(`/t/demo/mau/${key}`);
    const title = admin.locator("#periodic-0-title");
    await title.waitFor();
    expect(await admin.locator("#periodic-0-every").inputValue()).toBe("6-thang");
    // An emptied title is refused beside its input.
    await title.fill("");
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    await expect
      .poll(() => admin.locator("#periodic-0-title-err").innerText(), SLOW)
      .toBe("Bắt buộc phải có.");
    expect(await title.getAttribute("aria-invalid")).toBe("true");

    await title.fill("Báo cáo kết quả Diễn đàn hằng năm");
    await admin.locator("#periodic-0-every").selectOption("hang-nam");
    await admin.locator("#periodic-0-to").fill("Ban Tuyên giáo Đảng ủy phường");
    await admin.getByRole("button", { name: "Lưu mẫu" }).click();
    await admin.getByText(/^Đã lưu mẫu \(phiên bản 1\)\.$/).waitFor();
    await admin.reload();
    await expect.poll(() => admin.locator("#periodic-0-every").inputValue(), SLOW).toBe("hang-nam");
    expect(await admin.locator("#periodic-0-title").inputValue()).toBe(
      "Báo cáo kết quả Diễn đàn hằng năm",
    );
    expect(await admin.locator("#periodic-0-to").inputValue()).toBe(
      "Ban Tuyên giáo Đảng ủy phường",
    );
    expect(await admin.locator("[data-milestone]").count()).toBe(0);
    expect(await seriousFindings(admin)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
