// Form fields. The types are the closed list in schema/vocab/field-types.ts: the compile-time
// check at the end fails when the two disagree, and a field of any other type is refused when
// a template is saved.
import * as v from "valibot";
import { INVALID_FIELD_TYPE, type FieldType, type LeafFieldType } from "../vocab/field-types";
import { Key, PositiveInt, Text } from "./scalars";

/**
 * A field is required when `required` is true, or when `requiredIf` holds: the other field
 * equals the value (for a checklist: any item has that level) or is one of the values.
 */
export const Condition = v.union([
  v.object({ field: Key, equals: v.union([v.string(), v.number(), v.boolean()]) }),
  v.object({ field: Key, oneOf: v.array(v.union([v.string(), v.number()])) }),
]);
export type Condition = v.InferOutput<typeof Condition>;

/** Values the app fills in from the member or campaign; the member may still correct them. */
export const Prefill = v.picklist([
  "member.fullName",
  "member.birthYear",
  "member.position",
  "member.unitName",
  "member.parentUnitName",
  "campaign.year",
]);
export type Prefill = v.InferOutput<typeof Prefill>;

const fieldBase = {
  key: Key,
  label: Text,
  help: v.optional(Text),
  required: v.boolean(),
  requiredIf: v.optional(Condition),
};

export const Option = v.object({ value: Key, label: Text });
export type Option = v.InferOutput<typeof Option>;

export const ShortTextField = v.object({
  type: v.literal("shortText"),
  ...fieldBase,
  maxLength: v.optional(PositiveInt),
  prefill: v.optional(Prefill),
});
/** maxLength counts code points, so a Vietnamese letter with two marks counts once. */
export const LongTextField = v.object({
  type: v.literal("longText"),
  ...fieldBase,
  maxLength: PositiveInt,
});
export const ChoiceField = v.object({
  type: v.literal("choice"),
  ...fieldBase,
  options: v.pipe(v.array(Option), v.minLength(2)),
  multiple: v.optional(v.boolean()),
});
export const DateField = v.object({ type: v.literal("date"), ...fieldBase });
export const NumberField = v.object({
  type: v.literal("number"),
  ...fieldBase,
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  integer: v.optional(v.boolean()),
  prefill: v.optional(Prefill),
});
/**
 * One answer per item of a list (grouped as the list is): a level from `levels` and a note.
 * The seeds ask "có hay không? Ở mức độ nào?" (003 §II.2.a, 004 §II.4.1 Bước 2), so the
 * built-ins use levels khong/co and a note for the degree, required for the levels listed in
 * `noteRequiredFor`.
 */
export const ChecklistField = v.object({
  type: v.literal("checklist"),
  ...fieldBase,
  listKey: Key,
  /** Only these groups of the list; all when absent. */
  groups: v.optional(v.array(Key)),
  levels: v.pipe(v.array(Option), v.minLength(2)),
  noteLabel: Text,
  noteRequiredFor: v.optional(v.array(Key)),
  noteMaxLength: PositiveInt,
});
/** A statement the member ticks (and signs on paper: "NGƯỜI CAM KẾT"). */
export const CommitmentField = v.object({
  type: v.literal("commitment"),
  ...fieldBase,
  statement: Text,
});
/**
 * The cell's confirmation ("XÁC NHẬN CỦA CHI BỘ"): filled by the unit's secretary when the plan
 * is confirmed, never by the member, so it is not checked when the member submits.
 */
export const CellConfirmationField = v.object({
  type: v.literal("cellConfirmation"),
  ...fieldBase,
  statement: v.optional(Text),
});

export type ShortTextField = v.InferOutput<typeof ShortTextField>;
export type LongTextField = v.InferOutput<typeof LongTextField>;
export type ChoiceField = v.InferOutput<typeof ChoiceField>;
export type DateField = v.InferOutput<typeof DateField>;
export type NumberField = v.InferOutput<typeof NumberField>;
export type ChecklistField = v.InferOutput<typeof ChecklistField>;
export type CommitmentField = v.InferOutput<typeof CommitmentField>;
export type CellConfirmationField = v.InferOutput<typeof CellConfirmationField>;

export const LeafField = v.variant(
  "type",
  [
    ShortTextField,
    LongTextField,
    ChoiceField,
    DateField,
    NumberField,
    ChecklistField,
    CommitmentField,
    CellConfirmationField,
  ],
  INVALID_FIELD_TYPE,
);
export type LeafField = v.InferOutput<typeof LeafField>;

/** A heading over fields; one level deep, which is all the printed forms use. */
export const SectionField = v.object({
  type: v.literal("section"),
  key: Key,
  label: Text,
  intro: v.optional(Text),
  fields: v.pipe(v.array(LeafField), v.minLength(1)),
});
export type SectionField = v.InferOutput<typeof SectionField>;

export const Field = v.variant("type", [...LeafField.options, SectionField], INVALID_FIELD_TYPE);
export type Field = v.InferOutput<typeof Field>;

// Both directions, so a type added on one side only fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const leafTypesMatch: Same<LeafField["type"], LeafFieldType> = true;
const fieldTypesMatch: Same<Field["type"], FieldType> = true;
void leafTypesMatch;
void fieldTypesMatch;

export function formLeafFields(form: { fields: readonly Field[] }): LeafField[] {
  return form.fields.flatMap((f) => (f.type === "section" ? f.fields : [f]));
}
