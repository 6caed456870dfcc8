// Shared column helpers so every table spells ids and timestamps the same way.
// Instants are UTC milliseconds (DESIGN.md §3: store instants in UTC, show in ICT).
import { integer, text } from "drizzle-orm/sqlite-core";

export const id = () => text("id").primaryKey();
export const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull();
export const updatedAt = () => integer("updated_at", { mode: "timestamp_ms" }).notNull();

/** The step a row is about: a campaign's step for one unit, or for one member of it. `memberId`
 *  is '' for the unit's own step so that unique keys work (SQLite treats NULLs as distinct). */
export const stepTarget = () => ({
  campaignId: text("campaign_id").notNull(),
  stepKey: text("step_key").notNull(),
  unitId: text("unit_id").notNull(),
  memberId: text("member_id").notNull().default(""),
});

/** The figures a rollup keeps — per unit, per subtree snapshot, and pushed to a parent. */
export const figureColumns = () => ({
  expected: integer("expected").notNull(),
  submitted: integer("submitted").notNull(),
  confirmed: integer("confirmed").notNull(),
  onTime: integer("on_time").notNull(),
  late: integer("late").notNull(),
  excused: integer("excused").notNull(),
  meetingsHeld: integer("meetings_held").notNull(),
  meetingsCompliant: integer("meetings_compliant").notNull(),
  reportsOnTime: integer("reports_on_time").notNull(),
});
