// Member form data against the template's form definition. Data is nested as the form is:
// a section's fields under the section's key; a checklist's answers under the item number.
//   { "ho-ten": "…", "tu-duong-ren-luyen": { "pham-chat": "…" },
//     "lien-he-27": { "1": { "level": "co", "note": "…" } }, "cam-ket": true }
// Drafts are saved as the member types, so `draft` mode checks only that what is there has
// the right type and size; `submit` mode also needs every required field. Errors are keyed
// by the field's path in the form ("tu-duong-ren-luyen.pham-chat", "lien-he-27.nhom-1.5.note").
import * as v from "valibot";
import { codePoints, isBlank, isRequired } from "../../schema/rules/forms";
import { IsoDate } from "../../schema/scalars";
import type { Form, LeafField, TemplateList } from "../../schema/template";
import { LEAF_FIELD_TYPES } from "../../schema/vocab/campaigns";
import type { FieldErrors } from "../errors";

export type FormMode = "draft" | "submit";
type Data = Record<string, unknown>;

function checkLeaf(
  field: LeafField,
  value: unknown,
  path: string,
  mode: FormMode,
  required: boolean,
  lists: TemplateList[],
  errors: FieldErrors,
): void {
  // A type this checker does not know (a definition stored before it was refused at save
  // time) accepts nothing: a value it cannot check is not a value it may keep.
  if (!(LEAF_FIELD_TYPES as readonly string[]).includes(field.type)) {
    errors[path] = "Biểu mẫu có trường không được hỗ trợ.";
    return;
  }
  if (field.type === "cellConfirmation") return; // the cell fills it when confirming
  if (isBlank(value)) {
    if (mode === "submit" && required)
      errors[path] =
        field.type === "commitment" ? "Hãy đánh dấu để cam kết." : "Bắt buộc phải điền.";
    return;
  }
  switch (field.type) {
    case "shortText":
    case "longText": {
      const max = field.maxLength ?? 500;
      if (typeof value !== "string") errors[path] = "Phải là văn bản.";
      else if (codePoints(value) > max)
        errors[path] = `Tối đa ${max.toLocaleString("vi-VN")} ký tự.`;
      return;
    }
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) errors[path] = "Phải là số.";
      else if (field.integer && !Number.isInteger(value)) errors[path] = "Phải là số nguyên.";
      else if (field.min !== undefined && value < field.min)
        errors[path] = `Không được nhỏ hơn ${field.min}.`;
      else if (field.max !== undefined && value > field.max)
        errors[path] = `Không được lớn hơn ${field.max}.`;
      return;
    }
    case "date": {
      // The one date type of the API (schema/scalars.ts): shape first, then that it exists.
      const issue = v.safeParse(IsoDate, value).issues?.[0];
      if (issue)
        errors[path] = typeof value === "string" ? issue.message : "Ngày phải có dạng YYYY-MM-DD.";
      return;
    }
    case "choice": {
      const allowed = field.options.map((o) => o.value);
      const values = field.multiple ? value : [value];
      if (
        !Array.isArray(values) ||
        !values.every((x) => typeof x === "string" && allowed.includes(x))
      )
        errors[path] = "Giá trị không nằm trong danh sách cho phép.";
      return;
    }
    case "commitment": {
      // An unticked box is a valid draft; only a submission needs the commitment made.
      if (typeof value !== "boolean") errors[path] = "Sai kiểu dữ liệu.";
      else if (!value && mode === "submit" && required) errors[path] = "Hãy đánh dấu để cam kết.";
      return;
    }
    case "checklist": {
      if (typeof value !== "object" || Array.isArray(value)) {
        errors[path] = "Sai kiểu dữ liệu.";
        return;
      }
      const list = lists.find((l) => l.key === field.listKey);
      const groups = (list?.groups ?? []).filter(
        (g) => !field.groups || field.groups.includes(g.key),
      );
      const byGroup = value as Record<string, unknown>;
      const levels = field.levels.map((l) => l.value);
      for (const key of Object.keys(byGroup))
        if (!groups.some((g) => g.key === key))
          errors[`${path}.${key}`] = "Không có nhóm này trong danh sách.";
      for (const group of groups) {
        const raw = byGroup[group.key] ?? {};
        if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
          errors[`${path}.${group.key}`] = "Sai kiểu dữ liệu.";
          continue;
        }
        const answers = raw as Record<string, { level?: unknown; note?: unknown } | undefined>;
        for (const key of Object.keys(answers))
          if (!group.items.some((i) => String(i.no) === key))
            errors[`${path}.${group.key}.${key}`] = "Không có nội dung này trong danh sách.";
        for (const item of group.items) {
          const itemPath = `${path}.${group.key}.${item.no}`;
          const answer = answers[String(item.no)];
          if (!answer || typeof answer !== "object") {
            if (mode === "submit" || answer !== undefined)
              errors[itemPath] = "Chưa tự liên hệ nội dung này.";
            continue;
          }
          if (answer.level !== undefined && !levels.includes(answer.level as string))
            errors[`${itemPath}.level`] = "Mức độ không hợp lệ.";
          else if (answer.level === undefined && mode === "submit")
            errors[`${itemPath}.level`] = "Chưa chọn mức độ.";
          if (answer.note !== undefined && answer.note !== null) {
            if (typeof answer.note !== "string") errors[`${itemPath}.note`] = "Phải là văn bản.";
            else if (codePoints(answer.note) > field.noteMaxLength)
              errors[`${itemPath}.note`] = `Tối đa ${field.noteMaxLength} ký tự.`;
          }
          if (
            mode === "submit" &&
            field.noteRequiredFor?.includes(answer.level as string) &&
            isBlank(answer.note)
          )
            errors[`${itemPath}.note`] = `Cần ghi ${field.noteLabel.toLocaleLowerCase("vi")}.`;
        }
      }
      return;
    }
    default: {
      const unhandled: never = field;
      void unhandled;
      errors[path] = "Biểu mẫu có trường không được hỗ trợ.";
    }
  }
}

/** Field errors of `data` against `form`; empty when it may be saved (draft) or submitted. */
export function validateFormData(
  form: Form,
  data: unknown,
  lists: TemplateList[],
  mode: FormMode,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!data || typeof data !== "object" || Array.isArray(data))
    return { _: "Dữ liệu biểu mẫu phải là một đối tượng." };
  const d = data as Data;
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(d))
    if (!known.has(key)) errors[key] = "Biểu mẫu không có trường này.";
  for (const f of form.fields) {
    if (f.type === "section") {
      const inner = d[f.key];
      if (
        inner !== undefined &&
        (typeof inner !== "object" || inner === null || Array.isArray(inner))
      ) {
        errors[f.key] = "Sai kiểu dữ liệu.";
        continue;
      }
      const innerData = (inner ?? {}) as Data;
      const innerKnown = new Set(f.fields.map((x) => x.key));
      for (const key of Object.keys(innerData))
        if (!innerKnown.has(key)) errors[`${f.key}.${key}`] = "Biểu mẫu không có trường này.";
      for (const leaf of f.fields)
        checkLeaf(
          leaf,
          innerData[leaf.key],
          `${f.key}.${leaf.key}`,
          mode,
          isRequired(form, d, leaf),
          lists,
          errors,
        );
    } else checkLeaf(f, d[f.key], f.key, mode, isRequired(form, d, f), lists, errors);
  }
  return errors;
}
