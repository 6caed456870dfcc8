// The member who owes their own year-end input is reminded of it (issue 10): from the tenant's
// daysBefore (3) before 001's day (31/12/2022) and once when it is overdue, each once; not the
// members who recorded it, not the excused (001 excuses "mien-sinh-hoat": a3).
import { describe, expect, it } from "vitest";
import { like } from "drizzle-orm";
import { memberStatusHistory, members, reminderLedger } from "../../schema/tables/tenant";
import { runScheduledPass } from "../../worker/cron";
import { historyRow, newMemberRow } from "../../worker/data/members";
import { launch001 } from "../support/templates";
import { notificationsOf, treeAt, type Tree } from "../support/tree";

const SOON = "Tự đánh giá cuối năm: hạn đến hết ngày 31/12/2022";
const LATE = "Tự đánh giá cuối năm: đã quá hạn 31/12/2022";

/** How many lines of the member's digests (one "• " line an item) start with `text`. */
const count = async (tree: Tree, who: string, text: string) => {
  const lines = (await notificationsOf(tree, who)).flatMap((n) => (n.body ?? "").split("\n"));
  return lines.filter((l) => l.startsWith(`• ${text}`)).length;
};

describe("members' year-end reminders", () => {
  it("reminds each expected member once before the day and once overdue, until recorded", async () => {
    const tree = await treeAt("2022-03-01T02:00:00Z");
    const { api, cellA, cellB, db, ids, t } = tree;
    const id = await launch001(tree);
    // A member without an account: their secretary is reminded, they are not.
    const input = { fullName: "Ngô Văn Phúc", unitId: cellA.id, status: "dang-sinh-hoat" as const };
    const noAccount = newMemberRow({ ...input, statusSince: "2020-01-01" }, t.clock.now);
    await db.insert(members).values(noAccount);
    await db.insert(memberStatusHistory).values(historyRow(noAccount, t.clock.now, null));
    const body = { version: 0, level: "hoan-thanh", note: "Hoàn thành kế hoạch cá nhân." };
    // a2 recorded hers; b1 recorded b1's on their behalf.
    expect((await api("a2", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
    const path = `/campaigns/${id}/follow-ups/${cellB.id}/members/${ids.b1}`;
    expect((await api("b1", "PUT", path, body)).status).toBe(200);

    // 20/12: not yet within 3 days.
    t.clock.now = new Date("2022-12-20T01:00:00Z");
    await runScheduledPass(t.platform);
    for (const who of ["a1", "a2", "a3", "a5", "b1", "b2"])
      expect(await count(tree, who, SOON)).toBe(0);

    // 29/12 08:00 ICT, twice: one reminder each for those who owe it.
    t.clock.now = new Date("2022-12-29T01:00:00Z");
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);
    for (const who of ["a1", "a5", "b2"]) expect(await count(tree, who, SOON)).toBe(1);
    for (const who of ["a2", "a3", "b1"]) expect(await count(tree, who, SOON)).toBe(0);
    const line = (await notificationsOf(tree, "a5"))
      .flatMap((n) => (n.body ?? "").split("\n"))
      .find((l) => l.includes(SOON));
    const ledger = (memberId: string) =>
      db
        .select()
        .from(reminderLedger)
        .where(like(reminderLedger.key, `year-end-%:${memberId}`));
    expect(await ledger(ids.a5!)).toHaveLength(1);
    expect(await ledger(noAccount.id)).toHaveLength(0);
    expect(line).toMatch(/^• Tự đánh giá cuối năm: hạn đến hết ngày 31\/12\/2022 \(.+\)\.$/);

    // a5 records hers on 30/12; the next days remind her no more.
    t.clock.now = new Date("2022-12-30T01:00:00Z");
    expect((await api("a5", "PUT", `/campaigns/${id}/follow-ups/mine`, body)).status).toBe(200);
    await runScheduledPass(t.platform);
    t.clock.now = new Date("2023-01-02T01:00:00Z");
    await runScheduledPass(t.platform);
    await runScheduledPass(t.platform);
    expect(await count(tree, "a5", SOON)).toBe(1);
    expect(await count(tree, "a5", LATE)).toBe(0);
    // Overdue: once for those still owing it, none for the excused or those who recorded.
    for (const who of ["a1", "b2"]) expect(await count(tree, who, LATE)).toBe(1);
    for (const who of ["a2", "a3", "b1"]) expect(await count(tree, who, LATE)).toBe(0);
  });
});
