// Excusals and routing: who is excused, who publishes, who supervises whom, what is forwarded.
import * as v from "valibot";
import { Cite, Key, MemberStatus, PositiveInt, Text } from "./scalars";
import { MemberFilter } from "./steps";

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
