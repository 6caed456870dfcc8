// The template: a definition, or a variant stated as its differences from another (002 from
// 000; tenants' clones).
import * as v from "valibot";
import { FollowUp, Report } from "./followup";
import { Form, TemplateList } from "./forms";
import { MeetingRules } from "./meetings";
import { Excusals, ForwardingRule, PublicationRule, Routing, SupervisionRule } from "./routing";
import { Cite, DueRule, IsoDate, Key, PositiveInt, Text } from "./scalars";
import { Flow, Step } from "./steps";

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
