// A member's status on the roll. Which of them count as gone is a rule: schema/rules/roll.ts.
import * as v from "valibot";

export const MEMBER_STATUS_LABELS = {
  "dang-sinh-hoat": "Đang sinh hoạt",
  "mien-sinh-hoat": "Miễn sinh hoạt",
  "tuoi-cao-benh": "Tuổi cao, sức yếu",
  "chuyen-den": "Chuyển đến",
  "chuyen-di": "Chuyển đi",
  "tu-tran": "Từ trần",
} as const;
export type MemberStatus = keyof typeof MEMBER_STATUS_LABELS;
/** In the order of the labels: the order screens list them in. */
export const MEMBER_STATUSES = Object.keys(MEMBER_STATUS_LABELS) as [
  MemberStatus,
  ...MemberStatus[],
];
export const MemberStatus = /* @__PURE__ */ v.picklist(MEMBER_STATUSES, "Trạng thái không hợp lệ.");
