// A city-sized tenant, generated from a seed and written as it is generated: a root đảng bộ,
// ~136 committees (đảng bộ cơ sở) and under them cells (chi bộ) of 3 to 60 members, median
// near 18 (log-normal sizes, as real cells are: many small, a long tail of large ones).
// Members arrive as a roster would — a few per cent of names typed on a decomposing keyboard
// (NFD), namesakes everywhere, some exact duplicates (same name and birth year) — and are
// stored the way the app stores them: NFC text (worker/http.ts), the folded search key
// (schema/rules/text.ts), a dated status history for anyone not in ordinary activity.
//
// Memory stays flat: rows go out in batches of `batchSize` through plain multi-row INSERTs,
// one transaction per batch, and only the current cell and batch are held.
import type { Client, InStatement } from "@libsql/client";
import { foldVietnamese } from "../../schema/rules/text";
import type { MemberStatus } from "../../schema/vocab/people";
import { vietnameseName } from "./names";
import { createRng, type Rng } from "./random";

export interface CityOptions {
  members: number;
  seed: number;
  /** Committees under the root; by default 136 per 500,000 members (at least 1). */
  committees?: number;
  batchSize?: number;
  /** Timestamps of the generated rows: fixed, so a seed gives identical rows. */
  now?: Date;
}

export interface CityReport {
  members: number;
  committees: number;
  cells: number;
  /** Names the generator produced in NFD (stored NFC). */
  nfdNames: number;
  duplicates: number;
  peakHeapBytes: number;
}

/** Statuses and their shares: the exemptions (miễn sinh hoạt, tuổi cao sức yếu) and the
 *  moves are what make eligibility differ from the raw roll. */
const STATUSES: readonly (readonly [MemberStatus, number])[] = [
  ["dang-sinh-hoat", 92.4],
  ["mien-sinh-hoat", 3],
  ["tuoi-cao-benh", 2.5],
  ["chuyen-den", 1.2],
  ["chuyen-di", 0.6],
  ["tu-tran", 0.3],
];
const STATUS_NOTES: Partial<Record<MemberStatus, string>> = {
  "mien-sinh-hoat": "Miễn sinh hoạt theo quyết định của cấp ủy",
  "tuoi-cao-benh": "Tuổi cao, sức yếu",
  "chuyen-den": "Chuyển sinh hoạt đến",
  "chuyen-di": "Chuyển sinh hoạt đi",
};

export const CELL_MIN = 3;
export const CELL_MAX = 60;
const CELL_MEDIAN = 18;
const CELL_SIGMA = 0.6;

/** The next cell's size for `remaining` members still to place; never leaves fewer than
 *  CELL_MIN for a last cell. */
function cellSize(rng: Rng, remaining: number): number {
  if (remaining <= CELL_MAX) return remaining;
  const drawn = Math.round(CELL_MEDIAN * Math.exp(CELL_SIGMA * rng.normal()));
  const size = Math.min(CELL_MAX, Math.max(CELL_MIN, drawn));
  return remaining - size < CELL_MIN ? remaining - CELL_MIN : size;
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

const MEMBER_COLUMNS = [
  "id",
  "full_name",
  "search_name",
  "birth_year",
  "email",
  "phone",
  "unit_id",
  "position",
  "leadership_rank",
  "status",
  "status_since",
  "managed_by_standing_committee",
  "must_publish_plan",
  "version",
  "created_at",
  "updated_at",
] as const;
const HISTORY_COLUMNS = ["id", "member_id", "status", "since", "note", "at", "actor_user_id"];
const UNIT_COLUMNS = [
  "id",
  "name",
  "kind",
  "parent_id",
  "path",
  "depth",
  "version",
  "created_at",
  "updated_at",
];

type Row = (string | number | null)[];

/** One INSERT per ≤ 1,000 rows: under SQLite's 32,766 bound parameters. */
function inserts(table: string, columns: readonly string[], rows: Row[]): InStatement[] {
  const out: InStatement[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    out.push({
      sql: `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`,
      args: chunk.flat(),
    });
  }
  return out;
}

/** Writes the city under the tenant's root unit (made by signup). */
export async function writeCity(
  client: Client,
  root: { id: string; path: string },
  opts: CityOptions,
): Promise<CityReport> {
  const rng = createRng(opts.seed);
  const now = (opts.now ?? new Date("2026-03-01T00:00:00Z")).getTime();
  const batchSize = opts.batchSize ?? 4000;
  const committees = opts.committees ?? Math.max(1, Math.round((136 * opts.members) / 500_000));
  const report: CityReport = {
    members: 0,
    committees,
    cells: 0,
    nfdNames: 0,
    duplicates: 0,
    peakHeapBytes: process.memoryUsage().heapUsed,
  };

  let units: Row[] = [];
  let members: Row[] = [];
  let history: Row[] = [];
  const flush = async () => {
    await client.batch(
      [
        ...inserts("units", UNIT_COLUMNS, units),
        ...inserts("members", MEMBER_COLUMNS, members),
        ...inserts("member_status_history", HISTORY_COLUMNS, history),
      ],
      "write",
    );
    units = [];
    members = [];
    history = [];
    report.peakHeapBytes = Math.max(report.peakHeapBytes, process.memoryUsage().heapUsed);
  };

  // Committees differ in size too: each draws a weight, cells go to committees by weight.
  const parents = Array.from({ length: committees }, (_, i) => {
    const id = rng.id();
    const path = `${root.path}${id}/`;
    units.push([id, `Đảng bộ cơ sở số ${i + 1}`, "dang-bo-co-so", root.id, path, 1, 1, now, now]);
    return { id, path, weight: Math.exp(0.5 * rng.normal()), cells: 0 };
  });

  type Twin = { fullName: string; birthYear: number };
  let previous: Twin | null = null;
  for (let remaining = opts.members; remaining > 0;) {
    const size = cellSize(rng, remaining);
    remaining -= size;
    const parent = rng.weighted(parents, (p) => p.weight);
    const cellId = rng.id();
    units.push([
      cellId,
      `Chi bộ ${++parent.cells}`,
      "chi-bo",
      parent.id,
      `${parent.path}${cellId}/`,
      2,
      1,
      now,
      now,
    ]);
    report.cells++;
    for (let k = 0; k < size; k++) {
      const memberId = rng.id();
      // Exact duplicates (same name, same birth year) happen: two people, two rows.
      const twin: Twin | null = previous !== null && rng.chance(0.005) ? previous : null;
      const name: string = twin?.fullName ?? vietnameseName(rng).fullName;
      const birthYear: number =
        twin?.birthYear ?? 2004 - Math.floor(Math.abs(rng.normal()) * 22) - rng.int(0, 4);
      if (twin) report.duplicates++;
      previous = { fullName: name, birthYear };
      const typed = rng.chance(0.03) ? name.normalize("NFD") : name;
      if (typed !== name) report.nfdNames++;
      const fullName = typed.normalize("NFC"); // the app's storage rule
      const status = rng.weighted(STATUSES, ([, w]) => w)[0];
      const since =
        status === "dang-sinh-hoat" ? null : ymd(new Date(now - rng.int(1, 900) * 86_400_000));
      const leader = k === 0 ? "Bí thư chi bộ" : k === 1 && size >= 9 ? "Phó Bí thư chi bộ" : null;
      members.push([
        memberId,
        fullName,
        foldVietnamese(fullName),
        birthYear,
        rng.chance(0.35) ? `dv${report.members + 1}@example.vn` : null,
        rng.chance(0.6) ? `09${String(rng.int(0, 99_999_999)).padStart(8, "0")}` : null,
        cellId,
        leader,
        leader ? (k === 0 ? 1 : 2) : 100,
        status,
        since,
        rng.chance(0.004) ? 1 : 0,
        leader ? 1 : 0,
        1,
        now,
        now,
      ]);
      if (since)
        history.push([rng.id(), memberId, status, since, STATUS_NOTES[status] ?? null, now, null]);
      report.members++;
      if (members.length >= batchSize) await flush();
    }
  }
  await flush();
  return report;
}
