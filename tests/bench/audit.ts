// The audit log of a big tenant (issue 12): BENCH_AUDIT_ROWS rows (default 1,000,000) over a
// generated city of BENCH_AUDIT_MEMBERS members (default 50,000), written by 500 people, each
// row a member's or a unit's change. One page (50 rows) read in process, median of 7:
// - audit.page.ms — the newest page, no filter (the baseline of the two below);
// - audit.actor.page.ms — one person's page from the middle of the log (keyset `before`),
//   through audit_actor_idx; ratio against the unfiltered page;
// - audit.unit.page.ms — the newest page of one cell's subtree (its unit and members).
import { eq } from "drizzle-orm";
import { units } from "../../schema/tables/tenant";
import { listAudit } from "../../worker/data/audit";
import { writeCity } from "../gen/city";
import { makeApp, openTenant, signupTenant } from "../support/app";
import { median } from "./support";

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);
const MEMBERS = Number(process.env.BENCH_AUDIT_MEMBERS ?? 50_000);

export async function benchAudit() {
  const t = await makeApp();
  const { tenant } = await signupTenant(t, "nhat-ky");
  const { db, client } = await openTenant(t, tenant.id);
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  await writeCity(client, { id: root!.id, path: root!.path }, { members: MEMBERS, seed: 3 });
  // Row i: actor i % 500; every 10th a unit's change, else member (i * 7919) % MEMBERS's.
  for (const [name, from] of [
    ["m", "members"],
    ["u", "units"],
  ] as const) {
    await client.execute(`CREATE TEMP TABLE ${name} (k INTEGER PRIMARY KEY, id TEXT NOT NULL)`);
    await client.execute(`INSERT INTO ${name} SELECT row_number() OVER () - 1, id FROM ${from}`);
  }
  const [{ nu }] = (await client.execute("SELECT count(*) AS nu FROM u")).rows as unknown as [
    { nu: number },
  ];
  await client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
      INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id, before_json, after_json)
      SELECT 1772323200000 + i * 1000, 'actor' || (i % 500),
        CASE WHEN i % 10 = 0 THEN 'unit.rename' ELSE 'member.update' END,
        CASE WHEN i % 10 = 0 THEN 'unit' ELSE 'member' END,
        CASE WHEN i % 10 = 0 THEN (SELECT id FROM u WHERE k = i % ?)
             ELSE (SELECT id FROM m WHERE k = (i * 7919) % ?) END,
        '{"position":null}', '{"position":"Tổ trưởng"}'
      FROM n`,
    args: [ROWS, nu, MEMBERS],
  });
  const [cell] = (
    await client.execute("SELECT id FROM units WHERE kind = 'chi-bo' ORDER BY path LIMIT 1")
  ).rows as unknown as [{ id: string }];
  const time = async (run: () => Promise<{ entries: unknown[] }>) => {
    const ms: number[] = [];
    let n = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      n = (await run()).entries.length;
      ms.push(performance.now() - t0);
    }
    return { ms: median(ms), n };
  };
  const plain = await time(() => listAudit(db, { limit: 50 }));
  const actor = await time(() =>
    listAudit(db, { actorUserId: "actor123", before: Math.floor(ROWS / 2), limit: 50 }),
  );
  const unit = await time(() => listAudit(db, { unitId: cell.id, limit: 50 }));
  await t.close();
  const round = (x: number) => Math.round(x * 100) / 100;
  return [
    { name: "audit.page.ms", value: round(plain.ms), unit: "ms", rows: ROWS, page: plain.n },
    {
      name: "audit.actor.page.ms",
      value: round(actor.ms),
      unit: "ms",
      baseline: round(plain.ms),
      ratio: round(actor.ms / plain.ms),
      page: actor.n,
    },
    {
      name: "audit.unit.page.ms",
      value: round(unit.ms),
      unit: "ms",
      baseline: round(plain.ms),
      ratio: round(unit.ms / plain.ms),
      page: unit.n,
      members: MEMBERS,
    },
  ];
}
