// Where a member's form stands, and where a task stands on the member's list (the form's
// status, or todo/done for a step without a form).
import * as v from "valibot";

export const SUBMISSION_STATUSES = ["draft", "submitted", "returned", "confirmed"] as const;
export const SubmissionStatus = /* @__PURE__ */ v.picklist(SUBMISSION_STATUSES);
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** "excused": the member is excused (miễn sinh hoạt, tuổi cao…) or excused from the meeting:
 *  neither pending nor late. */
export const TASK_STATUSES = ["todo", ...SUBMISSION_STATUSES, "done", "excused"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  todo: "Chưa làm",
  draft: "Bản nháp",
  submitted: "Đã nộp",
  returned: "Bị trả lại",
  confirmed: "Đã xác nhận",
  done: "Đã xong",
  excused: "Được miễn",
};
