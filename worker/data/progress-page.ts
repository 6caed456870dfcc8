// The progress page (issues 13 and 15): one page of the tree — the anchor unit's own counts
// and each direct child's subtree — read from the stored per-unit figures
// (progress-figures.ts), brought up to date first. A page costs O(children) rows whatever
// the tenant's size: the root of a 500,000-member tenant reads its few dozen children's sums.
import { inArray, isNull, sql } from "drizzle-orm";
import { progressFigures, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import {
  addCounts,
  fromStored,
  zeroCounts,
  type Counts,
  type StoredCounts,
} from "../domain/progress";
import { deepFreeze } from "./campaigns";
import { refreshFigures } from "./progress-figures";
import { COLS, KEYS } from "./progress-rebuild";
import type { ProgressInput, ReadCtx, UnitProgress } from "./progress";
import { requireUnitInScope } from "./units";

/** A row of the progress page: a unit's counts and how many units sit directly under it
 *  (the client drills down where it is non-zero). */
export interface UnitProgressRow extends UnitProgress {
  childCount: number;
}

/** Where the page is anchored: the `unitId` asked for, else the reader's scope roots (the
 *  tenant's root for an admin). */
export async function anchorsOf(
  { db, scope }: ReadCtx,
  unitId: string | undefined,
): Promise<{ id: string; path: string }[]> {
  if (unitId) return [await requireUnitInScope(db, unitId, scope)];
  if (scope.all)
    // The root has no parent: found off the parent index, where `depth = 0` has none.
    return db.select({ id: units.id, path: units.path }).from(units).where(isNull(units.parentId));
  return scope.paths.map((path) => ({ id: path.split("/").at(-2)!, path }));
}

/**
 * Progress of the campaign's tracked member form for one page of the tree: never every unit
 * at once. Anchored at one unit (`unitId`, or the reader's single scope root), the rows are
 * that unit's own counts (members counted in it directly) and each direct child's
 * whole-subtree counts; with several scope roots, each root's subtree counts. So a client
 * summing a row's subtree from the rows it has gets the subtree's figures. Rows with nobody
 * counted (no member expected or excused) are left out.
 */
export async function campaignProgress(ctx: ReadCtx, input: ProgressInput) {
  const { db, now, scope } = ctx;
  const c = input.campaign;
  // The page's stored rows are kept per tenant handle, reader's scope and anchor, under the
  // figures' state they were read at: while nothing moves a repeated read (a dashboard open
  // in many browsers) costs only the state's one statement. The anchor's scope check is part
  // of the key (the scope) and of the first read.
  const { known, keep } = shelf(db, c.id, input.unitId, scope);
  const [anchors, { dueAt, evaluatedOn, tracked, fresh }] = await Promise.all([
    known ? null : anchorsOf(ctx, input.unitId),
    refreshFigures(db, c, now),
  ]);
  let page: KeptPage;
  if (known && fresh && known.state === fresh) page = known;
  else {
    const list = anchors ?? (await anchorsOf(ctx, input.unitId));
    const single = list.length === 1 ? list[0]! : null;
    page = {
      state: fresh,
      anchorId: single?.id ?? null,
      stored: !tracked
        ? []
        : await storedPage(
            db,
            c.id,
            single ? { anchor: single.id } : { subtreesOf: list.map((a) => a.id) },
          ),
    };
    keep(fresh ? page : undefined);
  }
  // The answer is the page's rows read at `now`: it changes only when the due instant
  // passes. Kept with the page, frozen, so its JSON text is made once too (compress.ts).
  const phase = dueAt !== null && now >= dueAt ? "due" : "open";
  const kept = page.answers?.[phase];
  if (kept) return kept;
  const answer = deepFreeze(pageAnswer(page, { dueAt, evaluatedOn, now }));
  if (page.state !== undefined) (page.answers ??= {})[phase] = answer;
  return answer;
}

/** The page's rows counted at `now`, and their totals. */
function pageAnswer(
  { stored, anchorId }: KeptPage,
  { dueAt, evaluatedOn, now }: { dueAt: Date | null; evaluatedOn: string; now: Date },
) {
  const totals: Counts = zeroCounts();
  const rows: UnitProgressRow[] = [];
  for (const { unitId, childCount, ...s } of stored) {
    if (s.expected + s.excused === 0) continue;
    const counts = fromStored(s, dueAt, now);
    addCounts(totals, counts);
    rows.push({ unitId, ...counts, childCount });
  }
  return { dueAt, evaluatedOn, unitId: anchorId, totals, units: rows };
}

/** A page's stored rows as read under the figures' state `state`. */
interface KeptPage {
  state: string | undefined;
  anchorId: string | null;
  stored: StoredRow[];
  /** The answers made from it, before and after the due instant. */
  answers?: Partial<Record<"open" | "due", ReturnType<typeof pageAnswer>>>;
}

const shelf = pageShelf<KeptPage>();
const PAGES_KEPT = 16;

/** Pages kept per tenant handle, campaign, anchor and reader's scope (at most PAGES_KEPT a
 *  handle, the oldest dropped first): `known` is the page kept, `keep` replaces it (none:
 *  forgets it). */
export function pageShelf<V>() {
  const kept = new WeakMap<TenantDb, Map<string, V>>();
  return (
    db: TenantDb,
    campaignId: string,
    unitId: string | undefined,
    scope: ReadCtx["scope"],
  ) => {
    const pages = kept.get(db) ?? kept.set(db, new Map()).get(db)!;
    const key = `${campaignId}|${unitId ?? ""}|${scope.all ? "*" : scope.paths.join(",")}`;
    return {
      known: pages.get(key),
      keep(page: V | undefined) {
        pages.delete(key);
        if (page) pages.set(key, page);
        if (pages.size > PAGES_KEPT) pages.delete(pages.keys().next().value!);
      },
    };
  };
}

const storedOf = (prefix: "own" | "sub") => COLS.map((c) => sql.raw(`f.${prefix}_${c}`));

export interface StoredRow extends StoredCounts {
  unitId: string;
  childCount: number;
}

/** A page's stored rows in one statement, each with its number of children: the `anchor`'s
 *  own counts and its children's subtree sums, or each of `subtreesOf`'s subtree sums. */
export async function storedPage(
  db: TenantDb,
  campaignId: string,
  q: { anchor: string } | { subtreesOf: string[] },
): Promise<StoredRow[]> {
  const [own, sub] = [storedOf("own"), storedOf("sub")];
  const picked =
    "anchor" in q
      ? KEYS.map(
          (k, i) =>
            sql`CASE WHEN ${units.id} = ${q.anchor} THEN ${own[i]} ELSE ${sub[i]} END AS ${sql.identifier(k)}`,
        )
      : KEYS.map((k, i) => sql`${sub[i]} AS ${sql.identifier(k)}`);
  const where =
    "anchor" in q
      ? sql`${units.id} = ${q.anchor} OR ${units.parentId} = ${q.anchor}`
      : inArray(units.id, q.subtreesOf.length ? q.subtreesOf : [""]);
  const rows = await db.all<Record<string, number | string>>(sql`
    SELECT ${units.id} AS unitId, ${sql.join(picked, sql`, `)},
      (SELECT count(*) FROM ${units} k WHERE k.parent_id = ${units.id}) AS childCount
    -- CROSS JOIN fixes the order: the page's few units first, then each one's figures by key
    -- (else the planner may walk every figure row of the campaign).
    FROM ${units} CROSS JOIN ${progressFigures} f
      ON f.campaign_id = ${campaignId} AND f.unit_id = ${units.id}
    WHERE ${where}`);
  return rows.map((r) => ({
    unitId: String(r.unitId),
    childCount: Number(r.childCount),
    ...(Object.fromEntries(KEYS.map((k) => [k, Number(r[k])])) as unknown as StoredCounts),
  }));
}
