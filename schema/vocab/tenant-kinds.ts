// Kinds of tenant organisation chosen at sign-up.
import * as v from "valibot";

export const TENANT_KIND_LABELS = {
  "quan-uy": "Quận ủy",
  "huyen-uy": "Huyện ủy",
  "tinh-uy": "Tỉnh ủy",
  "thanh-uy": "Thành ủy",
  "dang-uy-phuong": "Đảng ủy phường",
  "dang-uy-xa": "Đảng ủy xã",
  "dang-uy-so": "Đảng ủy sở",
  "dang-uy-khoi": "Đảng ủy khối",
  "dang-uy-co-so": "Đảng ủy cơ sở",
  khac: "Khác",
} as const;
export type TenantKind = keyof typeof TENANT_KIND_LABELS;
/** In the order of the labels: the order the sign-up form lists them in. */
export const TENANT_KINDS = Object.keys(TENANT_KIND_LABELS) as [TenantKind, ...TenantKind[]];
export const TenantKind = /* @__PURE__ */ v.picklist(TENANT_KINDS, "Loại tổ chức không hợp lệ.");
