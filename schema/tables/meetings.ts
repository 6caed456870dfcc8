// A unit's meeting record and its roll-call.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt } from "./columns";
import { PRESENCES } from "../vocab/presences";

/** A unit's meeting for a campaign step (the cell's "hội nghị", the đảng ủy's sinh hoạt…),
 *  with what the directives ask to be recorded: materials and their posting to the national
 *  Sổ tay đảng viên app (a link and a time), the actual start and end, whether it was merged
 *  into a regular meeting, guests, the minutes and the vote adopting them. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    campaignId: text("campaign_id").notNull(),
    unitId: text("unit_id").notNull(),
    stepKey: text("step_key").notNull(),
    scheduledAt: integer("scheduled_at", { mode: "timestamp_ms" }),
    place: text("place"),
    format: text("format"),
    materialsSentAt: integer("materials_sent_at", { mode: "timestamp_ms" }),
    soTayLink: text("so_tay_link"),
    soTayPostedAt: integer("so_tay_posted_at", { mode: "timestamp_ms" }),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    mergedWithRegular: integer("merged_with_regular", { mode: "boolean" }),
    minutesSecretary: text("minutes_secretary"),
    guests: text("guests_json"),
    minutes: text("minutes"),
    voteFor: integer("vote_for"),
    voteAgainst: integer("vote_against"),
    voteAbstain: integer("vote_abstain"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("meetings_uq").on(t.campaignId, t.unitId, t.stepKey),
    index("meetings_unit_idx").on(t.unitId),
  ],
);

/** Roll-call and speaking: one row per member called. Excused members leave the denominator. */
export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: text("meeting_id").notNull(),
    memberId: text("member_id").notNull(),
    presence: text("presence", { enum: PRESENCES }).notNull(),
    reason: text("reason"),
    /** A member of the unit's committee (cấp ủy viên): 004 needs all of them to speak. */
    isCommittee: integer("is_committee", { mode: "boolean" }).notNull().default(false),
    /** 1-based order of speaking; null if the member did not speak. */
    spokeOrder: integer("spoke_order"),
  },
  (t) => [uniqueIndex("meeting_attendance_uq").on(t.meetingId, t.memberId)],
);
