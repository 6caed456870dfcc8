// Bulk invitations for a cell or the whole roster: e-mails through the outbox to a real SMTP
// server in this process, printed slips with a short code for members without e-mail, and a
// member signing in by phone with the code from their slip.
import { afterEach, describe, expect, it } from "vitest";
import { accountTokens, members, outbox } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { BULK_PAGE } from "../../worker/data/bulk-invitations";
import { newMemberRow } from "../../worker/data/members";
import { makeApp, signupTenant, type TestApp } from "../support/app";
import { appWithSmtp, type TestSmtp } from "../support/smtp";
import { buildTree, type Tree } from "../support/tree";

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
afterEach(() => {
  t?.close();
  t = smtp = undefined;
});

const PASSWORD = "mat-khau-du-dai";
const FROM = "Sinh hoạt chính trị <nhac-viec@phuong-mau.vn>";

interface Bulk {
  emailed: { memberId: string; fullName: string; email: string }[];
  slips: { memberId: string; fullName: string; login: string; code: string; url: string }[];
  unreachable: { memberId: string; fullName: string }[];
  next: string | null;
}

/** 08:00 ICT on a weekday: outside the default quiet hours, so e-mail leaves on the next pass. */
async function setup(): Promise<Tree> {
  ({ t, smtp } = await appWithSmtp({ MAIL_FROM: FROM }));
  t.clock.now = new Date("2026-04-07T01:00:00Z");
  const tree = await buildTree(t);
  const add = async (key: string, input: Record<string, unknown>) => {
    const res = await tree.api<{ member: { id: string } }>("admin", "POST", "/members", input);
    expect(res.status).toBe(201);
    tree.ids[key] = res.body.member.id;
  };
  await add("lan", { fullName: "Ngô Thị Lan", unitId: tree.cellA.id, email: "lan@example.vn" });
  await add("minh", { fullName: "Đinh Văn Minh", unitId: tree.cellA.id, email: "minh@example.vn" });
  await add("nga", { fullName: "Bùi Thị Nga", unitId: tree.cellA.id, phone: "0912.345.678" });
  await add("oanh", { fullName: "Tạ Thị Oanh", unitId: tree.cellA.id });
  await add("phuc", { fullName: "Mai Văn Phúc", unitId: tree.cellB.id, email: "phuc@example.vn" });
  return tree;
}

const byName = <T extends { fullName: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.fullName.localeCompare(b.fullName));

describe("bulk invitations", () => {
  it("e-mails every member of the cell who has an address, prints a slip for the rest, and makes no duplicates", async () => {
    const tree = await setup();
    const res = await tree.api<Bulk>("a1", "POST", "/invitations/bulk", { unitId: tree.cellA.id });
    expect(res.status).toBe(201);
    expect(byName(res.body.emailed).map((e) => [e.fullName, e.email])).toEqual([
      ["Đinh Văn Minh", "minh@example.vn"],
      ["Ngô Thị Lan", "lan@example.vn"],
    ]);
    expect(res.body.slips).toEqual([
      {
        invitationId: expect.any(String),
        memberId: tree.ids.nga,
        fullName: "Bùi Thị Nga",
        unitName: "Chi bộ Khu dân cư số 1",
        login: "+84912345678",
        code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/),
        url: expect.stringMatching(/\/t\/phuong-mau\/nhan-loi-moi#[A-HJKMNP-Z2-9]{8}$/),
        expiresAt: "2026-04-14T01:00:00.000Z",
      },
    ]);
    expect(res.body.unreachable).toEqual([
      { memberId: tree.ids.oanh, fullName: "Tạ Thị Oanh", unitName: "Chi bộ Khu dân cư số 1" },
    ]);
    expect(res.body.next).toBeNull();
    // Nothing is sent inline: the outbox holds the two e-mails until the cron's pass.
    expect(smtp!.received).toEqual([]);
    expect((await tree.db.select().from(outbox)).map((r) => r.recipient).sort()).toEqual([
      "lan@example.vn",
      "minh@example.vn",
    ]);

    const pass = await runScheduledPass(t!.platform);
    expect(pass.tenants[0]!.outbox).toEqual({ sent: 2, retried: 0, failed: 0 });
    expect(smtp!.received.map((m) => m.envelopeTo[0]).sort()).toEqual([
      "lan@example.vn",
      "minh@example.vn",
    ]);
    const mail = smtp!.received.find((m) => m.envelopeTo[0] === "lan@example.vn")!;
    expect(mail.subject).toBe("Mời tạo tài khoản sinh hoạt chính trị — Đảng bộ phuong-mau");
    expect(mail.text).toContain("Kính gửi đồng chí Ngô Thị Lan,");
    expect(mail.text).toContain("đến hết ngày 14/04/2026");

    // Again: nobody new is invited, nothing more is queued or sent.
    const again = await tree.api<Bulk>("a1", "POST", "/invitations/bulk", {
      unitId: tree.cellA.id,
    });
    expect(again.body).toEqual({
      emailed: [],
      slips: [],
      unreachable: [expect.objectContaining({ fullName: "Tạ Thị Oanh" })],
      next: null,
    });
    expect(await tree.db.select().from(outbox)).toHaveLength(2);
    await runScheduledPass(t!.platform);
    expect(smtp!.received).toHaveLength(2);

    // The link in the e-mail makes the account, which signs in by e-mail.
    const token = /nhan-loi-moi#([a-z0-9]+)/.exec(mail.text)![1]!;
    const accepted = await t!.request("POST", `/api/t/${tree.slug}/auth/accept`, {
      body: { token, password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const login = await t!.request("POST", `/api/t/${tree.slug}/auth/login`, {
      body: { email: "lan@example.vn", password: PASSWORD },
    });
    expect(login.status).toBe(200);

    // The admin's whole-roster call finds the one left: cell B's member with an e-mail.
    const all = await tree.api<Bulk>("admin", "POST", "/invitations/bulk", {});
    expect(all.body.emailed.map((e) => e.email)).toEqual(["phuc@example.vn"]);
    expect(all.body.slips).toEqual([]);
  });

  it("signs the slip's member in by phone, however the number is typed, after the code is redeemed once", async () => {
    const tree = await setup();
    const res = await tree.api<Bulk>("a1", "POST", "/invitations/bulk", { unitId: tree.cellA.id });
    const slip = res.body.slips[0]!;
    // Typed by hand from the paper: lower case, a space instead of the dash.
    const typed = slip.code.toLowerCase().replace("-", " ");
    const accept = (token: string) =>
      t!.request("POST", `/api/t/${tree.slug}/auth/accept`, {
        body: { token, password: PASSWORD },
      });
    const first = await accept(typed);
    expect(first.status).toBe(200);
    const session = (await first.json()) as { token: string; user: { fullName: string } };
    expect(session.user.fullName).toBe("Bùi Thị Nga");
    expect((await accept(slip.code)).status).toBe(400);

    for (const body of [
      { login: "0912 345 678", password: PASSWORD },
      { login: "+84 912.345.678", password: PASSWORD },
      { phone: "84912345678", password: PASSWORD },
    ]) {
      const res = await t!.request("POST", `/api/t/${tree.slug}/auth/login`, { body });
      expect({ body, status: res.status }).toEqual({ body, status: 200 });
    }
    const wrong = await t!.request("POST", `/api/t/${tree.slug}/auth/login`, {
      body: { login: "0912345678", password: "sai-mat-khau-roi" },
    });
    expect(await wrong.json()).toEqual({
      error: { code: "INVALID_CREDENTIALS", message: "Số điện thoại hoặc mật khẩu không đúng." },
    });
    const me = await t!.request("GET", `/api/t/${tree.slug}/me`, {
      token: session.token,
    });
    expect(((await me.json()) as { user: { memberId: string } }).user.memberId).toBe(tree.ids.nga);
  });

  it("refuses another cell (404) and the whole roster (403) to a secretary", async () => {
    const tree = await setup();
    expect(
      (await tree.api("a1", "POST", "/invitations/bulk", { unitId: tree.cellB.id })).status,
    ).toBe(404);
    const whole = await tree.api("a1", "POST", "/invitations/bulk", {});
    expect(whole.status).toBe(403);
    expect(await tree.db.select().from(accountTokens)).toEqual([]);
  });

  it("prints slips for everyone when this deployment sends no e-mail, and answers 404 for another tenant's unit", async () => {
    t = await makeApp();
    const tree = await buildTree(t);
    await tree.api("admin", "POST", "/members", {
      fullName: "Ngô Thị Lan",
      unitId: tree.cellA.id,
      email: "lan@example.vn",
    });
    const res = await tree.api<Bulk>("a1", "POST", "/invitations/bulk", { unitId: tree.cellA.id });
    expect(res.body.emailed).toEqual([]);
    expect(res.body.slips.map((s) => [s.fullName, s.login])).toEqual([
      ["Ngô Thị Lan", "lan@example.vn"],
    ]);
    expect(await tree.db.select().from(outbox)).toEqual([]);
    // The slip's code makes the account, which signs in by that e-mail.
    const accepted = await t.request("POST", `/api/t/${tree.slug}/auth/accept`, {
      body: { token: res.body.slips[0]!.code, password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
    const login = await t.request("POST", `/api/t/${tree.slug}/auth/login`, {
      body: { login: "lan@example.vn", password: PASSWORD },
    });
    expect(login.status).toBe(200);

    const other = await signupTenant(t, "xa-khac");
    const cross = await t.request("POST", "/api/t/xa-khac/invitations/bulk", {
      token: other.token,
      body: { unitId: tree.cellA.id },
    });
    expect(cross.status).toBe(404);
  });

  it("works through a large roster a page at a time", async () => {
    const tree = await setup();
    const now = t!.clock.now;
    const rows = Array.from({ length: BULK_PAGE + 3 }, (_, i) =>
      newMemberRow(
        {
          fullName: `Đảng viên ${i}`,
          unitId: tree.cellB.id,
          status: "dang-sinh-hoat",
          phone: `09${String(10_000_000 + i).padStart(8, "0")}`,
        },
        now,
      ),
    );
    await tree.db.insert(members).values(rows);
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await tree.api<Bulk>("admin", "POST", "/invitations/bulk", {
        unitId: tree.cellB.id,
        ...(after ? { after } : {}),
      });
      for (const s of res.body.slips) seen.add(s.memberId);
      for (const e of res.body.emailed) seen.add(e.memberId);
      after = res.body.next ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen.size).toBe(BULK_PAGE + 3 + 1);
    const codes = (await tree.db.select().from(accountTokens)).map((r) => r.tokenHash);
    expect(new Set(codes).size).toBe(BULK_PAGE + 4);
  });
});
