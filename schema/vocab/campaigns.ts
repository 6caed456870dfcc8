// What: the closed vocabularies of campaigns, their steps, forms, meetings and reviews. Each is
// declared once with vocab() (./define.ts): the values, the union type, the valibot picklist
// and the Vietnamese labels.
import { keysOf, vocab, type ValueOf } from "./define";

// A campaign's life: drafted, launched (active), closed.
export const CAMPAIGN_STATUS_LABELS = {
  draft: "Nháp — chưa phát động",
  active: "Đang diễn ra",
  closed: "Đã kết thúc",
} as const;
export const CampaignStatus = /* @__PURE__ */ vocab(CAMPAIGN_STATUS_LABELS);
export type CampaignStatus = ValueOf<typeof CampaignStatus>;
export const CAMPAIGN_STATUSES = /* @__PURE__ */ keysOf(CAMPAIGN_STATUS_LABELS);

// Kinds of campaign step. A kind drives behaviour in the app (a meeting has attendance, a
// publish step a place…), so a new kind is added here and handled where the compiler asks.
export const STEP_KIND_LABELS = {
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
} as const;
export const StepKind = /* @__PURE__ */ vocab(STEP_KIND_LABELS);
export type StepKind = ValueOf<typeof StepKind>;
export const STEP_KINDS = /* @__PURE__ */ keysOf(STEP_KIND_LABELS);

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
export const OWNER_LABELS = { unit: "Đơn vị", member: "Đảng viên" } as const;
export const Owner = /* @__PURE__ */ vocab(OWNER_LABELS);
export type Owner = ValueOf<typeof Owner>;
export const OWNERS = /* @__PURE__ */ keysOf(OWNER_LABELS);

// How a step is done: every step of a template names one, and the engine completes the step's
// task by that way alone ("no step completes because another did"). validateTemplate refuses
// a step whose way cannot happen (its form, meeting or report is missing; an acknowledgement
// without an evidence spec).
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
export const Completion = /* @__PURE__ */ vocab(COMPLETION_LABELS, "Cách hoàn thành không hợp lệ.");
export type Completion = ValueOf<typeof Completion>;
export const COMPLETIONS = /* @__PURE__ */ keysOf(COMPLETION_LABELS);

/** What an acknowledgement may have to carry. "link-or-file": one of the two is enough. The
 *  date it was done is always asked. */
export const EVIDENCE_PART_LABELS = {
  note: "Ghi chú",
  place: "Địa điểm",
  link: "Đường dẫn",
  file: "Số hiệu, tên tệp hoặc văn bản lưu",
  "link-or-file": "Đường dẫn hoặc số hiệu văn bản",
} as const;
export const EvidencePart = /* @__PURE__ */ vocab(EVIDENCE_PART_LABELS);
export type EvidencePart = ValueOf<typeof EvidencePart>;
export const EVIDENCE_PARTS = /* @__PURE__ */ keysOf(EVIDENCE_PART_LABELS);

// The meetings a directive's meeting may not be merged into ("không lồng ghép"): 004 names
// the regular meeting; 000 names the regular meeting and thematic conferences.
export const MERGE_KIND_LABELS = {
  "thuong-ky": "sinh hoạt thường kỳ",
  "chuyen-de": "hội nghị, sinh hoạt chuyên đề",
} as const;
export const MergeKind = /* @__PURE__ */ vocab(MERGE_KIND_LABELS);
export type MergeKind = ValueOf<typeof MergeKind>;
export const MERGE_KINDS = /* @__PURE__ */ keysOf(MERGE_KIND_LABELS);

// The sections of a template definition a directive may lock: its children adopt the directive
// and adapt the rest (their own number, dates, wording and units), but a locked section stays
// exactly as the parent issued it, at every level below (schema/rules/locked.ts).
export const SECTION_LABELS = {
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
} as const;
export const Section = /* @__PURE__ */ vocab(SECTION_LABELS);
export type Section = ValueOf<typeof Section>;
export const SECTIONS = /* @__PURE__ */ keysOf(SECTION_LABELS);

// Types of form field in a template. Adding one here fails to compile until the template
// schema (schema/template/fields.ts), the checker (worker/domain/forms.ts) and the client's
// renderers handle it; a definition naming a type not listed is refused when it is saved.
export const INVALID_FIELD_TYPE = "Loại trường không hợp lệ.";
export const FIELD_TYPE_LABELS = {
  shortText: "Văn bản ngắn",
  longText: "Văn bản dài",
  choice: "Lựa chọn",
  date: "Ngày",
  number: "Số",
  checklist: "Tự liên hệ theo danh sách",
  commitment: "Cam kết",
  cellConfirmation: "Xác nhận của chi bộ",
  section: "Mục",
} as const;
export const FieldType = /* @__PURE__ */ vocab(FIELD_TYPE_LABELS, INVALID_FIELD_TYPE);
export type FieldType = ValueOf<typeof FieldType>;
export const FIELD_TYPES = /* @__PURE__ */ keysOf(FIELD_TYPE_LABELS);

/** Fields that hold an answer; `section` only groups them. */
export type LeafFieldType = Exclude<FieldType, "section">;
export const LEAF_FIELD_TYPES = FIELD_TYPES.filter((t): t is LeafFieldType => t !== "section");

// A member's presence at a meeting's roll-call. Excused members leave the denominator.
export const PRESENCE_LABELS = {
  present: "Có mặt",
  excused: "Vắng có lý do",
  absent: "Vắng không lý do",
} as const;
export const Presence = /* @__PURE__ */ vocab(
  PRESENCE_LABELS,
  "Có mặt, vắng có lý do hoặc vắng không lý do.",
);
export type Presence = ValueOf<typeof Presence>;
export const PRESENCES = /* @__PURE__ */ keysOf(PRESENCE_LABELS);

// The rating a cell gives a member's plan at a follow-up review.
export const REVIEW_RATING_LABELS = {
  "hoan-thanh-xuat-sac": "Hoàn thành xuất sắc nhiệm vụ",
  "hoan-thanh-tot": "Hoàn thành tốt nhiệm vụ",
  "hoan-thanh": "Hoàn thành nhiệm vụ",
  "khong-hoan-thanh": "Không hoàn thành nhiệm vụ",
} as const;
export const ReviewRating = /* @__PURE__ */ vocab(
  REVIEW_RATING_LABELS,
  "Mức đánh giá không hợp lệ.",
);
export type ReviewRating = ValueOf<typeof ReviewRating>;
export const REVIEW_RATINGS = /* @__PURE__ */ keysOf(REVIEW_RATING_LABELS);

/** A report upward across tenants (issue 11): a draft the parent does not see, filed, or
 *  returned by the parent with a comment. */
export const UPWARD_REPORT_STATUS_LABELS = {
  draft: "Bản nháp (cấp trên chưa thấy)",
  filed: "Đã gửi cấp trên",
  returned: "Cấp trên trả lại",
} as const;
export const UpwardReportStatus = /* @__PURE__ */ vocab(UPWARD_REPORT_STATUS_LABELS);
export type UpwardReportStatus = ValueOf<typeof UpwardReportStatus>;
export const UPWARD_REPORT_STATUSES = /* @__PURE__ */ keysOf(UPWARD_REPORT_STATUS_LABELS);

/** Its on-time mark (worker/domain/upward-report.ts reportMark): "on-time" when first filed
 *  before the due instant, else "late"; before any filing "pending", then "missing". */
export const REPORT_MARK_LABELS = {
  "on-time": "Đúng hạn",
  late: "Muộn",
  missing: "Chưa gửi (quá hạn)",
  pending: "Chưa gửi",
} as const;
export const ReportMark = /* @__PURE__ */ vocab(REPORT_MARK_LABELS);
export type ReportMark = ValueOf<typeof ReportMark>;

/** Where a member stands with their own year-end input (worker/domain/year-end.ts). */
export const YEAR_END_STATE_LABELS = {
  "on-time": "Đúng hạn",
  late: "Muộn",
  missing: "Chưa có",
  pending: "Chưa ghi nhận",
  excused: "Được miễn",
} as const;
export const YearEndState = /* @__PURE__ */ vocab(YEAR_END_STATE_LABELS);
export type YearEndState = ValueOf<typeof YearEndState>;
