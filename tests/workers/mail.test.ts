// E-mail on Workers: the real Worker bundle in workerd (Miniflare) with MAIL_API_URL bound
// delivers the outbox through the HTTP e-mail API. The API's stand-in below takes the place of
// a third-party e-mail service, which cannot run here; databases are real libSQL files over
// Hrana, as in worker.test.ts.
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerBundle } from "../support/worker-bundle";

const MAIL_HOST = "mail-api.example";
let bundle: Awaited<ReturnType<typeof startWorkerBundle>>;
const mailCalls: { authorization: string | null; key: string | null; body: { to: string } }[] = [];
/** What the stand-in answers per recipient (default 202). */
const mailStatus: Record<string, number> = {};

beforeAll(async () => {
  // No queue binding: the scheduled pass runs inline, which is enough for one tenant.
  bundle = await startWorkerBundle({
    bindings: {
      MAIL_API_URL: `https://${MAIL_HOST}/v1/send`,
      MAIL_API_KEY: "khoa-gui-thu",
      MAIL_FROM: "Sinh hoạt chính trị <nhac-viec@tren-may.vn>",
    },
    async intercept(req) {
      if (new URL(req.url).hostname !== MAIL_HOST) return null;
      const body = (await req.json()) as { to: string };
      mailCalls.push({
        authorization: req.headers.get("authorization"),
        key: req.headers.get("idempotency-key"),
        body,
      });
      return new Response("{}", { status: mailStatus[body.to] ?? 202 });
    },
  });
}, 180_000);

afterAll(async () => {
  await bundle?.close();
});

describe("e-mail from the Worker bundle", () => {
  it("says e-mail goes through the API, and the scheduled pass delivers the outbox: 2xx sent, 4xx failed at once, 5xx retried", async () => {
    const signup = await bundle.mf.dispatchFetch("https://app.example/api/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        tenant: { slug: "phuong-thu", name: "Đảng bộ phường Thư", kind: "dang-uy-phuong" },
        admin: { email: "admin@thu.vn", password: "mat-khau-du-dai", fullName: "Quản Trị" },
      }),
    });
    expect(signup.status).toBe(201);
    const { token, tenant } = (await signup.json()) as { token: string; tenant: { id: string } };
    const settings = await bundle.mf.dispatchFetch(
      "https://app.example/api/t/phuong-thu/settings/notifications",
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(await settings.json()).toMatchObject({
      emailTransport: "api",
      emailNote: "Thư điện tử được gửi qua dịch vụ gửi thư (API), ngoài giờ yên lặng.",
    });

    // Three e-mails as the reminders leave them in the outbox, due now.
    const db = createClient({ url: `file:${bundle.tenantFile(tenant.id)}` });
    const due = Date.now() - 60_000;
    for (const [id, to] of [
      ["m1", "nhan@thu.vn"],
      ["m2", "sai@thu.vn"],
      ["m3", "ban@thu.vn"],
    ] as const)
      await db.execute({
        sql: `INSERT INTO outbox (id, channel, recipient, payload_json, idempotency_key, attempts,
                next_attempt_at, created_at) VALUES (?, 'email', ?, ?, ?, 0, ?, ?)`,
        args: [
          id,
          to,
          JSON.stringify({ subject: "Việc cần làm", text: "• Nộp" }),
          `email:${id}`,
          due,
          due,
        ],
      });
    mailStatus["sai@thu.vn"] = 422;
    mailStatus["ban@thu.vn"] = 503;

    const worker = await bundle.mf.getWorker();
    expect((await worker.scheduled({ cron: "*/15 * * * *" })).outcome).toBe("ok");
    type Row = { id: string; attempts: number; sent_at: number | null; failed_at: number | null };
    let rows: Row[] = [];
    for (let i = 0; i < 50; i++) {
      rows = (await db.execute("SELECT id, attempts, sent_at, failed_at FROM outbox ORDER BY id"))
        .rows as unknown as Row[];
      if (rows.every((r) => r.attempts > 0)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    db.close();
    expect(rows.map((r) => [r.id, r.attempts, r.sent_at !== null, r.failed_at !== null])).toEqual([
      ["m1", 1, true, false],
      ["m2", 1, false, true],
      ["m3", 1, false, false],
    ]);
    expect(mailCalls.map((c) => [c.body.to, c.authorization, c.key]).sort()).toEqual([
      ["ban@thu.vn", "Bearer khoa-gui-thu", "email:m3"],
      ["nhan@thu.vn", "Bearer khoa-gui-thu", "email:m1"],
      ["sai@thu.vn", "Bearer khoa-gui-thu", "email:m2"],
    ]);
  });
});
