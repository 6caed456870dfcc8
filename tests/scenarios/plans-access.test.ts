// Who reads and writes a member's plan (issue 14). A supervisor the confirmed plan is routed
// to reads the confirmed text only, as the public page does — not the author's later draft,
// not the earlier versions. A secretary enters a plan on a member's behalf only when the
// member has no active account of their own, or has consented from it.
import { afterEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { users } from "../../schema/tables/tenant";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, fullPlan000, launchCampaign } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

const FORM = "ke-hoach-tu-duong";
type Read = {
  submission: { status: string; version: number; data: Record<string, unknown> };
  versions: { version: number; status: string; data?: Record<string, unknown> }[];
};

async function setup() {
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t);
  const id = await launchCampaign(tree.api, tree.root.id, { name: "Tự soi, tự sửa 2026" });
  return { tree, id };
}

describe("a supervisor's read", () => {
  it("is the confirmed version only, while the author edits a new draft", async () => {
    const { tree, id } = await setup();
    const { api } = tree;
    const mttq = await tree.addUnit("Ủy ban MTTQ Việt Nam phường", "doan-the");
    await tree.addUser("mttq", [["supervisor", mttq.id]]);
    const plan = fullPlan000("Trần Thị Bình");
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, { formKey: FORM, data: plan });
    const sid = (
      await api<{ id: string }>("a2", "POST", `/campaigns/${id}/submissions/mine/submit`, {})
    ).body.id;
    expect((await api("a1", "POST", `/submissions/${sid}/confirm`)).status).toBe(200);
    // Versions: 1 draft, 2 submitted, 3 confirmed; the author then writes 4, a draft.
    const secret = "Bản nháp chưa xác nhận, chỉ tác giả và chi bộ được đọc.";
    const edited = await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: FORM,
      data: { ...plan, "khac-phuc": secret },
      version: 3,
    });
    expect(edited.status).toBe(200);

    for (const query of ["", "?versions=full"]) {
      const res = await t.request("GET", `/api/t/${tree.slug}/submissions/${sid}${query}`, {
        token: await tokenOf(tree, "mttq"),
      });
      const text = await res.text();
      expect([query, res.status, text.includes(secret)]).toEqual([query, 200, false]);
      const body = JSON.parse(text) as Read;
      expect([body.submission.status, body.submission.version]).toEqual(["confirmed", 3]);
      expect(body.submission.data).toEqual(plan);
      expect(body.versions.map((v) => [v.version, v.status])).toEqual([[3, "confirmed"]]);
      if (query) expect(body.versions[0]!.data).toEqual(plan);
    }
    // The author and the cell read everything, the new draft included.
    for (const who of ["a2", "a1"]) {
      const own = await api<Read>(who, "GET", `/submissions/${sid}?versions=full`);
      expect(own.body.submission.data["khac-phuc"]).toBe(secret);
      expect(own.body.versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    }
  });
});

const tokenOf = async (tree: Awaited<ReturnType<typeof buildTree>>, who: string) => {
  const { createSession } = await import("../../worker/auth/sessions");
  return (await createSession(tree.db, tree.userIds[who]!, t.clock.now)).token;
};

describe("entry on behalf", () => {
  it("is refused for a member with an active account until the member consents", async () => {
    const { tree, id } = await setup();
    const { api, db, ids, userIds } = tree;
    const count = async () =>
      Number(
        ((await db.all(sql`SELECT count(*) AS n FROM submission_versions`)) as { n: number }[])[0]!
          .n,
      );
    const onBehalf = (data: Record<string, unknown>) =>
      api<{ error?: { code: string; message: string } }>(
        "a1",
        "PUT",
        `/campaigns/${id}/submissions/member/${ids.a2}`,
        { formKey: FORM, data },
      );
    // Without an account that can sign in (an invitation not yet accepted), the secretary
    // may write for the member.
    expect((await onBehalf({ "ho-ten": "Trần Thị Bình" })).status).toBe(200);
    await api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: FORM,
      data: fullPlan000("Trần Thị Bình"),
      version: 1,
    });

    // The member signs in with an account of their own: the secretary may no longer.
    await db.update(users).set({ passwordHash: "scrypt$x" }).where(eq(users.id, userIds.a2!));
    const before = await count();
    const refused = await onBehalf({ "ho-ten": "Ghi đè" });
    expect(refused).toEqual({
      status: 422,
      body: {
        error: {
          code: "RULE_VIOLATION",
          message:
            "Đảng viên này có tài khoản riêng và chưa đồng ý cho bí thư nhập thay: hãy để đảng viên tự viết, hoặc đảng viên bật «Đồng ý cho bí thư nhập thay» trong tài khoản của mình.",
        },
      },
    });
    const submitRefused = await api(
      "a1",
      "POST",
      `/campaigns/${id}/submissions/member/${ids.a2}/submit`,
      {},
    );
    expect(submitRefused.status).toBe(422);
    expect(await count()).toBe(before);
    const mine = await api<Read>("a2", "GET", `/campaigns/${id}/submissions/mine`);
    expect([mine.body.submission.status, mine.body.submission.version]).toEqual(["draft", 2]);

    // The member consents from their own account: who, when and how are recorded.
    const consent = await api("a2", "PUT", "/my/consent-on-behalf", { consent: true });
    expect(consent).toEqual({
      status: 200,
      body: { consent: true, givenAt: t.clock.now.toISOString(), means: "member-account" },
    });
    const rows = await db.all(sql`SELECT member_id, given_by, means FROM on_behalf_consents`);
    expect(rows).toEqual([{ member_id: ids.a2, given_by: userIds.a2, means: "member-account" }]);
    const written = await api<{ version: number }>(
      "a1",
      "PUT",
      `/campaigns/${id}/submissions/member/${ids.a2}`,
      { formKey: FORM, data: fullPlan000("Trần Thị Bình"), version: 2 },
    );
    expect([written.status, written.body.version]).toEqual([200, 3]);
    const audit = await db.all(
      sql`SELECT action, actor_user_id FROM audit_log WHERE entity = 'member' AND entity_id = ${ids.a2} AND action LIKE '%consent%'`,
    );
    expect(audit).toEqual([{ action: "member.consent-on-behalf", actor_user_id: userIds.a2 }]);

    // Withdrawn, the refusal is back; saying the same twice changes nothing.
    expect((await api("a2", "PUT", "/my/consent-on-behalf", { consent: false })).body).toEqual({
      consent: false,
      givenAt: null,
      means: null,
    });
    expect((await api("a2", "PUT", "/my/consent-on-behalf", { consent: false })).status).toBe(200);
    expect((await onBehalf({ "ho-ten": "Ghi đè" })).status).toBe(422);
    expect(
      await db.all(sql`SELECT count(*) AS n FROM audit_log WHERE action LIKE '%consent%'`),
    ).toEqual([{ n: 2 }]);

    // A disabled account is not active: entry on behalf is open again.
    await db.update(users).set({ disabledAt: t.clock.now }).where(eq(users.id, userIds.a2!));
    const fresh = await api<{ version: number }>(
      "a1",
      "PUT",
      `/campaigns/${id}/submissions/member/${ids.a2}`,
      { formKey: FORM, data: fullPlan000("Trần Thị Bình"), version: 3 },
    );
    expect(fresh.status).toBe(200);
  });
});
