/**
 * The campaign template definition language (DESIGN.md §3).
 *
 * A template is data, not code: a tenant clones a built-in one and edits it without a release,
 * so everything the five source directives ask for — steps and their deadlines, forms, the
 * checklists they cite, meeting rules, who is excused, who publishes or supervises whom, the
 * monthly follow-up and the reports upward — is expressed here as plain JSON.
 *
 * Two layers of checking:
 * - the valibot schemas below check shape only, and use only actions that
 *   @valibot/to-json-schema can convert, because the same schemas feed the OpenAPI document;
 * - `validateTemplate` checks what needs code: references between keys, cycles among deadlines,
 *   real calendar dates, consistent counts and NFC text.
 *
 * Dates are calendar dates in Asia/Ho_Chi_Minh; a deadline is a date plus a rule ("trước ngày D"
 * or "đến hết ngày D"); see worker/domain/deadlines.ts for how they become instants.
 */
import * as v from "valibot";

// ---------------------------------------------------------------------------------------------
// Scalars

/** Machine keys are kebab-case ASCII so they are stable in URLs, CSV headers and SQL. */
export const Key = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Khóa phải viết thường, không dấu, nối bằng gạch ngang"),
);
export type Key = v.InferOutput<typeof Key>;

/** YYYY-MM-DD, a calendar date in ICT. The shape only; validateTemplate checks it exists. */
export const IsoDate = v.pipe(v.string(), v.isoDate("Ngày phải có dạng YYYY-MM-DD"));
export type IsoDate = v.InferOutput<typeof IsoDate>;

const Text = v.pipe(v.string(), v.nonEmpty());
/** Where in the source document a step, rule or form comes from, e.g. "000 §II.2 Bước 2". */
const Cite = Text;
const Int = v.pipe(v.number(), v.integer());
const PositiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Unit kinds of the public contract (CONTRACT.md, POST /units). */
export const UnitKind = v.picklist([
  "dang-bo",
  "dang-bo-bo-phan",
  "dang-bo-co-so",
  "chi-bo",
  "co-quan",
  "doan-the",
]);
export type UnitKind = v.InferOutput<typeof UnitKind>;

export const MemberStatus = v.picklist([
  "dang-sinh-hoat",
  "mien-sinh-hoat",
  "tuoi-cao-benh",
  "chuyen-den",
  "chuyen-di",
  "tu-tran",
]);
export type MemberStatus = v.InferOutput<typeof MemberStatus>;

/** "trước ngày D" is due at D 00:00 ICT; "đến hết ngày D" at D+1 00:00 ICT (DESIGN §3). */
export const DueRule = v.picklist(["truoc-ngay", "den-het-ngay"]);
export type DueRule = v.InferOutput<typeof DueRule>;

// ---------------------------------------------------------------------------------------------
// Who a step or rule applies to

/**
 * One condition on a member; every property given must hold (AND). Text matches ignore case
 * and diacritics ("Uỷ" and "Ủy" both match "uy"), because positions and unit names are typed
 * freely by each tenant.
 */
export const MemberFilter = v.object({
  /** What the filter means, in Vietnamese, for the admin who edits it. */
  label: v.optional(Text),
  statuses: v.optional(v.array(MemberStatus)),
  /** Cán bộ diện Ban Thường vụ quản lý (the member import's `dien_quan_ly`). */
  managedByStandingCommittee: v.optional(v.boolean()),
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

// ---------------------------------------------------------------------------------------------
// Steps

/** Kinds drive behaviour in the app (a meeting has attendance, a publish step a place…). */
export const StepKind = v.picklist([
  "cascade-guidance",
  "study-conference",
  "prepare-meeting",
  "send-materials",
  "notify-leaders",
  "meeting",
  "attend-meeting",
  "self-assessment",
  "personal-plan",
  "revise-and-sign",
  "confirm-plans",
  "publish",
  "forward",
  "action-plan",
  "draft-resolution",
  "adopt-resolution",
  "commitment",
  "commitment-ceremony",
  "publicize",
  "report-upward",
]);
export type StepKind = v.InferOutput<typeof StepKind>;

export const Step = v.object({
  key: Key,
  title: Text,
  description: v.optional(Text),
  owner: v.picklist(["unit", "member"]),
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
  cite: Cite,
});
export type Step = v.InferOutput<typeof Step>;

export const Flow = v.object({ key: Key, title: Text, cite: Cite });
export type Flow = v.InferOutput<typeof Flow>;

// ---------------------------------------------------------------------------------------------
// Forms

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

export const LeafField = v.variant("type", [
  ShortTextField,
  LongTextField,
  ChoiceField,
  DateField,
  NumberField,
  ChecklistField,
  CommitmentField,
  CellConfirmationField,
]);
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

export const Field = v.variant("type", [
  ShortTextField,
  LongTextField,
  ChoiceField,
  DateField,
  NumberField,
  ChecklistField,
  CommitmentField,
  CellConfirmationField,
  SectionField,
]);
export type Field = v.InferOutput<typeof Field>;

/**
 * `version` is stored with every submission, so a submission keeps the form it was written on
 * after the template changes. `{nam}` in title or intro stands for the campaign's year.
 */
export const Form = v.object({
  key: Key,
  version: PositiveInt,
  title: Text,
  intro: v.optional(Text),
  owner: v.picklist(["member", "unit"]),
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

// ---------------------------------------------------------------------------------------------
// Meetings: only what the documents state; absent means "not stated".

export const Attendance = v.object({
  /** The units this line applies to (all units of the step when absent)… */
  appliesTo: v.optional(AppliesTo),
  /** …or, where units cannot be told apart by data, the condition in words. */
  when: v.optional(Text),
  role: v.picklist(["chu-tri", "du-chi-dao", "thanh-phan", "khach-moi"]),
  who: v.pipe(v.array(Text), v.minLength(1)),
  cite: Cite,
});
export type Attendance = v.InferOutput<typeof Attendance>;

export const MeetingRules = v.object({
  key: Key,
  title: Text,
  /** separate: not merged with regular meetings (000, 004); within-regular: held in them. */
  relationToRegularMeeting: v.optional(v.picklist(["separate", "within-regular", "either"])),
  /** Allowed forms of the meeting where the document leaves a choice (002). */
  formats: v.optional(v.array(Option)),
  minDurationMinutes: v.optional(PositiveInt),
  rollCall: v.optional(v.boolean()),
  /** "cử thư ký ghi biên bản". */
  appointsMinutesSecretary: v.optional(v.boolean()),
  materialsLeadDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  materialsChannel: v.optional(v.picklist(["so-tay-dang-vien-dien-tu", "gui-truc-tiep"])),
  leadersPresentFirst: v.optional(v.boolean()),
  eachMemberPresentsPlan: v.optional(v.boolean()),
  collectiveCommentsOnEachMember: v.optional(v.boolean()),
  /**
   * Share (0–1) of those present in a group who must speak, e.g. 100% of committee members
   * (004 §II.4.2) or every member presenting their plan in turn (000 §II.2 Bước 3).
   */
  speakers: v.optional(
    v.array(
      v.object({
        who: v.picklist(["committee-members", "members", "attendees"]),
        minShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
        cite: Cite,
      }),
    ),
  ),
  /** Votes taken at the meeting; counts for / against / abstain are recorded. */
  votes: v.optional(
    v.array(v.object({ subject: v.picklist(["minutes", "resolution"]), cite: Cite })),
  ),
  agenda: v.optional(v.array(v.object({ title: Text, presenter: v.optional(Text) }))),
  attendance: v.optional(v.array(Attendance)),
  /** Guidance the document gives that is not a measurable rule. */
  notes: v.optional(v.array(Text)),
  cite: Cite,
});
export type MeetingRules = v.InferOutput<typeof MeetingRules>;

// ---------------------------------------------------------------------------------------------
// Excusals, routing, follow-up, reports

/**
 * Excused members leave both the numerator and the denominator (DESIGN §3). A voluntary
 * submission is kept but still counts in `excused` only.
 */
export const Excusals = v.object({
  statuses: v.array(MemberStatus),
  voluntarySubmissionAllowed: v.boolean(),
  cite: Cite,
  note: v.optional(Text),
});
export type Excusals = v.InferOutput<typeof Excusals>;

/** A body that reads routed plans (the "supervisor" role). */
export const Supervisor = v.object({
  body: v.picklist(["ban-tuyen-giao", "mttq", "ban-cong-tac-mat-tran", "cong-doan", "doan-the"]),
  /** tenant: the body at the tenant's level; member-unit: the member's own organisation's. */
  scope: v.picklist(["tenant", "member-unit", "residential-area"]),
  name: Text,
});
export type Supervisor = v.InferOutput<typeof Supervisor>;

export const PublicationRule = v.object({
  key: Key,
  label: Text,
  members: v.pipe(v.array(MemberFilter), v.minLength(1)),
  formKey: Key,
  where: Text,
  cite: Cite,
});
export type PublicationRule = v.InferOutput<typeof PublicationRule>;

/** Evaluated in order; the first rule whose filters match a member decides its supervisors. */
export const SupervisionRule = v.object({
  key: Key,
  label: Text,
  members: v.array(MemberFilter),
  formKey: Key,
  supervisors: v.pipe(v.array(Supervisor), v.minLength(1)),
  via: v.optional(Text),
  cite: Cite,
});
export type SupervisionRule = v.InferOutput<typeof SupervisionRule>;

/** What is forwarded where; the deadline is the step's (`stepKey`), so it is stated once. */
export const ForwardingRule = v.object({
  key: Key,
  label: Text,
  members: v.optional(v.array(MemberFilter)),
  formKey: Key,
  copies: PositiveInt,
  to: Text,
  purpose: v.optional(Text),
  stepKey: v.optional(Key),
  cite: Cite,
});
export type ForwardingRule = v.InferOutput<typeof ForwardingRule>;

export const Routing = v.object({
  publication: v.array(PublicationRule),
  supervision: v.array(SupervisionRule),
  forwarding: v.array(ForwardingRule),
});
export type Routing = v.InferOutput<typeof Routing>;

export const MonthlyReview = v.object({
  title: Text,
  /** Where the review happens: in the regular monthly meeting of the cell (or its committee). */
  in: v.picklist(["sinh-hoat-chi-bo-thuong-ky", "sinh-hoat-cap-uy-va-chi-bo"]),
  by: v.picklist(["chi-bo", "chi-uy"]),
  subjects: v.pipe(
    v.array(v.picklist(["personal-plan", "unit-action-plan", "self-criticism"])),
    v.minLength(1),
  ),
  appliesTo: AppliesTo,
  formKey: v.optional(Key),
  startsAfterStep: v.optional(Key),
  notes: v.optional(v.array(Text)),
  cite: Cite,
});
export type MonthlyReview = v.InferOutput<typeof MonthlyReview>;

export const PeriodicReport = v.object({
  key: Key,
  title: Text,
  every: v.picklist(["6-thang", "hang-nam"]),
  from: AppliesTo,
  to: Text,
  formKey: v.optional(Key),
  cite: Cite,
});
export type PeriodicReport = v.InferOutput<typeof PeriodicReport>;

export const FollowUp = v.object({
  monthlyReview: v.optional(MonthlyReview),
  periodicReports: v.array(PeriodicReport),
  yearEndRanking: v.optional(v.object({ input: Text, cite: Cite })),
  /** Peaks and review points the document names, dated where it gives a date. */
  milestones: v.array(v.object({ title: Text, date: v.optional(IsoDate), cite: Cite })),
});
export type FollowUp = v.InferOutput<typeof FollowUp>;

/** A report upward; when it is due is the step's deadline. */
export const Report = v.object({
  key: Key,
  title: Text,
  stepKey: Key,
  from: AppliesTo,
  to: Text,
  via: v.optional(Text),
  formKey: v.optional(Key),
  cite: Cite,
});
export type Report = v.InferOutput<typeof Report>;

// ---------------------------------------------------------------------------------------------
// The template

export const Source = v.object({
  documentNo: v.optional(Text),
  kind: Text,
  title: Text,
  date: IsoDate,
  issuer: Text,
  basedOn: v.optional(v.array(Text)),
  /** How the text reached us when it is not the document itself (002 is a news item). */
  via: v.optional(Text),
});
export type Source = v.InferOutput<typeof Source>;

/** The document's own dates; a campaign's `dueOn` is read with `dueRule`. */
export const Schedule = v.object({
  startsOn: IsoDate,
  dueOn: IsoDate,
  dueRule: DueRule,
  cite: Cite,
});
export type Schedule = v.InferOutput<typeof Schedule>;

export const Material = v.object({ title: Text, note: v.optional(Text), cite: Cite });
export type Material = v.InferOutput<typeof Material>;

export const TemplateDefinition = v.object({
  key: Key,
  version: PositiveInt,
  name: Text,
  description: Text,
  source: Source,
  variantOf: v.optional(Key),
  schedule: Schedule,
  flows: v.optional(v.array(Flow)),
  steps: v.pipe(v.array(Step), v.minLength(1)),
  forms: v.array(Form),
  lists: v.array(TemplateList),
  meetingRules: v.array(MeetingRules),
  excusals: Excusals,
  routing: Routing,
  followUp: FollowUp,
  reports: v.array(Report),
  materials: v.optional(v.array(Material)),
});
export type TemplateDefinition = v.InferOutput<typeof TemplateDefinition>;

// ---------------------------------------------------------------------------------------------
// Variants: a template stated as its differences from another (002 from 000; tenants' clones)

function keyedPatch<T extends v.GenericSchema>(item: T) {
  return v.optional(
    v.object({ remove: v.optional(v.array(Key)), upsert: v.optional(v.array(item)) }),
  );
}

export const TemplateVariant = v.object({
  key: Key,
  version: PositiveInt,
  name: Text,
  description: Text,
  source: Source,
  variantOf: Key,
  schedule: v.optional(Schedule),
  flows: keyedPatch(Flow),
  steps: keyedPatch(Step),
  forms: keyedPatch(Form),
  lists: keyedPatch(TemplateList),
  meetingRules: keyedPatch(MeetingRules),
  excusals: v.optional(Excusals),
  routing: v.optional(
    v.object({
      publication: keyedPatch(PublicationRule),
      supervision: keyedPatch(SupervisionRule),
      forwarding: keyedPatch(ForwardingRule),
    }),
  ),
  followUp: v.optional(FollowUp),
  reports: keyedPatch(Report),
  materials: v.optional(v.array(Material)),
});
export type TemplateVariant = v.InferOutput<typeof TemplateVariant>;

type KeyedPatch<T> = { remove?: string[] | undefined; upsert?: T[] | undefined } | undefined;

/** Removes, then replaces in place by key, then appends new keys: the base's order survives. */
function applyPatch<T extends { key: string }>(base: readonly T[], patch: KeyedPatch<T>): T[] {
  if (!patch) return base.map((x) => structuredClone(x));
  const removed = new Set(patch.remove ?? []);
  const upserts = new Map((patch.upsert ?? []).map((x) => [x.key, x]));
  const out = base
    .filter((x) => !removed.has(x.key))
    .map((x) => structuredClone(upserts.get(x.key) ?? x));
  const present = new Set(out.map((x) => x.key));
  for (const [key, x] of upserts) if (!present.has(key)) out.push(structuredClone(x));
  return out;
}

/** The full definition of a variant: its base with the variant's differences applied. */
export function resolveVariant(
  base: TemplateDefinition,
  variant: TemplateVariant,
): TemplateDefinition {
  if (variant.variantOf !== base.key) {
    throw new Error(
      `Mẫu «${variant.key}» là biến thể của «${variant.variantOf}», không phải của «${base.key}»`,
    );
  }
  const def: TemplateDefinition = {
    key: variant.key,
    version: variant.version,
    name: variant.name,
    description: variant.description,
    source: structuredClone(variant.source),
    variantOf: base.key,
    schedule: structuredClone(variant.schedule ?? base.schedule),
    steps: applyPatch(base.steps, variant.steps),
    forms: applyPatch(base.forms, variant.forms),
    lists: applyPatch(base.lists, variant.lists),
    meetingRules: applyPatch(base.meetingRules, variant.meetingRules),
    excusals: structuredClone(variant.excusals ?? base.excusals),
    routing: {
      publication: applyPatch(base.routing.publication, variant.routing?.publication),
      supervision: applyPatch(base.routing.supervision, variant.routing?.supervision),
      forwarding: applyPatch(base.routing.forwarding, variant.routing?.forwarding),
    },
    followUp: structuredClone(variant.followUp ?? base.followUp),
    reports: applyPatch(base.reports, variant.reports),
  };
  if (base.flows || variant.flows) def.flows = applyPatch(base.flows ?? [], variant.flows);
  const materials = variant.materials ?? base.materials;
  if (materials) def.materials = structuredClone(materials);
  return def;
}

// ---------------------------------------------------------------------------------------------
// Matching units and members

/** Lower case without diacritics, so free-typed names and positions compare reliably. */
export function foldForMatch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Whole words only: without diacritics "phó" is "pho", which "phòng" also contains, and "xã"
 * is "xa", which "xây" contains.
 */
function includesAny(haystack: string, needles: readonly string[]): boolean {
  const words = (s: string) =>
    ` ${foldForMatch(s)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()} `;
  const h = words(haystack);
  return needles.some((n) => h.includes(words(n)));
}

export type UnitForMatch = { kind: UnitKind; name: string };
export type MemberForMatch = {
  status: MemberStatus;
  position: string | null;
  managedByStandingCommittee: boolean;
  unit: UnitForMatch;
  /** Names of the unit's ancestors, nearest first. */
  ancestorUnitNames: readonly string[];
};

export function unitMatches(
  appliesTo: Pick<AppliesTo, "unitKinds" | "unitNameIncludes" | "unitNameExcludes">,
  unit: UnitForMatch,
): boolean {
  if (appliesTo.unitKinds && !appliesTo.unitKinds.includes(unit.kind)) return false;
  if (appliesTo.unitNameIncludes && !includesAny(unit.name, appliesTo.unitNameIncludes)) {
    return false;
  }
  if (appliesTo.unitNameExcludes && includesAny(unit.name, appliesTo.unitNameExcludes)) {
    return false;
  }
  return true;
}

export function memberMatches(filter: MemberFilter, member: MemberForMatch): boolean {
  if (filter.statuses && !filter.statuses.includes(member.status)) return false;
  if (
    filter.managedByStandingCommittee !== undefined &&
    filter.managedByStandingCommittee !== member.managedByStandingCommittee
  ) {
    return false;
  }
  const position = member.position ?? "";
  if (filter.positionIncludes && !includesAny(position, filter.positionIncludes)) return false;
  if (filter.positionExcludes && includesAny(position, filter.positionExcludes)) return false;
  if (filter.unitKinds && !filter.unitKinds.includes(member.unit.kind)) return false;
  if (
    filter.underUnitNameIncludes &&
    ![member.unit.name, ...member.ancestorUnitNames].some((n) =>
      includesAny(n, filter.underUnitNameIncludes ?? []),
    )
  ) {
    return false;
  }
  return true;
}

/** Whether a member-owned step concerns this member (excusals are applied separately). */
export function stepAppliesToMember(
  def: Pick<TemplateDefinition, "routing">,
  step: Pick<Step, "appliesTo">,
  member: MemberForMatch,
): boolean {
  const a = step.appliesTo;
  if (!unitMatches(a, member.unit)) return false;
  if (a.members && !a.members.some((f) => memberMatches(f, member))) return false;
  if (a.publication) {
    const rules = def.routing.publication.filter((r) => a.publication?.includes(r.key));
    if (!rules.some((r) => r.members.some((f) => memberMatches(f, member)))) return false;
  }
  return true;
}

/** The first supervision rule that matches decides; null when none does. */
export function supervisionFor(
  def: Pick<TemplateDefinition, "routing">,
  member: MemberForMatch,
): SupervisionRule | null {
  return (
    def.routing.supervision.find(
      (r) => r.members.length === 0 || r.members.some((f) => memberMatches(f, member)),
    ) ?? null
  );
}

// ---------------------------------------------------------------------------------------------
// Cross-field checks

export function formLeafFields(form: Pick<Form, "fields">): LeafField[] {
  return form.fields.flatMap((f) => (f.type === "section" ? f.fields : [f]));
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const k of keys) (seen.has(k) ? dup : seen).add(k);
  return [...dup];
}

/** Every string in the value, with a path for the message. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  } else if (value && typeof value === "object") {
    for (const [k, x] of Object.entries(value)) yield* strings(x, path ? `${path}.${k}` : k);
  }
}

export type ValidationResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Shape (valibot) and everything valibot alone cannot check. Problems are Vietnamese sentences
 * for the admin who edits a template, each naming the key at fault.
 */
export function validateTemplate(input: unknown): ValidationResult {
  const parsed = v.safeParse(TemplateDefinition, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map(
        (i) => `Sai cấu trúc tại «${v.getDotPath(i) ?? "(gốc)"}»: ${i.message}`,
      ),
    };
  }
  const def = parsed.output;
  const problems: string[] = [];
  const say = (p: string) => problems.push(p);

  const dupCheck = (what: string, keys: readonly string[]) => {
    for (const k of duplicates(keys)) say(`Khóa ${what} «${k}» bị trùng.`);
  };
  dupCheck(
    "bước",
    def.steps.map((s) => s.key),
  );
  dupCheck(
    "biểu mẫu",
    def.forms.map((f) => f.key),
  );
  dupCheck(
    "danh sách",
    def.lists.map((l) => l.key),
  );
  dupCheck(
    "quy định cuộc họp",
    def.meetingRules.map((m) => m.key),
  );
  dupCheck(
    "luồng",
    (def.flows ?? []).map((f) => f.key),
  );
  dupCheck("báo cáo", [
    ...def.reports.map((r) => r.key),
    ...def.followUp.periodicReports.map((r) => r.key),
  ]);
  dupCheck("quy tắc định tuyến", [
    ...def.routing.publication.map((r) => r.key),
    ...def.routing.supervision.map((r) => r.key),
    ...def.routing.forwarding.map((r) => r.key),
  ]);

  const steps = new Map(def.steps.map((s) => [s.key, s]));
  const forms = new Map(def.forms.map((f) => [f.key, f]));
  const lists = new Map(def.lists.map((l) => [l.key, l]));
  const meetings = new Set(def.meetingRules.map((m) => m.key));
  const flows = new Set((def.flows ?? []).map((f) => f.key));
  const publication = new Set(def.routing.publication.map((r) => r.key));

  const needForm = (where: string, key: string | undefined) => {
    if (key !== undefined && !forms.has(key))
      say(`${where} dùng biểu mẫu «${key}» không có trong mẫu.`);
  };
  const needStep = (where: string, key: string | undefined) => {
    if (key !== undefined && !steps.has(key))
      say(`${where} trỏ tới bước «${key}» không có trong mẫu.`);
  };

  // Dates.
  const dates: [string, string][] = [
    ["Lịch (startsOn)", def.schedule.startsOn],
    ["Lịch (dueOn)", def.schedule.dueOn],
    ["Văn bản nguồn", def.source.date],
    ...def.lists.map((l): [string, string] => [`Danh sách «${l.key}»`, l.source.date]),
    ...def.followUp.milestones.flatMap((m): [string, string][] =>
      m.date ? [[`Mốc «${m.title}»`, m.date]] : [],
    ),
    ...def.steps.flatMap((s): [string, string][] =>
      s.due.kind === "absolute" ? [[`Bước «${s.key}»`, s.due.date]] : [],
    ),
  ];
  for (const [where, d] of dates) if (!isRealDate(d)) say(`${where}: ngày «${d}» không có thật.`);
  if (def.schedule.startsOn > def.schedule.dueOn) {
    say(`Lịch: ngày bắt đầu ${def.schedule.startsOn} sau hạn hoàn thành ${def.schedule.dueOn}.`);
  }

  // Steps.
  for (const s of def.steps) {
    const where = `Bước «${s.key}»`;
    needForm(where, s.formKey);
    // A step fills its own form: a secretary confirming members' plans has no formKey.
    if (s.formKey && forms.get(s.formKey) && forms.get(s.formKey)?.owner !== s.owner) {
      say(
        `${where} do ${s.owner === "unit" ? "đơn vị" : "đảng viên"} làm nhưng biểu mẫu «${s.formKey}» dành cho ${s.owner === "unit" ? "đảng viên" : "đơn vị"}.`,
      );
    }
    if (s.meetingRulesKey && !meetings.has(s.meetingRulesKey)) {
      say(`${where} dùng quy định cuộc họp «${s.meetingRulesKey}» không có trong mẫu.`);
    }
    if (s.flow && !flows.has(s.flow)) say(`${where} thuộc luồng «${s.flow}» không có trong mẫu.`);
    if (s.owner === "unit" && (s.appliesTo.members || s.appliesTo.publication)) {
      say(`${where} do đơn vị làm nên không lọc theo đảng viên.`);
    }
    for (const p of s.appliesTo.publication ?? []) {
      if (!publication.has(p)) say(`${where} trỏ tới quy tắc niêm yết «${p}» không có trong mẫu.`);
    }
    for (const a of s.after ?? []) {
      needStep(where, a);
      if (a === s.key) say(`${where} không thể làm sau chính nó.`);
    }
    if (s.due.kind === "relative") {
      needStep(where, s.due.toStep);
      const anchor = steps.get(s.due.toStep);
      if (anchor?.due.kind === "undated") {
        say(`${where} tính hạn theo bước «${anchor.key}» nhưng bước đó không có hạn.`);
      }
    }
    if (s.due.kind === "absolute" && s.due.rebase && isRealDate(s.due.date)) {
      const anchor =
        s.due.rebase.anchor === "campaign-start" ? def.schedule.startsOn : def.schedule.dueOn;
      const rebased = addDays(anchor, s.due.rebase.offsetDays);
      if (rebased !== s.due.date) {
        say(`${where}: hạn ${s.due.date} không khớp cách tính lại theo đợt (${rebased}).`);
      }
    }
  }

  // Loops: a deadline computed from itself, or a step that must come after itself. The two
  // graphs are separate: "due 3 days before the meeting" does not order the steps.
  const findLoops = (what: string, edgesOf: (s: Step) => string[]) => {
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (key: string, path: string[]) => {
      if (state.get(key) === 2) return;
      if (state.get(key) === 1) {
        const loop = [...path.slice(path.indexOf(key)), key];
        const id = [...new Set(loop)].sort().join(",");
        if (!reported.has(id)) {
          reported.add(id);
          say(`${what} tạo thành vòng lặp: ${loop.map((k) => `«${k}»`).join(" → ")}.`);
        }
        return;
      }
      state.set(key, 1);
      const step = steps.get(key);
      for (const next of step ? edgesOf(step) : []) {
        if (steps.has(next)) visit(next, [...path, key]);
      }
      state.set(key, 2);
    };
    for (const s of def.steps) visit(s.key, []);
  };
  findLoops("Hạn của các bước", (s) => (s.due.kind === "relative" ? [s.due.toStep] : []));
  findLoops("Thứ tự các bước", (s) => s.after ?? []);

  // Forms.
  for (const f of def.forms) {
    const where = `Biểu mẫu «${f.key}»`;
    const leaves = formLeafFields(f);
    dupCheck(`trường trong biểu mẫu «${f.key}»`, [
      ...f.fields.filter((x) => x.type === "section").map((x) => x.key),
      ...leaves.map((x) => x.key),
    ]);
    const byKey = new Map(leaves.map((x) => [x.key, x]));
    for (const x of leaves) {
      const at = `${where}, trường «${x.key}»`;
      if (x.requiredIf) {
        if (x.required) say(`${at}: đã bắt buộc thì không cần điều kiện bắt buộc.`);
        if (x.requiredIf.field === x.key) say(`${at}: điều kiện bắt buộc trỏ vào chính nó.`);
        else if (!byKey.has(x.requiredIf.field)) {
          say(`${at}: điều kiện bắt buộc trỏ tới trường «${x.requiredIf.field}» không có.`);
        }
      }
      if (x.type === "choice")
        dupCheck(
          `lựa chọn trong ${at}`,
          x.options.map((o) => o.value),
        );
      if (x.type === "number" && x.min !== undefined && x.max !== undefined && x.min > x.max) {
        say(`${at}: giá trị nhỏ nhất lớn hơn giá trị lớn nhất.`);
      }
      if (x.type === "checklist") {
        const list = lists.get(x.listKey);
        if (!list) say(`${at} dùng danh sách «${x.listKey}» không có trong mẫu.`);
        for (const g of x.groups ?? []) {
          if (list && !list.groups.some((lg) => lg.key === g)) {
            say(`${at}: danh sách «${x.listKey}» không có nhóm «${g}».`);
          }
        }
        const levels = x.levels.map((l) => l.value);
        dupCheck(`mức độ trong ${at}`, levels);
        for (const l of x.noteRequiredFor ?? []) {
          if (!levels.includes(l)) say(`${at}: mức «${l}» không có trong thang mức độ.`);
        }
      }
    }
  }

  // Lists.
  for (const l of def.lists) {
    const where = `Danh sách «${l.key}»`;
    dupCheck(
      `nhóm trong ${where}`,
      l.groups.map((g) => g.key),
    );
    const sum = l.groups.reduce((n, g) => n + g.expectedCount, 0);
    if (sum !== l.expectedCount) {
      say(
        `${where}: tổng số nội dung các nhóm (${sum}) khác số nội dung của danh sách (${l.expectedCount}).`,
      );
    }
    for (const g of l.groups) {
      if (g.items.length > g.expectedCount) {
        say(
          `${where}, nhóm «${g.key}»: có ${g.items.length} nội dung, nhiều hơn ${g.expectedCount}.`,
        );
      }
      for (const n of duplicates(g.items.map((i) => String(i.no)))) {
        say(`${where}, nhóm «${g.key}»: số thứ tự ${n} bị trùng.`);
      }
      for (const i of g.items) {
        if (i.no > g.expectedCount) {
          say(`${where}, nhóm «${g.key}»: số thứ tự ${i.no} vượt quá ${g.expectedCount}.`);
        }
      }
    }
  }

  // Routing, follow-up, reports.
  for (const r of def.routing.publication) needForm(`Quy tắc niêm yết «${r.key}»`, r.formKey);
  for (const r of def.routing.supervision) needForm(`Quy tắc giám sát «${r.key}»`, r.formKey);
  for (const r of def.routing.forwarding) {
    needForm(`Quy tắc chuyển «${r.key}»`, r.formKey);
    needStep(`Quy tắc chuyển «${r.key}»`, r.stepKey);
  }
  const mr = def.followUp.monthlyReview;
  if (mr) {
    needForm("Rà soát hằng tháng", mr.formKey);
    needStep("Rà soát hằng tháng", mr.startsAfterStep);
  }
  for (const r of def.followUp.periodicReports) needForm(`Báo cáo định kỳ «${r.key}»`, r.formKey);
  for (const r of def.reports) {
    const where = `Báo cáo «${r.key}»`;
    needForm(where, r.formKey);
    needStep(where, r.stepKey);
    const s = steps.get(r.stepKey);
    if (s && s.kind !== "report-upward")
      say(`${where} trỏ tới bước «${s.key}» không phải bước báo cáo.`);
  }
  if (def.variantOf === def.key) say(`Mẫu «${def.key}» không thể là biến thể của chính nó.`);

  // Text is stored NFC (DESIGN §3); a decomposed string would not match in search.
  for (const [path, s] of strings(def, "")) {
    if (s !== s.normalize("NFC")) say(`Văn bản tại «${path}» chưa chuẩn hóa Unicode NFC.`);
  }

  return problems.length ? { ok: false, problems } : { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Launching

/** Keys of lists that some form's checklist asks members or units to answer item by item. */
function checklistUses(def: TemplateDefinition): Map<string, Set<string> | "all"> {
  const uses = new Map<string, Set<string> | "all">();
  for (const f of def.forms) {
    for (const x of formLeafFields(f)) {
      if (x.type !== "checklist") continue;
      const prev = uses.get(x.listKey);
      if (prev === "all" || !x.groups) uses.set(x.listKey, "all");
      else uses.set(x.listKey, new Set([...(prev ?? []), ...x.groups]));
    }
  }
  return uses;
}

/**
 * Why a campaign on this template cannot be launched yet, in Vietnamese; empty when it can.
 * A checklist whose list still lacks items blocks: the text must come from the tenant's copy of
 * the document, never be invented (reference/README.md). Lists only cited as reading do not.
 */
export function launchBlockers(def: TemplateDefinition): string[] {
  const checked = validateTemplate(def);
  if (!checked.ok) return checked.problems.map((p) => `Mẫu chưa hợp lệ: ${p}`);
  const out: string[] = [];
  const uses = checklistUses(def);
  for (const list of def.lists) {
    const use = uses.get(list.key);
    if (!use) continue;
    list.groups.forEach((g, i) => {
      if (use !== "all" && !use.has(g.key)) return;
      const missing = g.expectedCount - g.items.length;
      if (missing <= 0) return;
      const which = list.groups.length > 1 ? ` nhóm ${i + 1} («${g.title}»)` : "";
      out.push(
        `Danh sách «${list.shortName}»${which} còn thiếu ${missing}/${g.expectedCount} nội dung: hãy nhập từ văn bản gốc trước khi phát động.`,
      );
    });
  }
  return out;
}

/**
 * The template with a list group's items replaced by the given lines, numbered from 1 — how a
 * tenant enters a list from its own copy of the document (one item per line; blank lines and
 * a leading "1." or "1)" are dropped). Text is normalised to NFC.
 */
export function withListItems(
  def: TemplateDefinition,
  listKey: string,
  groupKey: string,
  lines: string | readonly string[],
): TemplateDefinition {
  const texts = (typeof lines === "string" ? lines.split(/\r?\n/) : lines)
    .map((l) =>
      l
        .normalize("NFC")
        .replace(/^\s*\d+\s*[.)]\s*/, "")
        .trim(),
    )
    .filter((l) => l.length > 0);
  const next = structuredClone(def);
  const group = next.lists.find((l) => l.key === listKey)?.groups.find((g) => g.key === groupKey);
  if (!group) throw new Error(`Không có nhóm «${groupKey}» trong danh sách «${listKey}»`);
  group.items = texts.map((text, i) => ({ no: i + 1, text }));
  return next;
}
