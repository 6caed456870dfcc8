// Types of form field in a template. Adding one here fails to compile until the template
// schema (schema/template/fields.ts), the checker (worker/domain/forms.ts) and the client's
// renderers handle it; a definition naming a type not listed is refused when it is saved.
import * as v from "valibot";

/** Fields that hold an answer; `section` only groups them. */
export const LEAF_FIELD_TYPES = [
  "shortText",
  "longText",
  "choice",
  "date",
  "number",
  "checklist",
  "commitment",
  "cellConfirmation",
] as const;
export type LeafFieldType = (typeof LEAF_FIELD_TYPES)[number];

export const FIELD_TYPES = [...LEAF_FIELD_TYPES, "section"] as const;
export const INVALID_FIELD_TYPE = "Loại trường không hợp lệ.";
export const FieldType = /* @__PURE__ */ v.picklist(FIELD_TYPES, INVALID_FIELD_TYPE);
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = {
  shortText: "Văn bản ngắn",
  longText: "Văn bản dài",
  choice: "Lựa chọn",
  date: "Ngày",
  number: "Số",
  checklist: "Tự liên hệ theo danh sách",
  commitment: "Cam kết",
  cellConfirmation: "Xác nhận của chi bộ",
  section: "Mục",
};
