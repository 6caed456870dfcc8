// The routed lists (the public page, a supervisor's list) are read a page at a time, over the
// index of confirmed plans: a request reads at most a bounded number of them however many
// the tenant has, and says where the next page starts. Issue 13 ("the review queue … streams in
// pages") and issue 15 ("no statement on a request path runs long at 500k members").
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { members, submissionVersions, submissions } from "../../schema/tables/tenant";
import { newMemberRow } from "../../worker/data/members";
import { makeApp, openTenantBySlug, type TestApp } from "../support/app";
import { recordStatements } from "../support/statements";
import { buildTree, launchCampaign } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

interface Page {
  plans: { fullName: string }[];
  next: string | null;
}

/** More confirmed plans than one request may read (5 chunks of 1,000), none of them routed. */
const FILLER = 5_300;

describe("routed lists a page at a time", () => {
  it("reads a bounded number of confirmed plans a request, and follows `next` to the end", async () => {
    t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const tree = await buildTree(t);
    const { db, cellB, root } = tree;
    const campaignId = await launchCampaign(tree.api, root.id);
    const now = t.clock.now;
    const confirmed = (id: string, memberId: string) => ({
      id,
      campaignId,
      memberId,
      formKey: "ke-hoach-tu-duong",
      formVersion: 1,
      status: "confirmed" as const,
      version: 1,
      data: "{}",
      confirmedVersion: 1,
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    // Filler first in id order ("a…"), then three members who must post their plans ("z…").
    const filler = Array.from({ length: FILLER }, (_, i) =>
      newMemberRow(
        {
          fullName: `Đảng viên ${i}`,
          unitId: cellB.id,
          status: "dang-sinh-hoat",
          statusSince: "2020-01-01",
        },
        now,
      ),
    );
    for (let i = 0; i < filler.length; i += 500) {
      const rows = filler.slice(i, i + 500);
      await db.insert(members).values(rows);
      await db
        .insert(submissions)
        .values(rows.map((m, j) => confirmed(`a${String(i + j).padStart(6, "0")}`, m.id)));
    }
    const posted = ["Công khai Một", "Công khai Hai", "Công khai Ba"].map((fullName) => ({
      ...newMemberRow(
        { fullName, unitId: cellB.id, status: "dang-sinh-hoat", statusSince: "2020-01-01" },
        now,
      ),
      mustPublishPlan: true,
    }));
    await db.insert(members).values(posted);
    await db.insert(submissions).values(posted.map((m, i) => confirmed(`z${i}`, m.id)));
    await db.insert(submissionVersions).values(
      posted.map((_, i) => ({
        id: `v${i}`,
        submissionId: `z${i}`,
        version: 1,
        status: "confirmed",
        data: JSON.stringify({ "muc-tieu": `Nội dung ${i}` }),
        at: now,
      })),
    );
    // Drafts are not in the index: they cost a page nothing.
    await db
      .update(submissions)
      .set({ confirmedVersion: null, status: "draft" })
      .where(inArray(submissions.id, ["a000000", "a000001"]));

    const read = async (query: string) => {
      const res = await t.request("GET", `/api/t/${tree.slug}/public/plans${query}`);
      expect(res.status).toBe(200);
      return (await res.json()) as Page;
    };
    const { client: raw } = await openTenantBySlug(t, tree.slug);
    const recorded = await recordStatements(raw, () => read(""));
    const first = recorded.result!;
    // Five chunks read, none routed: an empty page that says where to go on.
    expect(first.plans).toEqual([]);
    expect(first.next).toBe(`a${String(5_001).padStart(6, "0")}`);
    const scans = recorded.filter((s) => /from "submissions"/i.test(s.sql));
    expect(scans).toHaveLength(5);
    for (const s of scans) {
      const plan = await raw.execute({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args as never });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details.join("\n")).toContain("submissions_confirmed_idx");
      expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
    }

    const second = await read(`?after=${first.next}&limit=2`);
    expect(second.plans.map((p) => p.fullName)).toEqual(["Công khai Một", "Công khai Hai"]);
    expect(second.next).toBe("z1");
    const third = await read(`?after=${second.next}&limit=2`);
    expect(third.plans.map((p) => p.fullName)).toEqual(["Công khai Ba"]);
    expect(third.next).toBeNull();

    // A plan that is no longer confirmed leaves the list.
    await db.update(submissions).set({ confirmedVersion: null }).where(eq(submissions.id, "z0"));
    expect((await read(`?after=${first.next}`)).plans.map((p) => p.fullName)).toEqual([
      "Công khai Hai",
      "Công khai Ba",
    ]);
    expect((await t.request("GET", `/api/t/${tree.slug}/public/plans?after=%27`)).status).toBe(422);
  });
});
