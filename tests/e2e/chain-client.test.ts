// Browser tests of issue 11's last client pieces, on a 390 px phone, the server's cron every
// second: the chart of a directive's whole subtree over time on the parent's "Cấp trên – cấp
// dưới" page (GET /directives/:id/history), said in words from the saved point; and the screen
// that edits an adopted draft inside the parent's terms (PATCH /campaigns/:id). axe finds
// nothing serious on either. Needs `npm run build` first.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DirectiveHistory } from "../../client/api-parents";
import { seriousFindings } from "../support/axe";
import { scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { bearerApi, E2E_PASSWORD } from "../support/browser-api";
import { ROOT } from "../support/server";

const WIDTH = 390;
const e2e = useServerAndBrowser("shct-e2e-chain-client-", { CRON_INTERVAL_MS: "1000" });
const { api, linked } = bearerApi(e2e);

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const vi = (ymd: string) => ymd.split("-").reverse().join("/");

/** A quận and a phường linked, the quận's directive published; the tokens and ids. */
async function chain(quan: string, phuong: string, lockedSections?: string[]) {
  const { parentToken: parent, childToken: child } = await linked(
    { slug: quan, name: `Quận ủy ${quan}` },
    `admin@${quan}.vn`,
    { slug: phuong, name: `Đảng ủy ${phuong}` },
    `admin@${phuong}.vn`,
  );
  const dueOn = iso(Date.now() + 30 * DAY);
  const directive = await api<{ id: string }>("POST", `/api/t/${quan}/directives`, parent, {
    templateKey: "tu-soi-tu-sua",
    name: "Kế hoạch thực hiện Chỉ thị 24",
    documentNo: "187-KH/QU",
    startsOn: iso(Date.now() - DAY),
    dueOn,
    ...(lockedSections ? { lockedSections } : {}),
  });
  const { units } = await api<{ units: { id: string; parentId: string | null }[] }>(
    "GET",
    `/api/t/${phuong}/units`,
    child,
  );
  const root = units.find((u) => u.parentId === null)!;
  // A cell with two members, so the figures have something to count.
  const cell = await api<{ id: string }>("POST", `/api/t/${phuong}/units`, child, {
    name: "Chi bộ Khu dân cư số 1",
    kind: "chi-bo",
    parentId: root.id,
  });
  for (const fullName of ["Nguyễn Văn Một", "Trần Thị Hai"])
    await api("POST", `/api/t/${phuong}/members`, child, {
      fullName,
      birthYear: 1980,
      unitId: cell.id,
    });
  return { parent, child, directive: directive.id, dueOn, root: root.id };
}

describe("the chain's client", () => {
  it("draws a directive's subtree completion over time on the parent's page", async () => {
    const c = await chain("quan-bieu-do", "phuong-bieu-do");
    const campaign = await api<{ id: string }>(
      "POST",
      `/api/t/phuong-bieu-do/directives/${c.directive}/adopt`,
      c.child,
      { unitIds: [c.root] },
    );
    await api("POST", `/api/t/phuong-bieu-do/campaigns/${campaign.id}/launch`, c.child);
    // The phường's pass pushes its figures; then a write wakes the quận's pass (a second
    // directive), which saves today's point of both.
    await expect
      .poll(async () => {
        const { children } = await api<{ children: { totals: { expected: number }[] }[] }>(
          "GET",
          "/api/t/quan-bieu-do/children/progress",
          c.parent,
        );
        return children[0]?.totals[0]?.expected ?? 0;
      }, SLOW)
      .toBeGreaterThan(0);
    await api("POST", "/api/t/quan-bieu-do/directives", c.parent, {
      templateKey: "tu-soi-tu-sua",
      name: "Kế hoạch học tập chuyên đề",
      startsOn: iso(Date.now() - DAY),
      dueOn: iso(Date.now() + 20 * DAY),
    });
    const history = () =>
      api<DirectiveHistory>(
        "GET",
        `/api/t/quan-bieu-do/directives/${c.directive}/history`,
        c.parent,
      );
    await expect
      .poll(async () => (await history()).points.at(-1)?.expected ?? 0, SLOW)
      .toBeGreaterThan(0);
    const last = (await history()).points.at(-1)!;

    const errors: string[] = [];
    const page = await e2e.phone(errors);
    await e2e.signIn(page, "admin@quan-bieu-do.vn", E2E_PASSWORD, "quan-bieu-do");
    await page.goto(`${e2e.base}/t/quan-bieu-do/lien-ket`);
    // The directives this quận issued, one item each.
    const issued = page.locator("section[aria-labelledby=directives-title] .link-list > li");
    const item = issued.filter({ hasText: "Kế hoạch thực hiện Chỉ thị 24" });
    await item.getByText("Diễn biến tiến độ", { exact: true }).click(SLOW);
    const chart = item.getByRole("img", { name: "Tỷ lệ nộp và xác nhận kế hoạch theo ngày" });
    await chart.waitFor(SLOW);
    // The chart says the saved point in words (its description), the table the same numbers.
    const day = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(new Date(last.computedAt));
    const words = `${day}: đã nộp ${last.submitted}/${last.expected}`;
    expect(await chart.locator("desc").textContent()).toContain(words);
    await item.getByText("Xem số liệu").click();
    const row = item.getByRole("row", { name: new RegExp(day) });
    await expect.poll(() => row.textContent()).toContain(String(last.expected));
    await item.getByText(/Mốc mới nhất lưu lúc/).waitFor(SLOW);
    // Both directives' charts open at once: ids stay unique, axe finds nothing serious.
    const other = issued.filter({ hasText: "Kế hoạch học tập chuyên đề" });
    await other.getByText("Diễn biến tiến độ", { exact: true }).click();
    expect(await seriousFindings(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({
      path: join(ROOT, "test-results/directive-chart-390.png"),
      fullPage: true,
    });
    expect(errors).toEqual([]);
  });

  it("edits an adopted draft inside the parent's terms, its locks read-only", async () => {
    // The default locks: steps, forms and lists.
    const c = await chain("quan-sua", "phuong-sua");
    const draft = await api<{ id: string }>(
      "POST",
      `/api/t/phuong-sua/directives/${c.directive}/adopt`,
      c.child,
      { unitIds: [c.root], documentNo: "155-KH/ĐU" },
    );
    const read = () =>
      api<{ name: string; dueOn: string; version: number; steps: { key: string }[] }>(
        "GET",
        `/api/t/phuong-sua/campaigns/${draft.id}`,
        c.child,
      );
    const errors: string[] = [];
    const page = await e2e.phone(errors);
    await e2e.signIn(page, "admin@phuong-sua.vn", E2E_PASSWORD, "phuong-sua");
    await page.goto(`${e2e.base}/t/phuong-sua/dot-sinh-hoat/${draft.id}`);
    await page.getByRole("link", { name: "Sửa đợt nháp" }).click(SLOW);
    await page
      .getByRole("heading", { level: 1, name: "Sửa đợt nháp thực hiện văn bản cấp trên" })
      .waitFor(SLOW);
    // The locked sections: read-only, saying who locked them; no input for a step's or a
    // form's title.
    const lockedBy = "Khóa bởi Quận ủy quan-sua (số 187-KH/QU).";
    await page.getByText(lockedBy).first().waitFor(SLOW);
    expect(await page.getByText(lockedBy).count()).toBe(3);
    await page.getByText("Quận ủy quan-sua khóa các bước").waitFor();
    expect(await page.getByLabel("Tên bước").count()).toBe(0);
    expect(await page.getByLabel("Tên biểu mẫu").count()).toBe(0);
    expect(await page.getByLabel("Số văn bản của đảng bộ").inputValue()).toBe("155-KH/ĐU");
    const save = () => page.getByRole("button", { name: "Lưu thay đổi" }).click();

    // A date inside the parent's deadline: saved.
    const inside = iso(Date.parse(c.dueOn) - 5 * DAY);
    await page.getByLabel("Hạn hoàn thành").fill(vi(inside));
    await save();
    await page.getByText("Đã lưu thay đổi.").waitFor(SLOW);
    expect((await read()).dueOn).toBe(inside);

    // A step's date after the parent's deadline: refused beside that step's input.
    const { steps, version } = await read();
    const stepDue = page.locator(`#a-due-${steps[0]!.key}`);
    await stepDue.fill(vi(iso(Date.parse(c.dueOn) + DAY)));
    await save();
    await expect
      .poll(() => page.locator(`#a-due-${steps[0]!.key}-err`).textContent(), SLOW)
      .toBe(`Không được sau ${vi(c.dueOn)} (hạn của cấp trên).`);
    expect(await stepDue.getAttribute("aria-invalid")).toBe("true");
    // The server's own refusal (an end before the start) lands beside its field too.
    await stepDue.fill("");
    await page.getByLabel("Ngày bắt đầu").fill(vi(iso(Date.parse(inside) + DAY)));
    await save();
    await expect
      .poll(() => page.locator("#a-due-err").textContent(), SLOW)
      .toBe("Phải sau ngày bắt đầu.");
    expect((await read()).version).toBe(version);
    expect(await seriousFindings(page)).toEqual([]);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({
      path: join(ROOT, "test-results/edit-adopted-390.png"),
      fullPage: true,
    });

    // Someone else saved meanwhile: 409, "tải lại" brings their version.
    await api("PATCH", `/api/t/phuong-sua/campaigns/${draft.id}`, c.child, {
      version,
      name: "Kế hoạch 155-KH/ĐU thực hiện Chỉ thị 24",
    });
    await page.getByLabel("Ngày bắt đầu").fill(vi(iso(Date.now() - DAY)));
    await page.getByLabel("Tên đợt").fill("Tên sửa ở máy này");
    await save();
    await page.getByText("Đã có người sửa trước, tải lại để sửa trên bản mới nhất.").waitFor(SLOW);
    await page.getByRole("button", { name: "Tải lại" }).click();
    await expect
      .poll(() => page.getByLabel("Tên đợt").inputValue(), SLOW)
      .toBe("Kế hoạch 155-KH/ĐU thực hiện Chỉ thị 24");
    expect((await read()).name).toBe("Kế hoạch 155-KH/ĐU thực hiện Chỉ thị 24");
    expect(errors).toEqual([]);
  });
});
