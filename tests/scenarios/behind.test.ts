// Issue 11, "who is behind": per directive, the issuing level sees which children have not
// adopted it (and for how many days) or have people late, from the figures pushed up; its
// admin's "Nhắc" lands in that child's admins' notifications only, once a day (429 after),
// audited on both sides; a tenant not linked below answers 404.
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { adoptAndLaunch, directiveChain, notificationsOf } from "../support/tree";

/** 12/3/2026 09:00 ICT. */
const AT = "2026-03-12T02:00:00Z";
const DAY = 86_400_000;

interface Behind {
  rows: { tenant: { slug: string; name: string }; notAdoptedDays: number | null; late: number }[];
}

describe("who is behind on a directive", () => {
  it("lists the children not adopted with days, reminds one child's admins once a day", async () => {
    const { t, quan, p1, p2, other, directive } = await directiveChain(AT);

    // Three days later the phường một adopts and launches; the phường hai does nothing.
    t.clock.now = new Date(t.clock.now.getTime() + 3 * DAY);
    await adoptAndLaunch(p1, directive);
    await runScheduledPass(t.platform);

    const behind = await quan.api<Behind>("viewer", "GET", `/directives/${directive}/behind`);
    expect(behind.status).toBe(200);
    expect(behind.body.rows.map((r) => [r.tenant.slug, r.notAdoptedDays])).toEqual([
      ["phuong-hai", 3],
    ]);
    // Names of tenants only: no person's name in the answer.
    const text = JSON.stringify(behind.body);
    expect(text).not.toMatch(/Trần|Nguyễn|Lê Văn/);
    // The child cannot read its parent's list (not its directive), nor an unknown id.
    expect((await p2.api("admin", "GET", `/directives/${directive}/behind`)).status).toBe(404);

    // "Nhắc": the phường hai's admin gets it, the phường một's does not.
    const remind = (slug: string) =>
      quan.api<{ error?: { code: string; message: string } }>(
        "admin",
        "POST",
        `/directives/${directive}/behind/${slug}/remind`,
      );
    const before1 = (await notificationsOf(p1, "admin")).length;
    const first = await remind("phuong-hai");
    expect(first.status).toBe(200);
    const got = await notificationsOf(p2, "admin");
    expect(got.filter((n) => n.kind === "behind-reminder").map((n) => n.title)).toEqual([
      "Đảng bộ quan-uy nhắc: triển khai 187-KH/QU",
    ]);
    expect((await notificationsOf(p1, "admin")).length).toBe(before1);
    expect((await notificationsOf(p2, "a2")).filter((n) => n.kind === "behind-reminder")).toEqual(
      [],
    );

    // Twice the same day: 429 in Vietnamese, and no trace.
    const auditCount = async (tree: typeof quan) =>
      (
        await tree.api<{ entries: { action: string }[] }>("admin", "GET", "/audit?entity=directive")
      ).body.entries?.filter((e) => e.action.startsWith("directive.remind")).length;
    const [quanAudit, p2Audit] = [await auditCount(quan), await auditCount(p2)];
    expect([quanAudit, p2Audit]).toEqual([1, 1]);
    const again = await remind("phuong-hai");
    expect([again.status, again.body.error?.code]).toEqual([429, "RATE_LIMITED"]);
    expect(again.body.error?.message).toMatch(/Mỗi ngày chỉ nhắc một lần/);
    expect([await auditCount(quan), await auditCount(p2)]).toEqual([1, 1]);
    // The next day it may go again.
    t.clock.now = new Date(t.clock.now.getTime() + DAY);
    expect((await remind("phuong-hai")).status).toBe(200);

    // A tenant not linked below, an unknown one, and a non-admin: refused.
    expect((await remind("khac")).status).toBe(404);
    expect((await remind("khong-co")).status).toBe(404);
    expect(
      (await quan.api("viewer", "POST", `/directives/${directive}/behind/phuong-hai/remind`))
        .status,
    ).toBe(403);
    expect(
      (await other.api("admin", "POST", `/directives/${directive}/behind/phuong-hai/remind`))
        .status,
    ).toBe(404);
  });
});
