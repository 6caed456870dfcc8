// Where each unit of a campaign sits, and its target subtrees (the rollup's geometry): read
// once per campaign, in one batch that may ride on another (./rollup.ts).
import { eq } from "drizzle-orm";
import { campaignUnits, units } from "../../schema/tables/tenant";
import type { Campaign } from "../data/campaigns";
import type { TenantDb } from "../db/handles";

/** Where each unit sits, and the campaign's target subtrees: read once per campaign. */
export interface Geometry {
  pathOf: Map<string, string>;
  targetPaths: string[];
}

export const geometryQueries = (db: TenantDb, c: Campaign) =>
  [
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, c.id)),
    db.select({ id: units.id, path: units.path }).from(units),
  ] as const;

export function geometryOf(
  targetIds: { unitId: string }[],
  unitRows: { id: string; path: string }[],
): Geometry {
  const pathOf = new Map(unitRows.map((u) => [u.id, u.path]));
  return {
    pathOf,
    targetPaths: targetIds.map((t) => pathOf.get(t.unitId)).filter((p): p is string => !!p),
  };
}

export async function loadGeometry(db: TenantDb, c: Campaign): Promise<Geometry> {
  const [targetIds, unitRows] = await db.batch(geometryQueries(db, c));
  return geometryOf(targetIds, unitRows);
}
