// The compliance dashboard's stored figures (issue 13): per campaign, unit and rule, the
// unit's own mark (with the rule's label and the reason) and its subtree's counts by status,
// what they were computed for, and the instants a unit's marks move by the clock alone
// (worker/data/compliance-figures.ts). The marks writes leave are progress_dirty's.
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const count = (name: string) => integer(name).notNull().default(0);

/** One rule of one unit: `status`/`reason` are the unit's own mark (null when only units
 *  below it have the rule), `sub_*` count the marks of the unit and every unit below it. */
export const complianceFigures = sqliteTable(
  "compliance_figures",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    rule: text("rule").notNull(),
    label: text("label").notNull(),
    status: text("status", { enum: ["pass", "late", "fail", "pending"] }),
    reason: text("reason"),
    step: text("step"),
    report: text("report"),
    subPass: count("sub_pass"),
    subLate: count("sub_late"),
    subFail: count("sub_fail"),
    subPending: count("sub_pending"),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.rule] })],
);

/** What a campaign's stored marks were computed for: the campaign as edited (`basis`), the
 *  instant they stop holding by the calendar (`valid_until`, ms: the next ICT day), the last
 *  progress_dirty mark they include, and a token of the write that made them. */
export const complianceState = sqliteTable("compliance_state", {
  campaignId: text("campaign_id").primaryKey(),
  basis: text("basis").notNull(),
  validUntil: integer("valid_until").notNull(),
  seq: integer("seq").notNull(),
  /** New with every write of the figures: equal tokens, equal figures (a page kept by a
   *  reader, on any server, is current while the token is). */
  token: text("token").notNull().default(""),
});

/** A unit whose marks change at `at` (ms) by the clock alone (a meeting starting, materials
 *  falling due later today): recounted by the first read at or after it. */
export const complianceRechecks = sqliteTable(
  "compliance_rechecks",
  {
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.unitId] }),
    index("compliance_rechecks_at").on(t.campaignId, t.at),
  ],
);
