// Adopting a parent's directive and adapting it: the child's own name, number and dates
// (inside the parent's deadline), its units, and the wording of every section the parent left
// unlocked. What the directive locks stays as issued — refused (422 SECTION_LOCKED, naming the
// section) at adoption and at every later edit of the campaign (campaign-edit.ts) — and the
// adapted definition is what the child republishes to its own children (only once adopted).
import { desc, eq } from "drizzle-orm";
import { issuingOf } from "../../schema/rules/issuing";
import { lockedChanges } from "../../schema/rules/locked";
import { directives } from "../../schema/tables/control";
import { campaigns } from "../../schema/tables/tenant";
import type { TemplateDefinition } from "../../schema/template";
import type { ControlDb, TenantDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { DomainError } from "../errors";
import { createCampaignFrom, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { directiveChain, refuseLaterThanParent, requireAdoptableDirective } from "./directives";
import { checkDefinition } from "./templates";

/** What a campaign may not leave: the definition it must keep in its locked sections (and
 *  identity), and the latest date it may end on (null: none, a campaign of the tenant's own). */
export interface Terms {
  lockedSections: string[];
  definition: unknown;
  dueOn: string | null;
}

/** The terms of a campaign: its directive's, read from the control plane (one row), or, for
 *  a campaign of the tenant's own, only its identity. */
export async function campaignTerms(
  control: ControlDb,
  campaign: Pick<Campaign, "directiveId" | "def">,
): Promise<Terms> {
  if (!campaign.directiveId) return { lockedSections: [], definition: campaign.def, dueOn: null };
  const [d] = await control
    .select({
      locked: directives.lockedSections,
      def: directives.definition,
      dueOn: directives.dueOn,
    })
    .from(directives)
    .where(eq(directives.id, campaign.directiveId))
    .limit(1);
  // The directive row is never deleted; were it gone, nothing but identity can be held.
  if (!d) return { lockedSections: [], definition: campaign.def, dueOn: null };
  return {
    lockedSections: JSON.parse(d.locked) as string[],
    definition: JSON.parse(d.def) as unknown,
    dueOn: d.dueOn,
  };
}

/** The definition `next` if it keeps every locked section (else 422 SECTION_LOCKED, one
 *  field per section) and is sound in the template language; the terms' own when left out. */
export function adaptDefinition(terms: Terms, next: unknown): TemplateDefinition {
  if (next === undefined) return terms.definition as TemplateDefinition;
  const fields = lockedChanges(terms.lockedSections, terms.definition, next);
  if (Object.keys(fields).length)
    throw new DomainError("SECTION_LOCKED", Object.values(fields).join(" "), fields);
  return checkDefinition(next);
}

/** Dates of a campaign under `terms`: no later than the directive's deadline. */
export function refuseOutsideTerms(
  terms: Terms,
  dates: { dueOn: string; overrides?: Record<string, string> },
) {
  if (terms.dueOn) refuseLaterThanParent({ dueOn: terms.dueOn }, dates);
}

export interface AdaptInput {
  unitIds: string[];
  name?: string;
  documentNo?: string;
  startsOn?: string;
  dueOn?: string;
  overrides?: Record<string, string>;
  definition?: Record<string, unknown>;
}

/** The adopting đảng bộ issues its own plan ("Kế hoạch 187-KH/QU của Quận ủy"), so its
 *  papers carry its own body and place: an `issuing` kept as it came down from `parent` (or
 *  left out) becomes `own` (at adoption the tenant's; at a later edit the campaign's as it
 *  stands); one the adapter wrote differently stays as written. */
export function ownIssuing(
  def: TemplateDefinition,
  parent: unknown,
  own: TemplateDefinition["issuing"],
): TemplateDefinition {
  const theirs = (parent as Partial<TemplateDefinition>).issuing;
  if (def.issuing && JSON.stringify(def.issuing) !== JSON.stringify(theirs)) return def;
  return own ? { ...def, issuing: own } : def;
}

/** A draft campaign of this tenant carrying out a parent's directive, adapted. */
export async function adoptDirective(
  ctx: Ctx,
  control: ControlDb,
  input: AdaptInput & { tenant: TenantRecord; id: string },
) {
  const directive = await requireAdoptableDirective(control, input);
  const { lockedSections, definition, dueOn: parentDue } = directive;
  const terms: Terms = { lockedSections, definition, dueOn: parentDue };
  const dueOn = input.dueOn ?? directive.dueOn;
  refuseOutsideTerms(terms, { dueOn, overrides: input.overrides });
  const def = ownIssuing(
    adaptDefinition(terms, input.definition),
    definition,
    issuingOf(input.tenant.name),
  );
  const created = await createCampaignFrom(ctx, {
    def,
    directiveId: directive.id,
    name: input.name ?? directive.name,
    documentNo: input.documentNo ?? directive.documentNo ?? undefined,
    startsOn: input.startsOn ?? directive.startsOn,
    dueOn,
    overrides: input.overrides,
    unitIds: input.unitIds,
  });
  return { ...created, chain: await directiveChain(control, directive.id) };
}

/** The definition this tenant adopted a directive with (its latest adoption, as last edited)
 *  — what it passes down when it republishes. Not adopted yet: 409, a level passes on only
 *  what it carries out itself. */
export async function requireAdoptedDefinition(
  db: TenantDb,
  directiveId: string,
): Promise<TemplateDefinition> {
  const [row] = await db
    .select({ definition: campaigns.definition })
    .from(campaigns)
    .where(eq(campaigns.directiveId, directiveId))
    .orderBy(desc(campaigns.createdAt))
    .limit(1);
  if (!row)
    throw new DomainError(
      "INVALID_STATE",
      "Cần áp dụng văn bản này thành đợt sinh hoạt của đảng bộ trước khi chuyển xuống cấp dưới.",
    );
  return JSON.parse(row.definition) as TemplateDefinition;
}
