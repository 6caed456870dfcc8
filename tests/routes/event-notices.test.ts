// A notification for every event, to each person concerned, and the e-mail each person chose
// (at once, a daily digest, or none), read from a real SMTP server in this process — exactly
// once even when the scheduled pass runs twice. Refused writes leave nothing; another
// tenant's events reach nobody here.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications, outbox, submissions } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { planNotice } from "../../worker/data/event-notices";
import { noticeOf, transition } from "../../worker/data/submissions";
import { systemCtx } from "../../worker/data/context";
import { readNotifySettings } from "../../worker/data/settings";
import { appWithSmtp, type ReceivedMail } from "../support/smtp";
import { makeApp, type TestApp } from "../support/app";
import { recordStatements } from "../support/statements";
import { launchCt24Phuong } from "../support/templates";
import {
  buildTree,
  fullPlan000,
  launchCampaign000,
  notificationsOf,
  submitPlan000,
  treeAt,
  type Tree,
} from "../support/tree";

/** Everyone's notifications by kind, as `who → kinds` (sorted), from the database. */
async function kindsByPerson(tree: Tree) {
  const rows = await tree.db.select().from(notifications);
  const nameOf = Object.fromEntries(Object.entries(tree.userIds).map(([k, v]) => [v, k]));
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[nameOf[r.userId]!] ??= []).push(r.kind);
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** A tree on 12/3/2026 with seed 000's campaign, a deputy secretary for cell 1, and e-mail
 *  over SMTP. */
async function setting() {
  const { t, smtp } = await appWithSmtp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  const tree = await buildTree(t);
  const id = await launchCampaign000(tree);
  await tree.addUser("deputy", [["secretary", tree.cellA.id]]);
  return { t, smtp, tree, id };
}

/** The event e-mails `who` received: the reminder digests the same pass sends are left out. */
let reminderKeys = new Set<string>();
const mailsTo = (smtp: { received: ReceivedMail[] }, who: string) =>
  smtp.received.filter(
    (m) =>
      m.envelopeTo[0] === `${who}@phuong-mau.vn` &&
      !reminderKeys.has(m.headers["x-idempotency-key"]!),
  );
async function pass(t: TestApp, tree: Tree) {
  await runScheduledPass(t.platform);
  const rows = await tree.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(eq(notifications.kind, "reminder-digest"));
  reminderKeys = new Set(rows.map((r) => `email:${r.id}`));
}

describe("event notifications", () => {
  it("tell each person concerned once per event, and e-mail as each chose, once, even when the pass runs twice", async () => {
    const { t, smtp, tree, id } = await setting();
    const { api } = tree;
    // a2 wants e-mail at once; b1 the app only; everyone else keeps the default, the digest.
    expect((await api("a2", "PUT", "/notifications/preferences", { mode: "email" })).status).toBe(
      204,
    );
    expect((await api("b1", "PUT", "/notifications/preferences", { mode: "app" })).status).toBe(
      204,
    );
    expect((await api("a2", "GET", "/notifications/preferences")).body).toEqual({
      mode: "email",
      hasEmail: true,
      emailOn: true,
    });

    // a2 submits, a1 returns with a comment, a2 submits again, the deputy confirms, the admin
    // comments; a1 (the secretary) submits their own plan: the deputy, not a1, hears of it.
    const plan = await submitPlan000(api, id, "a2", "Trần Thị Bình");
    await api("a2", "POST", `/campaigns/${id}/submissions/mine/submit`, {}); // already in: no event
    expect(
      (await api("a1", "POST", `/submissions/${plan}/return`, { comment: "Bổ sung phần 3." }))
        .status,
    ).toBe(200);
    await submitPlan000(api, id, "a2", "Trần Thị Bình");
    expect((await api("deputy", "POST", `/submissions/${plan}/confirm`, {})).status).toBe(200);
    expect(
      (await api("admin", "POST", `/submissions/${plan}/comments`, { body: "Tốt." })).status,
    ).toBe(201);
    await submitPlan000(api, id, "a1", "Nguyễn Văn An");
    // b2's plan goes to b1, who chose the app only; b1's own, with no deputy in cell 2, to
    // the admin.
    await submitPlan000(api, id, "b2", "Vũ Văn Hải");
    await submitPlan000(api, id, "b1", "Đỗ Thị Giang");

    expect(await kindsByPerson(tree)).toEqual({
      a1: ["plan-submitted", "plan-submitted"],
      deputy: ["plan-submitted", "plan-submitted", "plan-submitted"],
      a2: ["plan-commented", "plan-confirmed", "plan-returned"],
      b1: ["plan-submitted"],
      admin: ["plan-submitted"],
    });
    const returned = (await notificationsOf(tree, "a2")).find((n) => n.kind === "plan-returned")!;
    expect(returned.title).toBe(
      "Kế hoạch cá nhân của đồng chí được trả lại để sửa — Tự soi, tự sửa 2026",
    );
    expect(returned.body).toBe("Nhận xét của chi bộ: Bổ sung phần 3.");
    const [toDeputy] = await notificationsOf(tree, "deputy");
    expect(toDeputy!.title).toBe("Nguyễn Văn An đã nộp kế hoạch cá nhân — Tự soi, tự sửa 2026");

    // The same day (10:00 ICT), twice: a2's three e-mails leave, one each; the digests wait.
    await pass(t, tree);
    await pass(t, tree);
    expect(
      mailsTo(smtp, "a2")
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      "Có góp ý mới về kế hoạch cá nhân của đồng chí — Tự soi, tự sửa 2026",
      "Kế hoạch cá nhân của đồng chí đã được chi bộ xác nhận — Tự soi, tự sửa 2026",
      "Kế hoạch cá nhân của đồng chí được trả lại để sửa — Tự soi, tự sửa 2026",
    ]);
    // The comment stays in the app: e-mails carry titles only.
    expect(smtp.received.some((m) => m.text.includes("Bổ sung phần 3"))).toBe(false);
    expect(mailsTo(smtp, "a1")).toEqual([]);
    expect(mailsTo(smtp, "deputy")).toEqual([]);

    // The next morning (08:00 ICT 13/3), twice: one digest for each digest reader, none for b1.
    t.clock.now = new Date("2026-03-13T01:00:00Z");
    await pass(t, tree);
    await pass(t, tree);
    const [digest, ...more] = mailsTo(smtp, "deputy");
    expect(more).toEqual([]);
    expect(digest!.subject).toBe("Thông báo tổng hợp ngày 13/03/2026: 3 thông báo");
    expect(digest!.text).toContain("• Trần Thị Bình đã nộp kế hoạch cá nhân — Tự soi, tự sửa 2026");
    expect(digest!.text).toContain("• Nguyễn Văn An đã nộp kế hoạch cá nhân — Tự soi, tự sửa 2026");
    expect(mailsTo(smtp, "a1").map((m) => m.subject)).toEqual([
      "Thông báo tổng hợp ngày 13/03/2026: 2 thông báo",
    ]);
    expect(mailsTo(smtp, "a2")).toHaveLength(3);
    expect(mailsTo(smtp, "b1")).toEqual([]);
    expect(mailsTo(smtp, "admin").map((m) => m.subject)).toEqual([
      "Thông báo tổng hợp ngày 13/03/2026: 1 thông báo",
    ]);

    // The day after, nothing is sent again.
    t.clock.now = new Date("2026-03-14T01:00:00Z");
    await pass(t, tree);
    expect(mailsTo(smtp, "deputy")).toHaveLength(1);
  });

  it("leaves no notification for a refused or stale write", async () => {
    const { tree, id } = await setting();
    const { api } = tree;
    const plan = await submitPlan000(api, id, "a2", "Trần Thị Bình");
    const before = await kindsByPerson(tree);
    // Confirming a plan not handed in, returning a confirmed one, a secretary elsewhere.
    expect((await api("b1", "POST", `/submissions/${plan}/confirm`, {})).status).toBe(404);
    expect((await api("a1", "POST", `/submissions/${plan}/confirm`, {})).status).toBe(200);
    const afterConfirm = await kindsByPerson(tree);
    expect(
      (await api("a1", "POST", `/submissions/${plan}/return`, { comment: "Muộn." })).status,
    ).toBe(409);
    expect(
      (await api("b1", "POST", `/submissions/${plan}/comments`, { body: "Góp ý." })).status,
    ).toBe(404);
    expect(await kindsByPerson(tree)).toEqual(afterConfirm);
    expect(afterConfirm.a2).toEqual(["plan-confirmed"]);
    expect(before.a2).toBeUndefined();

    // A transition that lost its race to another write: 409, and its notification not written.
    const [row] = await tree.db.select().from(submissions).where(eq(submissions.id, plan));
    const stale = { ...row!, version: row!.version - 1 };
    const ctx = systemCtx(tree.db, new Date("2026-03-12T03:00:00Z"));
    await expect(
      transition(ctx, {
        submission: stale,
        changes: { status: "returned" },
        onBehalf: false,
        extra: (wrote) => [planNotice(tree.db, noticeOf(stale, "returned", null), ctx.now, wrote)],
      }),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
    expect((await kindsByPerson(tree)).a2).toEqual(["plan-confirmed"]);
  });

  it("tells the staff above of a report filed or corrected, not of one refused", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await launchCt24Phuong(tree);
    await tree.addUser("ward-secretary", [["secretary", tree.root.id]]);
    const report = {
      reportKey: "bao-cao-dang-uy-phuong",
      data: { "ngay-sinh-hoat": "2023-09-07", "ket-qua": "Đã sinh hoạt." },
    };
    const path = `/campaigns/${id}/reports/${tree.cellA.id}`;
    expect((await tree.api("a1", "PUT", path, report)).status).toBe(200);
    expect((await tree.api("a1", "PUT", path, { ...report, version: 7 })).status).toBe(409);
    expect((await tree.api("b1", "PUT", path, report)).status).toBe(404);
    expect((await kindsByPerson(tree)).admin).toEqual(["report-filed"]);
    expect((await tree.api("a1", "PUT", path, { ...report, version: 1 })).status).toBe(200);
    expect(await kindsByPerson(tree)).toEqual({
      admin: ["report-filed", "report-filed"],
      "ward-secretary": ["report-filed", "report-filed"],
    });
    expect((await notificationsOf(tree, "admin")).map((n) => n.title).sort()).toEqual([
      "Chi bộ Khu dân cư số 1 đã gửi báo cáo — Kế hoạch 155-KH/ĐU",
      "Chi bộ Khu dân cư số 1 đã sửa báo cáo — Kế hoạch 155-KH/ĐU",
    ]);
  });

  it("costs no round trip: each notification rides in the batch of the write it tells of", async () => {
    const { t, tree, id } = await setting();
    const [tenantRow] = (
      await t.platform.control().client.execute("SELECT id, db_url FROM tenants")
    ).rows;
    const client = t.platform.tenant({
      id: String(tenantRow!.id),
      dbUrl: String(tenantRow!.db_url),
    }).client;
    await tree.api("a2", "PUT", `/campaigns/${id}/submissions/mine`, {
      formKey: "ke-hoach-tu-duong",
      data: fullPlan000("Trần Thị Bình"),
    });
    const notices: { sql: string; args: unknown }[] = [];
    /** The round trip that wrote the notification is the one that wrote `write`. */
    const sameTrip = async (write: RegExp, act: () => Promise<{ status: number }>) => {
      const seen = await recordStatements(client, act);
      expect(seen.result!.status).toBeLessThan(300);
      const notice = seen.filter((s) => /^INSERT INTO notifications/i.test(s.sql));
      expect(notice).toHaveLength(1);
      expect(seen.find((s) => write.test(s.sql))!.roundTrip).toBe(notice[0]!.roundTrip);
      notices.push(notice[0]!);
      return seen.roundTrips;
    };
    const submit = await sameTrip(/^update "submissions"/i, () =>
      tree.api("a2", "POST", `/campaigns/${id}/submissions/mine/submit`, {}),
    );
    // The test helper's new session (1), then the request: its session check, the campaign,
    // the current submission and the write, which carries the notification — as before it.
    expect(submit).toBeLessThanOrEqual(5);
    const [plan] = await tree.db.select().from(submissions);
    await sameTrip(/^update "submissions"/i, () =>
      tree.api("deputy", "POST", `/submissions/${plan!.id}/confirm`, {}),
    );
    await sameTrip(/^insert into "comments"/i, () =>
      tree.api("admin", "POST", `/submissions/${plan!.id}/comments`, { body: "Tốt." }),
    );
    // Whoever is concerned is found through indexes, whatever the tenant's size.
    for (const n of notices) {
      const explained = await client.execute({
        sql: `EXPLAIN QUERY PLAN ${n.sql}`,
        args: n.args as never,
      });
      expect(explained.rows.map((r) => String(r.detail)).filter((d) => /^SCAN /.test(d))).toEqual(
        [],
      );
    }
  });

  it("reaches nobody in another tenant, and each person sets only their own choice", async () => {
    const t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const here = await buildTree(t, "phuong-mau");
    const there = await buildTree(t, "phuong-khac");
    const id = await launchCampaign000(here);
    await submitPlan000(here.api, id, "a2", "Trần Thị Bình");
    expect((await kindsByPerson(here)).a1).toEqual(["plan-submitted"]);
    expect(await there.db.select().from(notifications)).toEqual([]);
    // The other tenant's secretary reading its own list sees nothing of it.
    expect(await notificationsOf(there, "a1")).toEqual([]);
    await here.api("a1", "PUT", "/notifications/preferences", { mode: "app" });
    expect((await there.api("a1", "GET", "/notifications/preferences")).body).toMatchObject({
      mode: "digest",
    });
    expect((await here.api("a2", "GET", "/notifications/preferences")).body).toMatchObject({
      mode: "digest",
    });
    t.close();
  });

  it("tells the other side's admins of a link requested, approved and revoked, once each", async () => {
    const t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const child = await buildTree(t, "phuong-con");
    const parent = await buildTree(t, "quan-cha");
    const link = await child.api<{ id: string }>("admin", "POST", "/links", {
      parentSlug: "quan-cha",
    });
    expect(link.status).toBe(201);
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);
    expect(await kindsByPerson(parent)).toEqual({ admin: ["link-request"] });
    expect((await notificationsOf(parent, "admin"))[0]!.title).toBe(
      "Đảng bộ phuong-con (phuong-con) đề nghị liên kết báo cáo lên đảng bộ: chờ duyệt",
    );
    expect(await kindsByPerson(child)).toEqual({});
    // A refused approval (by the child itself) tells nobody.
    expect((await child.api("admin", "POST", `/links/${link.body.id}/approve`)).status).toBe(403);
    expect((await parent.api("admin", "POST", `/links/${link.body.id}/approve`)).status).toBe(200);
    expect((await parent.api("admin", "POST", `/links/${link.body.id}/revoke`)).status).toBe(200);
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);
    expect(await kindsByPerson(child)).toEqual({ admin: ["link-approve", "link-revoke"] });
    expect(await kindsByPerson(parent)).toEqual({ admin: ["link-request"] });
    t.close();
  });

  it("keeps the webhook's secret when the admin saves the settings without it", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const value = {
      daysBefore: 2,
      quietHours: { from: "22:00", to: "06:00" },
      email: false,
      webhookUrl: "https://relay.example/zalo",
    };
    const put = (body: object) => tree.api("admin", "PUT", "/settings/notifications", body);
    expect((await put({ ...value, webhookSecret: "bi-mat-cua-phuong-2026" })).status).toBe(204);
    expect((await put({ ...value, daysBefore: 5 })).status).toBe(204);
    expect(await readNotifySettings(tree.db)).toEqual({
      ...value,
      daysBefore: 5,
      webhookSecret: "bi-mat-cua-phuong-2026",
    });
    expect((await put({ ...value, webhookSecret: null })).status).toBe(204);
    expect((await readNotifySettings(tree.db)).webhookSecret).toBeNull();
  });

  it("without e-mail, says so and owes nothing", async () => {
    const t = await makeApp();
    t.clock.now = new Date("2026-03-12T02:00:00Z");
    const tree = await buildTree(t);
    const id = await launchCampaign000(tree);
    await tree.api("a1", "PUT", "/notifications/preferences", { mode: "email" });
    expect((await tree.api("a1", "GET", "/notifications/preferences")).body).toEqual({
      mode: "email",
      hasEmail: true,
      emailOn: false,
    });
    await submitPlan000(tree.api, id, "a2", "Trần Thị Bình");
    await runScheduledPass(t.platform);
    expect(await tree.db.select().from(outbox)).toEqual([]);
    const [n] = await tree.db.select().from(notifications);
    expect(n).toMatchObject({ kind: "plan-submitted", mail: null });
    t.close();
  });
});
