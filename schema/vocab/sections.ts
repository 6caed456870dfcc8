// The sections of a template definition a directive may lock: its children adopt the directive
// and adapt the rest (their own number, dates, wording and units), but a locked section stays
// exactly as the parent issued it, at every level below (schema/rules/locked.ts).
import * as v from "valibot";

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
export type Section = keyof typeof SECTION_LABELS;
export const SECTIONS = Object.keys(SECTION_LABELS) as [Section, ...Section[]];
export const Section = /* @__PURE__ */ v.picklist(SECTIONS);
