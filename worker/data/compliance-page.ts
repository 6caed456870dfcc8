// The compliance page (issue 13): one page of the tree read from the stored marks
// (compliance-figures.ts), brought up to date first — the anchor unit (`unitId`, else the
// reader's scope root) and its direct children, each with its own marks (rule, label, status,
// reason) and its subtree's counts per rule; the summary is the anchor's subtree. A page costs
// O(children × rules) rows whatever the tenant's size; drill down with ?unitId=. `labels`
// names each rule the page counts (a unit's marks may not carry all of them).
import { sql } from "drizzle-orm";
import { complianceFigures, units } from "../../schema/tables/tenant";
import type { MarkStatus, MarkSummary } from "../domain/compliance";
import type { UnitCompliance } from "./compliance";
import { refreshCompliance } from "./compliance-figures";
import type { ProgressInput, ReadCtx } from "./progress";
import { anchorsOf, pageShelf } from "./progress-page";

export interface UnitComplianceRow extends UnitCompliance {
  /** Units directly under it (the client drills down where it is non-zero). */
  childCount: number;
  /** The marks of the unit and every unit below it, per rule. */
  subtree: MarkSummary;
}

interface Row {
  unitId: string;
  unitName: string;
  childCount: number;
  rule: string;
  label: string;
  status: MarkStatus | null;
  reason: string | null;
  step: string | null;
  report: string | null;
  p: number;
  l: number;
  f: number;
  n: number;
}

export async function complianceOf(ctx: ReadCtx, input: ProgressInput) {
  const { db, now, scope } = ctx;
  const c = input.campaign;
  // Pages are kept per tenant handle, reader's scope and anchor under the stored marks'
  // state (as progress-page.ts does): while nothing moves a repeated read costs the state's
  // one statement. The anchor's scope check is part of the key and of the first read.
  const { known, keep } = shelf(db, c.id, input.unitId, scope);
  const [anchors, { name }] = await Promise.all([
    known ? null : anchorsOf(ctx, input.unitId),
    refreshCompliance(db, c, now),
  ]);
  if (known?.state === name) return known.page;
  const page = await readPage(ctx, c.id, anchors ?? (await anchorsOf(ctx, input.unitId)));
  keep({ state: name, page });
  return page;
}

type Page = Awaited<ReturnType<typeof readPage>>;
const shelf = pageShelf<{ state: string; page: Page }>();

/** The page's rows in one statement, anchored at `anchors` (one: it and its children). */
async function readPage(
  { db }: ReadCtx,
  campaignId: string,
  anchors: { id: string; path: string }[],
) {
  const single = anchors.length === 1 ? anchors[0]! : null;
  const ids = JSON.stringify(anchors.map((a) => a.id));
  const where = single
    ? sql`${units.id} = ${single.id} OR ${units.parentId} = ${single.id}`
    : sql`${units.id} IN (SELECT value FROM json_each(${ids}))`;
  // CROSS JOIN fixes the order: the page's few units first, then each one's rows by key.
  const rows = await db.all<Row>(sql`
    SELECT ${units.id} AS unitId, ${units.name} AS unitName,
      (SELECT count(*) FROM ${units} k WHERE k.parent_id = ${units.id}) AS childCount,
      f.rule, f.label, f.status, f.reason, f.step, f.report,
      f.sub_pass AS p, f.sub_late AS l, f.sub_fail AS f, f.sub_pending AS n
    FROM ${units} CROSS JOIN ${complianceFigures} f
      ON f.campaign_id = ${campaignId} AND f.unit_id = ${units.id}
    WHERE ${where}
    ORDER BY ${units.path}, f.rowid`);
  const byUnit = new Map<string, UnitComplianceRow>();
  const summary: MarkSummary = {};
  const roots = new Set(single ? [single.id] : anchors.map((a) => a.id));
  /** Each rule's label: the page names every rule of its counts, marked on it or not. */
  const labels: Record<string, string> = {};
  for (const r of rows) {
    labels[r.rule] ??= r.label;
    const counts = {
      pass: Number(r.p),
      late: Number(r.l),
      fail: Number(r.f),
      pending: Number(r.n),
    };
    if (counts.pass + counts.late + counts.fail + counts.pending === 0) continue;
    const u =
      byUnit.get(r.unitId) ??
      byUnit
        .set(r.unitId, {
          unitId: r.unitId,
          unitName: r.unitName,
          childCount: Number(r.childCount),
          marks: [],
          subtree: {},
        })
        .get(r.unitId)!;
    u.subtree[r.rule] = counts;
    if (r.status)
      u.marks.push({
        rule: r.rule,
        label: r.label,
        status: r.status,
        reason: r.reason ?? "",
        ...(r.step ? { step: r.step } : {}),
        ...(r.report ? { report: r.report } : {}),
      });
    if (roots.has(r.unitId)) {
      const s = (summary[r.rule] ??= { pass: 0, late: 0, fail: 0, pending: 0 });
      for (const k of ["pass", "late", "fail", "pending"] as const) s[k] += counts[k];
    }
  }
  return {
    unitId: single?.id ?? null,
    // A unit with marks only below it stays: the reader drills down through it.
    units: [...byUnit.values()],
    summary,
    labels,
  };
}
