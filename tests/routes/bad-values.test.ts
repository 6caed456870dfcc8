// Bad values are refused at the root, whatever the route (issue 14): a day that does not
// exist, a control character in any string or key, bytes that are not UTF-8, a link that is
// not http(s). Each refusal is a 4xx with the reason, and leaves nothing stored.
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { makeApp, type TestApp } from "../support/app";
import { buildTree, launchCampaign, type Tree } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

type Err = { error: { code: string; message: string; fields?: Record<string, string> } };

/** Seed 000's campaign launched, and cell A's secretary scheduling its conference. */
async function campaignWithMeeting(tree: Tree) {
  const id = await launchCampaign(tree.api, tree.root.id);
  const meeting = (
    await tree.api<{ meeting: { id: string; version: number } }>(
      "a1",
      "POST",
      `/campaigns/${id}/meetings`,
      { unitId: tree.cellA.id, stepKey: "hoi-nghi" },
    )
  ).body.meeting;
  return { id, meeting };
}

async function setup() {
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t);
  const count = async (table: string) =>
    Number(
      ((await tree.db.all(sql.raw(`SELECT count(*) AS n FROM ${table}`))) as { n: number }[])[0]!.n,
    );
  return { tree, count };
}

describe("impossible dates", () => {
  it("are refused on members, units, campaigns and meetings, and a meeting's day is not rolled over", async () => {
    const { tree, count } = await setup();
    const { api, cellA, ids, root } = tree;
    const before = await count("members");
    const created = await api<Err>("admin", "POST", "/members", {
      fullName: "Ngô Văn Tám",
      unitId: cellA.id,
      statusSince: "2023-02-30",
    });
    expect(created).toEqual({
      status: 422,
      body: {
        error: {
          code: "INVALID_BODY",
          message: "Dữ liệu gửi lên chưa hợp lệ.",
          fields: { statusSince: "Ngày không có thật." },
        },
      },
    });
    expect(await count("members")).toBe(before);
    const status = await api<Err>("admin", "POST", `/members/${ids.a2}/status`, {
      status: "chuyen-di",
      since: "2025-04-31",
    });
    expect([status.status, status.body.error.fields]).toEqual([
      422,
      { since: "Ngày không có thật." },
    ]);
    const closed = await api<Err>("admin", "POST", `/units/${tree.cellB.id}/close`, {
      closedOn: "2026-02-29",
    });
    expect([closed.status, closed.body.error.fields]).toEqual([
      422,
      { closedOn: "Ngày không có thật." },
    ]);
    const campaigns = await count("campaigns");
    const campaign = await api<Err>("admin", "POST", "/campaigns", {
      templateKey: "tu-soi-tu-sua",
      name: "Đợt không có thật",
      startsOn: "2026-02-30",
      dueOn: "2026-04-10",
      unitIds: [root.id],
    });
    expect([campaign.status, campaign.body.error.fields]).toEqual([
      422,
      { startsOn: "Ngày không có thật." },
    ]);
    expect(await count("campaigns")).toBe(campaigns);

    const { meeting } = await campaignWithMeeting(tree);
    const rolled = await api<Err>("a1", "PATCH", `/meetings/${meeting.id}`, {
      version: meeting.version,
      scheduledAt: "2023-02-30T19:30:00+07:00",
    });
    expect([rolled.status, rolled.body.error.fields]).toEqual([
      422,
      { scheduledAt: "Ngày không có thật." },
    ]);
    const after = await api<{ meeting: { version: number; scheduledAt: unknown } }>(
      "a1",
      "GET",
      `/meetings/${meeting.id}`,
    );
    expect([after.body.meeting.version, after.body.meeting.scheduledAt]).toEqual([
      meeting.version,
      null,
    ]);
  });
});

describe("links", () => {
  it("allow http(s) only on a meeting's Sổ tay link and the webhook", async () => {
    const { tree } = await setup();
    const { api } = tree;
    const { meeting } = await campaignWithMeeting(tree);
    for (const soTayLink of [
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
    ]) {
      const res = await api<Err>("a1", "PATCH", `/meetings/${meeting.id}`, {
        version: meeting.version,
        soTayLink,
      });
      expect([soTayLink, res.status, res.body.error.fields]).toEqual([
        soTayLink,
        422,
        { soTayLink: "Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://." },
      ]);
    }
    const ok = await api<{ meeting: { soTayLink: string } }>(
      "a1",
      "PATCH",
      `/meetings/${meeting.id}`,
      {
        version: meeting.version,
        soTayLink: "https://sotaydangvien.vn/tai-lieu/ct24",
      },
    );
    expect([ok.status, ok.body.meeting.soTayLink]).toEqual([
      200,
      "https://sotaydangvien.vn/tai-lieu/ct24",
    ]);
    const hook = await api<Err>("admin", "PUT", "/settings/notifications", {
      daysBefore: 3,
      quietHours: null,
      email: false,
      webhookUrl: "javascript:fetch('https://x.vn')",
      webhookSecret: null,
    });
    expect([hook.status, hook.body.error.fields?.webhookUrl]).toEqual([
      422,
      "Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://.",
    ]);
  });
});

describe("text", () => {
  it("refuses NUL and other control characters in any string or key, and stores nothing", async () => {
    const { tree, count } = await setup();
    const { api, cellA } = tree;
    const before = await count("members");
    for (const [body, field] of [
      [{ fullName: "Ngô\u0000Văn Tám", unitId: cellA.id }, "fullName"],
      [{ fullName: "Ngô Văn Tám", unitId: cellA.id, position: "Tổ trưởng\u001b[2J" }, "position"],
      [{ fullName: "Ngô Văn Tám", unitId: cellA.id, ["x\u0000"]: 1 }, "x\u0000"],
    ] as const) {
      const res = await api<Err>("admin", "POST", "/members", body);
      expect([res.status, res.body]).toEqual([
        422,
        {
          error: {
            code: "INVALID_BODY",
            message: "Có ký tự điều khiển không được phép (như NUL).",
            fields: { [field]: "Có ký tự điều khiển không được phép (như NUL)." },
          },
        },
      ]);
    }
    expect(await count("members")).toBe(before);
    // Tabs and line breaks are text.
    const ok = await api("admin", "POST", "/members", {
      fullName: "Ngô Văn Tám",
      unitId: cellA.id,
      position: "Tổ trưởng\ttổ 3\r\nkhu 1",
    });
    expect(ok.status).toBe(201);
  });

  it("refuses a body that is not UTF-8 instead of replacing its bytes", async () => {
    const { tree, count } = await setup();
    const { createSession } = await import("../../worker/auth/sessions");
    const token = (await createSession(tree.db, tree.userIds.admin!, t.clock.now)).token;
    const before = await count("members");
    const json = new TextEncoder().encode(
      JSON.stringify({ fullName: "Ngô Văn XX", unitId: tree.cellA.id }),
    );
    const at = json.indexOf(0x58); // the first "X": replaced by a lone continuation byte
    const bytes = new Uint8Array([...json.slice(0, at), 0xc3, 0x28, ...json.slice(at + 2)]);
    const res = await t.request("POST", `/api/t/${tree.slug}/members`, {
      token,
      raw: bytes,
      headers: { "Content-Type": "application/json" },
    });
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        error: {
          code: "INVALID_JSON",
          message: "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.",
        },
      },
    ]);
    expect(await count("members")).toBe(before);
  });
});
