// Event notices reach the tenant's webhook (issue 12): each notification an event makes goes
// out once through the outbox, titles only, signed, retried a bounded number of times, even
// when the scheduled pass runs twice. The receiver is a real HTTP server in this process; the
// admin's form asks for https://, so the one stand-in is the fetch that sends the relay's
// address to that server.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, isNotNull } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { notifications, outbox } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { MAX_ATTEMPTS, signWebhook } from "../../worker/cron/outbox";
import { fetchOutbound } from "../../worker/env";
import { makeApp } from "../support/app";
import { buildTree, launchCampaign000, submitPlan000 } from "../support/tree";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on 127.0.0.1: keeps each request, answers `status(body)` (200 by default). */
async function receiver() {
  const received: Received[] = [];
  const state = { status: (_body: string) => 200 };
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const body = Buffer.concat(parts).toString("utf8");
      received.push({ headers: req.headers, body });
      res.writeHead(state.status(body)).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  onTestFinished(() => new Promise<void>((ok) => server.close(() => ok())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, state, base };
}

const RELAY = "https://relay.example/zalo";
const SECRET = "bi-mat-cua-phuong-2026";

async function setting() {
  const hook = await receiver();
  const outbound = fetchOutbound((url, init) =>
    fetch(String(url).replace("https://relay.example", hook.base), init),
  );
  const t = await makeApp({ outbound });
  onTestFinished(() => t.close());
  t.clock.now = new Date("2026-03-12T02:00:00Z"); // 09:00 ICT: not quiet hours
  const tree = await buildTree(t);
  const id = await launchCampaign000(tree);
  const settings = {
    daysBefore: 3,
    quietHours: { from: "21:00", to: "07:00" },
    email: true,
    webhookUrl: RELAY,
    webhookSecret: SECRET,
  };
  expect((await tree.api("admin", "PUT", "/settings/notifications", settings)).status).toBe(204);
  /** The event notices the relay received (the same pass's reminder digests left out). */
  const events = () =>
    hook.received
      .map((r) => ({ ...r, json: JSON.parse(r.body) as Record<string, unknown> }))
      .filter((r) => r.json.type === "event-notice");
  return { t, tree, id, hook, events };
}

describe("event notices to the webhook", () => {
  it("go once each, titles only, signed, even when the pass runs twice", async () => {
    const { t, tree, id, hook, events } = await setting();
    const { api } = tree;
    const plan = await submitPlan000(api, id, "a2", "Trần Thị Bình");
    expect(
      (await api("a1", "POST", `/submissions/${plan}/return`, { comment: "Bổ sung phần 3." }))
        .status,
    ).toBe(200);
    await submitPlan000(api, id, "a2", "Trần Thị Bình");
    expect(
      (await api("admin", "POST", `/submissions/${plan}/comments`, { body: "Tốt." })).status,
    ).toBe(201);
    const made = await tree.db.select().from(notifications).where(isNotNull(notifications.hook));
    const kinds = made.map((n) => n.kind).sort();
    expect(kinds).toEqual(["plan-commented", "plan-returned", "plan-submitted", "plan-submitted"]);

    // The relay refuses the first notice: it waits a minute and goes again, once.
    let calls = 0;
    hook.state.status = (body) => (body.includes("event-notice") && ++calls === 1 ? 503 : 200);
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);
    t.clock.now = new Date("2026-03-12T02:01:00Z");
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);

    const got = events();
    const delivered = got.slice(1);
    // One delivery per notification (the refused one repeated once with the same key).
    expect(got).toHaveLength(made.length + 1);
    expect(new Set(delivered.map((r) => r.json.notificationId))).toEqual(
      new Set(made.map((n) => n.id)),
    );
    expect(new Set(got.map((r) => r.headers["idempotency-key"])).size).toBe(made.length);
    for (const r of got) {
      expect(r.headers["x-signature"]).toBe(signWebhook(SECRET, r.body));
      expect(r.headers["idempotency-key"]).toBe(`webhook:${String(r.json.notificationId)}`);
      const n = made.find((m) => m.id === r.json.notificationId)!;
      expect(r.json).toEqual({
        type: "event-notice",
        kind: n.kind,
        notificationId: n.id,
        userId: n.userId,
        campaignId: id,
        title: n.title,
        at: n.createdAt.toISOString(),
      });
    }
    // Titles only: the return's comment and the plan's text stay inside the app.
    expect(got.some((r) => /Bổ sung phần 3|phẩm chất|Khắc phục/.test(r.body))).toBe(false);
    // Nothing is left marked, nothing is left to send.
    expect(await tree.db.select().from(notifications).where(isNotNull(notifications.hook))).toEqual(
      [],
    );
    const pending = await tree.db.select().from(outbox).where(eq(outbox.channel, "webhook"));
    expect(pending.every((o) => o.sentAt !== null)).toBe(true);
  });

  it("retries a relay that keeps refusing a bounded number of times, then stops", async () => {
    const { t, tree, id, hook, events } = await setting();
    hook.state.status = () => 500;
    await submitPlan000(tree.api, id, "a2", "Trần Thị Bình");
    // Backoff doubles from a minute; a pass every 7 hours is past each wait.
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) {
      await runScheduledPass(t.platform);
      t.clock.now = new Date(t.clock.now.getTime() + 7 * 3_600_000);
    }
    const keys = events().map((r) => String(r.headers["idempotency-key"]));
    expect(keys).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(keys).size).toBe(1);
    const [row] = await tree.db.select().from(outbox).where(eq(outbox.idempotencyKey, keys[0]!));
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    expect(row!.failedAt).not.toBeNull();
  });

  it("are not marked when no webhook is set, and dropped when it is removed", async () => {
    const { t, tree, id, hook } = await setting();
    await submitPlan000(tree.api, id, "a2", "Trần Thị Bình");
    expect(
      (
        await tree.api("admin", "PUT", "/settings/notifications", {
          daysBefore: 3,
          quietHours: null,
          email: true,
          webhookUrl: null,
          webhookSecret: null,
        })
      ).status,
    ).toBe(204);
    await submitPlan000(tree.api, id, "b2", "Vũ Văn Hải");
    const marked = await tree.db.select().from(notifications).where(isNotNull(notifications.hook));
    expect(marked.map((n) => n.kind)).toEqual(["plan-submitted"]); // a2's, made with the hook on
    await runScheduledPass(t.platform);
    expect(await tree.db.select().from(notifications).where(isNotNull(notifications.hook))).toEqual(
      [],
    );
    expect(await tree.db.select().from(outbox).where(eq(outbox.channel, "webhook"))).toEqual([]);
    expect(hook.received).toEqual([]);
  });
});
