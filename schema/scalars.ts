// The scalar types every request body and template shares, each refusing at the root what
// the database must never hold: a date that is not on the calendar (2023-02-30), an instant
// on such a date (which `new Date` would roll to 2 March), and a link that is not http(s)
// (`javascript:`, `data:`, `file:` would run or read something when a reader clicks it).
// Regexes only, so @valibot/to-json-schema turns them into OpenAPI `pattern`s and the client
// checks exactly what the server does. NUL and other control characters are refused for
// every string of a body in one place, the body reader (worker/http.ts).
import * as v from "valibot";

/** YYYY-MM-DD of a day that exists in the proleptic Gregorian calendar: month lengths, and
 *  29 February only in leap years (divisible by 4, centuries only by 400). */
const CALENDAR_DATE =
  "(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))" +
  "|(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)";
const DATE_RE = new RegExp(`^${CALENDAR_DATE}$`);
/** The date part of an instant; `isoTimestamp` already checks the shape of the rest. */
const INSTANT_DAY_RE = new RegExp(`^${CALENDAR_DATE}T`);

export const IMPOSSIBLE_DATE = "Ngày không có thật.";

/** A calendar date (YYYY-MM-DD, read in ICT) that exists. */
export const IsoDate = v.pipe(
  v.string("Bắt buộc phải có."),
  v.isoDate("Ngày phải có dạng YYYY-MM-DD."),
  v.regex(DATE_RE, IMPOSSIBLE_DATE),
);
export type IsoDate = v.InferOutput<typeof IsoDate>;

/** An instant as ISO 8601 with offset ("2023-09-19T08:00:00+07:00") on a day that exists,
 *  read into a Date. */
export const IsoInstant = v.pipe(
  v.string("Bắt buộc phải có."),
  v.isoTimestamp("Thời điểm phải có dạng ISO 8601, ví dụ 2023-09-19T08:00:00+07:00."),
  v.regex(INSTANT_DAY_RE, IMPOSSIBLE_DATE),
  v.transform((s) => new Date(s)),
);

/** A link as a template states it: http(s) only, at most 1,000 characters; checked, not
 *  trimmed (the template language converts to JSON Schema, which has no trim). */
export const TemplateUrl = v.pipe(
  v.string("Bắt buộc phải có."),
  v.maxLength(1000, "Đường dẫn tối đa 1000 ký tự."),
  // No flags (JSON Schema has none): HTTP:// as well as http://.
  v.regex(/^[hH][tT][tT][pP][sS]?:\/\//, "Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://."),
  v.url("Đường dẫn không hợp lệ."),
);

/** A link a reader may open: the same, trimmed first. */
export const HttpUrl = v.pipe(v.string("Bắt buộc phải có."), v.trim(), TemplateUrl);

/** Whether `s` holds a control character other than tab, line feed and carriage return
 *  (U+0000–U+001F, U+007F). Such a character is never typed by a person; NUL in particular
 *  truncates text in C-based tools the export feeds. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const hasControlChar = (s: string) => CONTROL.test(s);
