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

describe("the login body", () => {
  it("takes exactly one of email, login or phone, and says which field is wrong", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    const login = async (body: unknown) => {
      const res = await t!.request("POST", `/api/t/${tree.slug}/auth/login`, { body });
      return { status: res.status, body: (await res.json()) as { error?: { fields?: unknown } } };
    };
    expect(await login({ password: PASSWORD })).toMatchObject({
      status: 422,
      body: { error: { fields: { login: "Nhập thư điện tử hoặc số điện thoại." } } },
    });
    expect(
      await login({ email: "a1@phuong-mau.vn", phone: "0912345678", password: PASSWORD }),
    ).toMatchObject({ status: 422, body: { error: { fields: { login: expect.any(String) } } } });
    expect(await login({ phone: "12345", password: PASSWORD })).toMatchObject({
      status: 422,
      body: {
        error: {
          fields: {
            phone: "Số điện thoại không hợp lệ (ví dụ 0912 345 678 hoặc +84 912 345 678).",
          },
        },
      },
    });
    // An unknown phone costs a hash like an unknown e-mail and answers the same 401.
    expect(await login({ login: "0987 654 321", password: PASSWORD })).toEqual({
      status: 401,
      body: {
        error: { code: "INVALID_CREDENTIALS", message: "Số điện thoại hoặc mật khẩu không đúng." },
      },
    });
  });
});

describe("redeeming codes", () => {
  it("holds guessing to 60 tries per address in 10 minutes, then answers 429", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    await t.platform.control().client.execute("DELETE FROM throttles");
    const tryCode = (code: string) =>
      t!.request("POST", `/api/t/${tree.slug}/auth/accept`, {
        body: { token: code, password: PASSWORD },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await tryCode("ABCD-EFGH")).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const refused = await tryCode("ABCD-EFGH");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("600");
    t.clock.now = new Date(t.clock.now.getTime() + 10 * 60 * 1000);
    expect((await tryCode("ABCD-EFGH")).status).toBe(400);
  });
});
