// Reads of the unit papers (minutes, report upward, summary table): the unit with the body
// above it for the header, and the signer. Only reads the screens already make: the
// campaign, the caller, the units of the caller's scope; a unit above the scope (a cell's
// đảng bộ bộ phận, out of its secretary's sight) gives way to the đảng bộ's name.
import { buildTree, subtreeIds } from "../../lib/tree";
import { query } from "@solidjs/router";
import { listUnits, type Me, type Unit } from "../../api";
import { getMe } from "../shell/shell.data";

export interface PaperUnit {
  me: Me;
  unit: Unit | null;
  /** The body above the unit: its parent where the caller sees it, else the đảng bộ; none
   *  above the root. */
  superior: string;
  units: Unit[];
}

export const getPaperUnit = query(async (tenant: string, unitId: string): Promise<PaperUnit> => {
  const [me, units] = await Promise.all([getMe(tenant), listUnits(tenant).catch(() => [])]);
  const unit = units.find((u) => u.id === unitId) ?? null;
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  // The root unit is the đảng bộ itself: the body above it is not in this tenant.
  const superior = parent?.name ?? (unit && !unit.parentId ? "" : me.tenant.name);
  return { me, unit, superior, units };
}, "paper-unit");

/** The caller's name where they are the unit's secretary: they sign; else a space to sign. */
export const signerName = (p: PaperUnit, unitId: string): string =>
  p.me.grants.some((g) => g.role === "secretary" && g.unitId === unitId) ? p.me.user.fullName : "";

/** Ids of the unit and every unit under it that the caller sees. */
export const subtreeOf = (units: readonly Unit[], rootId: string): Set<string> =>
  subtreeIds(buildTree(units), rootId);
