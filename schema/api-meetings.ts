// Request bodies of the meeting routes: a session created, its record patched, its roll-call.
import * as v from "valibot";
import { MergeKind, Presence } from "./vocab/campaigns";
import { HttpUrl, IsoInstant } from "./scalars";
import { Id, ShortText, TemplateKey, Version } from "./api";

/** An instant as ISO 8601 with offset ("2023-09-19T08:00:00+07:00"), read into a Date. */
const OptionalInstant = v.optional(v.nullable(IsoInstant));

/** 1 for a step's first meeting; 2, 3… for its further sessions (003's "02 buổi", monthly). */
const Session = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100));
export const MeetingCreateBody = v.strictObject({
  unitId: Id,
  stepKey: TemplateKey,
  session: v.optional(Session),
  scheduledAt: OptionalInstant,
  place: ShortText(300),
  format: ShortText(100),
});
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100000));
export const MeetingPatchBody = v.strictObject({
  version: Version,
  scheduledAt: OptionalInstant,
  place: ShortText(300),
  format: ShortText(100),
  materialsSentAt: OptionalInstant,
  soTayLink: v.optional(v.nullable(HttpUrl)),
  soTayPostedAt: OptionalInstant,
  startedAt: OptionalInstant,
  endedAt: OptionalInstant,
  mergedWithRegular: v.optional(v.nullable(v.boolean())),
  /** Every kind of meeting it was merged into; [] = held on its own. */
  mergedWith: v.optional(v.nullable(v.pipe(v.array(MergeKind), v.maxLength(10)))),
  minutesSecretary: ShortText(200),
  /** The template's agenda items covered (1-based) and who presented each; null = none. */
  agenda: v.optional(
    v.nullable(
      v.pipe(
        v.array(
          v.strictObject({
            no: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
            presenter: ShortText(200),
          }),
        ),
        v.maxLength(100),
      ),
    ),
  ),
  guests: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
          organisation: v.optional(v.pipe(v.string(), v.maxLength(200))),
          /** The template's attendance line the guest fills (its key). */
          role: v.optional(TemplateKey),
        }),
      ),
      v.maxLength(100),
    ),
  ),
  minutes: ShortText(50_000),
  vote: v.optional(v.nullable(v.strictObject({ for: Count, against: Count, abstain: Count }))),
});
export const AttendanceBody = v.strictObject({
  version: Version,
  entries: v.pipe(
    v.array(
      v.strictObject({
        memberId: Id,
        presence: Presence,
        reason: ShortText(300),
        isCommittee: v.optional(v.boolean()),
        spokeOrder: v.optional(
          v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10000))),
        ),
        /** The template's attendance line the member fills: lets the roll-call name someone
         *  from outside the unit (the Chủ tịch UBND at the UBND's meeting). */
        role: v.optional(TemplateKey),
        /** Presented their own plan; the collective commented on it (000 Bước 3). */
        presentedPlan: v.optional(v.boolean()),
        commentedOn: v.optional(v.boolean()),
      }),
    ),
    v.maxLength(5000),
  ),
});
