// Invitations for members on the roster: by e-mail alone (the roster knows the unit), and
// what accepting one makes.
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, type Tree } from "../support/tree";

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const PASSWORD = "mat-khau-du-dai";

async function addRosterMember(
  tree: Tree,
  input: { fullName: string; unitId: string; email?: string; phone?: string },
) {
  const res = await tree.api<{ member: { id: string } }>("admin", "POST", "/members", input);
  expect(res.status).toBe(201);
  return res.body.member.id;
}

describe("an invitation by e-mail alone", () => {
  it("finds the roster member with that e-mail and invites them to their own unit", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    const memberId = await addRosterMember(tree, {
      fullName: "Ngô Thị Lan",
      unitId: tree.cellA.id,
      email: "lan@example.vn",
    });
    const res = await tree.api<{ token: string; memberId: string }>("a1", "POST", "/invitations", {
      email: "Lan@Example.vn",
      role: "member",
    });
    expect(res.status).toBe(201);
    expect(res.body.memberId).toBe(memberId);
    const list = await tree.api<{
      invitations: { email: string; unitId: string; memberId: string }[];
    }>("a1", "GET", "/invitations");
    expect(list.body.invitations).toEqual([
      expect.objectContaining({ email: "lan@example.vn", unitId: tree.cellA.id, memberId }),
    ]);

    const accepted = await t.request("POST", `/api/t/${tree.slug}/auth/accept`, {
      body: { token: res.body.token, password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const me = await t.request("GET", `/api/t/${tree.slug}/me`, {
      token: ((await accepted.json()) as { token: string }).token,
    });
    expect(((await me.json()) as { user: { memberId: string } }).user.memberId).toBe(memberId);
  });

  it("answers 422 asking for the unit when no member of the caller's cells has the e-mail", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    // On the roster, but in cell B: the secretary of cell A does not find them.
    await addRosterMember(tree, {
      fullName: "Ngô Thị Lan",
      unitId: tree.cellB.id,
      email: "lan@example.vn",
    });
    for (const email of ["lan@example.vn", "khong-co@example.vn"]) {
      const res = await tree.api("a1", "POST", "/invitations", { email, role: "member" });
      expect(res).toEqual({
        status: 422,
        body: {
          error: {
            code: "INVALID_BODY",
            message: "Không có đảng viên nào trong danh sách với thư điện tử này: cần chọn đơn vị.",
            fields: { unitId: "Bắt buộc phải có." },
          },
        },
      });
    }
    // The admin does find them, in cell B.
    const byAdmin = await tree.api<{ memberId: string }>("admin", "POST", "/invitations", {
      email: "lan@example.vn",
      role: "member",
    });
    expect(byAdmin.status).toBe(201);
  });
});
