// Where a tenant's reminder day has got to (issue 13): a pass decides one page of members and
// moves the cursor on in the batch that writes the page's ledger rows, so a pass killed before
// that batch reads the page again and one killed after it goes on from the next. Kept as a
// row of the tenant's settings (one JSON value per key), read with what the day decides from.
import { eq } from "drizzle-orm";
import { settings } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";

/** Where a reminder day has got to: the ICT day, the campaign in progress (active campaigns
 *  in id order) and the member its next page starts after, the plans awaiting confirmation
 *  counted so far per unit (its secretaries' items come when its members are done), and
 *  whether the day's deciding is done. Another day starts over. */
export interface ReminderCursor {
  day: string;
  /** When the deciding began (epoch ms) and the active campaigns then (their ids, sorted). */
  from: number;
  campaigns: string[];
  campaign: string;
  after: string;
  awaiting: Record<string, number>;
  done: boolean;
}

export const dayStart = (day: string, from: number, campaigns: string[]): ReminderCursor => ({
  day,
  from,
  campaigns,
  campaign: "",
  after: "",
  awaiting: {},
  done: false,
});

/** Whether a day decided already is decided again: an active campaign came or went since,
 *  or a step deadline passed (an item fell due; ./due.ts wakes the tenant for it). Writes in
 *  between wait for the next day. */
export const decidedAgain = (
  at: ReminderCursor,
  campaigns: string[],
  deadlines: number[],
  now: Date,
) =>
  at.campaigns.join() !== campaigns.join() ||
  deadlines.some((t) => t > at.from && t <= now.getTime());

/** The cursor's key in the tenant's settings. */
const CURSOR_KEY = "reminder-cursor";

export const cursorRead = (db: TenantDb) =>
  db.select({ value: settings.value }).from(settings).where(eq(settings.key, CURSOR_KEY));

export const cursorWrite = (db: TenantDb, cursor: ReminderCursor, now: Date) =>
  db
    .insert(settings)
    .values({ key: CURSOR_KEY, value: JSON.stringify(cursor), updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: JSON.stringify(cursor), updatedAt: now },
    });

/** The cursor from cursorRead's rows (null: none yet). */
export function cursorOf(rows: unknown): ReminderCursor | null {
  const stored = (rows as { value: string }[])[0];
  return stored ? (JSON.parse(stored.value) as ReminderCursor) : null;
}
