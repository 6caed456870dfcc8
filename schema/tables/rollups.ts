// Progress figures stored by the cron: snapshots for dashboards and history, and the
// incremental rollup's state.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { figureColumns } from "./columns";

/** Progress of each campaign per unit subtree, stored by the cron with its time: dashboards
 *  read these, and the history chart has its points. */
export const progressSnapshots = sqliteTable(
  "progress_snapshots",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
    fingerprint: text("fingerprint").notNull(),
    ...figureColumns(),
  },
  (t) => [
    uniqueIndex("progress_snapshots_uq").on(t.campaignId, t.unitId, t.computedAt),
    index("progress_snapshots_latest_idx").on(t.campaignId, t.computedAt),
  ],
);

/** Each unit's own figures (its members, its meetings and reports — not its subtree) as of
 *  the last rollup, so the next one recomputes only the units whose inputs changed. */
export const rollupUnits = sqliteTable(
  "rollup_units",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    ...figureColumns(),
  },
  (t) => [uniqueIndex("rollup_units_uq").on(t.campaignId, t.unitId)],
);

/** What the last rollup of a campaign saw: its inputs' fingerprint and when. */
export const rollupState = sqliteTable("rollup_state", {
  campaignId: text("campaign_id").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
});
