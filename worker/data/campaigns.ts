// Campaigns: created from a template (its definition frozen into the row), launched onto
// target subtrees (launch.ts), measured (progress.ts) and closed. This module holds the row
// itself, its lifecycle outside the launch, and the facts of its definition the other
// campaign modules read (due dates, the tracked step, the member forms).
import { desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { launchBlockers, type Step, type TemplateDefinition } from "../../schema/template";
import { campaignUnits, campaigns, units } from "../../schema/tables/tenant";
import type { ControlDb, TenantDb } from "../db/handles";
import { perHandle } from "../db/prepared";
import { DueDateError, resolveStepDueDates } from "../domain/deadlines";
import { inScope } from "../domain/scope";
import { DomainError, notFound } from "../errors";
import { auditInsert } from "./audit";
import type { Ctx } from "./context";
import { directiveChain } from "./directives";
import { newId } from "./ids";
import { requireTemplate } from "./templates";
import { requireUnitInScope, requireUnitsInScope } from "./units";

export type CampaignRow = typeof campaigns.$inferSelect;

export interface Campaign extends Omit<CampaignRow, "definition" | "overrides"> {
  def: TemplateDefinition;
  overrides: Record<string, string>;
}

export const hydrateCampaign = (row: CampaignRow): Campaign => {
  const { definition, overrides, ...rest } = row;
  return {
    ...rest,
    def: JSON.parse(definition) as TemplateDefinition,
    overrides: overrides ? (JSON.parse(overrides) as Record<string, string>) : {},
  };
};

/**
 * The campaign, its definition parsed. A campaign's definition and overrides are written
 * once, when it is created; the parsed ones are kept per tenant handle by id and version
 * (frozen: shared by every request), and the row is read with its definition's text only
 * when the kept one is not of its version — a dashboard read does not parse 30 KB of JSON
 * each time. One statement either way.
 */
/** The campaign's row by id, its definition's and overrides' text only when the kept
 *  version (`at`) is not the row's: built once per handle (db/prepared.ts). */
const campaignRow = perHandle((db) => {
  const at = sql.placeholder("at");
  return db
    .select({
      ...getTableColumns(campaigns),
      definition: sql<
        string | null
      >`CASE WHEN ${campaigns.version} = ${at} THEN NULL ELSE ${campaigns.definition} END`,
      overrides: sql<
        string | null
      >`CASE WHEN ${campaigns.version} = ${at} THEN NULL ELSE ${campaigns.overrides} END`,
    })
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder("id")))
    .limit(1)
    .prepare();
});

export async function requireCampaign(db: TenantDb, id: string): Promise<Campaign> {
  const known = parsedOf(db).get(id);
  const [row] = await campaignRow(db).all({ id, at: known?.version ?? -1 });
  if (!row) throw notFound("Không tìm thấy đợt sinh hoạt.");
  if (known && row.version === known.version) {
    const { definition: _d, overrides: _o, ...rest } = row;
    return { ...rest, def: known.def, overrides: known.overrides };
  }
  const c = hydrateCampaign({ ...row, definition: row.definition! });
  const kept = parsedOf(db);
  kept.delete(id);
  kept.set(id, { version: c.version, def: deepFreeze(c.def), overrides: deepFreeze(c.overrides) });
  if (kept.size > PARSED_KEPT) kept.delete(kept.keys().next().value!);
  return c;
}

/** Parsed definitions kept per tenant handle (the most recently read PARSED_KEPT). */
const parsed = new WeakMap<
  TenantDb,
  Map<string, { version: number; def: TemplateDefinition; overrides: Record<string, string> }>
>();
const PARSED_KEPT = 32;
const parsedOf = (db: TenantDb) => parsed.get(db) ?? parsed.set(db, new Map()).get(db)!;

/** `value` and everything in it made read-only: a value shared by requests. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function listCampaigns(db: TenantDb) {
  const rows = await db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      templateKey: campaigns.templateKey,
      templateVersion: campaigns.templateVersion,
      documentNo: campaigns.documentNo,
      startsOn: campaigns.startsOn,
      dueOn: campaigns.dueOn,
      status: campaigns.status,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.createdAt));
  return rows;
}

/** Whether a unit (by its path) lies in one of the campaign's target subtrees. One join:
 *  the target units' paths, each a prefix test. */
async function inCampaignTargets(
  db: TenantDb,
  campaignId: string,
  unitPath: string,
): Promise<boolean> {
  const targets = await targetPathsQuery(db, [campaignId]);
  return targets.some((t) => unitPath.startsWith(t.path));
}

/** The target units' paths of `campaignIds` (a unit lies in a campaign when one is a prefix
 *  of its path): a query, so it can share a batch. */
export const targetPathsQuery = (db: TenantDb, campaignIds: string[]) =>
  db
    .select({ campaignId: campaignUnits.campaignId, path: units.path })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(inArray(campaignUnits.campaignId, campaignIds));

/** The unit, if it is in both the caller's scope and the campaign's target subtrees. */
export async function requireCampaignUnit(
  { db, scope }: Pick<Ctx, "db" | "scope">,
  input: { campaign: Pick<Campaign, "id">; unitId: string },
) {
  const unit = await requireUnitInScope(db, input.unitId, scope);
  if (!(await inCampaignTargets(db, input.campaign.id, unit.path)))
    throw notFound("Đơn vị không thuộc đợt sinh hoạt này.");
  return unit;
}

/** The open units of the campaign's target subtrees that lie in `scope`, in table order:
 *  who owes reports and meetings, as the reader may see them. */
export async function openUnitsInScope(
  { db, scope }: Pick<Ctx, "db" | "scope">,
  campaign: Pick<Campaign, "id">,
) {
  const [targetIds, all] = await db.batch([
    campaignUnitIdsQuery(db, campaign.id),
    db.select().from(units),
  ]);
  return openUnitsOf(
    all,
    targetIds.map((t) => t.unitId),
    scope,
  );
}

/** The open units of the target subtrees (`targetIds`) within `scope`, from every unit. */
export function openUnitsOf<U extends { id: string; path: string; closedOn: string | null }>(
  all: U[],
  targetIds: string[],
  scope: Ctx["scope"],
): U[] {
  const targets = all.filter((u) => targetIds.includes(u.id));
  return all.filter(
    (u) => !u.closedOn && targets.some((t) => u.path.startsWith(t.path)) && inScope(scope, u.path),
  );
}

/** A campaign's target units' ids (a query, so it can share a batch). */
export const campaignUnitIdsQuery = (db: TenantDb, campaignId: string) =>
  db
    .select({ unitId: campaignUnits.unitId })
    .from(campaignUnits)
    .where(eq(campaignUnits.campaignId, campaignId));

export async function campaignUnitIds(db: TenantDb, campaignId: string): Promise<string[]> {
  return (await campaignUnitIdsQuery(db, campaignId)).map((r) => r.unitId);
}

/** The due dates last worked out for a kept (frozen) definition, with what they came from:
 *  every request on a campaign asks, and a dashboard's answer is a few microseconds. */
const dueKept = new WeakMap<
  TemplateDefinition,
  { startsOn: string; dueOn: string; overrides: object; due: Readonly<Record<string, Date>> }
>();

/** Due instant of every dated step; a broken date in the campaign is a 422, not a 500. */
export function stepDueDates(
  c: Pick<Campaign, "def" | "startsOn" | "dueOn" | "overrides">,
): Readonly<Record<string, Date>> {
  const kept = dueKept.get(c.def);
  if (
    kept &&
    kept.startsOn === c.startsOn &&
    kept.dueOn === c.dueOn &&
    kept.overrides === c.overrides
  )
    return kept.due;
  let due: Record<string, Date>;
  try {
    due = resolveStepDueDates(c.def, {
      startsOn: c.startsOn,
      dueOn: c.dueOn,
      overrides: c.overrides,
    });
  } catch (err) {
    if (err instanceof DueDateError)
      throw new DomainError("INVALID_BODY", err.message, { dueOn: err.message });
    throw err;
  }
  // Only a kept definition (frozen, shared by requests, never changed) is remembered.
  if (Object.isFrozen(c.def) && Object.isFrozen(c.overrides))
    dueKept.set(c.def, {
      startsOn: c.startsOn,
      dueOn: c.dueOn,
      overrides: c.overrides,
      due: Object.freeze(due),
    });
  return due;
}

/** The member step progress counts: the personal plan where there is one, else another
 *  member form, else the first member step (CT 24's members only attend: they are counted
 *  as expected or excused, and nothing is "submitted"). */
export function trackedStep(def: TemplateDefinition): Step | null {
  const memberSteps = def.steps.filter((s) => s.owner === "member");
  const withForm = memberSteps.filter((s) => s.formKey);
  for (const kind of ["personal-plan", "self-assessment", "commitment"]) {
    const s = withForm.find((x) => x.kind === kind);
    if (s) return s;
  }
  return withForm[0] ?? memberSteps[0] ?? null;
}

/** Member forms of a campaign (distinct form keys used by member steps). */
export const memberFormKeys = (def: TemplateDefinition) => [
  ...new Set(def.steps.filter((s) => s.owner === "member" && s.formKey).map((s) => s.formKey!)),
];

/** What a reader of one campaign sees: its definition, each step's deadline, its units. */
export async function campaignDetail(db: TenantDb, campaign: Campaign) {
  const due = stepDueDates(campaign);
  return {
    id: campaign.id,
    name: campaign.name,
    documentNo: campaign.documentNo,
    status: campaign.status,
    templateKey: campaign.templateKey,
    templateVersion: campaign.templateVersion,
    /** The row's version: a draft's refresh from its template sends it back (409 if stale). */
    version: campaign.version,
    /** Why a draft cannot launch yet (empty when it can, and for launched campaigns). */
    launchBlockers: campaign.status === "draft" ? launchBlockers(campaign.def) : [],
    startsOn: campaign.startsOn,
    dueOn: campaign.dueOn,
    /** Steps' own dates (step key → yyyy-mm-dd), as the draft's edit sends them back. */
    overrides: campaign.overrides,
    unitIds: await campaignUnitIds(db, campaign.id),
    steps: campaign.def.steps.map((s) => ({
      key: s.key,
      title: s.title,
      owner: s.owner,
      kind: s.kind,
      formKey: s.formKey ?? null,
      dueAt: due[s.key] ?? null,
    })),
    definition: campaign.def,
  };
}

export interface CampaignInput {
  templateKey: string;
  templateVersion?: number;
  name: string;
  documentNo?: string;
  startsOn: string;
  dueOn: string;
  unitIds: string[];
  overrides?: Record<string, string>;
}

export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  const { templateKey, templateVersion, ...rest } = input;
  const { def } = await requireTemplate(ctx.db, { key: templateKey, version: templateVersion });
  return createCampaignFrom(ctx, { ...rest, def, directiveId: null });
}

/** A campaign on a given definition: a template's, or a parent's directive adopted. */
export async function createCampaignFrom(
  { db, scope, actor, now }: Ctx,
  input: Omit<CampaignInput, "templateKey" | "templateVersion"> & {
    def: TemplateDefinition;
    directiveId: string | null;
  },
) {
  const { def } = input;
  if (input.dueOn < input.startsOn)
    throw new DomainError("INVALID_BODY", "Ngày kết thúc phải sau ngày bắt đầu.", {
      dueOn: "Phải sau ngày bắt đầu.",
    });
  await requireUnitsInScope(db, input.unitIds, scope);
  const row = {
    id: newId(),
    templateKey: def.key,
    templateVersion: def.version,
    definition: JSON.stringify(def),
    name: input.name,
    documentNo: input.documentNo ?? null,
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    overrides: input.overrides ? JSON.stringify(input.overrides) : null,
    status: "draft" as const,
    directiveId: input.directiveId,
    createdBy: actor.actorUserId,
    createdAt: now,
    updatedAt: now,
  };
  stepDueDates({ def, startsOn: row.startsOn, dueOn: row.dueOn, overrides: input.overrides ?? {} });
  await db.batch([
    db.insert(campaigns).values(row),
    db
      .insert(campaignUnits)
      .values([...new Set(input.unitIds)].map((unitId) => ({ campaignId: row.id, unitId }))),
    auditInsert(
      db,
      {
        ...actor,
        action: "campaign.create",
        entity: "campaign",
        entityId: row.id,
        after: {
          name: row.name,
          templateKey: def.key,
          templateVersion: def.version,
          unitIds: input.unitIds,
        },
      },
      now,
    ),
  ]);
  return { id: row.id, status: row.status };
}

export async function closeCampaign({ db, actor, now }: Ctx, id: string) {
  const c = await requireCampaign(db, id);
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Chỉ kết thúc được đợt sinh hoạt đang diễn ra.");
  await db.batch([
    db
      .update(campaigns)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(eq(campaigns.id, id)),
    auditInsert(db, { ...actor, action: "campaign.close", entity: "campaign", entityId: id }, now),
  ]);
  return { id, status: "closed" as const };
}

/** The directives a campaign carries out, nearest first ("thực hiện Kế hoạch 187-KH/QU của
 *  Quận ủy, thực hiện Chỉ thị 24-CT/TU của Thành ủy"); empty for one of this tenant's own. */
export const campaignChain = (control: ControlDb, campaign: Pick<Campaign, "directiveId">) =>
  directiveChain(control, campaign.directiveId);

/** Records are written only while the campaign runs (not a draft, not closed). */
export function requireActiveCampaign(c: Pick<Campaign, "status">): void {
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt không còn diễn ra.");
}
