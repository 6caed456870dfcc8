// The stored progress figures (issue 13) stay equal to a full recount after random writes
// through the real write paths: new members, status changes (exemptions, transfers, dated
// ahead of today too), moves between units, drafts, submissions, confirmations and returns,
// a unit renamed and moved, and the clock crossing days and the deadline. After every few
// writes, each unit's stored own counts and subtree sums are compared with the SQL GROUP BY
// over the members (countsByUnit, the path the dashboard used to run), and the progress
// page read from them with the page built from the full recount.
import { describe, expect, it } from "vitest";
import { progressDirty, progressFigures, units } from "../../schema/tables/tenant";
import { requireCampaign, type Campaign } from "../../worker/data/campaigns";
import { systemCtx, type Ctx } from "../../worker/data/context";
import { createMember, setMemberStatus, updateMember } from "../../worker/data/members";
import { countsByUnit } from "../../worker/data/progress";
import { refreshFigures } from "../../worker/data/progress-figures";
import { pruneMarks } from "../../worker/data/progress-dirty";
import { campaignProgress } from "../../worker/data/progress-page";
import { saveDraft, submit } from "../../worker/data/submission-drafts";
import { confirm, returnSubmission } from "../../worker/data/submission-review";
import { currentSubmission } from "../../worker/data/submissions";
import { updateUnit } from "../../worker/data/units";
import {
  addCounts,
  fromStored,
  zeroCounts,
  type Counts,
  type StoredCounts,
} from "../../worker/domain/progress";
import { DomainError } from "../../worker/errors";
import { fullPlan000, launchCampaign000, treeAt, type Tree } from "../support/tree";
import type { TestApp } from "../support/app";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { tenantHandle } from "../../worker/db/handles";
import { rng } from "../support/rng";
import { rebuildInPagesOf } from "../support/rebuild-pages";

const STATUSES = ["dang-sinh-hoat", "mien-sinh-hoat", "tuoi-cao-benh", "chuyen-di"] as const;
const nonZero = (c: Counts) => c.expected + c.excused > 0;
const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/** The full recount: each unit's own counts, and each unit's subtree sums from them. */
async function recount(tree: Tree, c: Campaign, now: Date) {
  const { perUnit } = await countsByUnit(systemCtx(tree.db, now), { campaign: c });
  const own = new Map<string, Counts>();
  for (const [id, { lateSubmitted: _l, ...counts }] of perUnit) own.set(id, counts);
  const all = await tree.db
    .select({ id: units.id, path: units.path, parentId: units.parentId })
    .from(units);
  const pathOf = new Map(all.map((u) => [u.id, u.path]));
  const sub = new Map<string, Counts>();
  for (const [id, counts] of own)
    for (const a of pathOf.get(id)!.split("/").filter(Boolean))
      addCounts(sub.get(a) ?? sub.set(a, zeroCounts()).get(a)!, counts);
  return { own, sub, all };
}

async function expectStoredEqualsRecount(tree: Tree, campaignId: string, now: Date) {
  const c = await requireCampaign(tree.db, campaignId);
  const { dueAt } = await refreshFigures(tree.db, c, now);
  const { own, sub, all } = await recount(tree, c, now);
  const rows = await tree.db
    .select()
    .from(progressFigures)
    .where(eq(progressFigures.campaignId, c.id));
  const stored = (prefix: "own" | "sub") =>
    new Map(
      rows
        .map((r): [string, Counts] => {
          const s = Object.fromEntries(
            (
              ["expected", "excused", "submitted", "confirmed", "onTime", "lateSubmitted"] as const
            ).map((k) => [k, r[`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}` as keyof typeof r]]),
          ) as unknown as StoredCounts;
          return [r.unitId, fromStored(s, dueAt, now)];
        })
        .filter(([, x]) => nonZero(x)),
    );
  const wanted = (m: Map<string, Counts>) => new Map([...m].filter(([, x]) => nonZero(x)));
  expect(Object.fromEntries(stored("own"))).toEqual(Object.fromEntries(wanted(own)));
  expect(Object.fromEntries(stored("sub"))).toEqual(Object.fromEntries(wanted(sub)));
  // The root's page: its own counts and each child's subtree, as the recount gives them.
  const page = await campaignProgress(systemCtx(tree.db, now), { campaign: c });
  const children = all.filter((u) => u.parentId === tree.root.id).map((u) => u.id);
  const expected = Object.fromEntries(
    [
      [tree.root.id, own.get(tree.root.id)] as const,
      ...children.map((id) => [id, sub.get(id)] as const),
    ].filter((e): e is readonly [string, Counts] => !!e[1] && nonZero(e[1])),
  );
  expect(
    Object.fromEntries(page.units.map(({ unitId, childCount: _c, ...counts }) => [unitId, counts])),
  ).toEqual(expected);
  return rows.length;
}

async function run(seed: number, steps: number) {
  const tree = await treeAt("2026-03-25T03:00:00Z", `so-lieu-${seed}`);
  const t: TestApp = tree.t;
  const r = rng(seed);
  const committee = await tree.addUnit("Đảng bộ cơ quan", "dang-bo-co-so");
  const cells = [
    tree.cellA,
    tree.cellB,
    ...(await Promise.all(
      [3, 4, 5, 6, 7, 8].map((n) => tree.addUnit(`Chi bộ ${n}`, "chi-bo", committee)),
    )),
  ];
  const ctx = (): Ctx => systemCtx(tree.db, t.clock.now);
  const memberIds = [...Object.values(tree.ids)];
  for (let i = 0; i < 12; i++)
    memberIds.push(
      (
        await createMember(ctx(), {
          fullName: `Đảng viên ${i}`,
          unitId: r.pick(cells).id,
          statusSince: "2020-01-01",
        } as never)
      ).id,
    );
  const id = await launchCampaign000(tree);
  let c = await requireCampaign(tree.db, id);
  // The first read builds the figures; from then on only the marks move them.
  await expectStoredEqualsRecount(tree, id, t.clock.now);
  const sub = async (memberId: string) =>
    currentSubmission(tree.db, { campaignId: id, memberId, formKey: "ke-hoach-tu-duong" });
  const ops: Record<string, () => Promise<unknown>> = {
    newMember: async () =>
      memberIds.push(
        (
          await createMember(ctx(), {
            fullName: `Người mới ${memberIds.length}`,
            unitId: r.pick(cells).id,
            status: r.pick(STATUSES),
            statusSince: isoDay(t.clock.now),
          } as never)
        ).id,
      ),
    status: () => {
      // Dated today, in the past, or ahead of today (it takes effect as the days pass).
      const day = new Date(t.clock.now.getTime() + (r.int(9) - 4) * 86400_000);
      return setMemberStatus(ctx(), {
        id: r.pick(memberIds),
        status: r.pick(STATUSES),
        since: isoDay(day),
      });
    },
    move: async () => {
      const m = (await tree.db.query.members.findFirst({
        where: (x, { eq }) => eq(x.id, r.pick(memberIds)),
      }))!;
      return updateMember(ctx(), {
        id: m.id,
        version: m.version,
        unitId: r.pick(cells).id,
      } as never);
    },
    draft: async () => {
      const memberId = r.pick(memberIds);
      const s = await sub(memberId);
      return saveDraft(ctx(), {
        campaign: c,
        memberId,
        onBehalf: false,
        formKey: "ke-hoach-tu-duong",
        data: fullPlan000("Người viết"),
        version: s?.version,
      });
    },
    submit: async () => {
      const memberId = r.pick(memberIds);
      if (!(await sub(memberId)))
        await saveDraft(ctx(), {
          campaign: c,
          memberId,
          onBehalf: false,
          formKey: "ke-hoach-tu-duong",
          data: fullPlan000("Người viết"),
        });
      return submit(ctx(), { campaign: c, memberId, onBehalf: false });
    },
    confirm: async () => {
      const s = await sub(r.pick(memberIds));
      if (s) await confirm(ctx(), s.id, { signerRole: "admin" });
    },
    return: async () => {
      const s = await sub(r.pick(memberIds));
      if (s) await returnSubmission(ctx(), { id: s.id, comment: "Cần bổ sung phần khắc phục." });
    },
    clock: async () => {
      // Hours to days: the evaluation date moves, and the deadline (8/4 17:00 UTC) passes.
      t.clock.now = new Date(t.clock.now.getTime() + r.int(96) * 3600_000);
    },
  };
  const weights: [keyof typeof ops, number][] = [
    ["newMember", 2],
    ["status", 3],
    ["move", 2],
    ["draft", 3],
    ["submit", 5],
    ["confirm", 3],
    ["return", 2],
    ["clock", 2],
  ];
  const bag = weights.flatMap(([k, w]) => Array<keyof typeof ops>(w).fill(k));
  const done: Record<string, number> = {};
  let refused = 0;
  for (let i = 0; i < steps; i++) {
    const op = r.pick(bag);
    try {
      await ops[op]!();
      done[op] = (done[op] ?? 0) + 1;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      refused++; // refused writes (a confirmed plan, an excused member…) change nothing
    }
    if (i === Math.floor(steps / 2)) {
      // The tree itself changes once: a cell renamed and moved under the committee.
      const u = (await tree.db.query.units.findFirst({
        where: (x, { eq }) => eq(x.id, tree.cellB.id),
      }))!;
      await updateUnit(ctx(), {
        id: u.id,
        version: u.version,
        parentId: committee.id,
        name: "Chi bộ 2 (mới)",
      });
      c = await requireCampaign(tree.db, id);
    }
    if (i % 6 === 5) await expectStoredEqualsRecount(tree, id, t.clock.now);
  }
  await expectStoredEqualsRecount(tree, id, t.clock.now);
  return { refused, done, last: t.clock.now };
}

describe("stored progress figures", () => {
  it("equal a full recount after random writes (seed 1)", async () => {
    const { done, last } = await run(1, 90);
    // The walk crossed the deadline, and every kind of write happened.
    expect(last.getTime()).toBeGreaterThan(Date.parse("2026-04-08T17:00:00Z"));
    for (const op of ["newMember", "status", "move", "draft", "submit", "confirm", "return"])
      expect(done[op], op).toBeGreaterThan(0);
  }, 120_000);

  it("equal a full recount after random writes (seed 7), recounting two units a page", async () => {
    rebuildInPagesOf(2);
    await run(7, 90);
  }, 120_000);
});

describe("dated figures", () => {
  it("follow a status dated ahead once its day comes, with no write in between", async () => {
    const tree = await treeAt("2026-03-25T03:00:00Z", "so-lieu-ngay");
    const id = await launchCampaign000(tree);
    const ctx = systemCtx(tree.db, tree.t.clock.now);
    // Excused from 28/3: expected until then.
    await setMemberStatus(ctx, { id: tree.ids.a2!, status: "mien-sinh-hoat", since: "2026-03-28" });
    const page = async () => {
      const c = await requireCampaign(tree.db, id);
      return (await campaignProgress(systemCtx(tree.db, tree.t.clock.now), { campaign: c })).totals;
    };
    const before = await page();
    await expectStoredEqualsRecount(tree, id, tree.t.clock.now);
    tree.t.clock.now = new Date("2026-03-28T03:00:00Z");
    const after = await page();
    expect(after.excused).toBe(before.excused + 1);
    expect(after.expected).toBe(before.expected - 1);
    await expectStoredEqualsRecount(tree, id, tree.t.clock.now);
    // Past the deadline (8/4 17:00 UTC) those still without a plan are late, read off the
    // stored counts with no write at all.
    tree.t.clock.now = new Date("2026-04-09T03:00:00Z");
    const late = await page();
    expect(late.late).toBe(late.expected - late.submitted);
    expect(late.late).toBeGreaterThan(0);
  });
});

describe("pruning the marks", () => {
  it("keeps what a campaign has not read, and rebuilds one whose marks went", async () => {
    const tree = await treeAt("2026-03-25T03:00:00Z", "so-lieu-don");
    const id = await launchCampaign000(tree);
    const now = () => tree.t.clock.now;
    const marks = async () => (await tree.db.select().from(progressDirty)).length;
    await expectStoredEqualsRecount(tree, id, now());
    // A write the campaign has not read yet survives pruning, and is then applied.
    await setMemberStatus(systemCtx(tree.db, now()), {
      id: tree.ids.a2!,
      status: "mien-sinh-hoat",
      since: "2026-03-25",
    });
    await pruneMarks(tree.db, [id]);
    expect(await marks()).toBe(1);
    await expectStoredEqualsRecount(tree, id, now());
    await pruneMarks(tree.db, [id]);
    expect(await marks()).toBe(0);
    // Pruned past a campaign's state (it was not kept): its next read recounts.
    await setMemberStatus(systemCtx(tree.db, now()), {
      id: tree.ids.a5!,
      status: "mien-sinh-hoat",
      since: "2026-03-25",
    });
    await pruneMarks(tree.db, []);
    expect(await marks()).toBe(0);
    expect(
      await tree.db.select().from(progressFigures).where(eq(progressFigures.campaignId, id)),
    ).toEqual([]);
    await expectStoredEqualsRecount(tree, id, now());
  });
});

describe("concurrent readers and writers", () => {
  // Each refresh applies differences against the own counts stored when it commits, and
  // sets the state to the last mark it read, so a slower refresh can only leave marks to be
  // read again; the compare-and-set on the state spares that repeat.
  it("stay exact when refreshes race each other and the writes (two handles, as two server processes)", async () => {
    const tree = await treeAt("2026-03-25T03:00:00Z", "so-lieu-dua");
    const id = await launchCampaign000(tree);
    const now = () => tree.t.clock.now;
    // A second handle on the same file: its refreshes do not wait for the first handle's,
    // so they race to the compare-and-set.
    const [row] = (await tree.t.platform.control().client.execute("SELECT id FROM tenants")).rows;
    const other = tenantHandle(
      createClient({ url: `file:${join(tree.t.dataDir, "tenants", `${String(row!.id)}.db`)}` }),
    );
    onTestFinished(() => other.client.close());
    const c = await requireCampaign(tree.db, id);
    await refreshFigures(tree.db, c, now());
    const people = [];
    for (let i = 0; i < 12; i++)
      people.push(
        await createMember(systemCtx(tree.db, now()), {
          fullName: `Người ${i}`,
          unitId: i % 2 ? tree.cellA.id : tree.cellB.id,
          statusSince: "2020-01-01",
        } as never),
      );
    await Promise.all(
      people.flatMap((m, i) => [
        setMemberStatus(systemCtx(i % 2 ? tree.db : other.db, now()), {
          id: m.id,
          status: STATUSES[i % STATUSES.length]!,
          since: "2026-03-25",
        }),
        refreshFigures(tree.db, c, now()),
        refreshFigures(other.db, c, now()),
      ]),
    );
    await expectStoredEqualsRecount(tree, id, now());
  });
});
