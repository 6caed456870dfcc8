// The meetings a directive's meeting may not be merged into ("không lồng ghép"): 004 names
// the regular meeting; 000 names the regular meeting and thematic conferences.
import * as v from "valibot";

export const MERGE_KIND_LABELS = {
  "thuong-ky": "sinh hoạt thường kỳ",
  "chuyen-de": "hội nghị, sinh hoạt chuyên đề",
} as const;
export type MergeKind = keyof typeof MERGE_KIND_LABELS;
export const MERGE_KINDS = Object.keys(MERGE_KIND_LABELS) as [MergeKind, ...MergeKind[]];
export const MergeKind = /* @__PURE__ */ v.picklist(MERGE_KINDS);
