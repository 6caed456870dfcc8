// The audit log as the admin reads it (issue 12): filtered by person and by unit subtree,
// keyset-paged newest first (no entry twice, none skipped), every written code has words.
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "../../schema/vocab/audit-actions";
import { auditInsert, listAudit } from "../../worker/data/audit";
import { recordStatements } from "../support/statements";
import { treeAt } from "../support/tree";

interface Entry {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  actor: { id: string; fullName: string } | null;
}

describe("the audit log", () => {
  it("pages one person's entries by id, newest first, without gaps or repeats", async () => {
    const tree = await treeAt();
    const at = new Date("2026-03-01T02:00:00Z");
    const a1 = tree.userIds.a1!;
    const admin = tree.userIds.admin!;
    // 120 of a1's rows, interleaved with the admin's.
    for (let i = 0; i < 120; i++) {
      for (const actorUserId of [a1, admin])
        await auditInsert(
          tree.db,
          {
            actorUserId,
            action: "member.update",
            entity: "member",
            entityId: tree.ids.a1!,
            after: { position: `Lần ${i}` },
          },
          at,
        );
    }
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const q = `/audit?actor=${a1}&limit=50${before ? `&before=${before}` : ""}`;
      const r = await tree.api<{ entries: Entry[] }>("admin", "GET", q);
      expect(r.status).toBe(200);
      expect(r.body.entries.every((e) => e.actor?.id === a1)).toBe(true);
      seen.push(...r.body.entries.map((e) => e.id));
      if (r.body.entries.length < 50) break;
      before = r.body.entries.at(-1)!.id;
    }
    expect(seen).toHaveLength(120);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
    expect(new Set(seen).size).toBe(120);
  });

  it("keeps to a unit's subtree: its units and its members, not the neighbour cell's", async () => {
    const tree = await treeAt();
    const memberA = tree.ids.a1!;
    const renamed = await tree.api("admin", "PATCH", `/units/${tree.cellB.id}`, {
      name: "Chi bộ Khu dân cư số 2 (mới)",
      version: 1,
    });
    expect(renamed.status).toBe(200);
    const member = await tree.api<{ member: { version: number } }>(
      "admin",
      "GET",
      `/members/${memberA}`,
    );
    const edited = await tree.api("admin", "PATCH", `/members/${memberA}`, {
      position: "Phó bí thư chi bộ",
      version: member.body.member.version,
    });
    expect(edited.status).toBe(200);

    const inA = await tree.api<{ entries: Entry[] }>(
      "admin",
      "GET",
      `/audit?unitId=${tree.cellA.id}`,
    );
    expect(inA.body.entries.map((e) => [e.action, e.entityId])).toEqual([
      ["member.update", memberA],
    ]);
    const inB = await tree.api<{ entries: Entry[] }>(
      "admin",
      "GET",
      `/audit?unitId=${tree.cellB.id}`,
    );
    expect(inB.body.entries.map((e) => e.action)).toEqual(["unit.rename"]);
    // The root is the whole tenant: both, and the sign-up before them.
    const all = await tree.api<{ entries: Entry[] }>(
      "admin",
      "GET",
      `/audit?unitId=${tree.root.id}`,
    );
    expect(all.body.entries.slice(0, 2).map((e) => e.action)).toEqual([
      "member.update",
      "unit.rename",
    ]);
    // Another tenant's unit, or none: 404, not an empty page that looks like "no changes".
    const unknown = await tree.api("admin", "GET", "/audit?unitId=khongco");
    expect(unknown.status).toBe(404);
    // Only the admin reads the log.
    expect((await tree.api("a1", "GET", "/audit")).status).toBe(403);
  });

  it("reads one person's page through audit_actor_idx, in id order, with no sort", async () => {
    const tree = await treeAt();
    const control = tree.t.platform.control().client;
    const [row] = (await control.execute("SELECT id, db_url FROM tenants")).rows;
    const client = tree.t.platform.tenant({
      id: String(row!.id),
      dbUrl: String(row!.db_url),
    }).client;
    const sent = await recordStatements(client, () =>
      listAudit(tree.db, { actorUserId: tree.userIds.a1!, before: 1_000_000, limit: 50 }),
    );
    const select = sent.find((s) => /from "audit_log"/i.test(s.sql))!;
    const plan = (
      await client.execute({ sql: `EXPLAIN QUERY PLAN ${select.sql}`, args: select.args as never })
    ).rows
      .map((r) => String(r.detail))
      .join("\n");
    expect(plan).toMatch(/audit_log USING INDEX audit_actor_idx \(actor_user_id=\? AND id<\?\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });

  it("has Vietnamese words for every code it shows", () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(code).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      expect(label).not.toMatch(/[._]/);
      expect(label.length).toBeGreaterThan(3);
    }
  });
});
