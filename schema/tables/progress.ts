// The dashboard's stored progress figures (issue 13): per campaign and unit, the tracked
// step's counts of the unit's own members and of its subtree, what they were computed for,
// and the marks writes leave for them (worker/data/progress-figures.ts, progress-marks.ts);
// and the daily history of the subtree totals of each directive this tenant issued.
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { figureColumns } from "./columns";

/** The tracked step's counts, by property suffix and column suffix. */
const COUNTS = {
  Expected: "expected",
  Excused: "excused",
  Submitted: "submitted",
  Confirmed: "confirmed",
  OnTime: "on_time",
  LateSubmitted: "late_submitted",
} as const;
const count = (name: string) => integer(name).notNull().default(0);
/** The counts as `<p>Expected`… properties over `<p>_expected`… columns, 0 until computed. */
const stepCounts = <P extends "own" | "sub">(p: P) =>
  Object.fromEntries(
    Object.entries(COUNTS).map(([k, col]) => [`${p}${k}`, count(`${p}_${col}`)]),
  ) as { [K in keyof typeof COUNTS as `${P}${K}`]: ReturnType<typeof count> };

/** A campaign's tracked-step counts kept per unit as the data changes (issue 13): the unit's
 *  own members (`own_*`) and its whole subtree (`sub_*`: the sum of `own_*` over the unit and
 *  every unit below it). Lateness by the clock is not stored: `*_late_submitted` counts plans
 *  first handed in at or after the due instant, and a reader adds `expected - submitted`
 *  once the due instant has passed (worker/domain/progress.ts `fromStored`). Kept exact by
 *  worker/data/progress-figures.ts from the marks in `progress_dirty`. */
export const progressFigures = sqliteTable(
  "progress_figures",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    ...stepCounts("own"),
    ...stepCounts("sub"),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

/** What a campaign's stored figures were computed for: the campaign's definition and dates
 *  (`basis`), the evaluation date statuses were read on, and the last mark they include. */
export const progressFigureState = sqliteTable("progress_figure_state", {
  campaignId: text("campaign_id").primaryKey(),
  basis: text("basis").notNull(),
  evaluatedOn: text("evaluated_on").notNull(),
  seq: integer("seq").notNull(),
});

/** Marks written in the same batch as every write that can move a campaign's figures: the
 *  unit whose own counts may have changed (for one campaign, or every campaign when
 *  `campaign_id` is null); a null `unit_id` means the tree itself changed (a unit created,
 *  renamed, moved or closed) and the figures are rebuilt. Read by sequence past each
 *  campaign's `progress_figure_state.seq`; the rollup prunes what every campaign has read. */
export const progressDirty = sqliteTable("progress_dirty", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  unitId: text("unit_id"),
  campaignId: text("campaign_id"),
});

/** One point per (directive, ICT day) for the chart of a directive this tenant issued: its
 *  whole subtree's totals (the counts the children pushed to the control plane, summed as
 *  `GET /children/progress` sums them) as of this tenant's last cron pass that day, upserted,
 *  so a second pass the same day rewrites the day's row (worker/data/directive-history.ts).
 *  Kept here, in the issuer's own database, not in the control plane: only the issuer reads
 *  it, the chart needs no per-child history, the archive carries it with the tenant, and the
 *  control plane of 50,000 tenants keeps only what must cross tenants. At most one row per
 *  directive per day while the directive runs. `directive_id` names a control-plane row. */
export const directiveHistory = sqliteTable(
  "directive_history",
  {
    directiveId: text("directive_id").notNull(),
    /** The ICT calendar day, yyyy-mm-dd. */
    day: text("day").notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
    /** The oldest child rollup the totals sum: how fresh the point is. */
    oldestComputedAt: integer("oldest_computed_at", { mode: "timestamp_ms" }),
    ...figureColumns(),
  },
  (t) => [primaryKey({ columns: [t.directiveId, t.day] })],
);
