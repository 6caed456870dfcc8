// Where each unit of a campaign sits, and its target subtrees (the rollup's geometry): read
// once per campaign, in one batch that may ride on another (./rollup.ts).
import { eq } from "drizzle-orm";
import { campaignUnits } from "../../schema/tables/tenant";
import type { Campaign } from "../data/campaigns";
import type { TenantDb } from "../db/handles";
import { pathsOf, pathsQuery } from "./rollup-rows";

/** Where each unit sits, and the campaign's target units: read once per campaign. */
export interface Geometry {
  pathOf: Map<string, string>;
  targetIds: Set<string>;
}

export const geometryQueries = (db: TenantDb, c: Campaign) =>
  [
    db
      .select({ unitId: campaignUnits.unitId })
      .from(campaignUnits)
      .where(eq(campaignUnits.campaignId, c.id)),
    pathsQuery(db),
  ] as const;

export function geometryOf(
  targetIds: { unitId: string }[],
  paths: Awaited<ReturnType<typeof pathsQuery>>,
): Geometry {
  return { pathOf: pathsOf(paths), targetIds: new Set(targetIds.map((t) => t.unitId)) };
}

export async function loadGeometry(db: TenantDb, c: Campaign): Promise<Geometry> {
  const [targetIds, paths] = await db.batch(geometryQueries(db, c));
  return geometryOf(targetIds, paths);
}
