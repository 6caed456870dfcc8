// Tenant archives in tests: a tenant with something in every table that matters, and every
// exported table read back row by row for comparison.
import type { Client } from "@libsql/client";
import { unzipSync, zipSync } from "fflate";
import { runScheduledPass } from "../../worker/cron";
import { EXPORTED, SECRET_COLUMN } from "../../worker/data/archive/tables";
import type { TestApp } from "./app";
import { buildTree, launchCampaign000, submitPlan000 } from "./tree";

/** The tree of tests/support/tree.ts with a launched campaign, plans submitted, confirmed
 *  (frozen hashes) and commented, a meeting with its roll-call, a review, a report, the
 *  webhook's settings with a secret, and one cron pass (notifications, ledger, rollups). */
export async function richTenant(t: TestApp, slug: string) {
  const tree = await buildTree(t, slug);
  const { api, ids, cellA } = tree;
  const ok = async (p: Promise<{ status: number; body: unknown }>, want = 200) => {
    const r = await p;
    if (r.status !== want) throw new Error(`fixture: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown>;
  };
  const mttq = await tree.addUnit("Ủy ban MTTQ Việt Nam phường", "doan-the");
  await tree.addUser("mttq", [["supervisor", mttq.id]]);
  const campaignId = await launchCampaign000(tree);
  const a2 = await submitPlan000(api, campaignId, "a2", "Trần Thị Bình");
  const b2 = await submitPlan000(api, campaignId, "b2", "Vũ Văn Hải");
  await submitPlan000(api, campaignId, "a5", "Hoàng Văn Em");
  await ok(api("a1", "POST", `/submissions/${a2}/confirm`, { opinion: "Chi bộ nhất trí." }));
  await ok(api("b1", "POST", `/submissions/${b2}/confirm`, { opinion: "Nhất trí." }));
  await ok(api("mttq", "POST", `/submissions/${a2}/comments`, { body: "Góp ý của MTTQ." }), 201);
  const meeting = (
    await ok(
      api("a1", "POST", `/campaigns/${campaignId}/meetings`, {
        unitId: cellA.id,
        stepKey: "hoi-nghi",
        place: "Nhà văn hóa khu dân cư số 1",
      }),
      201,
    )
  ).meeting as { id: string; version: number };
  await ok(
    api("a1", "PUT", `/meetings/${meeting.id}/attendance`, {
      version: meeting.version,
      entries: [
        { memberId: ids.a1, presence: "present", isCommittee: true, spokeOrder: 1 },
        { memberId: ids.a2, presence: "present", spokeOrder: 2 },
        { memberId: ids.a3, presence: "excused", reason: "Ốm" },
      ],
    }),
  );
  await ok(
    api("admin", "PUT", "/settings/notifications", {
      daysBefore: 3,
      quietHours: null,
      email: false,
      webhookUrl: "https://relay.example/hook",
      webhookSecret: "mot-khoa-bi-mat-du-dai-16",
    }),
    204,
  );
  await runScheduledPass(t.platform);
  return { ...tree, campaignId, submissions: { a2, b2 } };
}

export type Dump = Record<string, Record<string, unknown>[]>;

/** Every exported table, rows in rowid order, secret columns left out. */
export async function dumpTenant(client: Client): Promise<Dump> {
  const out: Dump = {};
  for (const { table } of EXPORTED) {
    const rs = await client.execute(`SELECT * FROM "${table}" ORDER BY rowid`);
    out[table] = rs.rows.map((r) =>
      Object.fromEntries(
        rs.columns.filter((c) => !SECRET_COLUMN.test(c)).map((c) => [c, r[c] ?? null]),
      ),
    );
  }
  return out;
}

/** What the import should produce from `source`: the settings without the webhook secret. */
export function expectedAfterImport(source: Dump): Dump {
  const spec = EXPORTED.find((t) => t.table === "settings")!;
  return { ...source, settings: source.settings!.map((r) => spec.redact!(r)) };
}

/** The archive's entries, to take apart and put back in tests. */
export const entriesOf = (zip: Uint8Array) => unzipSync(zip);
export const rezip = (entries: Record<string, Uint8Array>) =>
  zipSync(entries, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") });
