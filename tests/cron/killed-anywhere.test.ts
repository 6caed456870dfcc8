// A reminder day killed at each one of its tenant round trips — before the trip reaches the
// database, and after it committed with its answer lost — then run again once the dead pass's
// lease has run out: every reminder is made once, its webhook leaves under one idempotency
// key, and the stored figures are a clean day's. The pass folds reads into the batches before
// them (round trips, issue 13); this holds that the folding moved no write out of its
// transaction. The outbound webhook is the one mock: it is the outside edge.
import type { Client } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import type { Outbound } from "../../worker/env";
import { makeApp, openTenantBySlug, type TestApp } from "../support/app";
import { submitPlan000, treeWith000, type Tree } from "../support/tree";

let t: TestApp;
afterEach(() => t?.close());

/** The tenant's database calls from now on: the `at`-th fails (`after`: once it has run). */
function killAt(client: Client, at: number, after: boolean) {
  const { execute, batch } = client;
  let trips = 0;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const n = ++trips;
      if (n === at && !after) throw new Error("process killed before the round trip");
      const r = await f(...a);
      if (n === at) throw new Error("process killed after the round trip");
      return r;
    };
  client.execute = wrap(execute) as Client["execute"];
  client.batch = wrap(batch) as Client["batch"];
  return {
    trips: () => trips,
    restore() {
      client.execute = execute;
      client.batch = batch;
    },
  };
}

/** A tenant at the end of seed 000's reminder day, the first pass killed at `kill.at`. */
async function reminderDay(kill?: { at: number; after: boolean }) {
  const webhooks: string[] = [];
  const outbound: Outbound = {
    async webhook(m) {
      webhooks.push(m.idempotencyKey);
    },
  };
  t = await makeApp({ outbound });
  const { tree, id } = await treeWith000(t);
  // Each digest also leaves by webhook (08:00 ICT is outside the quiet hours).
  const quietHours = { from: "21:00", to: "07:00" };
  const webhookUrl = "https://relay.example/zalo";
  const body = { daysBefore: 3, quietHours, email: false, webhookUrl };
  const put = await tree.api("admin", "PUT", "/settings/notifications", body);
  expect(put.status).toBe(204);
  await runScheduledPass(t.platform);
  // A plan since the last pass: the figures' refresh applies its mark on the new day.
  await submitPlan000(tree.api, id, "a2", "Trần Thị Bình");
  t.clock.now = new Date("2026-04-07T01:00:00Z"); // 08:00 ICT
  const { client } = await openTenantBySlug(t, tree.slug);
  const killer = killAt(client, kill?.at ?? 0, kill?.after ?? false);
  await runScheduledPass(t.platform);
  killer.restore();
  if (kill) {
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
    await runScheduledPass(t.platform);
  }
  const made = await client.execute("SELECT id FROM notifications WHERE kind = 'reminder-digest'");
  const keys = made.rows.map((r) => `webhook:${String(r.id)}`).sort();
  return { trips: killer.trips(), state: await stateOf(tree, client), webhooks, keys };
}

const FIGURES = ["expected", "excused", "submitted", "confirmed", "on_time", "late_submitted"];
const ROLLUP = [
  ...["expected", "submitted", "confirmed", "on_time", "late", "excused"],
  ...["meetings_held", "meetings_compliant", "reports_on_time"],
].join(", ");

/** What the day leaves: reminders, ledger, outbox and the stored figures (times left out). */
async function stateOf(tree: Tree, client: Client) {
  const rows = async (sql: string) =>
    (await client.execute(sql)).rows.map((r) => JSON.stringify(Object.values(r)));
  return {
    tenant: tree.slug,
    digests: await rows(`SELECT u.email, n.title, n.body FROM notifications n
      JOIN users u ON u.id = n.user_id WHERE n.kind = 'reminder-digest' ORDER BY u.email`),
    unsent: await rows("SELECT key FROM reminder_ledger WHERE notification_id IS NULL"),
    ledger: await rows("SELECT count(*), count(DISTINCT notification_id) FROM reminder_ledger"),
    outbox: await rows("SELECT count(*), count(sent_at) FROM outbox"),
    figures: await rows(`SELECT u.name, ${FIGURES.flatMap((c) => [`own_${c}`, `sub_${c}`])}
      FROM progress_figures f JOIN units u ON u.id = f.unit_id ORDER BY u.name`),
    rollup: await rows(`SELECT u.name, ${ROLLUP} FROM rollup_units r
      JOIN units u ON u.id = r.unit_id ORDER BY u.name`),
  };
}

describe("a reminder day killed at any round trip", () => {
  it("is finished by the next pass: each reminder once, the figures a clean day's", async () => {
    const clean = await reminderDay();
    // a1, a5, b1, b2 are reminded of their plan (a2 has handed hers in).
    expect(clean.state.digests.length).toBe(4);
    expect(clean.webhooks.sort()).toEqual(clean.keys);
    // The day's tenant round trips (issue 13's budget is 10): a second day, with a plan's mark
    // to apply, event notices to clear and webhooks to record.
    expect(clean.trips).toBeLessThanOrEqual(10);
    for (let at = 1; at <= clean.trips; at++)
      for (const after of [false, true]) {
        t.close();
        const killed = await reminderDay({ at, after });
        expect({ at, after, ...killed.state }).toEqual({ at, after, ...clean.state });
        // One webhook per reminder, under its notification's key; sent twice only when the
        // pass died between sending and recording it, under the same key.
        expect([...new Set(killed.webhooks)].sort()).toEqual(killed.keys);
      }
  }, 600_000);
});
