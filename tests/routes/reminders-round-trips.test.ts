// A reminder day costs a fixed number of round trips, whatever the number of people owed
// (issue 13): the digest is read and written a page of people at a time, in batches. The
// client's execute/batch are wrapped to count calls — counting, not mocking.
import { describe, expect, it } from "vitest";
import { runReminders } from "../../worker/cron/reminders";
import { makeApp } from "../support/app";
import { recordStatements } from "../support/statements";
import { addMembersWithAccounts, treeWith000 } from "../support/tree";

async function reminderDay(extra: number) {
  const t = await makeApp();
  try {
    const { tree } = await treeWith000(t);
    const { db } = tree;
    await addMembersWithAccounts(tree, t.clock.now, extra, () => tree.cellA.id);
    const now = new Date("2026-04-07T01:00:00Z"); // three ICT days before the plan is due
    const row = (await t.platform.control().client.execute("SELECT id, db_url FROM tenants"))
      .rows[0]!;
    const { client } = t.platform.tenant({ id: String(row.id), dbUrl: String(row.db_url) });
    const recorded = await recordStatements(client, () => runReminders(db, now, { email: true }));
    const notified = await client.execute(
      "SELECT count(*) AS n FROM notifications WHERE kind = 'reminder-digest'",
    );
    const again = await runReminders(db, now, { email: true });
    return {
      roundTrips: recorded.roundTrips,
      report: recorded.result!,
      notified: Number(notified.rows[0]!.n),
      again,
    };
  } finally {
    t.close();
  }
}

describe("a reminder day", () => {
  it("takes the same round trips for 10 people owed as for 300, and reminds each once", async () => {
    const ten = await reminderDay(10);
    const many = await reminderDay(300);
    // buildTree's a1, a2, a5, b1, b2 are reminded too (tests/cron/cron.test.ts).
    expect(ten.notified).toBe(15);
    expect(many.notified).toBe(305);
    expect(ten.report.notifications).toBe(15);
    expect(many.report.notifications).toBe(305);
    expect(many.again).toEqual({ items: many.report.items, notifications: 0 });
    expect(many.roundTrips).toBe(ten.roundTrips);
    expect(many.roundTrips).toBeLessThanOrEqual(30);
  });
});
