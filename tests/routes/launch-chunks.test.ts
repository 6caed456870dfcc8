// A launch in chunks (issue 13/15): stopped after a chunk and finished by a rerun, it leaves
// exactly the tasks a clean launch leaves — nothing doubled, nothing missed.
import { describe, expect, it } from "vitest";
import { memberStatusHistory, members, tasks, units } from "../../schema/tables/tenant";
import { createCampaign } from "../../worker/data/campaigns";
import { systemCtx } from "../../worker/data/context";
import { finishLaunch, LAUNCH_CHUNK_UNITS, launchCampaign } from "../../worker/data/launch";
import { historyRow, newMemberRow } from "../../worker/data/members";
import { newUnitRow } from "../../worker/data/units";
import { treeAt } from "../support/tree";

describe("a chunked launch", () => {
  it("killed after a chunk and rerun, equals a clean launch", async () => {
    const tree = await treeAt("2026-03-12T02:00:00Z");
    const { t, db, root } = tree;
    const now = t.clock.now;
    // Enough cells for several chunks, two or three members each, some excused.
    const cells = Array.from({ length: LAUNCH_CHUNK_UNITS * 2 + 50 }, (_, i) =>
      newUnitRow({ name: `Chi bộ ${i + 1}`, kind: "chi-bo" }, root, now),
    );
    const people = cells.flatMap((u, i) =>
      Array.from({ length: 2 + (i % 2) }, (_, k) =>
        newMemberRow(
          {
            fullName: `Người ${i}.${k}`,
            unitId: u.id,
            status: (i + k) % 7 === 0 ? "mien-sinh-hoat" : "dang-sinh-hoat",
            statusSince: "2020-01-01",
          },
          now,
        ),
      ),
    );
    for (let i = 0; i < cells.length; i += 100)
      await db.insert(units).values(cells.slice(i, i + 100));
    for (let i = 0; i < people.length; i += 100) {
      await db.insert(members).values(people.slice(i, i + 100));
      await db
        .insert(memberStatusHistory)
        .values(people.slice(i, i + 100).map((m) => historyRow(m, now, null)));
    }
    const sys = systemCtx(db, now);
    const make = async (name: string) =>
      (
        await createCampaign(sys, {
          templateKey: "tu-soi-tu-sua",
          name,
          startsOn: "2026-03-11",
          dueOn: "2026-04-10",
          unitIds: [root.id],
        })
      ).id;
    const clean = await make("Sạch");
    const killed = await make("Dừng giữa chừng");
    await launchCampaign(sys, clean);
    await expect(
      launchCampaign(sys, killed, {
        afterChunk: (k) => {
          if (k === 1) throw new Error("process killed (simulated)");
        },
      }),
    ).rejects.toThrow("process killed");
    const of = async (id: string) =>
      (await db.select().from(tasks))
        .filter((x) => x.campaignId === id)
        .map((x) => `${x.stepKey}|${x.unitId}|${x.memberId}|${x.dueAt?.getTime()}`)
        .sort();
    const want = await of(clean);
    const partial = await of(killed);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(want.length);
    await finishLaunch(sys, killed);
    expect(await of(killed)).toEqual(want);
    // Once more changes nothing.
    await finishLaunch(sys, killed);
    expect(await of(killed)).toEqual(want);
    expect(want.length).toBeGreaterThan(cells.length * 2);
  });
});
