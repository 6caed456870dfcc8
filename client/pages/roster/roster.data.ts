// Reads of a unit's roster /t/:tenant/don-vi/:unitId. The filter lives in the URL
// (?q=&trang-thai=&truc-thuoc=1) so a search can be shared, reloaded and undone with Back.
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { listMembers, type MemberFilter, type MemberStatus } from "../../api";
import { getUnits } from "../units/units.data";

export const getUnitMembers = query(listMembers, "unit-members");

type Search = Partial<Record<string, string | string[]>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The roster filter from the route's params and search; also the query's cache key. */
export function rosterFilter(unitId: string, search: Search): MemberFilter {
  return {
    unitId,
    q: one(search.q).trim(),
    status: one(search["trang-thai"]) as MemberStatus | "",
    includeSubtree: one(search["truc-thuoc"]) === "1",
  };
}

export function preloadRoster(args: RoutePreloadFuncArgs): Promise<unknown> {
  const tenant = args.params.tenant ?? "";
  return Promise.all([
    getUnits(tenant),
    getUnitMembers(tenant, rosterFilter(args.params.unitId ?? "", args.location.query)),
  ]);
}
