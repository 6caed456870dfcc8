// The data generator (tests/gen/) at a small size: the same seed writes the same rows, cells
// keep to 3–60 members around a median of 18, surnames follow their national shares, some
// names arrive decomposed (NFD) and every stored name is NFC, submissions follow an S-curve.
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { CELL_MAX, CELL_MIN, writeCity } from "../gen/city";
import { SURNAMES } from "../gen/names";
import { createRng } from "../gen/random";
import { submissionTime } from "../gen/submissions";
import { makeApp, openTenant, signupTenant, type TestApp } from "../support/app";

const apps: TestApp[] = [];
afterEach(() => {
  for (const t of apps.splice(0)) t.close();
});

/** A fresh tenant (signed up through the app) with a generated roll of `members`. */
async function generated(members: number, seed: number) {
  const t = await makeApp();
  apps.push(t);
  const { tenant } = await signupTenant(t, "thanh-pho");
  const { client } = await openTenant(t, tenant.id);
  const root = (await client.execute("SELECT id, path FROM units WHERE depth = 0")).rows[0]!;
  const report = await writeCity(
    client,
    { id: String(root.id), path: String(root.path) },
    { members, seed, batchSize: 500 },
  );
  return { client, report, rootId: String(root.id) };
}

/** A digest of every generated row, with the root's id (random, from signup) taken out. */
async function digest(g: Awaited<ReturnType<typeof generated>>) {
  const hash = createHash("sha256");
  for (const sql of [
    "SELECT * FROM members ORDER BY id",
    "SELECT * FROM member_status_history ORDER BY id",
    "SELECT id, name, kind, depth, replace(path, ?, '') AS path FROM units WHERE depth > 0 ORDER BY id",
  ]) {
    const rs = await g.client.execute({ sql, args: sql.includes("?") ? [g.rootId] : [] });
    for (const r of rs.rows) hash.update(JSON.stringify(Object.values(r)));
  }
  return hash.digest("hex");
}

describe("the data generator", () => {
  it("writes the same rows for the same seed, and other rows for another", async () => {
    const a = await digest(await generated(2000, 7));
    const b = await digest(await generated(2000, 7));
    const c = await digest(await generated(2000, 8));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("shapes a city: cell sizes, surname shares, statuses, namesakes, NFD in and NFC stored", async () => {
    const g = await generated(2000, 42);
    expect(g.report.members).toBe(2000);
    const count = async (sql: string) => Number((await g.client.execute(sql)).rows[0]!.n);
    expect(await count("SELECT count(*) AS n FROM members")).toBe(2000);

    const sizes = (
      await g.client.execute("SELECT count(*) AS n FROM members GROUP BY unit_id ORDER BY n")
    ).rows.map((r) => Number(r.n));
    expect(sizes.length).toBe(g.report.cells);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(CELL_MIN);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(CELL_MAX);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(15);
    expect(median).toBeLessThanOrEqual(21);
    // Every cell hangs under a committee, every committee under the root.
    expect(await count("SELECT count(*) AS n FROM units WHERE kind = 'chi-bo' AND depth = 2")).toBe(
      g.report.cells,
    );

    const names = (await g.client.execute("SELECT full_name FROM members")).rows.map((r) =>
      String(r.full_name),
    );
    const share = (surname: string) =>
      names.filter((n) => n.split(" ")[0] === surname).length / names.length;
    const expected = new Map(SURNAMES);
    for (const s of ["Nguyễn", "Trần", "Lê", "Phạm", "Phan"])
      expect(Math.abs(share(s) - expected.get(s)! / 100), s).toBeLessThan(0.035);
    expect(share("Hoàng") + share("Huỳnh")).toBeGreaterThan(0.025);

    // Namesakes are routine and a few people share name and birth year too.
    expect(new Set(names).size).toBeLessThan(names.length * 0.9);
    expect(g.report.duplicates).toBeGreaterThan(0);

    // A few per cent arrived decomposed; everything stored is NFC.
    expect(g.report.nfdNames / 2000).toBeGreaterThan(0.01);
    expect(g.report.nfdNames / 2000).toBeLessThan(0.06);
    expect(names.every((n) => n === n.normalize("NFC"))).toBe(true);

    // Exemptions and moves exist, each with its dated history row.
    const statuses = (
      await g.client.execute("SELECT status, count(*) AS n FROM members GROUP BY status")
    ).rows;
    const byStatus = new Map(statuses.map((r) => [String(r.status), Number(r.n)]));
    expect(byStatus.get("dang-sinh-hoat")! / 2000).toBeGreaterThan(0.85);
    expect(byStatus.get("mien-sinh-hoat")).toBeGreaterThan(0);
    expect(byStatus.get("tuoi-cao-benh")).toBeGreaterThan(0);
    expect(await count("SELECT count(*) AS n FROM member_status_history")).toBe(
      2000 - byStatus.get("dang-sinh-hoat")!,
    );
  });

  it("spreads submissions along an S-curve with a rush before the deadline", () => {
    const rng = createRng(1);
    const day = 86_400_000;
    const start = Date.parse("2026-03-01T00:00:00Z");
    const due = start + 40 * day;
    const times = Array.from({ length: 20_000 }, () => submissionTime(rng, start, due));
    const on = times.filter((t): t is number => t !== null && t <= due);
    const never = times.filter((t) => t === null).length / times.length;
    expect(never).toBeGreaterThan(0.05);
    expect(never).toBeLessThan(0.11);
    const perDay = Array.from(
      { length: 40 },
      (_, d) => on.filter((t) => t >= start + d * day && t < start + (d + 1) * day).length,
    );
    // Slow start, busier middle, and the last two days busier than any earlier day.
    expect(perDay[0]!).toBeLessThan(perDay[24]!);
    expect(Math.min(perDay[38]!, perDay[39]!)).toBeGreaterThan(Math.max(...perDay.slice(0, 38)));
  });
});
