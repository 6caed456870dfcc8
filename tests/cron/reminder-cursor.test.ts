// The reminder day's cursor (worker/cron/reminder-cursor.ts): a day decided is not decided
// again by a later pass the same ICT day, unless an active campaign came or went or a step
// deadline passed since; the next ICT day starts over.
import { describe, expect, it } from "vitest";
import { runReminders } from "../../worker/cron/reminders";
import { dayStart, decidedAgain } from "../../worker/cron/reminder-cursor";
import { makeApp } from "../support/app";
import { treeWith000 } from "../support/tree";

describe("the reminder day's cursor", () => {
  it("decides a day once, and again on the next ICT day", async () => {
    const t = await makeApp();
    try {
      const { tree } = await treeWith000(t);
      const first = await runReminders(tree.db, new Date("2026-04-07T01:00:00Z"), {
        email: false,
      });
      expect(first.items).toBeGreaterThan(0);
      // 23:00 ICT the same day: decided already.
      const later = await runReminders(tree.db, new Date("2026-04-07T16:00:00Z"), {
        email: false,
      });
      expect(later).toEqual({ items: 0, notifications: 0 });
      // 00:30 ICT the next day: the day is decided anew (the same items, already sent).
      const next = await runReminders(tree.db, new Date("2026-04-07T17:30:00Z"), {
        email: false,
      });
      expect(next).toEqual({ items: first.items, notifications: 0 });
    } finally {
      t.close();
    }
  });

  it("decides a day again when a campaign came or went, or a deadline passed", () => {
    const at = { ...dayStart("2026-04-07", 1_000, ["a", "b"]), done: true };
    const now = new Date(5_000);
    expect(decidedAgain(at, ["a", "b"], [500, 9_000], now)).toBe(false);
    expect(decidedAgain(at, ["a", "b", "c"], [], now)).toBe(true);
    expect(decidedAgain(at, ["a"], [], now)).toBe(true);
    expect(decidedAgain(at, ["a", "b"], [4_000], now)).toBe(true);
  });
});
