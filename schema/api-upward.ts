// Reports upward across tenants (issue 11): the bodies of the child's save / file and the
// parent's return, and the narrative form used when the directive's definition has no report
// form for the child's level. The client may import them.
import * as v from "valibot";
import type { Form } from "./template";
import { form, longText } from "./templates/fields";

const Version = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The child's narrative (the form's data) with the version it was read at; `file: true` sends
 *  it to the parent, otherwise it is saved as a draft the parent does not see. */
export const UpwardReportBody = v.strictObject({
  version: Version,
  narrative: v.record(v.string(), v.unknown()),
  file: v.optional(v.boolean()),
});

/** The parent's admin returns the filing it read (`version`) with a reason for the child. */
export const ReturnReportBody = v.strictObject({
  version: Version,
  comment: v.pipe(
    v.string("Hãy ghi lý do trả lại."),
    v.trim(),
    v.minLength(1, "Hãy ghi lý do trả lại."),
    v.maxLength(2000, "Tối đa 2.000 ký tự."),
  ),
});

/** The narrative when the directive's definition has no report form for the child's level. */
export const NARRATIVE_FORM: Form = form(
  { key: "bao-cao-len-cap-tren", title: "Báo cáo kết quả thực hiện gửi cấp trên", owner: "unit" },
  [
    longText("ket-qua", "Kết quả thực hiện", true),
    longText("han-che", "Hạn chế, khó khăn", false),
    longText("kien-nghi", "Kiến nghị, đề xuất", false),
  ],
  "Không có biểu mẫu trong văn bản: nội dung báo cáo do đảng bộ tự viết",
);
