// Who manages a cadre (diện quản lý): 000 §II.4 routes the plans of cadres "diện Ban Thường vụ
// Quận ủy quản lý" to Ban Tuyên giáo and the district's MTTQ; others go through their cell. A
// member with no category (null) is managed by nobody above the cell.
import * as v from "valibot";

export const MANAGEMENT_CATEGORY_LABELS = {
  "dien-btv-cap-huyen": "Diện Ban Thường vụ Quận (Huyện) ủy quản lý",
  "dien-dang-uy-cap-xa": "Diện Đảng ủy phường (xã, thị trấn) quản lý",
} as const;
export type ManagementCategory = keyof typeof MANAGEMENT_CATEGORY_LABELS;
export const MANAGEMENT_CATEGORIES = Object.keys(MANAGEMENT_CATEGORY_LABELS) as [
  ManagementCategory,
  ...ManagementCategory[],
];
export const ManagementCategory = /* @__PURE__ */ v.picklist(
  MANAGEMENT_CATEGORIES,
  "Diện quản lý không hợp lệ.",
);
