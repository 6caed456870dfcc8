// How a step is done: every step of a template names one, and the engine completes the step's
// task by that way alone ("no step completes because another did"). validateTemplate refuses
// a step whose way cannot happen (its form, meeting or report is missing; an acknowledgement
// without an evidence spec).
import * as v from "valibot";

export const COMPLETION_LABELS = {
  /** The member submits the step's form (the cell need not have confirmed it yet). */
  "member-form-submitted": "Đảng viên nộp biểu mẫu",
  /** The cell confirms the member's form ("Xác nhận của chi bộ"). */
  "member-form-confirmed": "Chi bộ xác nhận biểu mẫu của đảng viên",
  /** The unit's secretary submits the unit's form (action plan, draft resolution…). */
  "unit-form-submitted": "Đơn vị nộp biểu mẫu của đơn vị",
  /** The unit's meeting for the step is recorded as held (it has started). */
  "meeting-held": "Cuộc họp được ghi là đã diễn ra",
  /** The meeting the step prepares has its time and place recorded. */
  "meeting-scheduled": "Cuộc họp được xếp lịch (thời gian, địa điểm)",
  /** The meeting the step prepares has its materials recorded as sent (with the Sổ tay link
   *  and time where the step asks for that proof). */
  "materials-sent": "Tài liệu của cuộc họp được ghi là đã gửi",
  /** The member is present at the meeting the step is dated on. */
  "meeting-attended": "Đảng viên có mặt tại cuộc họp",
  /** Every member's form of the unit is confirmed (the unit's "xác nhận kế hoạch"). */
  "all-plans-confirmed": "Chi bộ xác nhận đủ kế hoạch của đảng viên",
  /** The unit files the template's report tied to the step. */
  "report-filed": "Đơn vị nộp báo cáo",
  /** The unit or member marks it done with the evidence the step's spec asks for. */
  acknowledged: "Xác nhận đã làm, kèm minh chứng",
} as const;
export type Completion = keyof typeof COMPLETION_LABELS;
export const COMPLETIONS = Object.keys(COMPLETION_LABELS) as [Completion, ...Completion[]];
export const Completion = /* @__PURE__ */ v.picklist(COMPLETIONS, "Cách hoàn thành không hợp lệ.");

/** What an acknowledgement may have to carry. "link-or-file": one of the two is enough. The
 *  date it was done is always asked. */
export const EVIDENCE_PART_LABELS = {
  note: "Ghi chú",
  place: "Địa điểm",
  link: "Đường dẫn",
  file: "Số hiệu, tên tệp hoặc văn bản lưu",
  "link-or-file": "Đường dẫn hoặc số hiệu văn bản",
} as const;
export type EvidencePart = keyof typeof EVIDENCE_PART_LABELS;
export const EVIDENCE_PARTS = Object.keys(EVIDENCE_PART_LABELS) as [
  EvidencePart,
  ...EvidencePart[],
];
export const EvidencePart = /* @__PURE__ */ v.picklist(EVIDENCE_PARTS);
