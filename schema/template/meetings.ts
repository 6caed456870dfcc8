// Meetings: only what the documents state; absent means "not stated".
import * as v from "valibot";
import { Option } from "./fields";
import { Cite, Key, PositiveInt, Text } from "./scalars";
import { AppliesTo } from "./steps";

export const Attendance = v.object({
  /** The units this line applies to (all units of the step when absent)… */
  appliesTo: v.optional(AppliesTo),
  /** …or, where units cannot be told apart by data, the condition in words. */
  when: v.optional(Text),
  role: v.picklist(["chu-tri", "du-chi-dao", "thanh-phan", "khach-moi"]),
  who: v.pipe(v.array(Text), v.minLength(1)),
  cite: Cite,
});
export type Attendance = v.InferOutput<typeof Attendance>;

export const MeetingRules = v.object({
  key: Key,
  title: Text,
  /** separate: not merged with regular meetings (000, 004); within-regular: held in them. */
  relationToRegularMeeting: v.optional(v.picklist(["separate", "within-regular", "either"])),
  /** Allowed forms of the meeting where the document leaves a choice (002). */
  formats: v.optional(v.array(Option)),
  minDurationMinutes: v.optional(PositiveInt),
  rollCall: v.optional(v.boolean()),
  /** "cử thư ký ghi biên bản". */
  appointsMinutesSecretary: v.optional(v.boolean()),
  materialsLeadDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  materialsChannel: v.optional(v.picklist(["so-tay-dang-vien-dien-tu", "gui-truc-tiep"])),
  leadersPresentFirst: v.optional(v.boolean()),
  eachMemberPresentsPlan: v.optional(v.boolean()),
  collectiveCommentsOnEachMember: v.optional(v.boolean()),
  /**
   * Share (0–1) of those present in a group who must speak, e.g. 100% of committee members
   * (004 §II.4.2) or every member presenting their plan in turn (000 §II.2 Bước 3).
   */
  speakers: v.optional(
    v.array(
      v.object({
        who: v.picklist(["committee-members", "members", "attendees"]),
        minShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
        cite: Cite,
      }),
    ),
  ),
  /** Votes taken at the meeting; counts for / against / abstain are recorded. */
  votes: v.optional(
    v.array(v.object({ subject: v.picklist(["minutes", "resolution"]), cite: Cite })),
  ),
  agenda: v.optional(v.array(v.object({ title: Text, presenter: v.optional(Text) }))),
  attendance: v.optional(v.array(Attendance)),
  /** Guidance the document gives that is not a measurable rule. */
  notes: v.optional(v.array(Text)),
  cite: Cite,
});
export type MeetingRules = v.InferOutput<typeof MeetingRules>;
