// What: the closed vocabularies of campaigns, their steps, forms, meetings and reviews. Each is
// declared once with vocab() (./define.ts): the values, the union type, the valibot picklist
// and the Vietnamese labels.
import * as v from "valibot";
import { vocab, type ValueOf } from "./define";

// A campaign's life: drafted, launched (active), closed.

export const CampaignStatus = /* @__PURE__ */ vocab({
  draft: "Nháp — chưa phát động",
  active: "Đang diễn ra",
  closed: "Đã kết thúc",
});
export type CampaignStatus = ValueOf<typeof CampaignStatus>;
export const { values: CAMPAIGN_STATUSES, labels: CAMPAIGN_STATUS_LABELS } = CampaignStatus;

// Kinds of campaign step. A kind drives behaviour in the app (a meeting has attendance, a
// publish step a place…), so a new kind is added here and handled where the compiler asks.

export const StepKind = /* @__PURE__ */ vocab({
  "cascade-guidance": "Triển khai hướng dẫn",
  "study-conference": "Hội nghị học tập",
  "prepare-meeting": "Chuẩn bị hội nghị",
  "send-materials": "Gửi tài liệu",
  "notify-leaders": "Thông báo lãnh đạo",
  meeting: "Hội nghị",
  "attend-meeting": "Dự hội nghị",
  "self-assessment": "Tự liên hệ",
  "personal-plan": "Kế hoạch cá nhân",
  "revise-and-sign": "Hoàn thiện, ký",
  "confirm-plans": "Xác nhận kế hoạch",
  publish: "Niêm yết công khai",
  forward: "Gửi, nộp",
  "action-plan": "Kế hoạch hành động",
  "draft-resolution": "Dự thảo nghị quyết",
  "adopt-resolution": "Thông qua nghị quyết",
  commitment: "Cam kết",
  "commitment-ceremony": "Lễ ký cam kết",
  publicize: "Tuyên truyền",
  "report-upward": "Báo cáo cấp trên",
});
export type StepKind = ValueOf<typeof StepKind>;
export const { values: STEP_KINDS, labels: STEP_KIND_LABELS } = StepKind;

/** Unit steps held as a meeting: the ones a meeting record is for (the client's list). */
export const MEETING_STEP_KINDS = [
  "meeting",
  "adopt-resolution",
] as const satisfies readonly StepKind[];
export type MeetingStepKind = (typeof MEETING_STEP_KINDS)[number];

/** Steps that prepare a meeting: they carry its rules too, but are not meetings themselves. */
export const PREPARATION_STEP_KINDS = [
  "prepare-meeting",
  "send-materials",
  "notify-leaders",
] as const satisfies readonly StepKind[];

/** The member forms progress counts, in order of preference (schema/rules/tracked.ts). */
export const TRACKED_STEP_KINDS = [
  "personal-plan",
  "self-assessment",
  "commitment",
] as const satisfies readonly StepKind[];

/** Who does a step, or fills a form. */
export const Owner = /* @__PURE__ */ vocab({ unit: "Đơn vị", member: "Đảng viên" });
export type Owner = ValueOf<typeof Owner>;
export const { values: OWNERS, labels: OWNER_LABELS } = Owner;

// How a step is done: every step of a template names one, and the engine completes the step's
// task by that way alone ("no step completes because another did"). validateTemplate refuses
// a step whose way cannot happen (its form, meeting or report is missing; an acknowledgement
// without an evidence spec).

export const Completion = /* @__PURE__ */ vocab(
  {
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
  },
  "Cách hoàn thành không hợp lệ.",
);
export type Completion = ValueOf<typeof Completion>;
export const { values: COMPLETIONS, labels: COMPLETION_LABELS } = Completion;

/** What an acknowledgement may have to carry. "link-or-file": one of the two is enough. The
 *  date it was done is always asked. */
export const EvidencePart = /* @__PURE__ */ vocab({
  note: "Ghi chú",
  place: "Địa điểm",
  link: "Đường dẫn",
  file: "Số hiệu, tên tệp hoặc văn bản lưu",
  "link-or-file": "Đường dẫn hoặc số hiệu văn bản",
});
export type EvidencePart = ValueOf<typeof EvidencePart>;
export const { values: EVIDENCE_PARTS, labels: EVIDENCE_PART_LABELS } = EvidencePart;

// The two wordings of a deadline. "trước ngày D" is due at D 00:00 ICT; "đến hết ngày D" at
// D+1 00:00 ICT (DESIGN §3); schema/rules/deadlines.ts turns them into instants.

export const DueRule = /* @__PURE__ */ vocab({
  "truoc-ngay": "trước ngày",
  "den-het-ngay": "đến hết ngày",
});
export type DueRule = ValueOf<typeof DueRule>;
export const { values: DUE_RULES, labels: DUE_RULE_WORDS } = DueRule;

// The meetings a directive's meeting may not be merged into ("không lồng ghép"): 004 names
// the regular meeting; 000 names the regular meeting and thematic conferences.

export const MergeKind = /* @__PURE__ */ vocab({
  "thuong-ky": "sinh hoạt thường kỳ",
  "chuyen-de": "hội nghị, sinh hoạt chuyên đề",
});
export type MergeKind = ValueOf<typeof MergeKind>;
export const { values: MERGE_KINDS, labels: MERGE_KIND_LABELS } = MergeKind;

// The sections of a template definition a directive may lock: its children adopt the directive
// and adapt the rest (their own number, dates, wording and units), but a locked section stays
// exactly as the parent issued it, at every level below (schema/rules/locked.ts).

export const Section = /* @__PURE__ */ vocab({
  steps: "Các bước",
  forms: "Biểu mẫu",
  lists: "Danh sách",
  meetingRules: "Quy định về hội nghị",
  excusals: "Trường hợp được miễn",
  routing: "Công khai, giám sát, chuyển gửi",
  reports: "Báo cáo",
  followUp: "Theo dõi, kiểm điểm định kỳ",
  flows: "Trình tự thực hiện",
  materials: "Tài liệu",
});
export type Section = ValueOf<typeof Section>;
export const { values: SECTIONS, labels: SECTION_LABELS } = Section;

// Types of form field in a template. Adding one here fails to compile until the template
// schema (schema/template/fields.ts), the checker (worker/domain/forms.ts) and the client's
// renderers handle it; a definition naming a type not listed is refused when it is saved.

export const INVALID_FIELD_TYPE = "Loại trường không hợp lệ.";
export const FieldType = /* @__PURE__ */ vocab(
  {
    shortText: "Văn bản ngắn",
    longText: "Văn bản dài",
    choice: "Lựa chọn",
    date: "Ngày",
    number: "Số",
    checklist: "Tự liên hệ theo danh sách",
    commitment: "Cam kết",
    cellConfirmation: "Xác nhận của chi bộ",
    section: "Mục",
  },
  INVALID_FIELD_TYPE,
);
export type FieldType = ValueOf<typeof FieldType>;
export const { values: FIELD_TYPES, labels: FIELD_TYPE_LABELS } = FieldType;

/** Fields that hold an answer; `section` only groups them. */
export type LeafFieldType = Exclude<FieldType, "section">;
export const LEAF_FIELD_TYPES = FIELD_TYPES.filter((t): t is LeafFieldType => t !== "section");

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

// A member's presence at a meeting's roll-call. Excused members leave the denominator.

export const Presence = /* @__PURE__ */ vocab(
  { present: "Có mặt", excused: "Vắng có lý do", absent: "Vắng không lý do" },
  "Có mặt, vắng có lý do hoặc vắng không lý do.",
);
export type Presence = ValueOf<typeof Presence>;
export const { values: PRESENCES, labels: PRESENCE_LABELS } = Presence;

// The rating a cell gives a member's plan at a follow-up review.

export const ReviewRating = /* @__PURE__ */ vocab(
  {
    "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ",
    "hoan-thanh-tot": "Hoàn thành tốt nhiệm vụ",
    "hoan-thanh": "Hoàn thành nhiệm vụ",
    "khong-hoan-thanh": "Không hoàn thành nhiệm vụ",
  },
  "Mức đánh giá không hợp lệ.",
);
export type ReviewRating = ValueOf<typeof ReviewRating>;
export const { values: REVIEW_RATINGS, labels: REVIEW_RATING_LABELS } = ReviewRating;

/** A report upward across tenants (issue 11): a draft the parent does not see, filed, or
 *  returned by the parent with a comment. */
export const UpwardReportStatus = /* @__PURE__ */ vocab({
  draft: "Bản nháp (cấp trên chưa thấy)",
  filed: "Đã gửi cấp trên",
  returned: "Cấp trên trả lại",
});
export type UpwardReportStatus = ValueOf<typeof UpwardReportStatus>;

/** Its on-time mark (worker/domain/upward-report.ts reportMark): "on-time" when first filed
 *  before the due instant, else "late"; before any filing "pending", then "missing". */
export const ReportMark = /* @__PURE__ */ vocab({
  "on-time": "Đúng hạn",
  late: "Muộn",
  missing: "Chưa gửi (quá hạn)",
  pending: "Chưa gửi",
});
export type ReportMark = ValueOf<typeof ReportMark>;
