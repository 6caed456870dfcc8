// A draft campaign edited before launch: its name, number, dates, units and the wording of its
// definition. A campaign adopting a parent's directive stays inside the directive's terms
// (adapt.ts): its locked sections unchanged, its dates no later than the parent's deadline.
// A stale edit (409) and a refused one change nothing and log nothing.
import { and, eq, sql } from "drizzle-orm";
import type { CampaignEditBody } from "../../schema/api-links";
import { campaignUnits, campaigns } from "../../schema/tables/tenant";
import type { ControlDb } from "../db/handles";
import { DomainError, versionConflict } from "../errors";
import { adaptDefinition, campaignTerms, ownIssuing, refuseOutsideTerms } from "./adapt";
import { auditInsertIf } from "./audit";
import { requireCampaign, stepDueDates } from "./campaigns";
import type { Ctx } from "./context";
import { requireUnitsInScope } from "./units";

export async function editCampaign(
  ctx: Ctx,
  control: ControlDb,
  input: CampaignEditBody & { id: string },
) {
  const { db, scope, actor, now } = ctx;
  const c = await requireCampaign(db, input.id);
  if (c.status !== "draft")
    throw new DomainError("INVALID_STATE", "Chỉ sửa được đợt sinh hoạt chưa phát động.");
  if (c.version !== input.version) throw versionConflict();
  const terms = await campaignTerms(control, c);
  // The campaign keeps its own issuing body and place unless the edit writes others.
  const def =
    input.definition === undefined
      ? c.def
      : ownIssuing(adaptDefinition(terms, input.definition), terms.definition, c.def.issuing);
  const next = {
    name: input.name ?? c.name,
    documentNo: input.documentNo === undefined ? c.documentNo : input.documentNo,
    startsOn: input.startsOn ?? c.startsOn,
    dueOn: input.dueOn ?? c.dueOn,
    overrides: input.overrides ?? c.overrides,
  };
  refuseOutsideTerms(terms, next);
  if (next.dueOn < next.startsOn)
    throw new DomainError("INVALID_BODY", "Ngày kết thúc phải sau ngày bắt đầu.", {
      dueOn: "Phải sau ngày bắt đầu.",
    });
  stepDueDates({ def, ...next });
  await requireUnitsInScope(db, input.unitIds ?? [], scope);
  // Everything holds only while the row is still the draft at the version the caller read:
  // the units are replaced first under that condition, then the row moves on.
  const holds = sql`EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.id} = ${c.id} AND ${campaigns.version} = ${c.version} AND ${campaigns.status} = 'draft')`;
  const unitIds = input.unitIds ? [...new Set(input.unitIds)] : null;
  // The audit row: each field that moved, before → after (the definition only as "changed").
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of ["name", "documentNo", "startsOn", "dueOn", "overrides"] as const)
    if (JSON.stringify(next[k]) !== JSON.stringify(c[k])) [before[k], after[k]] = [c[k], next[k]];
  if (unitIds) after.unitIds = unitIds;
  if (input.definition !== undefined) after.definitionChanged = true;
  const [, , updated] = await db.batch([
    db
      .delete(campaignUnits)
      .where(and(eq(campaignUnits.campaignId, c.id), unitIds ? holds : sql`0`)),
    db.run(sql`INSERT INTO ${campaignUnits} (campaign_id, unit_id)
      SELECT ${c.id}, value FROM json_each(${JSON.stringify(unitIds ?? [])}) WHERE ${holds}`),
    db
      .update(campaigns)
      .set({
        ...next,
        overrides: Object.keys(next.overrides).length ? JSON.stringify(next.overrides) : null,
        definition: JSON.stringify(def),
        version: c.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(campaigns.id, c.id),
          eq(campaigns.version, c.version),
          eq(campaigns.status, "draft"),
        ),
      )
      .returning({ id: campaigns.id, version: campaigns.version }),
    auditInsertIf(
      db,
      { ...actor, action: "campaign.edit", entity: "campaign", entityId: c.id, before, after },
      now,
      sql`changes() = 1`,
    ),
  ]);
  if (!updated[0]) throw versionConflict();
  return updated[0];
}
