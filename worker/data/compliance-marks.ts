// The judged marks as the stored compliance writes them and as the rollup counts them, kept
// small on the heap (issue 13: a 500k-member tenant's rebuild judges ~270k marks). Written as
// pages of JSON text in which every repeated text (rule, label, status, reason, step, report)
// is a number into the page's own list of texts; counted into three numbers per unit.
import { sql, type SQL } from "drizzle-orm";
import type { UnitCompliance } from "./compliance";

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
