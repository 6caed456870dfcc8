// Query plans of the progress and rollup aggregations (issue 15): the status on the
// evaluation date is a join against the few members who changed since, never a correlated
// subquery (with its own sort) per member, and the members are reached through their units'
// index, not by a full scan. The statements are the ones the code really sends (recorded
// from the libSQL client), explained with their own arguments.
import { describe, expect, it } from "vitest";
import { memberStatusHistory } from "../../schema/tables/tenant";
import { computeUnitFigures } from "../../worker/cron/rollup";
import { requireCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { newId } from "../../worker/data/ids";
import { countsByUnitSql } from "../../worker/data/progress";
import { campaignProgress } from "../../worker/data/progress-page";
import { complianceOf } from "../../worker/data/compliance-page";
import { makeApp } from "../support/app";
import { buildTree, launchCampaign000 } from "../support/tree";
import { recordStatements } from "../support/statements";

/** The plan's lines, each indented under its parent, as one text to assert on. */
async function planOf(
  client: Parameters<typeof recordStatements>[0],
  s: { sql: string; args: unknown },
) {
  const rows = (
    await client.execute({
      sql: `EXPLAIN QUERY PLAN ${s.sql}`,
      args: s.args as never,
    })
  ).rows;
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = depth.get(Number(r.parent))! + 1;
      depth.set(Number(r.id), d);
      return `${"  ".repeat(d)}${String(r.detail)}`;
    })
    .join("\n");
}

/** The libSQL client of the test's one tenant, to record and explain what code sends. */
async function tenantClient(t: Awaited<ReturnType<typeof makeApp>>) {
  const control = t.platform.control().client;
  const [row] = (await control.execute("SELECT id, db_url FROM tenants")).rows;
  return t.platform.tenant({ id: String(row!.id), dbUrl: String(row!.db_url) }).client;
}

/** A dashboard read from stored figures, twice: nothing moved since the last `read`, so the
 *  page kept from it is answered after the state's one statement; a page not kept yet
 *  (`drill`, anchored elsewhere) is read in full, in three round trips at most. None of the
 *  `source` tables is named, and every table is reached through an index (the page's units by
 *  parent, their figures by key, the marks by sequence): nothing grows with the tenant.
 *  sqlite_sequence (one row per AUTOINCREMENT table: a handful) is the one scan allowed; a
 *  SELECT without FROM is one CONSTANT ROW. */
async function expectStoredReads(
  client: Parameters<typeof recordStatements>[0],
  reads: { read: () => Promise<unknown>; drill: () => Promise<unknown> },
  figures: string,
  source: RegExp,
) {
  const steady = await recordStatements(client, reads.read);
  expect(steady.roundTrips).toBe(1);
  const drill = await recordStatements(client, reads.drill);
  expect(drill.roundTrips).toBeLessThanOrEqual(3);
  expect(drill.map((s) => s.sql).join("\n")).toContain(figures);
  for (const s of [...steady, ...drill]) {
    expect(s.sql).not.toMatch(source);
    const plan = await planOf(client, s);
    expect(plan, `${s.sql}\n${plan}`).not.toMatch(/\bSCAN (?!sqlite_sequence\b|CONSTANT ROW\b)/);
    // Figures only ever by their whole key: never a walk over a campaign's every unit.
    if (s.sql.includes(figures))
      expect(plan, plan).toMatch(/SEARCH f USING INDEX \S+ \(campaign_id=\? AND unit_id=\?\)/);
  }
}

/** Two cells of 15 members each, and campaign 000 launched over them. */
async function thirtyMembersLaunched(t: Awaited<ReturnType<typeof makeApp>>) {
  const tree = await buildTree(t);
  for (let i = 0; i < 30; i++)
    await tree.api("admin", "POST", "/members", {
      fullName: `Người số ${i}`,
      unitId: i % 2 ? tree.cellA.id : tree.cellB.id,
      statusSince: "2020-01-01",
    });
  return { tree, id: await launchCampaign000(tree), db: tree.db };
}

/** `test` on a fresh app with thirty members and 000 launched: the campaign, the tenant's
 *  database and its libSQL client (to record and explain what code sends); closed after. */
async function onThirtyLaunched(
  test: (s: {
    t: Awaited<ReturnType<typeof makeApp>>;
    tree: Awaited<ReturnType<typeof buildTree>>;
    id: string;
    c: Awaited<ReturnType<typeof requireCampaign>>;
    db: Awaited<ReturnType<typeof buildTree>>["db"];
    client: Parameters<typeof recordStatements>[0];
  }) => Promise<void>,
) {
  const t = await makeApp();
  try {
    const { tree, id, db } = await thirtyMembersLaunched(t);
    const c = await requireCampaign(db, id);
    await test({ t, tree, id, c, db, client: await tenantClient(t) });
  } finally {
    t.close();
  }
}

describe("progress and rollup query plans", () => {
  it("look members up by unit and their status without a per-member subquery", () =>
    onThirtyLaunched(async ({ t, c, db, client }) => {
      const all = await db.query.members.findMany();
      // Some changed status after the evaluation date: the lookup must still be a join.
      for (const m of all.slice(0, 5))
        await db.insert(memberStatusHistory).values({
          id: newId(),
          memberId: m.id,
          status: "tu-tran",
          since: "2026-05-01",
          at: t.clock.now,
        });
      const now = new Date("2026-04-01T02:00:00Z");
      const progress = await recordStatements(client, () =>
        countsByUnitSql(systemCtx(db, now), { campaign: c }),
      );
      const rollup = await recordStatements(client, () => computeUnitFigures(db, c, now));
      const aggregations = [...progress, ...rollup].filter(
        (s) => /\bmembers\b/.test(s.sql) && /GROUP BY/i.test(s.sql),
      );
      // The progress GROUP BY, and the same one again inside the rollup.
      expect(aggregations.length).toBeGreaterThanOrEqual(2);
      for (const s of aggregations) {
        const plan = await planOf(client, s);
        expect(plan, plan).not.toMatch(/CORRELATED/);
        expect(plan, plan).toMatch(/SEARCH members USING (COVERING )?INDEX members_unit_idx/);
        expect(plan, plan).not.toMatch(/SCAN members\b/);
        // A sort only for the GROUP BY itself, never nested under a per-member step.
        for (const line of plan.split("\n").filter((l) => /TEMP B-TREE/.test(l)))
          expect(line, plan).toMatch(/^USE TEMP B-TREE FOR GROUP BY$/);
        // The members who changed since come off the `since` index, their statuses off the
        // covering one.
        expect(plan, plan).toMatch(
          /member_status_history USING (COVERING )?INDEX member_status_since_idx/,
        );
        expect(plan, plan).toMatch(/USING COVERING INDEX member_status_latest_idx/);
      }
    }));

  it("answer the root's progress page from stored figures: no member or submission read", () =>
    onThirtyLaunched(async ({ t, tree, c, db, client }) => {
      const now = t.clock.now;
      const read = () => campaignProgress(systemCtx(db, now), { campaign: c });
      await read(); // the first read builds the figures
      // A write since: its mark is applied on the next read, to its unit only.
      await tree.api("admin", "POST", "/members", {
        fullName: "Người mới",
        unitId: tree.cellA.id,
        statusSince: "2020-01-01",
      });
      await read();
      // Still no member read, on the kept page nor on one anchored elsewhere.
      const drill = () =>
        campaignProgress(systemCtx(db, now), { campaign: c, unitId: tree.root.id });
      await expectStoredReads(
        client,
        { read, drill },
        "progress_figures",
        /\b(members|submissions|member_status_history)\b/,
      );
    }));
});

describe("compliance query plans", () => {
  it("answer the root's compliance from stored marks: no meeting, roll-call or member read", () =>
    onThirtyLaunched(async ({ t, tree, id, c, db, client }) => {
      const read = () => complianceOf(systemCtx(db, t.clock.now), { campaign: c });
      await read(); // the first read judges every unit
      // A meeting since: its mark is applied on the next read, to its unit only.
      const made = await tree.api("admin", "POST", `/campaigns/${id}/meetings`, {
        unitId: tree.cellA.id,
        stepKey: c.def.steps.find((s) => s.kind === "meeting" && s.owner === "unit")!.key,
      });
      expect(made.status).toBeLessThan(300);
      await read();
      // Still no meeting read, on the kept page nor on one anchored elsewhere.
      const drill = () =>
        complianceOf(systemCtx(db, t.clock.now), { campaign: c, unitId: tree.root.id });
      await expectStoredReads(
        client,
        { read, drill },
        "compliance_figures",
        /\b(meetings|meeting_attendance|members|reports|step_records|submissions)\b/,
      );
    }));
});
