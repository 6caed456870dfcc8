// Issue 11: a three-level chain (Thành ủy → Quận ủy → two Đảng ủy phường) in one test.
// Directives flow down (publish, adopt, republish, adopt), figures flow up the whole subtree
// through the control plane, each level equals the sum of the levels below, revoking a link in
// the middle removes that branch from every level above at once, a deadline after the
// parent's is refused, and no answer carries a person's name or plan text.
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { COUNT_KEYS } from "../../schema/rules/counts";
import { fullPlan000, ONE_CONFIRMED_PLAN, treesAt, type Tree } from "../support/tree";

type Figures = Record<(typeof FIELDS)[number], number>;
interface Node {
  tenant: { slug: string; name: string };
  campaigns: (Figures & { directiveId: string | null; computedAt: string })[];
  totals: (Figures & { directiveId: string | null; oldestComputedAt: string | null })[];
  children: Node[];
}
const FIELDS = [...COUNT_KEYS, "meetingsHeld", "meetingsCompliant", "reportsOnTime"] as const;
const pick = (f: Figures) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]));
const sum = (fs: Figures[]) =>
  Object.fromEntries(FIELDS.map((k) => [k, fs.reduce((s, f) => s + f[k], 0)]));
/** 12/3/2026 09:00 ICT. */
const AT = "2026-03-12T02:00:00Z";

describe("a three-level chain", () => {
  it("cascades directives down and figures up, exactly, and drops a revoked branch at once", async () => {
    const {
      t,
      trees: [thanh, quan, p1, p2],
    } = await treesAt(AT, "thanh-uy", "quan-uy", "phuong-mot", "phuong-hai");
    const answers: unknown[] = [];
    const call = async <T>(tree: Tree, method: string, path: string, body?: unknown) => {
      const res = await tree.api<T>("admin", method, path, body);
      answers.push(res.body);
      return res;
    };
    const link = async (child: Tree, parent: Tree, slug: string) => {
      const r = await call<{ id: string }>(child, "POST", "/links", { parentSlug: slug });
      expect(r.status).toBe(201);
      expect((await call(parent, "POST", `/links/${r.body.id}/approve`)).status).toBe(200);
      return r.body.id;
    };
    await link(quan, thanh, "thanh-uy");
    const p1Link = await link(p1, quan, "quan-uy");
    await link(p2, quan, "quan-uy");

    // A tree: no loop at any depth (thanh → p1 would close thanh → p1 → quan → thanh) …
    const loop = await call<{ error: { code: string } }>(thanh, "POST", "/links", {
      parentSlug: "phuong-mot",
    });
    expect([loop.status, loop.body.error.code]).toEqual([422, "RULE_VIOLATION"]);
    // … and one approved parent: a second approval is refused until the first is revoked.
    const second = await call<{ id: string }>(p1, "POST", "/links", { parentSlug: "thanh-uy" });
    expect(second.status).toBe(201);
    const refused = await call<{ error: { code: string } }>(
      thanh,
      "POST",
      `/links/${second.body.id}/approve`,
    );
    expect([refused.status, refused.body.error.code]).toEqual([409, "CONFLICT"]);
    await call(p1, "POST", `/links/${second.body.id}/revoke`);

    // The Thành ủy publishes; the Quận ủy adopts with its own number and an earlier date.
    const d1 = await call<{ id: string }>(thanh, "POST", "/directives", {
      templateKey: "tu-soi-tu-sua",
      name: "Chỉ thị về kỷ cương, kỷ luật",
      documentNo: "24-CT/TU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
    });
    expect(d1.status).toBe(201);
    const late = await call<{ error: { code: string; fields: Record<string, string> } }>(
      quan,
      "POST",
      `/directives/${d1.body.id}/adopt`,
      { unitIds: [quan.root.id], dueOn: "2026-04-11" },
    );
    expect([late.status, late.body.error.code, late.body.error.fields.dueOn]).toEqual([
      422,
      "INVALID_BODY",
      "Hạn hoàn thành không được sau hạn của cấp trên (10/04/2026).",
    ]);
    const qc = await call<{ id: string; chain: { text: string } }>(
      quan,
      "POST",
      `/directives/${d1.body.id}/adopt`,
      { unitIds: [quan.root.id], documentNo: "187-KH/QU", dueOn: "2026-04-05" },
    );
    expect(qc.status).toBe(201);
    expect(qc.body.chain.text).toBe("thực hiện Chỉ thị 24-CT/TU của Đảng bộ thanh-uy");
    await call(quan, "POST", `/campaigns/${qc.body.id}/launch`);

    // The Quận ủy passes it down, locking one more section; a later deadline is refused.
    const laterDown = await call<{ error: { fields: Record<string, string> } }>(
      quan,
      "POST",
      `/directives/${d1.body.id}/republish`,
      {
        name: "Kế hoạch thực hiện Chỉ thị 24",
        documentNo: "187-KH/QU",
        startsOn: "2026-03-11",
        dueOn: "2026-04-20",
      },
    );
    expect([laterDown.status, laterDown.body.error.fields.dueOn]).toEqual([
      422,
      "Hạn hoàn thành không được sau hạn của cấp trên (10/04/2026).",
    ]);
    const d2 = await call<{ id: string }>(quan, "POST", `/directives/${d1.body.id}/republish`, {
      name: "Kế hoạch thực hiện Chỉ thị 24",
      documentNo: "187-KH/QU",
      startsOn: "2026-03-11",
      dueOn: "2026-04-05",
      lockedSections: ["meetingRules"],
    });
    expect(d2.status).toBe(201);
    const seen = await call<{
      directives: { id: string; lockedSections: string[]; chain: { text: string } }[];
    }>(p1, "GET", "/directives");
    // Only the approved parent's directive reaches the phường; locks above are kept.
    expect(seen.body.directives.map((d) => [d.id, d.lockedSections])).toEqual([
      [d2.body.id, ["steps", "forms", "lists", "meetingRules"]],
    ]);
    expect(seen.body.directives[0]!.chain.text).toBe(
      "thực hiện Kế hoạch 187-KH/QU của Đảng bộ quan-uy, thực hiện Chỉ thị 24-CT/TU của Đảng bộ thanh-uy",
    );

    const chain =
      "thực hiện Kế hoạch 187-KH/QU của Đảng bộ quan-uy, thực hiện Chỉ thị 24-CT/TU của Đảng bộ thanh-uy";
    const tooLate = await call<{ error: { fields: Record<string, string> } }>(
      p1,
      "POST",
      `/directives/${d2.body.id}/adopt`,
      { unitIds: [p1.root.id], dueOn: "2026-04-06" },
    );
    expect([tooLate.status, tooLate.body.error.fields.dueOn]).toEqual([
      422,
      "Hạn hoàn thành không được sau hạn của cấp trên (05/04/2026).",
    ]);
    // A step's own date is adapted too, but inside the parent's deadline.
    const stepLate = await call<{ error: { fields: Record<string, string> } }>(
      p2,
      "POST",
      `/directives/${d2.body.id}/adopt`,
      { unitIds: [p2.root.id], dueOn: "2026-04-01", overrides: { "hoi-nghi": "2026-04-07" } },
    );
    expect([stepLate.status, stepLate.body.error.fields]).toEqual([
      422,
      { "overrides.hoi-nghi": "Hạn hoàn thành không được sau hạn của cấp trên (05/04/2026)." },
    ]);
    const campaignOf: Record<string, string> = {};
    for (const [tree, name] of [
      [p1, "Kế hoạch 155-KH/ĐU"],
      [p2, "Kế hoạch 20-KH/ĐU"],
    ] as const) {
      const r = await call<{ id: string; chain: { text: string } }>(
        tree,
        "POST",
        `/directives/${d2.body.id}/adopt`,
        { unitIds: [tree.root.id], name, dueOn: "2026-04-01" },
      );
      expect([r.status, r.body.chain.text]).toEqual([201, chain]);
      expect((await call(tree, "POST", `/campaigns/${r.body.id}/launch`)).status).toBe(200);
      campaignOf[tree.root.id] = r.body.id;
      const known = await call<{ text: string }>(
        tree,
        "GET",
        `/directives/campaigns/${r.body.id}/chain`,
      );
      expect(known.body.text).toBe(chain);
      const detail = await call<{ chain: { text: string } }>(
        tree,
        "GET",
        `/campaigns/${r.body.id}`,
      );
      expect(detail.body.chain.text).toBe(chain);
    }
    // The phường một runs it: one plan submitted and confirmed.
    const id1 = campaignOf[p1.root.id]!;
    await p1.api("a2", "PUT", `/campaigns/${id1}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: fullPlan000("Trần Thị Bình"),
    });
    const sub = await p1.api<{ id: string }>(
      "a2",
      "POST",
      `/campaigns/${id1}/submissions/mine/submit`,
      {},
    );
    expect(sub.status).toBe(200);
    expect((await p1.api("a1", "POST", `/submissions/${sub.body.id}/confirm`)).status).toBe(200);

    await runScheduledPass(t.platform);
    const progress = async (tree: Tree) =>
      (await call<{ children: Node[] }>(tree, "GET", "/children/progress")).body.children;

    // Every node's totals are its own campaigns plus its children's totals, exactly.
    const checkSums = (n: Node) => {
      expect(n.totals.map(pick)).toEqual([
        sum([...n.campaigns, ...n.children.flatMap((c) => c.totals)]),
      ]);
      n.children.forEach(checkSums);
    };
    const top = await progress(thanh);
    expect(top.map((n) => [n.tenant.slug, n.children.map((c) => c.tenant.slug).sort()])).toEqual([
      ["quan-uy", ["phuong-hai", "phuong-mot"]],
    ]);
    top.forEach(checkSums);
    // At the top, the whole subtree counts under the Thành ủy's directive.
    const q = top[0]!;
    expect(
      q.totals.map((x) => [x.directiveId, x.expected, x.submitted, x.confirmed, x.excused]),
    ).toEqual([[d1.body.id, 15, 1, 1, 6]]);
    expect(q.totals[0]!.oldestComputedAt).toBe("2026-03-12T02:00:00.000Z");
    const mot = q.children.find((c) => c.tenant.slug === "phuong-mot")!;
    expect(pick(mot.totals[0]!)).toEqual(ONE_CONFIRMED_PLAN);
    // The Quận ủy sees its phường under its own directive, the same figures.
    const mid = await progress(quan);
    mid.forEach(checkSums);
    expect(
      mid.map((n) => [n.tenant.slug, n.totals.map((x) => [x.directiveId, x.expected])]).sort(),
    ).toEqual([
      ["phuong-hai", [[d2.body.id, 5]]],
      ["phuong-mot", [[d2.body.id, 5]]],
    ]);
    expect(pick(mid.find((n) => n.tenant.slug === "phuong-mot")!.totals[0]!)).toEqual(
      pick(mot.totals[0]!),
    );

    // Revoking the phường một's link: gone from the Quận ủy and the Thành ủy at once.
    await call(p1, "POST", `/links/${p1Link}/revoke`);
    const afterTop = await progress(thanh);
    expect(afterTop[0]!.children.map((c) => c.tenant.slug)).toEqual(["phuong-hai"]);
    expect(afterTop[0]!.totals.map((x) => [x.expected, x.submitted])).toEqual([[10, 0]]);
    expect((await progress(quan)).map((n) => n.tenant.slug)).toEqual(["phuong-hai"]);
    // The middle link: the Quận ủy and all below leave the Thành ủy at once.
    const quanLinks = await call<{ asChild: { id: string; status: string }[] }>(
      quan,
      "GET",
      "/links",
    );
    const up = quanLinks.body.asChild.find((l) => l.status === "approved")!;
    await call(quan, "POST", `/links/${up.id}/revoke`);
    expect(await progress(thanh)).toEqual([]);
    expect((await progress(quan)).map((n) => n.tenant.slug)).toEqual(["phuong-hai"]);

    // Audited on both sides, naming only the other tenant (the other side's row arrives with
    // its cron pass).
    await runScheduledPass(t.platform);
    const linkAudit = async (tree: Tree) =>
      (
        await call<{ entries: { action: string; after: { other: { slug: string } } }[] }>(
          tree,
          "GET",
          "/audit?entity=tenant_link",
        )
      ).body.entries.map((e) => [e.action, e.after.other.slug]);
    expect(await linkAudit(thanh)).toContainEqual(["link.revoke", "quan-uy"]);
    expect(await linkAudit(quan)).toContainEqual(["link.revoke", "thanh-uy"]);
    expect(await linkAudit(quan)).toContainEqual(["link.revoke", "phuong-mot"]);
    expect(await linkAudit(p1)).toContainEqual(["link.revoke", "quan-uy"]);

    // No answer at any level carries a person's name or a plan's text.
    const text = JSON.stringify(answers.filter((a) => !JSON.stringify(a).includes('"entries"')));
    const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"];
    const planTexts = ["Giữ gìn phẩm chất", "Khắc phục hạn chế"];
    for (const secret of [...names, ...planTexts]) expect(text).not.toContain(secret);
  }, 60_000);
});

describe("one approved parent", () => {
  it("refuses the second of two concurrent approvals with 409, and the control plane holds it too", async () => {
    const {
      t,
      trees: [child, a, b],
    } = await treesAt(AT, "phuong-doi", "quan-a", "quan-b");
    const ask = async (slug: string) =>
      (await child.api<{ id: string }>("admin", "POST", "/links", { parentSlug: slug })).body.id;
    const [la, lb] = [await ask("quan-a"), await ask("quan-b")];
    const statuses = (
      await Promise.all([
        a.api("admin", "POST", `/links/${la}/approve`),
        b.api("admin", "POST", `/links/${lb}/approve`),
      ])
    )
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([200, 409]);
    const links = await child.api<{ asChild: { status: string }[] }>("admin", "GET", "/links");
    expect(links.body.asChild.filter((l) => l.status === "approved").length).toBe(1);
    // Past the check (a race between two isolates): the partial unique index refuses it.
    await expect(
      t.platform.control().client.execute({
        sql: "UPDATE tenant_links SET status = 'approved' WHERE status = 'pending'",
        args: [],
      }),
    ).rejects.toThrow(/UNIQUE constraint failed/);
  });
});
