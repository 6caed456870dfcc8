// Kinds of tenant organisation chosen at sign-up.
import * as v from "valibot";

export const TENANT_KINDS = [
  "quan-uy",
  "huyen-uy",
  "tinh-uy",
  "thanh-uy",
  "dang-uy-phuong",
  "dang-uy-xa",
  "dang-uy-so",
  "dang-uy-khoi",
  "dang-uy-co-so",
  "khac",
] as const;
export const TenantKind = /* @__PURE__ */ v.picklist(TENANT_KINDS, "Loại tổ chức không hợp lệ.");
export type TenantKind = (typeof TENANT_KINDS)[number];
