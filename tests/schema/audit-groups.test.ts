// Where a page of the audit log ends (schema/rules/audit-groups.ts): on the edge of a
// person-hour group (ICT hours), unless one group fills the whole page.
import { describe, expect, it } from "vitest";
import { groupByPersonAndHour } from "../../client/pages/audit/groups";
import type { AuditEntry } from "../../client/api-admin";
import { auditGroupKey, pageEndOnGroup } from "../../schema/rules/audit-groups";

const entry = (id: number, who: string, iso: string) =>
  ({
    id,
    at: iso,
    actor: { id: who, fullName: who },
    action: "member.update",
    entity: "member",
    entityId: "m1",
    before: null,
    after: null,
  }) as unknown as AuditEntry;

describe("audit groups", () => {
  it("are one person's changes within one ICT clock hour", () => {
    const a = (iso: string, who: string | null = "u1") => auditGroupKey(who, new Date(iso));
    expect(a("2026-03-01T02:00:00Z")).toBe(a("2026-03-01T02:59:59.999Z"));
    expect(a("2026-03-01T02:59:59.999Z")).not.toBe(a("2026-03-01T03:00:00Z"));
    expect(a("2026-03-01T02:10:00Z")).not.toBe(a("2026-03-01T02:10:00Z", "u2"));
    expect(a("2026-03-01T02:10:00Z", null)).toBe(a("2026-03-01T02:20:00Z", null));
    // An ISO string (the client's) and a Date (the server's) name the same group.
    expect(auditGroupKey("u1", "2026-03-01T02:10:00.000Z")).toBe(a("2026-03-01T02:40:00Z"));
  });

  it("end a page on a group's edge, and page a group longer than the page", () => {
    const key = (s: string) => s;
    // Rows are one more than the page (5): the sixth says whether the fifth's group goes on.
    expect(pageEndOnGroup(["a", "a", "b", "b", "b", "b"], 5, key)).toBe(2);
    expect(pageEndOnGroup(["a", "a", "b", "b", "c", "d"], 5, key)).toBe(5);
    expect(pageEndOnGroup(["a", "a", "a", "a", "a", "a"], 5, key)).toBe(5);
    expect(pageEndOnGroup(["a", "b"], 5, key)).toBe(2);
    expect(pageEndOnGroup([], 5, key)).toBe(0);
  });

  it("read one group across the pages the log screen loaded, however they fell", () => {
    // A page of 50 that one person's hour fills, and the next page that ends it.
    const first = Array.from({ length: 50 }, (_, i) =>
      entry(200 - i, "u1", "2026-03-01T02:30:00Z"),
    );
    const second = [
      ...Array.from({ length: 10 }, (_, i) => entry(150 - i, "u1", "2026-03-01T02:05:00Z")),
      entry(139, "u2", "2026-03-01T02:05:00Z"),
      entry(138, "u1", "2026-03-01T01:59:00Z"),
    ];
    const groups = groupByPersonAndHour([...first, ...second]);
    expect(groups.map((g) => [g.actor?.id, g.entries.length, g.hour])).toEqual([
      ["u1", 60, "01/03/2026 09"],
      ["u2", 1, "01/03/2026 09"],
      ["u1", 1, "01/03/2026 08"],
    ]);
  });
});
