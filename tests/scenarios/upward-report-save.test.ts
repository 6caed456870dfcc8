// Saving a report upward answers with the report as it now stands, built from what the save
// already holds (data/upward-reports.ts upwardReportView): the directive, the row as written
// (RETURNING), the root unit's form and the figures — not a second read of each. The answer
// equals a fresh GET, and the statements are counted on both databases.
import { describe, expect, it } from "vitest";
import { runScheduledPass } from "../../worker/cron";
import { openTenantBySlug } from "../support/app";
import { recordStatements } from "../support/statements";
import { publishCt24 } from "../support/templates";
import { adoptAndLaunch, linkUnder, treesAt } from "../support/tree";

const AT = "2026-03-12T02:00:00Z";
const verb = (sql: string) => sql.trim().split(/\s+/)[0]!.toUpperCase();

describe("PUT /campaigns/:id/upward-report", () => {
  it("answers what a fresh GET reads, without reading the report again", async () => {
    const {
      t,
      trees: [quan, p1],
    } = await treesAt(AT, "quan-uy", "phuong-mot");
    await linkUnder(quan, p1);
    const d = await publishCt24(quan);
    const campaignId = await adoptAndLaunch(p1, d.body.id);
    await runScheduledPass(t.platform);
    const path = `/campaigns/${campaignId}/upward-report`;
    const tenant = await openTenantBySlug(t, p1.slug);
    const control = t.platform.control().client;

    // Each save is counted on both databases; its answer is compared with a GET right after.
    const save = async (body: Record<string, unknown>) => {
      const tenantSeen = await recordStatements(tenant.client, async () =>
        recordStatements(control, () =>
          p1.api<Record<string, unknown>>("admin", "PUT", path, body),
        ),
      );
      const controlSeen = tenantSeen.result!;
      const answer = controlSeen.result!;
      expect(answer.status).toBe(200);
      const fresh = await p1.api<Record<string, unknown>>("admin", "GET", path);
      expect(answer.body).toEqual(fresh.body);
      return { answer: answer.body, tenantSeen, controlSeen };
    };

    const draft = await save({ version: 0, narrative: { "ket-qua": "Đã tổ chức sinh hoạt" } });
    expect([draft.answer.status, draft.answer.version]).toEqual(["draft", 1]);
    // Control: the tenant row may be cached; the directive, the row, the write. Nothing after.
    const controlReads = (seen: { sql: string }[]) =>
      seen.filter(
        (s) => /\bfrom "?(directives|upward_reports)"?/i.test(s.sql) && verb(s.sql) === "SELECT",
      );
    expect(controlReads(draft.controlSeen)).toHaveLength(2);
    // Tenant: the root unit and the figures in one batch, and the audit row; no second read.
    const rootReads = draft.tenantSeen.filter(
      (s) => /from "?units"?/i.test(s.sql) && /depth/.test(s.sql),
    );
    const figureReads = draft.tenantSeen.filter((s) => /from "?rollup_units"?/i.test(s.sql));
    expect([rootReads.length, figureReads.length]).toEqual([1, 1]);
    expect(rootReads[0]!.roundTrip).toBe(figureReads[0]!.roundTrip);

    const filed = await save({
      version: 1,
      narrative: { "ngay-sinh-hoat": "2026-03-20", "ket-qua": "Đã tổ chức sinh hoạt" },
      file: true,
    });
    expect([filed.answer.status, filed.answer.filings, filed.answer.mark]).toEqual([
      "filed",
      1,
      "on-time",
    ]);
    expect(controlReads(filed.controlSeen)).toHaveLength(2);
    expect(filed.tenantSeen.filter((s) => /from "?rollup_units"?/i.test(s.sql))).toHaveLength(1);
  });
});
