// Kinds of unit in a tenant's tree (CONTRACT.md, POST /units).
import * as v from "valibot";

export const UNIT_KIND_LABELS = {
  "dang-bo": "Đảng bộ",
  "dang-bo-bo-phan": "Đảng bộ bộ phận",
  "dang-bo-co-so": "Đảng bộ cơ sở",
  "chi-bo": "Chi bộ",
  "co-quan": "Cơ quan",
  "doan-the": "Đoàn thể",
} as const;
export type UnitKind = keyof typeof UNIT_KIND_LABELS;
/** In the order of the labels: the order screens list them in. */
export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as [UnitKind, ...UnitKind[]];
export const UnitKind = /* @__PURE__ */ v.picklist(UNIT_KINDS, "Loại đơn vị không hợp lệ.");
