// Browser test of reports upward across tenants (issue 11): a quận publishes a directive, a
// phường adopts and launches it (bearer tokens, as scripts do). On a 390 px phone the
// phường's admin writes the narrative and files it; the quận's admin finds it in the inbox
// under the directive with its on-time mark and returns it with a comment, which the
// phường's admin then reads on its report page.
import { describe, expect, it } from "vitest";
import { PHONE_WIDTH, scrollWidth, SLOW, useServerAndBrowser } from "../support/browser";
import { bearerApi, E2E_PASSWORD } from "../support/browser-api";

const PARENT = { slug: "quan-bao-cao", name: "Đảng bộ quận Báo Cáo" };
const CHILD = { slug: "phuong-bao-cao", name: "Đảng bộ phường Báo Cáo" };

const e2e = useServerAndBrowser("shct-e2e-upward-");
const { api, linked } = bearerApi(e2e);

describe("report upward", () => {
  it("the child files, the parent returns it with a comment, the child reads it", async () => {
    const { parentToken, childToken } = await linked(
      PARENT,
      "admin@quan-bc.vn",
      CHILD,
      "admin@phuong-bc.vn",
    );
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const directive = await api<{ id: string }>(
      "POST",
      `/api/t/${PARENT.slug}/directives`,
      parentToken,
      {
        templateKey: "tu-soi-tu-sua",
        name: "Kế hoạch tự soi, tự sửa",
        startsOn: today,
        dueOn: due,
      },
    );
    const units = await api<{ units: { id: string; parentId: string | null }[] }>(
      "GET",
      `/api/t/${CHILD.slug}/units`,
      childToken,
    );
    const root = units.units.find((u) => u.parentId === null)!;
    const campaign = await api<{ id: string }>(
      "POST",
      `/api/t/${CHILD.slug}/directives/${directive.id}/adopt`,
      childToken,
      { unitIds: [root.id] },
    );
    await api("POST", `/api/t/${CHILD.slug}/campaigns/${campaign.id}/launch`, childToken);

    const pageErrors: string[] = [];
    const child = await e2e.signedIn(pageErrors, "admin@phuong-bc.vn", E2E_PASSWORD, CHILD.slug);
    await child.goto(`${e2e.base}/t/${CHILD.slug}/dot-sinh-hoat/${campaign.id}`);
    await child.getByRole("link", { name: "Báo cáo gửi cấp trên" }).click(SLOW);
    await child.getByRole("heading", { level: 1, name: "Báo cáo gửi cấp trên" }).waitFor(SLOW);
    await child.getByLabel("Kết quả thực hiện").fill("Các chi bộ đã triển khai đầy đủ.");
    await child.getByLabel(/Gửi báo cáo lên .* khi lưu/).check();
    await child.getByRole("button", { name: "Gửi cấp trên" }).click();
    await child.getByText("Đã gửi cấp trên").first().waitFor(SLOW);
    await child.getByText("Đúng hạn").first().waitFor(SLOW);
    expect(await scrollWidth(child)).toBeLessThanOrEqual(PHONE_WIDTH);
    // The paper: the administrative header, the figures and the narrative.
    await child.getByRole("link", { name: "Bản in" }).click();
    await child.getByText("ĐẢNG CỘNG SẢN VIỆT NAM").waitFor(SLOW);
    await child.getByText("Các chi bộ đã triển khai đầy đủ.").waitFor(SLOW);
    await child.getByText(`Kính gửi: ${PARENT.name}.`, { exact: false }).waitFor(SLOW);
    await child.getByRole("link", { name: "← Quay lại" }).click();
    await child.getByRole("heading", { level: 1, name: "Báo cáo gửi cấp trên" }).waitFor(SLOW);

    const parent = await e2e.signedIn(pageErrors, "admin@quan-bc.vn", E2E_PASSWORD, PARENT.slug);
    await parent.goto(`${e2e.base}/t/${PARENT.slug}/lien-ket`);
    await parent
      .getByText(/Báo cáo của cấp dưới/)
      .first()
      .click(SLOW);
    await parent.getByText("Các chi bộ đã triển khai đầy đủ.").waitFor(SLOW);
    await parent.getByLabel("Ý kiến khi trả lại").fill("Đề nghị bổ sung số liệu.");
    await parent.getByRole("button", { name: "Trả lại" }).click();
    await parent.getByText("Đã trả lại báo cáo.").waitFor(SLOW);
    expect(await scrollWidth(parent)).toBeLessThanOrEqual(PHONE_WIDTH);

    await child.reload();
    await child.getByText(/trả lại.*Đề nghị bổ sung số liệu\./).waitFor(SLOW);
    expect(pageErrors).toEqual([]);
  });
});
