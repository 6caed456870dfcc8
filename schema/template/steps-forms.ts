// The parts a member or a unit works through: who a step applies to, its deadline, the steps
// themselves, and the forms with their fields and the lists their checklists ask about.
// Field types are the closed list in schema/vocab/campaigns.ts: the compile-time check
// below fails when the two disagree, and a field of any other type is refused when a template
// is saved.
import * as v from "valibot";
import {
  INVALID_FIELD_TYPE,
  type FieldType,
  type LeafFieldType,
  Completion,
  EvidencePart,
  Owner,
} from "../vocab/campaigns";
import { ManagementCategory } from "../vocab/people";
import { PositionCode } from "../vocab/positions";
import {
  Cite,
  DueRule,
  Int,
  IsoDate,
  Key,
  MemberStatus,
  PositiveInt,
  StepKind,
  Text,
  UnitKind,
} from "./scalars";

// ---------------------------------------------------------------------------------------------
// Who a step or rule applies to; deadlines; steps

/**
 * One condition on a member; every property given must hold (AND). Routing rules state
 * positions and categories as codes (`positions`, `managementCategories`); the text matches
 * (`positionIncludes`…), which ignore case and diacritics, are for steps only and are refused
 * in routing rules (validateTemplate).
 */
export const MemberFilter = v.object({
  /** What the filter means, in Vietnamese, for the admin who edits it. */
  label: v.optional(Text),
  statuses: v.optional(v.array(MemberStatus)),
  /** Cán bộ diện Ban Thường vụ quản lý: the same as `managementCategories:
   *  ["dien-btv-cap-huyen"]` (true) or any other category (false). */
  managedByStandingCommittee: v.optional(v.boolean()),
  /** The member's diện quản lý is one of these. */
  managementCategories: v.optional(v.array(ManagementCategory)),
  /** The member's position code (schema/vocab/positions.ts) is one of these. */
  positions: v.optional(v.array(PositionCode)),
  /** The position contains one of these. */
  positionIncludes: v.optional(v.array(Text)),
  /** …and none of these: "Phó trưởng phòng" contains "trưởng phòng". */
  positionExcludes: v.optional(v.array(Text)),
  /** The kind of the member's own unit. */
  unitKinds: v.optional(v.array(UnitKind)),
  /** The member's unit or one of its ancestors has a name containing one of these. */
  underUnitNameIncludes: v.optional(v.array(Text)),
});
export type MemberFilter = v.InferOutput<typeof MemberFilter>;

/**
 * Which units (for unit-owned steps) or which members (for member-owned steps) a step concerns.
 * Unit conditions apply to the unit itself, or to the member's own unit. `members` is any-of.
 * `publication` names routing.publication rules: the step concerns the members they select.
 */
export const AppliesTo = v.object({
  unitKinds: v.optional(v.array(UnitKind)),
  unitNameIncludes: v.optional(v.array(Text)),
  unitNameExcludes: v.optional(v.array(Text)),
  members: v.optional(v.array(MemberFilter)),
  publication: v.optional(v.array(Key)),
});
export type AppliesTo = v.InferOutput<typeof AppliesTo>;

// ---------------------------------------------------------------------------------------------
// Deadlines

/**
 * - absolute: the document's own date. `rebase` is the same date relative to the campaign's
 *   start or end, so a campaign in another year moves it; validateTemplate checks that the
 *   rebase reproduces `date` at the template's own schedule.
 * - relative: `offsetDays` whole days from another step's due instant (negative = before);
 *   `rule` only chooses the wording ("trước ngày" or "đến hết ngày").
 * - campaign-end: the campaign's due date, read with schedule.dueRule, plus `offsetDays`.
 * - undated: the document sets no date (a campaign may set one with an override).
 */
export const Due = v.variant("kind", [
  v.object({
    kind: v.literal("absolute"),
    date: IsoDate,
    rule: DueRule,
    rebase: v.optional(
      v.object({ anchor: v.picklist(["campaign-start", "campaign-end"]), offsetDays: Int }),
    ),
  }),
  v.object({ kind: v.literal("relative"), toStep: Key, offsetDays: Int, rule: DueRule }),
  v.object({
    kind: v.literal("campaign-end"),
    offsetDays: v.optional(Int),
    rule: v.optional(DueRule),
  }),
  v.object({ kind: v.literal("undated"), note: Text }),
]);
export type Due = v.InferOutput<typeof Due>;

/** What an acknowledged step must be shown with: the date it was done always, and the parts
 *  listed (a note, the place, a link or the reference of a file or document). */
export const Evidence = v.object({
  /** What the evidence is, in words, for the one who marks the step done. */
  what: Text,
  needs: v.pipe(v.array(EvidencePart), v.minLength(1)),
});
export type Evidence = v.InferOutput<typeof Evidence>;

export const Step = v.object({
  key: Key,
  title: Text,
  description: v.optional(Text),
  owner: Owner,
  kind: StepKind,
  /** Key of a `flows` entry: 004 runs separate flows for chi bộ, đảng ủy and UBND/MTTQ. */
  flow: v.optional(Key),
  appliesTo: AppliesTo,
  due: Due,
  /** Steps that must be done first, where the document gives an order but no number of days. */
  after: v.optional(v.array(Key)),
  formKey: v.optional(Key),
  meetingRulesKey: v.optional(Key),
  /** Evidence the step was done, e.g. the link and time of materials posted to Sổ tay. */
  proof: v.optional(v.picklist(["link-and-time"])),
  /** How the step is done (schema/vocab/campaigns.ts). Optional in the shape so that
   *  campaigns frozen before it existed still read; validateTemplate requires it. */
  completion: v.optional(Completion),
  /** For `acknowledged`: what the acknowledgement must carry. */
  evidence: v.optional(Evidence),
  cite: Cite,
});
export type Step = v.InferOutput<typeof Step>;

export const Flow = v.object({ key: Key, title: Text, cite: Cite });
export type Flow = v.InferOutput<typeof Flow>;

// ---------------------------------------------------------------------------------------------
// Fields

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
  /** Lists of the template the answer is written against ("đối chiếu" 000's 19 điều and 27
   *  biểu hiện), shown beside the field. */
  refersTo: v.optional(v.array(Key)),
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

// ---------------------------------------------------------------------------------------------
// Forms, and the lists the directives cite (reference/README.md)

/**
 * `version` is stored with every submission, so a submission keeps the form it was written on
 * after the template changes. `{nam}` in title or intro stands for the campaign's year.
 */
export const Form = v.object({
  key: Key,
  version: PositiveInt,
  title: Text,
  intro: v.optional(Text),
  owner: Owner,
  fields: v.pipe(v.array(Field), v.minLength(1)),
  cite: Cite,
});
export type Form = v.InferOutput<typeof Form>;

// ---------------------------------------------------------------------------------------------
// Lists the directives cite (reference/README.md)

export const ListItem = v.object({ no: PositiveInt, text: Text });
export type ListItem = v.InferOutput<typeof ListItem>;

export const ListGroup = v.object({
  key: Key,
  title: Text,
  expectedCount: PositiveInt,
  /** Empty until the tenant enters the text from its copy of the document: never invented. */
  items: v.array(ListItem),
});
export type ListGroup = v.InferOutput<typeof ListGroup>;

export const ListSource = v.object({ document: Text, date: IsoDate, issuer: Text });
export type ListSource = v.InferOutput<typeof ListSource>;

export const TemplateList = v.object({
  key: Key,
  name: Text,
  /** Used in messages, e.g. "27 biểu hiện (NQ 04-NQ/TW)". */
  shortName: Text,
  source: ListSource,
  expectedCount: PositiveInt,
  groups: v.pipe(v.array(ListGroup), v.minLength(1)),
  note: v.optional(Text),
});
export type TemplateList = v.InferOutput<typeof TemplateList>;
