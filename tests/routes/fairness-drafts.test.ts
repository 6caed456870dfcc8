// The fixed cost of a draft save (issue 15): the member, the campaign's targets and the
// current version are read in one round trip, and the row with its version written in one
// batch; the control plane is not asked again once the tenant's row is kept (tenant-cache.ts).
// A stale save is a 409 that leaves no trace.
import { describe, expect, it } from "vitest";
import { createSession } from "../../worker/auth/sessions";
import { recordStatements } from "../support/statements";
import { launchCampaign, treeAt } from "../support/tree";

/** Tenant round trips of one request: the session (1), the campaign (1), the member, targets
 *  and current version (1), the write (1). */
const SAVE_BUDGET = 4;

describe("a draft save in few round trips", () => {
  it("reads in one round trip, writes in one, and asks the control plane nothing", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { t, db } = tree;
    const id = await launchCampaign(tree.api, tree.root.id);
    const token = (await createSession(db, tree.userIds.a2!, t.clock.now)).token;
    const tenant = t.platform.tenant({
      id: (await t.platform.control().client.execute("SELECT id FROM tenants"))
        .rows[0]![0] as string,
      dbUrl: String(
        (await t.platform.control().client.execute("SELECT db_url FROM tenants")).rows[0]![0],
      ),
    });
    const path = `/api/t/${tree.slug}/campaigns/${id}/submissions/mine`;
    const save = (data: unknown, version?: number) =>
      t.request("PUT", path, { token, body: { formKey: "ke-hoach-tu-duong", data, version } });

    const control = t.platform.control().client;
    const controlSeen = await recordStatements(control, async () => {
      const first = await recordStatements(tenant.client, () => save({ "ho-ten": "Bình" }));
      expect(first.result!.status).toBe(200);
      expect(first.roundTrips).toBeLessThanOrEqual(SAVE_BUDGET);
      const second = await recordStatements(tenant.client, () => save({ "ho-ten": "Bình 2" }, 1));
      expect(second.result!.status).toBe(200);
      expect(await second.result!.json()).toMatchObject({ version: 2, status: "draft" });
      expect(second.roundTrips).toBeLessThanOrEqual(SAVE_BUDGET);
    });
    // The tenant's row was read by an earlier request and is kept: the only control-plane trip
    // of each save is the cron's mark (middleware/mark.ts), a no-op once the tenant is due.
    expect(controlSeen.map((s) => /^update "tenants"/i.test(s.sql))).toEqual([true, true]);

    const count = async (sql: string) => Number((await tenant.client.execute(sql)).rows[0]![0]);
    const versions = await count("SELECT count(*) FROM submission_versions");
    const stale = await save({ "ho-ten": "Bản cũ" }, 1);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe(
      "VERSION_CONFLICT",
    );
    expect(await count("SELECT count(*) FROM submission_versions")).toBe(versions);
    const row = (await tenant.client.execute("SELECT version, data_json AS data FROM submissions"))
      .rows[0]!;
    expect(Number(row.version)).toBe(2);
    expect(JSON.parse(String(row.data))).toEqual({ "ho-ten": "Bình 2" });
  });
});
