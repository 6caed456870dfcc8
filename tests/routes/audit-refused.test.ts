// A write refused after it reached the database (ON CONFLICT DO NOTHING, then 409) leaves no
// audit row: the log records only changes that happened (issue 14).
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  meetingAttendance,
  memberStatusHistory,
  units,
} from "../../schema/tables/tenant";
import { launchCt24Phuong } from "../support/templates";
import { treeAt } from "../support/tree";

async function auditCount(tree: Awaited<ReturnType<typeof treeAt>>, action: string) {
  const [row] = await tree.db
    .select({ n: count() })
    .from(auditLog)
    .where(eq(auditLog.action, action));
  return row!.n;
}

describe("refused writes leave no audit row", () => {
  it("logs one meeting.create for one meeting, however often it is asked", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await launchCt24Phuong(tree);
    const body = { unitId: tree.cellA.id, stepKey: "cb-sinh-hoat" };
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push((await tree.api("a1", "POST", `/campaigns/${id}/meetings`, body)).status);
    expect(answers).toEqual([201, 409, 409, 409]);
    expect(await auditCount(tree, "meeting.create")).toBe(1);
  });

  it("logs one grant.add for one grant, however often it is asked", async () => {
    const tree = await treeAt();
    const path = `/accounts/${tree.userIds.a1}/grants`;
    const body = { role: "viewer", unitId: tree.root.id };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await tree.api("admin", "POST", path, body)).status);
    expect(answers).toEqual([201, 409, 409]);
    expect(await auditCount(tree, "grant.add")).toBe(1);
  });

  // Edits sent together all read the same version; the losers learn it only in their batch,
  // after the check up front has passed: that is where a stale edit used to leave its trace.
  it("logs a unit's rename once when edits race; the losers (409) move and log nothing", async () => {
    const tree = await treeAt();
    const path = `/units/${tree.cellA.id}`;
    const renames = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        tree.api("admin", "PATCH", path, { name: `Chi bộ ${i}`, version: 1 }),
      ),
    );
    expect(renames.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await auditCount(tree, "unit.rename")).toBe(1);
    const [cell] = await tree.db.select().from(units).where(eq(units.id, tree.cellA.id));
    const moves = await Promise.all(
      [tree.cellB.id, tree.cellB.id].map((parentId) =>
        tree.api("admin", "PATCH", path, { parentId, version: cell!.version }),
      ),
    );
    expect(moves.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await auditCount(tree, "unit.move")).toBe(1);
    // The unit's path agrees with the parent the winner chose.
    const [moved] = await tree.db.select().from(units).where(eq(units.id, tree.cellA.id));
    const [parent] = await tree.db.select().from(units).where(eq(units.id, moved!.parentId!));
    expect(moved!.path.startsWith(parent!.path)).toBe(true);
    expect(moved!.depth).toBe(parent!.depth + 1);
  });

  it("logs closing a unit once, not again when it is already closed", async () => {
    const tree = await treeAt();
    const unit = await tree.api<{ id: string }>("admin", "POST", "/units", {
      name: "Chi bộ tạm",
      kind: "chi-bo",
    });
    expect(unit.status).toBe(201);
    const path = `/units/${unit.body.id}/close`;
    for (let i = 0; i < 2; i++)
      expect((await tree.api("admin", "POST", path, { closedOn: "2026-03-01" })).status).toBe(200);
    expect(await auditCount(tree, "unit.close")).toBe(1);
  });

  it("logs a member's edit once when edits race; the losers (409) log nothing", async () => {
    const tree = await treeAt();
    const path = `/members/${tree.ids.a1}`;
    const edits = await Promise.all(
      ["Ân", "Ấn", "Án"].map((n) =>
        tree.api("admin", "PATCH", path, { fullName: `Nguyễn Văn ${n}`, version: 1 }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await auditCount(tree, "member.update")).toBe(1);
  });

  it("records a status change once when edits race; the losers (409) leave no history row", async () => {
    const tree = await treeAt();
    const history = async () =>
      (
        await tree.db
          .select({ n: count() })
          .from(memberStatusHistory)
          .where(eq(memberStatusHistory.memberId, tree.ids.a1!))
      )[0]!.n;
    const before = await history();
    const edits = await Promise.all(
      (["chuyen-di", "tu-tran", "mien-sinh-hoat"] as const).map((status) =>
        tree.api("admin", "PATCH", `/members/${tree.ids.a1}`, { status, version: 1 }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await history()).toBe(before + 1);
    expect(await auditCount(tree, "member.update")).toBe(1);
  });

  it("takes a roll-call once when calls race; a stale call adds no one, not even new names", async () => {
    const tree = await treeAt("2023-09-08T02:00:00Z");
    const id = await launchCt24Phuong(tree);
    type M = { meeting: { id: string; version: number } };
    const m = (
      await tree.api<M>("a1", "POST", `/campaigns/${id}/meetings`, {
        unitId: tree.cellA.id,
        stepKey: "cb-sinh-hoat",
      })
    ).body.meeting;
    const path = `/meetings/${m.id}/attendance`;
    // Each call names a different member, none of them on the (empty) roll-call yet.
    const calls = await Promise.all(
      (["a1", "a2", "a3"] as const).map((who) =>
        tree.api("a1", "PUT", path, {
          version: m.version,
          entries: [{ memberId: tree.ids[who], presence: "present" }],
        }),
      ),
    );
    expect(calls.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const rows = await tree.db
      .select({ n: count() })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, m.id));
    expect(rows[0]!.n).toBe(1);
    expect(await auditCount(tree, "meeting.attendance")).toBe(1);
  });
});
