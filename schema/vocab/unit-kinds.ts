// Kinds of unit in a tenant's tree (CONTRACT.md, POST /units).
import * as v from "valibot";

export const UNIT_KINDS = [
  "dang-bo",
  "dang-bo-bo-phan",
  "dang-bo-co-so",
  "chi-bo",
  "co-quan",
  "doan-the",
] as const;
export const UnitKind = /* @__PURE__ */ v.picklist(UNIT_KINDS, "Loại đơn vị không hợp lệ.");
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  "dang-bo": "Đảng bộ",
  "dang-bo-bo-phan": "Đảng bộ bộ phận",
  "dang-bo-co-so": "Đảng bộ cơ sở",
  "chi-bo": "Chi bộ",
  "co-quan": "Cơ quan",
  "doan-the": "Đoàn thể",
};
