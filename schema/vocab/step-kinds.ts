// Kinds of campaign step. A kind drives behaviour in the app (a meeting has attendance, a
// publish step a place…), so a new kind is added here and handled where the compiler asks.
import * as v from "valibot";

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
export type StepKind = keyof typeof STEP_KIND_LABELS;
/** In the order of the labels: the order screens list them in. */
export const STEP_KINDS = Object.keys(STEP_KIND_LABELS) as [StepKind, ...StepKind[]];
export const StepKind = /* @__PURE__ */ v.picklist(STEP_KINDS);

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
export const OWNERS = ["unit", "member"] as const;
export const Owner = /* @__PURE__ */ v.picklist(OWNERS);
export type Owner = (typeof OWNERS)[number];
export const OWNER_LABELS: Readonly<Record<Owner, string>> = {
  unit: "Đơn vị",
  member: "Đảng viên",
};
