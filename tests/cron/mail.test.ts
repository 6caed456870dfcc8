// E-mail that arrives: the reminder digest from the scheduled pass, through the Node transport
// (nodemailer over SMTP) to a real SMTP server in this process, and through the HTTP e-mail
// API to a stand-in server. Nothing is mocked on the SMTP path; the API's stand-in takes the
// place of a third-party e-mail service, which cannot run here.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { outbox } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { fetchOutbound, type Outbound } from "../../worker/env";
import { PermanentMailError } from "../../worker/mail";
import { apiMailer } from "../../worker/mail/api";
import { mailFromProcessEnv } from "../../worker/mail/smtp";
import { makeApp, type TestApp } from "../support/app";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { notificationsOf, treeWith000, type Tree } from "../support/tree";

let t: TestApp | undefined;
let smtp: TestSmtp | undefined;
let api: Server | undefined;
afterEach(async () => {
  t?.close();
  await smtp?.close();
  await new Promise((resolve) => (api ? api.close(resolve) : resolve(null)));
  t = smtp = api = undefined;
});

const FROM = "Sinh hoạt chính trị Phường Mẫu <nhac-viec@phuong-mau.vn>";

/** The Node runtime's outbound as `npm start` builds it from these variables. */
const nodeOutbound = (env: Record<string, string>): Outbound => ({
  ...fetchOutbound(),
  ...mailFromProcessEnv(env),
});

/** A campaign whose plan is due on 8/4/2026: on 7/4 at 08:00 ICT (outside the default quiet
 *  hours) a1, a2, a5, b1 and b2 are reminded of their plan, one digest each. */
async function reminderDay(app: TestApp): Promise<Tree> {
  const { tree } = await treeWith000(app);
  app.clock.now = new Date("2026-04-07T01:00:00Z");
  return tree;
}
const REMINDED = ["a1", "a2", "a5", "b1", "b2"];
const address = (tree: Tree, who: string) => `${who}@${tree.slug}.vn`;

const notes = notificationsOf;
const emailRows = async (tree: Tree) =>
  (await tree.db.select().from(outbox)).filter((r) => r.channel === "email");
const settings = async (tree: Tree) =>
  (
    await tree.api<{ email: boolean; emailTransport: string | null; emailNote: string }>(
      "admin",
      "GET",
      "/settings/notifications",
    )
  ).body;

describe("e-mail over SMTP", () => {
  it("delivers the reminder digest as exactly one message per person, in UTF-8, and nothing more on the next pass", async () => {
    smtp = await startSmtp({ auth: { user: "nhac-viec", pass: "mật khẩu:@/" } });
    t = await makeApp({ outbound: nodeOutbound({ SMTP_URL: smtp.url, MAIL_FROM: FROM }) });
    const tree = await reminderDay(t);
    expect(await settings(tree)).toMatchObject({
      email: true,
      emailTransport: "smtp",
      emailNote: "Thư điện tử được gửi qua máy chủ SMTP, ngoài giờ yên lặng.",
    });

    const pass = await runScheduledPass(t.platform);
    expect(pass.tenants[0]!.outbox).toEqual({ sent: 5, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.envelopeTo).sort()).toEqual(
      REMINDED.map((who) => [address(tree, who)]).sort(),
    );
    for (const who of REMINDED) {
      const [note] = await notes(tree, who);
      const mail = smtp.received.find((m) => m.envelopeTo[0] === address(tree, who))!;
      expect(mail.headers.to).toBe(address(tree, who));
      expect(mail.envelopeFrom).toBe("nhac-viec@phuong-mau.vn");
      // The display name and the subject are Vietnamese: sent as RFC 2047 encoded words.
      expect(mail.headers.from).toMatch(/^=\?UTF-8\?/);
      expect(mail.headers.subject).toMatch(/^=\?UTF-8\?/);
      expect(mail.subject).toBe(note!.title);
      expect(mail.text).toBe(note!.body);
      expect(mail.headers["content-type"]).toBe("text/plain; charset=utf-8");
      // The Message-ID is the outbox row's key: a retried send carries the same one.
      expect(mail.headers["x-idempotency-key"]).toBe(`email:${note!.id}`);
      expect(mail.headers["message-id"]).toBe(`<email.${note!.id}@phuong-mau.vn>`);
    }
    const a2 = smtp.received.find((m) => m.envelopeTo[0] === address(tree, "a2"))!;
    expect(a2.subject).toBe("Kế hoạch cá nhân (Tự soi, tự sửa 2026) cần nộp hạn cuối 08/04/2026.");
    expect(a2.text).toBe("• Kế hoạch cá nhân (Tự soi, tự sửa 2026) cần nộp hạn cuối 08/04/2026.");

    await runScheduledPass(t.platform);
    t.clock.now = new Date("2026-04-07T02:00:00Z");
    // Nothing left to send, nothing due before the next ICT day: the tenant is not opened.
    const later = await runScheduledPass(t.platform);
    expect(later.tenants).toEqual([]);
    expect(smtp.received).toHaveLength(5);
  });

  it("records a 550 for one recipient at once, and retries a 451 with backoff", async () => {
    smtp = await startSmtp();
    t = await makeApp({ outbound: nodeOutbound({ SMTP_URL: smtp.url }) });
    const tree = await reminderDay(t);
    smtp.refuse.set(address(tree, "a2"), 550);
    smtp.refuse.set(address(tree, "b2"), 451);
    const first = await runScheduledPass(t.platform);
    expect(first.tenants[0]!.outbox).toEqual({ sent: 3, retried: 1, failed: 1 });
    const byTo = async () =>
      Object.fromEntries((await emailRows(tree)).map((r) => [r.recipient.split("@")[0], r]));
    const rows = await byTo();
    expect(rows.a2).toMatchObject({ attempts: 1, sentAt: null, failedAt: t.clock.now });
    expect(rows.a2!.lastError).toMatch(/550/);
    expect(rows.b2).toMatchObject({
      attempts: 1,
      sentAt: null,
      failedAt: null,
      nextAttemptAt: new Date(t.clock.now.getTime() + 60_000),
    });
    expect(rows.b2!.lastError).toMatch(/451/);

    // Still refused a minute later: the wait doubles. The refused address is never tried again.
    t.clock.now = new Date("2026-04-07T01:01:00Z");
    expect((await runScheduledPass(t.platform)).tenants[0]!.outbox).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    expect((await byTo()).b2).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(t.clock.now.getTime() + 120_000),
    });
    smtp.refuse.delete(address(tree, "b2"));
    // Before the retry's time the tenant is not even opened.
    t.clock.now = new Date("2026-04-07T01:02:00Z");
    expect((await runScheduledPass(t.platform)).tenants).toEqual([]);
    t.clock.now = new Date("2026-04-07T01:03:00Z");
    expect((await runScheduledPass(t.platform)).tenants[0]!.outbox).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    expect((await byTo()).b2).toMatchObject({ attempts: 3, sentAt: t.clock.now });
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual(
      ["a1", "a5", "b1", "b2"].map((who) => address(tree, who)),
    );
  });
});

describe("e-mail off", () => {
  it("queues no e-mail without SMTP_URL, and the admin's settings say so", async () => {
    t = await makeApp({ outbound: nodeOutbound({}) });
    const tree = await reminderDay(t);
    const s = await settings(tree);
    expect(s.emailTransport).toBeNull();
    expect(s.emailNote).toMatch(/^Chưa cấu hình gửi thư điện tử/);
    expect(s.email).toBe(true); // the tenant's switch is on; the deployment has no transport
    const pass = await runScheduledPass(t.platform);
    expect(pass.tenants[0]!.reminders!.notifications).toBe(5);
    expect(await emailRows(tree)).toEqual([]);
  });

  it("fails e-mail queued before the transport was removed at once, instead of retrying it", async () => {
    smtp = await startSmtp();
    t = await makeApp({ outbound: nodeOutbound({ SMTP_URL: smtp.url }) });
    const tree = await reminderDay(t);
    t.clock.now = new Date("2026-04-06T15:00:00Z"); // 22:00 ICT: queued, held till 07:00
    await runScheduledPass(t.platform);
    expect(await emailRows(tree)).toHaveLength(5);
    t.platform.outbound = nodeOutbound({}); // the operator removed SMTP_URL and restarted
    t.clock.now = new Date("2026-04-07T00:00:00Z");
    expect((await runScheduledPass(t.platform)).tenants[0]!.outbox).toEqual({
      sent: 0,
      retried: 0,
      failed: 5,
    });
    for (const row of await emailRows(tree))
      expect(row).toMatchObject({ attempts: 1, sentAt: null, failedAt: t.clock.now });
    expect(smtp.received).toEqual([]);
  });
});

interface ApiCall {
  headers: IncomingMessage["headers"];
  body: { from: string; to: string; subject: string; text: string; headers: object };
}
/** Stands in for a third-party e-mail API (which cannot run here): answers by recipient. */
async function startMailApi(status: (to: string) => number) {
  const calls: ApiCall[] = [];
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ApiCall["body"];
      calls.push({ headers: req.headers, body });
      res.writeHead(status(body.to), { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id: `msg-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => api!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(api.address() as AddressInfo).port}/send`, calls };
}

describe("e-mail over the HTTP API (the Workers transport)", () => {
  it("posts JSON with the bearer key; 2xx is sent, 4xx permanent, 429, 5xx and a refused connection transient", async () => {
    const codes: Record<string, number> = {
      "ok@a.vn": 202,
      "sai@a.vn": 422,
      "cham@a.vn": 429,
      "hong@a.vn": 503,
    };
    const { url, calls } = await startMailApi((to) => codes[to] ?? 500);
    const mail = apiMailer({ url, key: "khoa-bi-mat", from: FROM });
    const send = (to: string) =>
      mail.email({
        to,
        subject: "Việc cần làm",
        text: "• Nộp kế hoạch",
        idempotencyKey: "email:n1",
      });
    await expect(send("ok@a.vn")).resolves.toBeUndefined();
    expect(calls[0]!.headers.authorization).toBe("Bearer khoa-bi-mat");
    expect(calls[0]!.headers["idempotency-key"]).toBe("email:n1");
    expect(calls[0]!.body).toEqual({
      from: FROM,
      to: "ok@a.vn",
      subject: "Việc cần làm",
      text: "• Nộp kế hoạch",
      headers: { "Message-ID": "<email.n1@phuong-mau.vn>" },
    });
    await expect(send("sai@a.vn")).rejects.toBeInstanceOf(PermanentMailError);
    for (const to of ["cham@a.vn", "hong@a.vn"]) {
      const err = await send(to).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(PermanentMailError);
    }
    // Not even sent: an address no service would take.
    await expect(send("khong-phai-dia-chi")).rejects.toBeInstanceOf(PermanentMailError);
    expect(calls).toHaveLength(4);
    const closed = apiMailer({ url: "http://127.0.0.1:1/send", key: "k" });
    const err = await closed
      .email({ to: "ok@a.vn", subject: "s", text: "t", idempotencyKey: "email:n2" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentMailError);
  });

  it("carries the reminder digest from the scheduled pass, and the settings name the API", async () => {
    const { url, calls } = await startMailApi((to) => (to.startsWith("a2@") ? 400 : 200));
    t = await makeApp({
      outbound: nodeOutbound({ MAIL_API_URL: url, MAIL_API_KEY: "khoa", MAIL_FROM: FROM }),
    });
    const tree = await reminderDay(t);
    expect((await settings(tree)).emailTransport).toBe("api");
    expect((await runScheduledPass(t.platform)).tenants[0]!.outbox).toEqual({
      sent: 4,
      retried: 0,
      failed: 1,
    });
    expect(calls.map((c) => c.body.to).sort()).toEqual(REMINDED.map((w) => address(tree, w)));
    const [note] = await notes(tree, "a5");
    expect(calls.find((c) => c.body.to === address(tree, "a5"))!.body).toMatchObject({
      subject: note!.title,
      text: note!.body,
    });
    t.clock.now = new Date("2026-04-07T03:00:00Z");
    await runScheduledPass(t.platform);
    expect(calls).toHaveLength(5);
  });
});
