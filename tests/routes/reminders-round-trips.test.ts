// A reminder day costs a fixed number of round trips, whatever the number of people owed
// (issue 13): the digest is read and written a page of people at a time, in batches, and a
// pass does one page (of members or of people) and keeps a cursor for the next. The client's
// execute/batch are wrapped to count calls — counting, not mocking.
import { describe, expect, it } from "vitest";
import { remindersWithSettings, runReminders } from "../../worker/cron/reminders";
import { makeApp, openTenantBySlug } from "../support/app";
import { recordStatements } from "../support/statements";
import { addMembersWithAccounts, treeWith000 } from "../support/tree";

/** The tables of what deciding a reminder day needs beyond every pass's basis. */
const UNIT_BASIS = ["units", "grants", "meetings", "campaign_units", "step_records"];

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
    // The day's cursor says it is decided: a pass again the same day decides and sends nothing.
    expect(many.again).toEqual({ items: 0, notifications: 0 });
    expect(many.roundTrips).toBe(ten.roundTrips);
    expect(many.roundTrips).toBeLessThanOrEqual(30);
  });
});

describe("a reminder day over many passes", () => {
  it("makes at most 4 round trips a pass, and leaves each person one digest", async () => {
    const t = await makeApp();
    try {
      const { tree } = await treeWith000(t);
      await addMembersWithAccounts(tree, t.clock.now, 60, () => tree.cellA.id);
      const now = new Date("2026-04-07T01:00:00Z");
      const { client } = await openTenantBySlug(t, tree.slug);
      const trips: number[] = [];
      /** Of the unit basis's tables, those each pass read, and whether it read every unit. */
      const reads: { tables: string[]; everyUnit: boolean; decidedBefore: boolean }[] = [];
      const decided = async () => {
        const r = await client.execute(
          "SELECT value_json AS value FROM settings WHERE key = 'reminder-cursor'",
        );
        return r.rows.length ? (JSON.parse(String(r.rows[0]!.value)).done as boolean) : false;
      };
      let more = true;
      while (more && trips.length < 50) {
        const decidedBefore = await decided();
        const pass = await recordStatements(client, () =>
          remindersWithSettings(tree.db, now, { email: true }, { members: 10, people: 10 }),
        );
        trips.push(pass.roundTrips);
        more = pass.result!.more;
        const tables = UNIT_BASIS.filter((table) => pass.some((s) => s.sql.includes(`"${table}"`)));
        // Every unit: a read of units with no condition of its own (rows, or one JSON text).
        const everyUnit = pass.some((s) => /from "units"( AS j)?$/i.test(s.sql.trim()));
        reads.push({ tables, everyUnit, decidedBefore });
      }
      // 65 people owed: 7 pages of members, a pass for the secretaries' items after the last,
      // then 7 pages of people (the first in that 8th pass).
      expect(trips.length).toBe(14);
      expect(more).toBe(false);
      expect(Math.max(...trips)).toBeLessThanOrEqual(4);
      // What the day decides from (issue 13: work grows with what changed): the campaign's
      // first page and the pass after its last read all of it; the pages between read only
      // their members' units and the targets; once the day is decided (digests left), none.
      const whole = { tables: UNIT_BASIS, everyUnit: true, decidedBefore: false };
      const between = {
        tables: ["units", "campaign_units", "step_records"],
        everyUnit: false,
        decidedBefore: false,
      };
      const after = { tables: [], everyUnit: false, decidedBefore: true };
      expect(reads).toEqual([
        whole,
        ...Array<typeof between>(6).fill(between),
        whole,
        ...Array<typeof after>(6).fill(after),
      ]);
      const digests = await client.execute(`SELECT count(*) AS n, count(DISTINCT user_id) AS p
        FROM notifications WHERE kind = 'reminder-digest'`);
      expect(digests.rows[0]).toMatchObject({ n: 65, p: 65 });
    } finally {
      t.close();
    }
  });
});
