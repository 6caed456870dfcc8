// The figures of a tenant's whole subtree of linked tenants, read from the rollups each
// tenant's cron pushed to the control plane — no tenant opens another's database, and only
// counts cross (no names, no plan text). The tree is walked from the current approved links
// at read time, one level per round trip, so revoking a link anywhere removes that branch
// from every level above at once: nothing is copied upward.
import { inArray } from "drizzle-orm";
import { COUNT_KEYS } from "../../schema/rules/counts";
import { directives, rollups } from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { chainUp, directivesUp } from "./directives";
import { descendantLevels } from "./links";

/** The rollup's figure columns: the progress counts and the cell's work. */
export const FIELDS = [
  ...COUNT_KEYS,
  "meetingsHeld",
  "meetingsCompliant",
  "reportsOnTime",
] as const;
export type Figures = Record<(typeof FIELDS)[number], number>;
const zero = (): Figures => Object.fromEntries(FIELDS.map((k) => [k, 0])) as Figures;
const add = (a: Figures, b: Figures) => {
  for (const k of FIELDS) a[k] += b[k];
};

/** A subtree total for one of the reader's own directives (or `null`: campaigns that derive
 *  from none of them), with the oldest rollup time it sums. */
export interface DirectiveTotal extends Figures {
  directiveId: string | null;
  directiveName: string | null;
  oldestComputedAt: Date | null;
}

export interface ChildNode {
  tenant: { slug: string; name: string };
  campaigns: (Figures & {
    name: string;
    templateKey: string;
    directiveId: string | null;
    directiveName: string | null;
    computedAt: Date;
  })[];
  /** This tenant's own campaigns plus every descendant's, by the reader's directive. */
  totals: DirectiveTotal[];
  children: ChildNode[];
}

/** Each approved child with its campaigns' figures and its own children, to any depth. */
export async function childrenProgress(
  control: ControlDb,
  reader: TenantRecord,
): Promise<ChildNode[]> {
  const levels = await descendantLevels(control, reader.id);
  type Row = (typeof levels)[number][number];
  const ids = levels.flat().map((r) => r.id);
  if (!ids.length) return [];
  const figures = await control.select().from(rollups).where(inArray(rollups.childId, ids));
  // Every directive the subtree's campaigns name, to map each to the reader's own directive
  // it republishes (a directive's chain only goes up, through `sourceId`).
  const named = figures.map((f) => f.directiveId).filter((d): d is string => !!d);
  const dirs = await directivesUp(named, (want) =>
    control
      .select({
        id: directives.id,
        name: directives.name,
        parentId: directives.parentId,
        sourceId: directives.sourceId,
      })
      .from(directives)
      .where(inArray(directives.id, want)),
  );
  const readerDirective = (id: string | null): string | null =>
    chainUp(dirs, id).find((d) => d.parentId === reader.id)?.id ?? null;

  const build = (row: Row, depth: number): ChildNode => {
    const campaigns = figures
      .filter((f) => f.childId === row.id)
      .map((f) => ({
        name: f.name,
        templateKey: f.templateKey,
        directiveId: f.directiveId,
        directiveName: f.directiveId ? (dirs.get(f.directiveId)?.name ?? null) : null,
        ...Object.fromEntries(FIELDS.map((k) => [k, f[k]])),
        computedAt: f.computedAt,
      })) as ChildNode["campaigns"];
    const children = (levels[depth + 1] ?? [])
      .filter((r) => r.parentId === row.id)
      .map((r) => build(r, depth + 1));
    const totals = new Map<string | null, DirectiveTotal>();
    const into = (directiveId: string | null, f: Figures, at: Date | null) => {
      const t =
        totals.get(directiveId) ??
        totals
          .set(directiveId, {
            directiveId,
            directiveName: directiveId ? (dirs.get(directiveId)?.name ?? null) : null,
            ...zero(),
            oldestComputedAt: null,
          })
          .get(directiveId)!;
      add(t, f);
      if (at && (!t.oldestComputedAt || at < t.oldestComputedAt)) t.oldestComputedAt = at;
    };
    for (const c of campaigns) into(readerDirective(c.directiveId), c, c.computedAt);
    for (const child of children)
      for (const t of child.totals) into(t.directiveId, t, t.oldestComputedAt);
    return {
      tenant: { slug: row.slug, name: row.name },
      campaigns,
      totals: [...totals.values()],
      children,
    };
  };
  return (levels[0] ?? []).map((r) => build(r, 0));
}
