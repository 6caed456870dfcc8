// A secretary resets the password of a member of their own cell with a printed slip; not
// another cell's member, and not an account with powers beyond the cell.
import { afterEach, describe, expect, it } from "vitest";
import { grants } from "../../schema/tables/tenant";
import { newId } from "../../worker/data/ids";
import { makeApp, signupTenant, type TestApp } from "../support/app";
import { buildTree } from "../support/tree";

let t: TestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const PASSWORD = "mat-khau-moi-du-dai";
interface Slip {
  memberId: string;
  fullName: string;
  login: string;
  code: string;
  url: string;
  expiresAt: string;
}

describe("reset slips", () => {
  it("lets the secretary print one for a member of the cell; the code sets a new password once", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    const first = await tree.api<Slip>("a1", "POST", "/accounts/reset-slips", {
      memberId: tree.ids.a2,
    });
    expect(first).toEqual({
      status: 201,
      body: {
        memberId: tree.ids.a2,
        fullName: "Trần Thị Bình",
        login: "a2@phuong-mau.vn",
        code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/),
        url: expect.stringMatching(/\/t\/phuong-mau\/dat-lai-mat-khau#[A-HJKMNP-Z2-9]{8}$/),
        expiresAt: "2026-03-17T03:00:00.000Z",
      },
    });
    // A second slip replaces the first.
    const second = await tree.api<Slip>("a1", "POST", "/accounts/reset-slips", {
      memberId: tree.ids.a2,
    });
    const reset = (token: string) =>
      t!.request("POST", `/api/t/${tree.slug}/auth/reset`, { body: { token, password: PASSWORD } });
    expect((await reset(first.body.code)).status).toBe(400);
    expect((await reset(second.body.code)).status).toBe(200);
    expect((await reset(second.body.code)).status).toBe(400);
    const login = await t.request("POST", `/api/t/${tree.slug}/auth/login`, {
      body: { email: "a2@phuong-mau.vn", password: PASSWORD },
    });
    expect(login.status).toBe(200);
  });

  it("answers 404 for another cell's member and 403 for an account with powers beyond the cell", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    const slip = (who: string, memberId: string) =>
      tree.api<{ error: { code: string; message: string } }>(who, "POST", "/accounts/reset-slips", {
        memberId,
      });
    expect((await slip("a1", tree.ids.b2!)).status).toBe(404);
    expect((await slip("a1", "khongcoai")).status).toBe(404);
    await tree.db.insert(grants).values({
      id: newId(),
      userId: tree.userIds.a5!,
      role: "admin",
      unitId: null,
      createdAt: t.clock.now,
    });
    expect(await slip("a1", tree.ids.a5!)).toEqual({
      status: 403,
      body: {
        error: {
          code: "ROLE_SCOPE",
          message: "Tài khoản này có vai trò ngoài chi bộ: chỉ quản trị đặt lại được mật khẩu.",
        },
      },
    });
    expect((await slip("admin", tree.ids.a5!)).status).toBe(201);
    // Another tenant's admin names this tenant's member: nothing there.
    const other = await signupTenant(t, "xa-khac");
    const cross = await t.request("POST", "/api/t/xa-khac/accounts/reset-slips", {
      token: other.token,
      body: { memberId: tree.ids.a2 },
    });
    expect(cross.status).toBe(404);
    // On the roster without an account: an invitation, not a reset.
    const added = await tree.api<{ member: { id: string } }>("admin", "POST", "/members", {
      fullName: "Ngô Thị Lan",
      unitId: tree.cellA.id,
    });
    expect((await slip("a1", added.body.member.id)).status).toBe(422);
  });
});
