// What a member's task list shows, in the client's entry chunk (see ./roles.ts): where a task
// stands, and the wording of its deadline.
import * as v from "valibot";
import { keysOf, vocab, type ValueOf } from "./define";

// Where a member's form stands, and where a task stands on the member's list (the form's
// status, or todo/done for a step without a form).
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

// The two wordings of a deadline. "trước ngày D" is due at D 00:00 ICT; "đến hết ngày D" at
// D+1 00:00 ICT (DESIGN §3); schema/rules/deadlines.ts turns them into instants.
export const DUE_RULE_WORDS = {
  "truoc-ngay": "trước ngày",
  "den-het-ngay": "đến hết ngày",
} as const;
export const DueRule = /* @__PURE__ */ vocab(DUE_RULE_WORDS);
export type DueRule = ValueOf<typeof DueRule>;
export const DUE_RULES = /* @__PURE__ */ keysOf(DUE_RULE_WORDS);
