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

describe("progress and rollup query plans", () => {
  it("look members up by unit and their status without a per-member subquery", async () => {
    const t = await makeApp();
    try {
      const tree = await buildTree(t);
      for (let i = 0; i < 30; i++)
        await tree.api("admin", "POST", "/members", {
          fullName: `Người số ${i}`,
          unitId: i % 2 ? tree.cellA.id : tree.cellB.id,
          statusSince: "2020-01-01",
        });
      const id = await launchCampaign000(tree);
      const { db } = tree;
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
      const c = await requireCampaign(db, id);
      const { client } = t.platform.tenant({
        id: (await t.platform.control().client.execute("SELECT id FROM tenants")).rows[0]!
          .id as string,
        dbUrl: String(
          (await t.platform.control().client.execute("SELECT db_url FROM tenants")).rows[0]!.db_url,
        ),
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
    } finally {
      t.close();
    }
  });
});
