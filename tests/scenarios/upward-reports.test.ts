// Issue 11, reports upward across tenants: a Quận ủy publishes CT 24's plan; two phường adopt
// it. One files its report (figures filled in from its rollup, the narrative on the template's
// report form for its level) before the due date, is returned with a comment and files again;
// the other has none at the due date (missing, and "behind"), then files late. Only counts and
// the narrative written for the parent cross: no member's name. A third tenant gets 404, a
// revoked link hides that child's reports at once, and each side audits what the other did.
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { publishCt24 } from "../support/templates";
import { adoptAndLaunch, linkUnder, notificationsOf, treesAt, type Tree } from "../support/tree";

/** 12/3/2026 09:00 ICT. */
const AT = "2026-03-12T02:00:00Z";

interface Report {
  status: string;
  version: number;
  filings: number;
  mark: string;
  form: { key: string; fields: { key: string }[] };
  figures: { expected: number };
  figuresAt: string | null;
  returnComment: string | null;
  error?: { code: string; fields?: Record<string, string> };
}
interface Inbox {
  children: {
    tenant: { slug: string };
    mark: string;
    reports: {
      version: number;
      filings: number;
      mark: string;
      status: string;
      narrative: Record<string, string>;
      figures: { expected: number };
      returnComment: string | null;
    }[];
  }[];
}

const NAMES =
  /Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường|Phạm Thị Dung|Hoàng Văn Em|Đỗ Thị Giang|Vũ Văn Hải/;

const auditActions = async (tree: Tree) =>
  (
    await tree.api<{ entries: { action: string }[] }>("admin", "GET", "/audit?entity=upward_report")
  ).body.entries.map((e) => e.action);

describe("reports upward across tenants", () => {
  it("files on time, returns with a comment, refiles; missing then late; isolation", async () => {
    const {
      t,
      trees: [quan, p1, p2, other],
    } = await treesAt(AT, "quan-uy", "phuong-mot", "phuong-hai", "khac");
    await quan.addUser("viewer", [["viewer", quan.root.id]]);
    await p1.addUser("viewer", [["viewer", p1.root.id]]);
    const link1 = await linkUnder(quan, p1);
    await linkUnder(quan, p2);
    const d = await publishCt24(quan);
    const c1 = await adoptAndLaunch(p1, d.body.id);
    const c2 = await adoptAndLaunch(p2, d.body.id);
    await runScheduledPass(t.platform);
    const path1 = `/campaigns/${c1}/upward-report`;
    const path2 = `/campaigns/${c2}/upward-report`;

    // The child's page: the figures from its rollup, the CT 24 report form of the đảng ủy.
    const page = await p1.api<Report>("viewer", "GET", path1);
    expect(page.status).toBe(200);
    expect(page.body.status).toBe("draft");
    expect(page.body.version).toBe(0);
    expect(page.body.mark).toBe("pending");
    expect(page.body.form.key).toBe("bao-cao-ket-qua");
    expect(page.body.figures.expected).toBeGreaterThan(0);
    expect(page.body.figuresAt).not.toBeNull();
    const expected = page.body.figures.expected;

    // A draft: the parent does not see it. The viewer may not write.
    expect((await p1.api("viewer", "PUT", path1, { version: 0, narrative: {} })).status).toBe(403);
    const draft = await p1.api<Report>("admin", "PUT", path1, {
      version: 0,
      narrative: { "ket-qua": "Các chi bộ đã tổ chức sinh hoạt" },
    });
    expect([draft.status, draft.body.status, draft.body.version]).toEqual([200, "draft", 1]);
    const inbox = async (who = "admin") =>
      (await quan.api<Inbox>(who, "GET", `/directives/${d.body.id}/reports`)).body;
    expect((await inbox()).children.map((c) => [c.tenant.slug, c.mark, c.reports.length])).toEqual([
      ["phuong-hai", "pending", 0],
      ["phuong-mot", "pending", 0],
    ]);

    // Filing needs the form's required fields, named; a stale version is 409.
    const incomplete = await p1.api<Report>("admin", "PUT", path1, {
      version: 1,
      narrative: { "ket-qua": "Các chi bộ đã tổ chức sinh hoạt" },
      file: true,
    });
    expect([incomplete.status, Object.keys(incomplete.body.error?.fields ?? {})]).toEqual([
      422,
      ["ngay-sinh-hoat"],
    ]);
    const narrative = {
      "ngay-sinh-hoat": "2026-03-20",
      "ket-qua": "Các chi bộ đã tổ chức sinh hoạt",
    };
    const stale = await p1.api<Report>("admin", "PUT", path1, {
      version: 0,
      narrative,
      file: true,
    });
    expect([stale.status, stale.body.error?.code]).toEqual([409, "VERSION_CONFLICT"]);
    const filed = await p1.api<Report>("admin", "PUT", path1, {
      version: 1,
      narrative,
      file: true,
    });
    expect([filed.status, filed.body.status, filed.body.mark, filed.body.filings]).toEqual([
      200,
      "filed",
      "on-time",
      1,
    ]);
    // Filed: locked until the parent returns it.
    const locked = await p1.api<Report>("admin", "PUT", path1, { version: 2, narrative });
    expect([locked.status, locked.body.error?.code]).toEqual([409, "INVALID_STATE"]);

    // The parent's inbox (its viewer too): counts and the narrative, no person's name.
    const got = await inbox("viewer");
    const mine = got.children.find((c) => c.tenant.slug === "phuong-mot")!;
    expect(mine.mark).toBe("on-time");
    expect(mine.reports[0]).toMatchObject({
      status: "filed",
      version: 2,
      filings: 1,
      narrative,
      figures: { expected },
    });
    expect(JSON.stringify(got)).not.toMatch(NAMES);

    // Return with a comment: viewer 403, a stale version 409, then the admin's 200.
    const ret = (who: string, version: number, slug = "phuong-mot", tree = quan) =>
      tree.api<{ error?: { code: string } }>(
        who,
        "POST",
        `/directives/${d.body.id}/reports/${slug}/return`,
        {
          version,
          comment: "Đề nghị bổ sung số liệu chi bộ khu dân cư số 2",
        },
      );
    expect((await ret("viewer", 2)).status).toBe(403);
    expect((await ret("admin", 1)).status).toBe(409);
    expect((await ret("admin", 2, "khac")).status).toBe(404);
    expect((await ret("admin", 2, "phuong-mot", other)).status).toBe(404);
    expect((await ret("admin", 2)).status).toBe(200);
    expect((await ret("admin", 3)).body.error?.code).toBe("INVALID_STATE");

    // The child sees it returned with the comment, edits and files again (the first filing
    // keeps it on time).
    const back = await p1.api<Report>("admin", "GET", path1);
    expect([back.body.status, back.body.returnComment, back.body.version]).toEqual([
      "returned",
      "Đề nghị bổ sung số liệu chi bộ khu dân cư số 2",
      3,
    ]);
    const again = await p1.api<Report>("admin", "PUT", path1, {
      version: 3,
      narrative: { ...narrative, "giai-phap": "Bổ sung số liệu chi bộ số 2" },
      file: true,
    });
    expect([again.status, again.body.status, again.body.filings, again.body.mark]).toEqual([
      200,
      "filed",
      2,
      "on-time",
    ]);
    expect(
      (await inbox()).children.find((c) => c.tenant.slug === "phuong-mot")!.reports[0],
    ).toMatchObject({
      filings: 2,
      narrative: { "giai-phap": "Bổ sung số liệu chi bộ số 2" },
    });

    // Past the due date (30/4): the phường hai has filed nothing — missing, and behind.
    t.clock.now = new Date("2026-05-02T02:00:00Z");
    expect((await inbox()).children.find((c) => c.tenant.slug === "phuong-hai")!.mark).toBe(
      "missing",
    );
    const behind = async () =>
      (
        await quan.api<{ rows: { tenant: { slug: string }; report: string; reasons: string[] }[] }>(
          "admin",
          "GET",
          `/directives/${d.body.id}/behind`,
        )
      ).body.rows.find((r) => r.tenant.slug === "phuong-hai");
    const missing = await behind();
    expect(missing?.report).toBe("missing");
    expect(missing?.reasons).toContain("Chưa gửi báo cáo lên cấp trên (hạn 29/04/2026).");
    // Two saves of the same version at once: one wins, the other is 409 (a draft is not a
    // filing: still missing).
    const both = await Promise.all(
      ["Bản một", "Bản hai"].map((text) =>
        p2.api<Report>("admin", "PUT", path2, { version: 0, narrative: { "ket-qua": text } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await inbox()).children.find((c) => c.tenant.slug === "phuong-hai")!.mark).toBe(
      "missing",
    );
    const late = await p2.api<Report>("admin", "PUT", path2, {
      version: 1,
      narrative: { "ngay-sinh-hoat": "2026-04-25", "ket-qua": "Đã tổ chức sinh hoạt" },
      file: true,
    });
    expect([late.status, late.body.mark]).toEqual([200, "late"]);
    expect((await inbox()).children.find((c) => c.tenant.slug === "phuong-hai")!.mark).toBe("late");
    expect((await behind())?.report).toBe("late");

    // Isolation: another tenant, or the child, reading the parent's inbox: 404.
    expect((await other.api("admin", "GET", `/directives/${d.body.id}/reports`)).status).toBe(404);
    expect((await p1.api("admin", "GET", `/directives/${d.body.id}/reports`)).status).toBe(404);
    expect((await other.api("admin", "GET", path1)).status).toBe(404);

    // Audited on both sides: each side's own act at once, the other's through its cron pass.
    await runScheduledPass(t.platform);
    expect((await auditActions(quan)).sort()).toEqual([
      "upward-report.filed",
      "upward-report.filed",
      "upward-report.filed",
      "upward-report.return",
    ]);
    expect((await auditActions(p1)).sort()).toEqual([
      "upward-report.file",
      "upward-report.file",
      "upward-report.returned",
      "upward-report.save",
    ]);

    // And each side's admins are told, in their own pass.
    expect(
      (await notificationsOf(p1, "admin"))
        .filter((n) => n.kind === "upward-report")
        .map((n) => n.title),
    ).toEqual(["Đảng bộ quan-uy trả lại báo cáo gửi cấp trên"]);
    expect(
      (await notificationsOf(quan, "admin")).filter((n) => n.kind === "upward-report").length,
    ).toBe(3);

    // A revoked link hides that child's reports at once; the child sees the link gone.
    expect((await quan.api("admin", "POST", `/links/${link1}/revoke`)).status).toBe(200);
    expect((await inbox()).children.map((c) => c.tenant.slug)).toEqual(["phuong-hai"]);
    expect((await p1.api<{ linked: boolean }>("admin", "GET", path1)).body.linked).toBe(false);
  });
});
