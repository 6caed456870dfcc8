// Organisations that routing names: those a position belongs to, and the bodies that
// supervise personal plans (000 §II.4, §III.3–4). A supervising body is stored on its unit
// (units.body_code with units.body_level), so routing reads a code, never the unit's name.
import * as v from "valibot";

/** The bodies that read routed plans (the "supervisor" role), as the templates name them. */
export const SUPERVISING_BODY_LABELS = {
  "ban-tuyen-giao": "Ban Tuyên giáo",
  mttq: "Ủy ban Mặt trận Tổ quốc",
  "ban-cong-tac-mat-tran": "Ban công tác Mặt trận",
  "cong-doan": "Công đoàn",
  "doan-the": "Đoàn thể chính trị - xã hội",
} as const;
export type SupervisingBody = keyof typeof SUPERVISING_BODY_LABELS;
export const SUPERVISING_BODIES = Object.keys(SUPERVISING_BODY_LABELS) as [
  SupervisingBody,
  ...SupervisingBody[],
];
export const SupervisingBody = /* @__PURE__ */ v.picklist(
  SUPERVISING_BODIES,
  "Cơ quan giám sát không hợp lệ.",
);

/** The organisation a position (schema/vocab/positions.ts) is held in. */
export const ORGANISATION_LABELS = {
  "dang-bo": "Tổ chức đảng",
  ubnd: "Ủy ban nhân dân",
  "phong-ban": "Phòng, ban chuyên môn; ban của cấp ủy",
  mttq: "Mặt trận Tổ quốc",
  "doan-thanh-nien": "Đoàn TNCS Hồ Chí Minh",
  "hoi-phu-nu": "Hội Liên hiệp Phụ nữ",
  "hoi-cuu-chien-binh": "Hội Cựu chiến binh",
  "hoi-nong-dan": "Hội Nông dân",
  "lien-doan-lao-dong": "Liên đoàn Lao động",
  "hoi-nguoi-cao-tuoi": "Hội Người cao tuổi",
  "truong-cong-lap": "Trường học công lập",
  "truong-ngoai-cong-lap": "Trường học ngoài công lập",
} as const;
export type Organisation = keyof typeof ORGANISATION_LABELS;
export const ORGANISATIONS = Object.keys(ORGANISATION_LABELS) as [Organisation, ...Organisation[]];
export const Organisation = /* @__PURE__ */ v.picklist(ORGANISATIONS, "Tổ chức không hợp lệ.");
