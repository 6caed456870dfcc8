// A reminder day over many pages (issue 13): members are read a page at a time and digests
// written a page of people at a time. Here the pages are tiny (7 members, 4 people) so that
// 43 people span many of each, a pass (one page) after another; the day is killed at its k-th
// round trip and run again, for k across its passes: every reminder is sent exactly once,
// nothing doubled, nothing missed.
import type { Client } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { runReminders } from "../../worker/cron/reminders";
import { writeNotifySettings } from "../../worker/data/settings";
import { makeApp } from "../support/app";
import { recordStatements } from "../support/statements";
import { addMembersWithAccounts, treeWith000 } from "../support/tree";

const PAGES = { members: 7, people: 4 };
const EXTRA = 38; // with buildTree's a1, a2, a5, b1, b2: 43 people owed a plan

/** Runs `run` with the client failing from its `n`-th round trip on (a process killed). */
async function killedAfter<T>(client: Client, n: number, run: () => Promise<T>) {
  const { execute, batch } = client;
  let trips = 0;
  const gate = () => {
    if (++trips >= n) throw new Error("process killed (simulated)");
  };
  client.execute = ((...a: unknown[]) => {
    gate();
    return (execute as (...x: unknown[]) => unknown).apply(client, a);
  }) as Client["execute"];
  client.batch = ((...a: unknown[]) => {
    gate();
    return (batch as (...x: unknown[]) => unknown).apply(client, a);
  }) as Client["batch"];
  try {
    return await run();
  } catch {
    return null;
  } finally {
    client.execute = execute;
    client.batch = batch;
  }
}

async function tenant() {
  const t = await makeApp();
  const { tree } = await treeWith000(t);
  const { db } = tree;
  await addMembersWithAccounts(tree, t.clock.now, EXTRA, (i) =>
    i % 2 ? tree.cellA.id : tree.cellB.id,
  );
  await writeNotifySettings(db, {
    value: {
      daysBefore: 3,
      quietHours: null,
      email: true,
      webhookUrl: "https://relay.example/zalo",
      webhookSecret: "bi-mat-cua-phuong-2026",
    },
    now: t.clock.now,
  });
  const row = (await t.platform.control().client.execute("SELECT id, db_url FROM tenants"))
    .rows[0]!;
  const { client } = t.platform.tenant({ id: String(row.id), dbUrl: String(row.db_url) });
  const one = async (sql: string) => Number((await client.execute(sql)).rows[0]!.n);
  const state = async () => ({
    ledger: await one("SELECT count(*) AS n FROM reminder_ledger"),
    unsent: await one("SELECT count(*) AS n FROM reminder_ledger WHERE notification_id IS NULL"),
    // A ledger mark that points at no notification: an item marked but never sent.
    lost: await one(`SELECT count(*) AS n FROM reminder_ledger l
      WHERE NOT EXISTS (SELECT 1 FROM notifications n WHERE n.id = l.notification_id)`),
    digests: await one("SELECT count(*) AS n FROM notifications WHERE kind = 'reminder-digest'"),
    people: await one(
      "SELECT count(DISTINCT user_id) AS n FROM notifications WHERE kind = 'reminder-digest'",
    ),
    emails: await one("SELECT count(*) AS n FROM outbox WHERE channel = 'email'"),
    webhooks: await one("SELECT count(*) AS n FROM outbox WHERE channel = 'webhook'"),
  });
  return { t, db, client, state };
}

const now = new Date("2026-04-07T01:00:00Z"); // three ICT days before the plan is due

describe("a reminder day over many pages", () => {
  it("sends each reminder exactly once, whatever round trip a killed pass died at", async () => {
    const clean = await tenant();
    let trips: number;
    let expected: Awaited<ReturnType<typeof clean.state>>;
    try {
      const run = await recordStatements(clean.client, () =>
        runReminders(clean.db, now, { email: true }, PAGES),
      );
      trips = run.roundTrips;
      expected = await clean.state();
    } finally {
      clean.t.close();
    }
    // 43 members owed a plan over 7 pages, and the secretaries' items: many pages of each.
    expect(trips).toBeGreaterThan(15);
    expect(expected.people).toBe(EXTRA + 5);
    expect(expected).toMatchObject({
      digests: EXTRA + 5,
      unsent: 0,
      lost: 0,
      emails: EXTRA + 5,
      webhooks: EXTRA + 5,
    });
    // A pass is a few round trips (what the day decides from with its cursor, a page of
    // members, its ledger rows with the cursor moved on, digests): killed at trips across
    // every kind of pass.
    const kills = Array.from({ length: trips - 2 }, (_, i) => i + 2).filter(
      (k) => k % 3 === 2 || k === trips - 1,
    );
    for (const k of kills) {
      const x = await tenant();
      try {
        expect(
          await killedAfter(x.client, k, () => runReminders(x.db, now, { email: true }, PAGES)),
        ).toBeNull();
        const died = await x.state();
        expect(died.digests).toBeLessThan(expected.digests);
        const rerun = await runReminders(x.db, now, { email: true }, PAGES);
        expect(rerun.notifications).toBe(expected.digests - died.digests);
        expect(await x.state()).toEqual(expected);
        // And once more: nothing new.
        expect(await runReminders(x.db, now, { email: true }, PAGES)).toMatchObject({
          notifications: 0,
        });
        expect(await x.state()).toEqual(expected);
      } finally {
        x.t.close();
      }
    }
  }, 120_000);

  it("is carried through by one scheduled pass on Node, a reminder pass at a time", async () => {
    const x = await tenant();
    try {
      x.t.platform.reminderPages = PAGES;
      x.t.clock.now = now;
      const pass = await runScheduledPass(x.t.platform);
      // 7 members a page, then 4 people a page: many passes of the one tenant, each one page.
      expect(pass.tenants.length).toBeGreaterThan(15);
      expect(pass.tenants.at(-1)).toMatchObject({ ran: true, more: false });
      expect(await x.state()).toMatchObject({ digests: EXTRA + 5, people: EXTRA + 5, unsent: 0 });
    } finally {
      x.t.close();
    }
  });

  it("reminds a member once, whatever their accounts and wherever a page ends", async () => {
    const x = await tenant();
    try {
      // Each of the EXTRA members gets a second account: two rows a member, and a page of 7
      // rows ends inside a member's rows again and again. A reminder is the member's (its
      // ledger key names the member): one digest each, on their first account.
      await x.client.execute(`INSERT INTO users (id, email, full_name, password_hash, member_id,
          created_at, updated_at)
        SELECT 'second-' || u.id, 'hai.' || u.email, u.full_name, NULL, u.member_id,
          u.created_at, u.updated_at
        FROM users u WHERE u.email LIKE 'nguoi%'`);
      await runReminders(x.db, now, { email: true }, PAGES);
      expect(await x.state()).toMatchObject({ digests: EXTRA + 5, people: EXTRA + 5, lost: 0 });
    } finally {
      x.t.close();
    }
  });
});
