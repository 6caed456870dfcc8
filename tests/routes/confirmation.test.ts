// The cell confirms a plan with its opinion, and who signed for the cell is kept for the
// printout ("T/M CHI BỘ / <position>"). Nobody confirms their own plan: the secretary's goes
// to the cell's deputy (an account holding the cell's secretary grant) or to an admin.
import { afterEach, describe, expect, it } from "vitest";
import { grants, planConfirmations, users } from "../../schema/tables/tenant";
import { createSession } from "../../worker/auth/sessions";
import { newId } from "../../worker/data/ids";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, launchCampaign, submitPlan000 } from "../support/tree";

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

interface Confirmation {
  version: number;
  opinion: string;
  signerName: string;
  signerPosition: string;
  confirmedAt: string;
}

async function setup() {
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t);
  // The deputy: on the roster as "Phó Bí thư chi bộ", with the cell's secretary grant.
  const added = await tree.api<{ member: { id: string } }>("admin", "POST", "/members", {
    fullName: "Lý Thị Phương",
    unitId: tree.cellA.id,
    position: "Phó Bí thư chi bộ",
  });
  const userId = newId();
  await tree.db.insert(users).values({
    id: userId,
    email: "pho@phuong-mau.vn",
    fullName: "Lý Thị Phương",
    memberId: added.body.member.id,
    createdAt: t.clock.now,
    updatedAt: t.clock.now,
  });
  await tree.db.insert(grants).values([
    { id: newId(), userId, role: "member", unitId: tree.cellA.id, createdAt: t.clock.now },
    { id: newId(), userId, role: "secretary", unitId: tree.cellA.id, createdAt: t.clock.now },
  ]);
  tree.userIds.pho = userId;
  const campaignId = await launchCampaign(tree.api, tree.cellA.id);
  return { tree, campaignId };
}

describe("the cell's confirmation", () => {
  it("refuses the secretary their own plan, which the deputy confirms with the cell's opinion", async () => {
    const { tree, campaignId } = await setup();
    const own = await submitPlan000(tree.api, campaignId, "a1", "Nguyễn Văn An");
    const refused = await tree.api("a1", "POST", `/submissions/${own}/confirm`, {
      opinion: "Nhất trí.",
    });
    expect(refused).toEqual({
      status: 403,
      body: {
        error: {
          code: "FORBIDDEN",
          message:
            "Không tự xác nhận kế hoạch của mình: phó bí thư chi bộ hoặc quản trị xác nhận kế hoạch này.",
        },
      },
    });
    expect(await tree.db.select().from(planConfirmations)).toEqual([]);

    const opinion = "Chi bộ nhất trí với kế hoạch; đề nghị đồng chí nêu rõ thời hạn khắc phục.";
    const byDeputy = await tree.api<{ status: string; confirmation: Confirmation }>(
      "pho",
      "POST",
      `/submissions/${own}/confirm`,
      { opinion: `  ${opinion} ` },
    );
    expect(byDeputy.status).toBe(200);
    const confirmation = {
      version: 3,
      opinion,
      signerName: "Lý Thị Phương",
      signerPosition: "Phó Bí thư chi bộ",
      confirmedAt: "2026-03-12T02:00:00.000Z",
    };
    expect(byDeputy.body).toMatchObject({ status: "confirmed", confirmation });
    // Returned on read, to the author and to the cell.
    for (const who of ["a1", "pho"]) {
      const read = await tree.api<{ submission: { status: string }; confirmation: Confirmation }>(
        who,
        "GET",
        `/submissions/${own}`,
      );
      expect(read.body.confirmation).toEqual(confirmation);
    }
  });

  it("records the secretary for a member's plan confirmed without a body, and the admin by the account's name", async () => {
    const { tree, campaignId } = await setup();
    const a2 = await submitPlan000(tree.api, campaignId, "a2", "Trần Thị Bình");
    const a5 = await submitPlan000(tree.api, campaignId, "a5", "Hoàng Văn Em");
    const bySecretary = await tree.api<{ confirmation: Confirmation }>(
      "a1",
      "POST",
      `/submissions/${a2}/confirm`,
    );
    expect(bySecretary.body.confirmation).toMatchObject({
      opinion: "",
      signerName: "Nguyễn Văn An",
      signerPosition: "Bí thư chi bộ",
    });
    const byAdmin = await tree.api<{ confirmation: Confirmation }>(
      "admin",
      "POST",
      `/submissions/${a5}/confirm`,
      { opinion: "Nhất trí." },
    );
    expect(byAdmin.body.confirmation).toMatchObject({
      opinion: "Nhất trí.",
      signerName: "Quản Trị Viên",
      signerPosition: "Quản trị",
    });
    // A plan not confirmed has no confirmation on read.
    const a1 = await submitPlan000(tree.api, campaignId, "a1", "Nguyễn Văn An");
    const read = await tree.api<{ confirmation: Confirmation | null }>(
      "a1",
      "GET",
      `/submissions/${a1}`,
    );
    expect(read.body.confirmation).toBeNull();
  });

  it("refuses an opinion too long (422) or not sent as JSON (415), leaving the plan as it was", async () => {
    const { tree, campaignId } = await setup();
    const a2 = await submitPlan000(tree.api, campaignId, "a2", "Trần Thị Bình");
    const long = await tree.api<{ error: { code: string; fields: unknown } }>(
      "a1",
      "POST",
      `/submissions/${a2}/confirm`,
      { opinion: "x".repeat(2001) },
    );
    expect(long.status).toBe(422);
    expect(long.body.error.fields).toEqual({ opinion: "Tối đa 2000 ký tự." });
    const { token } = await createSession(tree.db, tree.userIds.a1!, t!.clock.now);
    const res = await t!.request("POST", `/api/t/${tree.slug}/submissions/${a2}/confirm`, {
      token,
      raw: "opinion=x",
      headers: { "Content-Type": "text/plain" },
    });
    expect(res.status).toBe(415);
    const read = await tree.api<{ submission: { status: string } }>(
      "a1",
      "GET",
      `/submissions/${a2}`,
    );
    expect(read.body.submission.status).toBe("submitted");
    expect(await tree.db.select().from(planConfirmations)).toEqual([]);
  });
});
