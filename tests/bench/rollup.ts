// rollup.full.500k — a full rollup of a 500,000-member tenant (Hà Nội's scale: 20 đảng bộ,
// 20,000 chi bộ of 25), each member with a status history row and 1% with a change after the
// evaluation date, against a bare GROUP BY over the same rows in the same run.
// rollup.incremental — the rollup after 1% of plans change, spread over a quarter of the
// cells (the worst case for recomputing per unit), against the full rollup.
// rollup.incremental.clustered — after every plan in 1% of the cells changes (a day's work in
// the cells that met), against the full rollup.
// rollup.unchanged — the rollup when nothing changed (the common cron tick), against full.
import { eq, sql } from "drizzle-orm";
import { campaigns, units } from "../../schema/tables/tenant";
import { computeRollup, runRollup } from "../../worker/cron/rollup";
import { createCampaign, requireCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { makeApp, openTenant, signupTenant } from "../support/app";
import { median } from "./support";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 500_000);
const CELLS = 20_000;
const PARTY_COMMITTEES = 20;

export async function benchRollup() {
  const t = await makeApp();
  const { tenant } = await signupTenant(t, "ha-noi");
  const { db, client } = await openTenant(t, tenant.id);
  const [root] = await db.select().from(units).where(eq(units.depth, 0));
  const now = t.clock.now.getTime();
  const args = { root: root!.id, rootPath: root!.path, now };
  // Generated inside SQLite: the data set is the subject here, not its loading.
  await client.execute({
    sql: `INSERT INTO units (id, name, kind, parent_id, path, depth, version, created_at, updated_at)
      WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < ${PARTY_COMMITTEES - 1})
      SELECT 'd' || i, 'Đảng bộ số ' || (i + 1), 'dang-bo-co-so', :root, :rootPath || 'd' || i || '/', 1, 1, :now, :now FROM d`,
    args,
  });
  await client.execute({
    sql: `INSERT INTO units (id, name, kind, parent_id, path, depth, version, created_at, updated_at)
      WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < ${CELLS - 1})
      SELECT 'c' || i, 'Chi bộ số ' || (i + 1), 'chi-bo', 'd' || (i / ${CELLS / PARTY_COMMITTEES}),
        :rootPath || 'd' || (i / ${CELLS / PARTY_COMMITTEES}) || '/c' || i || '/', 2, 1, :now, :now FROM c`,
    args,
  });
  await client.execute({
    sql: `INSERT INTO members (id, full_name, search_name, birth_year, unit_id, leadership_rank, status, managed_by_standing_committee, must_publish_plan, version, created_at, updated_at)
      WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < ${MEMBERS - 1})
      SELECT 'm' || i, 'Đảng viên ' || i, 'dang vien ' || i, 1950 + i % 50, 'c' || (i / ${MEMBERS / CELLS}), 100,
        CASE WHEN i % 50 = 0 THEN 'mien-sinh-hoat' WHEN i % 97 = 0 THEN 'tuoi-cao-benh' ELSE 'dang-sinh-hoat' END, 0, 0, 1, :now, :now FROM m`,
    args,
  });
  // Every member's status history as the app keeps it (a row when they joined), and 1% with
  // a change dated after the evaluation date: the status-on-date lookup has real work.
  await client.execute({
    sql: `INSERT INTO member_status_history (id, member_id, status, since, note, at, actor_user_id)
      SELECT 'h' || substr(id, 2), id, status, '2020-01-01', NULL, :now, NULL FROM members`,
    args: { now },
  });
  await client.execute({
    sql: `INSERT INTO member_status_history (id, member_id, status, since, note, at, actor_user_id)
      SELECT 'l' || substr(id, 2), id, 'chuyen-di', '2026-12-01', NULL, :now, NULL FROM members
      WHERE rowid % 100 = 7`,
    args: { now },
  });
  await client.execute("UPDATE members SET status = 'chuyen-di' WHERE rowid % 100 = 7");
  const { id } = await createCampaign(systemCtx(db, t.clock.now), {
    templateKey: "tu-soi-tu-sua",
    name: "Tự soi, tự sửa",
    startsOn: "2026-03-01",
    dueOn: "2026-04-10",
    unitIds: [root!.id],
  });
  await db.update(campaigns).set({ status: "active" }).where(eq(campaigns.id, id));
  // 60% have a plan: of those a third draft, a third submitted, a third confirmed.
  await client.execute({
    sql: `INSERT INTO submissions (id, campaign_id, member_id, form_key, form_version, status, version, data_json, submitted_at, first_submitted_at, created_at, updated_at)
      SELECT 's' || substr(id, 2), :cid, id, 'ke-hoach-tu-duong', 1,
        CASE rowid % 3 WHEN 0 THEN 'draft' WHEN 1 THEN 'submitted' ELSE 'confirmed' END, 1, '{}',
        CASE rowid % 3 WHEN 0 THEN NULL ELSE :now END, CASE rowid % 3 WHEN 0 THEN NULL ELSE :now END, :now, :now
      FROM members WHERE rowid % 10 < 6`,
    args: { cid: id, now },
  });
  const c = await requireCampaign(db, id);
  const baseline = () =>
    db.all(sql`SELECT m.unit_id, count(*) AS n,
        sum(s.status IN ('submitted', 'confirmed')) AS submitted, sum(s.status = 'confirmed') AS confirmed
      FROM members m LEFT JOIN submissions s ON s.member_id = m.id AND s.campaign_id = ${id} AND s.form_key = 'ke-hoach-tu-duong'
      GROUP BY m.unit_id`);

  const full: number[] = [];
  const bare: number[] = [];
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let figures = 0;
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    figures = (await computeRollup(db, c, t.clock.now)).size;
    full.push(performance.now() - t0);
    t0 = performance.now();
    await baseline();
    bare.push(performance.now() - t0);
  }
  clearInterval(sampler);
  if (figures !== 1 + PARTY_COMMITTEES + CELLS)
    throw new Error(`rollup covered ${figures} subtrees`);

  // Incremental: the pass after 1% of plans changed, and the pass when nothing changed.
  await runRollup(
    db,
    t.platform.control().db,
    (await t.platform
      .control()
      .db.query.tenants.findFirst({ where: (x, { eq: e }) => e(x.id, tenant.id) }))!,
    t.clock.now,
  );
  const tenantRow = (await t.platform
    .control()
    .db.query.tenants.findFirst({ where: (x, { eq: e }) => e(x.id, tenant.id) }))!;
  const incremental: number[] = [];
  const clustered: number[] = [];
  const unchanged: number[] = [];
  for (let i = 0; i < 3; i++) {
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await client.execute({
      sql: `UPDATE submissions SET status = 'confirmed', updated_at = :at WHERE rowid % 60 = :k`,
      args: { at: t.clock.now.getTime(), k: i },
    });
    let t0 = performance.now();
    await runRollup(db, t.platform.control().db, tenantRow, t.clock.now);
    incremental.push(performance.now() - t0);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await client.execute({
      sql: `UPDATE submissions SET status = 'confirmed', updated_at = :at
        WHERE member_id IN (SELECT id FROM members WHERE CAST(substr(unit_id, 2) AS INTEGER) % 100 = :k)`,
      args: { at: t.clock.now.getTime(), k: i },
    });
    t0 = performance.now();
    await runRollup(db, t.platform.control().db, tenantRow, t.clock.now);
    clustered.push(performance.now() - t0);
    t0 = performance.now();
    const r = await runRollup(db, t.platform.control().db, tenantRow, t.clock.now);
    unchanged.push(performance.now() - t0);
    if (r.skipped !== 1) throw new Error("unchanged rollup was recomputed");
  }
  t.close();
  const s = (ms: number) => Math.round(ms) / 1000;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return [
    {
      name: "rollup.full.500k",
      value: s(median(full)),
      unit: "s",
      baseline: s(median(bare)),
      ratio: ratio(median(full), median(bare)),
    },
    { name: "rollup.full.500k.peak_rss", value: Math.round(peak / 1048576), unit: "MiB" },
    {
      name: "rollup.incremental",
      value: s(median(incremental)),
      unit: "s",
      baseline: s(median(full)),
      ratio: ratio(median(incremental), median(full)),
    },
    {
      name: "rollup.incremental.clustered",
      value: s(median(clustered)),
      unit: "s",
      baseline: s(median(full)),
      ratio: ratio(median(clustered), median(full)),
    },
    {
      name: "rollup.unchanged",
      value: s(median(unchanged)),
      unit: "s",
      baseline: s(median(full)),
      ratio: ratio(median(unchanged), median(full)),
    },
  ];
}
