// What a unit or a member records to complete a step that is done by acknowledgement (a note,
// the date and place, a link or a document's reference, as the step's evidence spec asks) or
// by the unit's own form (the action plan, the draft resolution…). Append-only: every save is
// a new version row, so the history is the table and a stale save (the same version twice)
// fails on the unique key.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, stepTarget } from "./columns";

export const stepRecords = sqliteTable(
  "step_records",
  {
    id: id(),
    /** memberId '' for a unit's step, as in tasks. */
    ...stepTarget(),
    /** '' for a step; the month ("YYYY-MM") of a recurring follow-up record (the monthly
     *  review on the template's form, under the reserved step key "~nhan-xet-hang-thang"). */
    period: text("period").notNull().default(""),
    version: integer("version").notNull(),
    /** The day it was done (YYYY-MM-DD, ICT), as the one recording it states. */
    doneOn: text("done_on"),
    place: text("place"),
    note: text("note"),
    link: text("link"),
    fileRef: text("file_ref"),
    /** The unit form's answers, for steps done by the unit's form. */
    data: text("data_json"),
    byUserId: text("by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("step_records_version_uq").on(
      t.campaignId,
      t.stepKey,
      t.unitId,
      t.memberId,
      t.period,
      t.version,
    ),
    index("step_records_campaign_idx").on(t.campaignId, t.unitId),
  ],
);
