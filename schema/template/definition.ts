// The rest of a template — meetings, excusals, routing, follow-up, reports — and the template
// itself: a definition, or a variant stated as its differences from another (002 from 000;
// tenants' clones).
import * as v from "valibot";
import { Level, SupervisingBody } from "../vocab/people";
import { MergeKind } from "../vocab/campaigns";
import {
  Cite,
  DueRule,
  IsoDate,
  Key,
  MemberStatus,
  PositiveInt,
  TemplateUrl,
  Text,
} from "./scalars";
import { AppliesTo, Flow, Form, MemberFilter, Option, Step, TemplateList } from "./steps-forms";

// ---------------------------------------------------------------------------------------------
// Meetings: only what the documents state; absent means "not stated".

export const Attendance = v.object({
  /** Names the line, so a roll-call entry or a guest can say which line they fill. */
  key: v.optional(Key),
  /** The meeting fails its attendance rule unless someone present fills this line. */
  required: v.optional(v.boolean()),
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
  /** Every kind of meeting this one may not be merged into ("không lồng ghép"); "separate"
   *  alone means the regular meeting (004), 000 also names thematic conferences. */
  notMergedWith: v.optional(v.array(MergeKind)),
  /** Allowed forms of the meeting where the document leaves a choice (002). */
  formats: v.optional(v.array(Option)),
  minDurationMinutes: v.optional(PositiveInt),
  /** "0,5 ngày" (001): a working day is 8 hours, so half a day is one 4-hour session (buổi). */
  minDurationDays: v.optional(
    v.pipe(v.number(), v.minValue(0.5), v.multipleOf(0.5, "Số ngày phải là bội của 0,5.")),
  ),
  /** Sessions the step needs (003: "02 buổi"); a unit may always record more. */
  sessions: v.optional(PositiveInt),
  /** One session a month from the campaign's start (001, 002: "hằng tháng"). */
  recurrence: v.optional(v.picklist(["monthly"])),
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
// Excusals and routing

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

/** A body that reads routed plans (the "supervisor" role): the units whose body code is
 *  `body` and, when `level` is given, whose level is `level` (a ward's MTTQ does not read
 *  what the template routes to the district's). */
export const Supervisor = v.object({
  body: SupervisingBody,
  level: v.optional(Level),
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

// ---------------------------------------------------------------------------------------------
// Follow-up and reports

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
  /** The campaign's result as input to the year-end ranking of the tổ chức đảng and its
   *  members: each unit records it by 31/12 of the campaign's year. */
  yearEndRanking: v.optional(
    v.object({
      input: Text,
      appliesTo: v.optional(AppliesTo),
      cite: Cite,
      /** Each expected member's own input: how they carried out their plan (the commitment),
       *  self-assessed and recorded by the member, or by the cell's secretary on their behalf,
       *  by `dueOn` (moved with the campaign), else by 31/12 of the campaign's year (ICT).
       *  Read by worker/domain/year-end.ts: a dated obligation per member. */
      members: v.optional(v.object({ title: Text, dueOn: v.optional(IsoDate), cite: Cite })),
    }),
  ),
  /** Peaks and review points the document names, dated where it gives a date, or at the end
   *  of the half-year ("6 tháng đầu năm") or year ("cuối năm") it names. A dated one is owed
   *  by each unit (appliesTo, else every unit); an undated peak is guidance. */
  milestones: v.array(
    v.object({
      title: Text,
      date: v.optional(IsoDate),
      at: v.optional(v.picklist(["giua-nam", "cuoi-nam"])),
      appliesTo: v.optional(AppliesTo),
      cite: Cite,
    }),
  ),
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
// The template, and its variants

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

/**
 * Who issues the campaign's papers and where: the header's issuing body (top left of a
 * printed plan, minutes or report) and the place of the place-and-date line. A tenant's copy
 * takes them from the đảng bộ itself (worker/data/templates.ts cloneTemplate), so no copy
 * prints the seed's "Quận ủy Long Biên"; the built-ins carry none (the papers then use the
 * tenant's name). The source document (`source.issuer`) is provenance and is not printed.
 */
export const Issuing = v.object({
  /** "Đảng ủy phường Đức Giang". */
  body: v.pipe(Text, v.maxLength(200, "Tối đa 200 ký tự.")),
  /** "Đức Giang", as in "Đức Giang, ngày 05 tháng 3 năm 2026". */
  place: v.pipe(Text, v.maxLength(100, "Tối đa 100 ký tự.")),
});
export type Issuing = v.InferOutput<typeof Issuing>;

/** The document's own dates; a campaign's `dueOn` is read with `dueRule`. */
export const Schedule = v.object({
  startsOn: IsoDate,
  dueOn: IsoDate,
  dueRule: DueRule,
  cite: Cite,
});
export type Schedule = v.InferOutput<typeof Schedule>;

/** A document to read; `url` where it can be opened online (http(s) only). */
export const Material = v.object({
  title: Text,
  note: v.optional(Text),
  url: v.optional(TemplateUrl),
  cite: Cite,
});
export type Material = v.InferOutput<typeof Material>;

export const TemplateDefinition = v.object({
  key: Key,
  version: PositiveInt,
  name: Text,
  description: Text,
  source: Source,
  issuing: v.optional(Issuing),
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
