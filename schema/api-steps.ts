// Bodies of the step-record routes: a step done by acknowledgement (a note, the date and
// place, a link or a document's reference, as the step's evidence spec asks) or by the unit's
// own form. Which parts are required depends on the step: the route checks them against it.
import * as v from "valibot";
import { ShortText } from "./api";
import { KEY_MAX, KEY_RE } from "./rules/keys";
import { HttpUrl, IsoDate } from "./scalars";
import { ReviewRating } from "./vocab/campaigns";

/** A step's key in a path. */
export const StepKeyParam = v.pipe(
  v.string(),
  v.regex(KEY_RE, "Khóa viết thường, không dấu, nối bằng gạch ngang."),
  v.maxLength(KEY_MAX),
);

const ReadVersion = v.pipe(v.number("Phải là số."), v.integer(), v.minValue(0));

export const StepRecordBody = v.strictObject({
  /** The version the caller last read: 0 when nothing is recorded yet (409 when stale). */
  version: ReadVersion,
  /** The day it was done (the acknowledgement's date); today when left out for a form. */
  doneOn: v.optional(IsoDate),
  place: ShortText(300),
  note: ShortText(2000),
  link: v.optional(v.nullable(HttpUrl)),
  /** The number, name or place of filing of the document or file kept as evidence. */
  fileRef: ShortText(300),
  /** The unit form's answers, for a step done by the unit's form. */
  data: v.optional(v.record(v.string(), v.unknown())),
});
export type StepRecordBody = v.InferOutput<typeof StepRecordBody>;

/** A month, "YYYY-MM". */
export const MonthParam = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Tháng có dạng YYYY-MM, ví dụ 2022-05."),
);

export const MonthlyReviewBody = v.strictObject({
  /** The version of this month's review the caller last read: 0 when there is none yet. */
  version: ReadVersion,
  data: v.record(v.string(), v.unknown()),
});

/** A report's period: "YYYY-H1", "YYYY-H2" or "YYYY". */
export const PeriodParam = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-H[12])?$/, "Kỳ báo cáo có dạng YYYY-H1, YYYY-H2 hoặc YYYY."),
);

/** The version of a record the caller last read: 0 when nothing is recorded yet (409 when
 *  stale). */
/** A record's required note, up to 2000 characters, `empty` saying what to write. */
const RecordNote = (empty: string) =>
  v.pipe(
    v.string("Bắt buộc phải có."),
    v.trim(),
    v.minLength(1, empty),
    v.maxLength(2000, "Tối đa 2000 ký tự."),
  );

/** A milestone or the year-end input recorded by a unit: what was done, when, a link. */
export const FollowUpRecordBody = v.strictObject({
  version: ReadVersion,
  doneOn: v.optional(IsoDate),
  note: RecordNote("Hãy ghi việc đã làm."),
  link: v.optional(v.nullable(HttpUrl)),
});

/** A member's own year-end input: their self-assessed level and how they carried out the plan
 *  (the commitment), recorded by the member or by the cell's secretary on their behalf. */
export const YearEndInputBody = v.strictObject({
  version: ReadVersion,
  level: ReviewRating,
  doneOn: v.optional(IsoDate),
  note: RecordNote("Hãy ghi kết quả thực hiện kế hoạch, cam kết."),
});
export type YearEndInputBody = v.InferOutput<typeof YearEndInputBody>;
