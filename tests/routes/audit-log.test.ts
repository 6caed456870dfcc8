// The audit log as the admin reads it (issue 12): filtered by person and by unit subtree,
// keyset-paged newest first (no entry twice, none skipped), every written code has words.
import { describe, expect, it } from "vitest";
import { auditGroupKey } from "../../schema/rules/audit-groups";
import { AUDIT_ACTION_LABELS } from "../../schema/vocab/audit-actions";
import { auditInsert, listAudit } from "../../worker/data/audit";
import { recordStatements } from "../support/statements";
import { treeAt } from "../support/tree";

interface Entry {
  id: number;
  at: string;
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
      const r = await tree.api<{ entries: Entry[]; next: number | null }>("admin", "GET", q);
      expect(r.status).toBe(200);
      expect(r.body.entries.every((e) => e.actor?.id === a1)).toBe(true);
      seen.push(...r.body.entries.map((e) => e.id));
      // One hour of one person: a group longer than a page still pages, 50 at a time.
      expect(r.body.entries.length).toBe(r.body.next === null ? 20 : 50);
      if (r.body.next === null) break;
      before = r.body.next;
    }
    expect(seen).toHaveLength(120);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
    expect(new Set(seen).size).toBe(120);
  });

  it("ends a page on a person-hour's edge, so a group straddling the page size is whole", async () => {
    const tree = await treeAt();
    const a1 = tree.userIds.a1!;
    const admin = tree.userIds.admin!;
    // Oldest first: the admin's 30 at 08:xx ICT, a1's 40 at 09:xx, the admin's 30 at 10:xx.
    // Newest first that is 30 | 40 | 30: a1's hour runs over the first page's 50 rows.
    const hours = [
      [admin, "2026-04-01T01:10:00Z", 30],
      [a1, "2026-04-01T02:59:00Z", 40],
      [admin, "2026-04-01T03:00:00Z", 30],
    ] as const;
    for (const [actorUserId, iso, n] of hours)
      for (let i = 0; i < n; i++)
        await auditInsert(
          tree.db,
          { actorUserId, action: "member.update", entity: "member", entityId: tree.ids.a1! },
          new Date(iso),
        );
    const newest = await tree.api<{ entries: Entry[] }>("admin", "GET", "/audit?limit=1");
    const top = newest.body.entries[0]!.id;
    const pages: Entry[][] = [];
    let before: number | null = top + 1;
    while (before !== null) {
      const r: { status: number; body: { entries: Entry[]; next: number | null } } = await tree.api(
        "admin",
        "GET",
        `/audit?limit=50&before=${before}`,
      );
      expect(r.status).toBe(200);
      pages.push(r.body.entries);
      before = r.body.next;
      if (pages.length > 10) break;
    }
    // The 100 rows of this test, then the older rows of the tree's own setup.
    expect(pages.slice(0, 2).map((p) => p.length)).toEqual([30, 40]);
    expect(pages[1]!.every((e) => e.actor?.id === a1)).toBe(true);
    expect(pages[2]!.slice(0, 30).every((e) => e.actor?.id === admin)).toBe(true);
    // No group is cut: a page's last entry and the next page's first are of different groups.
    const key = (e: Entry) => auditGroupKey(e.actor?.id ?? null, e.at);
    for (let i = 1; i < pages.length; i++)
      expect(key(pages[i - 1]!.at(-1)!)).not.toBe(key(pages[i]![0]!));
    const ids = pages.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
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
