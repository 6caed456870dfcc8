// The SQL aggregation (countsByUnitSql) and the member-by-member rules (campaignRoster →
// classify) must give the same figures. Random members, statuses, mid-campaign changes and
// submissions, judged at several moments around the deadline.
import { describe, expect, it } from "vitest";
import { memberStatusHistory, submissions } from "../../schema/tables/tenant";
import { createCampaign, requireCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { launchCampaign } from "../../worker/data/launch";
import { campaignRoster, countsByUnitSql } from "../../worker/data/progress";
import { newId } from "../../worker/data/ids";
import {
  addCounts,
  fromStored,
  toStored,
  zeroCounts,
  type Counts,
} from "../../worker/domain/progress";
import { makeApp } from "../support/app";
import { buildTree } from "../support/tree";

const STATUSES = [
  "dang-sinh-hoat",
  "dang-sinh-hoat",
  "dang-sinh-hoat",
  "mien-sinh-hoat",
  "tuoi-cao-benh",
  "chuyen-di",
  "tu-tran",
  "chuyen-den",
] as const;

describe("progress in SQL and in code agree", () => {
  it("on random data at moments around the deadline", async () => {
    const t = await makeApp();
    try {
      t.clock.now = new Date("2026-03-12T02:00:00Z");
      const tree = await buildTree(t);
      const { db } = tree;
      // mulberry32: a small PRNG with good low bits, seeded so the data is the same every run.
      let seed = 42;
      const rand = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) % n;
      };
      for (let i = 0; i < 120; i++) {
        const unitId = [tree.cellA.id, tree.cellB.id][rand(2)]!;
        const { body } = await tree.api<{ member: { id: string } }>("admin", "POST", "/members", {
          fullName: `Người số ${i}`,
          unitId,
          status: STATUSES[rand(STATUSES.length)],
          statusSince: "2020-01-01",
        });
        if (rand(3) === 0)
          await db.insert(memberStatusHistory).values({
            id: newId(),
            memberId: body.member.id,
            status: STATUSES[rand(STATUSES.length)]!,
            since: `2026-04-0${1 + rand(9)}`,
            at: t.clock.now,
          });
      }
      const sys = systemCtx(db, t.clock.now);
      const { id } = await createCampaign(sys, {
        templateKey: "tu-soi-tu-sua",
        name: "Đợt",
        startsOn: "2026-03-11",
        dueOn: "2026-04-10",
        unitIds: [tree.root.id],
      });
      await launchCampaign(sys, id);
      const all = await db.query.members.findMany();
      const due = new Date("2026-04-08T17:00:00Z").getTime();
      for (const m of all) {
        const r = rand(5);
        if (r === 0) continue;
        const status = (["draft", "submitted", "returned", "confirmed"] as const)[r - 1]!;
        // The boundaries themselves: a millisecond before the deadline, at it, a day either side.
        const first =
          status === "draft" ? null : new Date(due + [-86400_000, -1, 0, 1, 86400_000][rand(5)]!);
        await db.insert(submissions).values({
          id: newId(),
          campaignId: id,
          memberId: m.id,
          formKey: "ke-hoach-tu-duong",
          formVersion: 1,
          status,
          version: 1,
          data: "{}",
          submittedAt: first,
          firstSubmittedAt: first,
          createdAt: t.clock.now,
          updatedAt: t.clock.now,
        });
      }
      const c = await requireCampaign(db, id);
      for (const at of [
        "2026-03-20T00:00:00Z",
        "2026-04-04T17:00:00Z",
        "2026-04-08T16:59:59.999Z",
        "2026-04-08T17:00:00Z",
        "2026-05-01T00:00:00Z",
      ]) {
        const now = new Date(at);
        const sqlSide = await countsByUnitSql(systemCtx(db, now), { campaign: c });
        const { entries } = await campaignRoster(systemCtx(db, now), { campaign: c });
        const codeSide = new Map<string, Counts & { lateSubmitted: number }>();
        for (const e of entries) {
          const into =
            codeSide.get(e.unitId) ??
            codeSide.set(e.unitId, { ...zeroCounts(), lateSubmitted: 0 }).get(e.unitId)!;
          addCounts(into, e.counts);
          into.lateSubmitted += toStored(e.counts, !!e.counts.submitted).lateSubmitted;
        }
        expect(Object.fromEntries(sqlSide.perUnit)).toEqual(Object.fromEntries(codeSide));
        // What is stored (lateness by the due instant only) gives back the counts on `now`.
        for (const { lateSubmitted, ...counts } of sqlSide.perUnit.values())
          expect(fromStored({ ...counts, lateSubmitted }, sqlSide.dueAt, now)).toEqual(counts);
        expect(
          [...sqlSide.perUnit.values()].reduce((n, x) => n + x.expected + x.excused, 0),
        ).toBeGreaterThan(50);
      }
    } finally {
      t.close();
    }
  });
});
