// A member's status on the roll. Which of them count as gone is a rule: schema/rules/roll.ts.
import * as v from "valibot";

export const MEMBER_STATUSES = [
  "dang-sinh-hoat",
  "mien-sinh-hoat",
  "tuoi-cao-benh",
  "chuyen-den",
  "chuyen-di",
  "tu-tran",
] as const;
export const MemberStatus = /* @__PURE__ */ v.picklist(MEMBER_STATUSES, "Trạng thái không hợp lệ.");
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS: Readonly<Record<MemberStatus, string>> = {
  "dang-sinh-hoat": "Đang sinh hoạt",
  "mien-sinh-hoat": "Miễn sinh hoạt",
  "tuoi-cao-benh": "Tuổi cao, sức yếu",
  "chuyen-den": "Chuyển đến",
  "chuyen-di": "Chuyển đi",
  "tu-tran": "Từ trần",
};
