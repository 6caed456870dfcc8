// Group commit on the embedded default (worker/db/group-commit.ts): write batches that arrive
// together share one transaction, each request keeps its own results and its own errors, and
// reads are not held back. Real libSQL files; the client's own batch is counted.
import { createClient, type Client, type InStatement } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupCommit } from "../../worker/db/group-commit";

const dir = mkdtempSync(join(tmpdir(), "shct-group-"));
let raw: Client;
let client: Client;
let commits = 0;

beforeAll(async () => {
  raw = createClient({ url: `file:${join(dir, "t.db")}` });
  await raw.execute("PRAGMA journal_mode = WAL");
  await raw.execute("CREATE TABLE drafts (id TEXT PRIMARY KEY, version INTEGER NOT NULL)");
  await raw.execute("CREATE TABLE versions (id TEXT NOT NULL, version INTEGER NOT NULL)");
  // The client's batches, counted: every one is a transaction (a commit).
  const counting = {
    batch: (stmts: InStatement[], mode?: never) => {
      commits++;
      return raw.batch(stmts, mode);
    },
  };
  client = groupCommit(counting as unknown as Client);
});

afterAll(() => {
  raw.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A save as the routes write it: the row only at the version read, its version only if the
 *  row moved. */
const save = (id: string, read: number) =>
  client.batch([
    read === 0
      ? { sql: "INSERT INTO drafts VALUES (?, 1) ON CONFLICT DO NOTHING RETURNING id", args: [id] }
      : {
          sql: "UPDATE drafts SET version = version + 1 WHERE id = ? AND version = ? RETURNING id",
          args: [id, read],
        },
    {
      sql: "INSERT INTO versions SELECT id, version FROM drafts WHERE id = ? AND version = ?",
      args: [id, read + 1],
    },
  ]);

describe("group commit", () => {
  it("commits writes that arrive together in one transaction, each with its own results", async () => {
    commits = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => save(`d${i}`, 0)));
    expect(commits).toBe(1);
    results.forEach((r, i) => {
      expect(r).toHaveLength(2);
      expect(r[0]!.rows.map((x) => x.id)).toEqual([`d${i}`]);
    });
    const n = await raw.execute("SELECT count(*) AS n FROM versions");
    expect(Number(n.rows[0]!.n)).toBe(20);
  });

  it("decides two saves from the same version in order: the second finds it stale", async () => {
    const [first, second] = await Promise.all([save("d0", 1), save("d0", 1)]);
    expect(first![0]!.rows).toHaveLength(1);
    expect(second![0]!.rows).toHaveLength(0);
    const v = await raw.execute("SELECT version FROM drafts WHERE id = 'd0'");
    expect(Number(v.rows[0]!.version)).toBe(2);
  });

  it("fails only the batch that fails, and commits the others", async () => {
    commits = 0;
    const bad = client.batch([
      { sql: "INSERT INTO versions VALUES (?, 1)", args: ["x"] },
      { sql: "INSERT INTO drafts VALUES (?, NULL)", args: ["x"] }, // NOT NULL: throws
    ]);
    const good = [save("e1", 0), save("e2", 0)];
    await expect(bad).rejects.toThrow(/NOT NULL/);
    await Promise.all(good);
    // The group, then each batch alone.
    expect(commits).toBe(4);
    const rows = await raw.execute("SELECT id FROM versions WHERE id IN ('x', 'e1', 'e2')");
    expect(rows.rows.map((r) => r.id).sort()).toEqual(["e1", "e2"]);
  });

  it("does not hold reads back for a group", async () => {
    commits = 0;
    const pending = save("f1", 0);
    const read = await client.batch(["SELECT count(*) AS n FROM drafts"]);
    // The read ran at once: the save's group has not committed yet.
    expect(commits).toBe(1);
    expect(read[0]!.rows).toHaveLength(1);
    await pending;
    expect(commits).toBe(2);
  });
});
