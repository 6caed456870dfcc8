// The judged marks as the stored compliance writes them and as the rollup counts them, kept
// small on the heap (issue 13: a 500k-member tenant's rebuild judges ~270k marks). Written as
// pages of JSON text in which every repeated text (rule, label, status, reason, step, report)
// is a number into the page's own list of texts; counted into three numbers per unit.
import { sql, type SQL } from "drizzle-orm";
import { complianceFigures } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import type { UnitCompliance } from "./compliance";
import type { ComplianceRefresh } from "./compliance-figures";

/** A page of marks: `rows` = [[unitId, rule, label, status, reason, step, report], …] with
 *  every text an index into `texts` (~20 bytes a mark). Both JSON. */
export interface MarkPage {
  rows: string;
  texts: string;
}

/** Gathers units' marks into pages of about `size` marks (whole units per page). */
export function markPages(size: number) {
  const pages: MarkPage[] = [];
  let rows: unknown[][] = [];
  let texts: string[] = [];
  let index = new Map<string, number>();
  const at = (s: string | undefined) => {
    if (s === undefined) return null;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = texts.push(s) - 1));
    return i;
  };
  const flush = () => {
    if (rows.length) pages.push({ rows: JSON.stringify(rows), texts: JSON.stringify(texts) });
    [rows, texts, index] = [[], [], new Map()];
  };
  return {
    add(u: Pick<UnitCompliance, "unitId" | "marks">) {
      for (const m of u.marks)
        rows.push([
          at(u.unitId),
          at(m.rule),
          at(m.label),
          at(m.status),
          at(m.reason),
          at(m.step),
          at(m.report),
        ]);
      if (rows.length >= size) flush();
    },
    /** The pages; at least one (empty) when no mark was added. */
    end(): MarkPage[] {
      flush();
      return pages.length ? pages : [{ rows: "[]", texts: "[]" }];
    },
  };
}

const TEXT_COLUMNS = ["unit_id", "rule", "label", "status", "reason", "step", "report"];
/** `fresh(unit_id, rule, label, status, reason, step, report)`: a page's marks. */
export const freshCte = ({ rows, texts }: MarkPage): SQL =>
  sql`fresh(${sql.raw(TEXT_COLUMNS.join(", "))}) AS (
    SELECT ${sql.join(
      TEXT_COLUMNS.map(
        (c, i) =>
          sql`json_extract(${texts}, '$[' || json_extract(value, '$[${sql.raw(String(i))}]') || ']') AS ${sql.raw(c)}`,
      ),
      sql`, `,
    )} FROM json_each(${rows}))`;

/** What the rollup counts of a unit's marks: its meeting steps held (first mark neither
 *  pending nor failed), held compliant (every mark passed), and its reports on time. */
export interface Tally {
  meetingsHeld: number;
  meetingsCompliant: number;
  reportsOnTime: number;
}

export function tallyOf(marks: UnitCompliance["marks"]): Tally {
  const steps = new Map<string, string[]>();
  let reportsOnTime = 0;
  for (const m of marks) {
    if (m.step) steps.set(m.step, [...(steps.get(m.step) ?? []), m.status]);
    if (m.report && m.status === "pass") reportsOnTime++;
  }
  const held = [...steps.values()].filter(
    (s) => s.length && s[0] !== "pending" && s[0] !== "fail",
  ).length;
  const compliant = [...steps.values()].filter((s) => s.every((x) => x === "pass")).length;
  return { meetingsHeld: held, meetingsCompliant: compliant, reportsOnTime };
}

/** Each unit's tally of its own stored marks (of `onlyUnits`, or every unit), counted by
 *  SQLite as tallyOf counts judged marks (a step's first mark in the order judged): one
 *  small row per unit, not ~10 marks (issue 13's heap). */
export async function storedTallies(
  db: TenantDb,
  campaignId: string,
  onlyUnits?: string[],
): Promise<Map<string, Tally>> {
  const only = onlyUnits
    ? sql`AND unit_id IN (SELECT value FROM json_each(${JSON.stringify(onlyUnits)}))`
    : sql``;
  const rows = await db.all<{ unitId: string; held: number; compliant: number; onTime: number }>(
    sql`WITH own AS (SELECT rowid AS r, unit_id, step, report, status FROM ${complianceFigures}
        WHERE campaign_id = ${campaignId} AND status IS NOT NULL ${only}),
      steps AS (SELECT unit_id, min(r) AS first, min(status = 'pass') AS all_pass FROM own
        WHERE step IS NOT NULL GROUP BY unit_id, step),
      s AS (SELECT steps.unit_id, sum(o.status NOT IN ('pending', 'fail')) AS held,
        sum(steps.all_pass) AS compliant FROM steps JOIN own o ON o.r = steps.first
        GROUP BY steps.unit_id),
      rep AS (SELECT unit_id, sum(report IS NOT NULL AND status = 'pass') AS on_time FROM own
        GROUP BY unit_id)
      SELECT rep.unit_id AS unitId, coalesce(s.held, 0) AS held,
        coalesce(s.compliant, 0) AS compliant, rep.on_time AS onTime
      FROM rep LEFT JOIN s ON s.unit_id = rep.unit_id`,
  );
  return new Map(
    rows.map((r) => [
      r.unitId,
      {
        meetingsHeld: Number(r.held),
        meetingsCompliant: Number(r.compliant),
        reportsOnTime: Number(r.onTime),
      },
    ]),
  );
}

/** The tallies of `onlyUnits` (or every unit) as they stand after refresh `r`, whose writes
 *  may still be deferred: those it judged from its judgement, the others as stored. */
export async function talliesAfter(
  db: TenantDb,
  campaignId: string,
  r: ComplianceRefresh,
  onlyUnits?: string[],
): Promise<Map<string, Tally>> {
  const judgedNow =
    r.judged?.tallies ?? new Map((r.judged?.units ?? []).map((u) => [u.unitId, tallyOf(u.marks)]));
  const out = new Map<string, Tally>();
  const wanted = onlyUnits ? new Set(onlyUnits) : null;
  if (r.judged?.all) {
    for (const [u, t] of judgedNow) if (!wanted || wanted.has(u)) out.set(u, t);
    return out;
  }
  const judgedIds = new Set(r.judged?.ids ?? []);
  const rest = onlyUnits?.filter((u) => !judgedIds.has(u));
  if (!rest || rest.length)
    for (const [u, t] of await storedTallies(db, campaignId, rest))
      if (!judgedIds.has(u)) out.set(u, t);
  for (const u of onlyUnits ?? judgedIds) {
    const t = judgedNow.get(u);
    if (t) out.set(u, t);
  }
  return out;
}
