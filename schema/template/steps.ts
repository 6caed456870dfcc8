// Who a step or rule applies to, deadlines, and the steps themselves.
import * as v from "valibot";
import { Owner } from "../vocab/step-kinds";
import {
  Cite,
  DueRule,
  Int,
  IsoDate,
  Key,
  MemberStatus,
  StepKind,
  Text,
  UnitKind,
} from "./scalars";

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
  cite: Cite,
});
export type Step = v.InferOutput<typeof Step>;

export const Flow = v.object({ key: Key, title: Text, cite: Cite });
export type Flow = v.InferOutput<typeof Flow>;
