// The follow-up after a campaign (monthly reviews, periodic reports) and reports upward.
import * as v from "valibot";
import { Cite, IsoDate, Key, Text } from "./scalars";
import { AppliesTo } from "./steps";

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
