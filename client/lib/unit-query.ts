// A campaign's figures for one unit as a cached query. The pages keep the unit in the URL,
// where "" means none chosen: the reader's whole subtree, which the API reads as no unitId.
import { query } from "@solidjs/router";

export const unitQuery = <T>(
  read: (tenant: string, campaignId: string, unitId?: string) => Promise<T>,
  name: string,
) =>
  query(
    (tenant: string, campaignId: string, unitId: string): Promise<T> =>
      read(tenant, campaignId, unitId || undefined),
    name,
  );
