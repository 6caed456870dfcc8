import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, LibsqlError, type Client } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql";
import { eq, sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterEach, describe, expect, it } from "vitest";
import { createHranaHandler, startHranaServer, type HranaOptions } from "./hrana";
import { createTursoPlatformStandIn } from "./turso-platform";

const TOKEN = "test-token";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hrana-test-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Hrana server over `<tmp>/x.db`, addressed as `/db/x/`, plus a client for it. */
async function setup(
  extra: Partial<HranaOptions> & { intMode?: "number" | "bigint" | "string" } = {},
): Promise<{ url: string; file: string; client: Client; newClient(token?: string): Client }> {
  const file = path.join(tempDir(), "x.db");
  const { intMode, ...hranaExtra } = extra;
  const server = await startHranaServer({
    token: TOKEN,
    resolve: (_host, p) => (p === "/db/x" ? file : null),
    ...hranaExtra,
  });
  cleanups.push(() => server.close());
  const url = `${server.url}/db/x/`;
  const newClient = (token = TOKEN) => {
    const c = createClient({ url, authToken: token, ...(intMode ? { intMode } : {}) });
    cleanups.push(() => c.close());
    return c;
  };
  return { url, file, client: newClient(), newClient };
}

/** Raw pipeline request, for protocol-level checks. */
async function pipeline(
  url: string,
  body: unknown,
  token = TOKEN,
): Promise<{ status: number; json: any; text: string }> {
  const res = await fetch(new URL("v2/pipeline", url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

async function count(client: Client, table: string): Promise<number> {
  const rs = await client.execute(`SELECT count(*) AS n FROM ${table}`);
  return Number(rs.rows[0]!.n);
}

describe("Hrana over HTTP fixture with @libsql/client/web", () => {
  it("round-trips every value type, including 64-bit integers and NFC Vietnamese text", async () => {
    const { client } = await setup({ intMode: "bigint" });
    await client.execute(
      "CREATE TABLE v (id INTEGER PRIMARY KEY, n, i INTEGER, f REAL, t TEXT, b BLOB)",
    );
    const big = 2n ** 53n + 1n;
    const viet = "Sinh hoạt chính trị: Đảng bộ xã Hòa Bình — tiếng Việt".normalize("NFC");
    const blob = new Uint8Array([0, 1, 2, 254, 255]);
    const ins = await client.execute({
      sql: "INSERT INTO v (n, i, f, t, b) VALUES (?, ?, ?, ?, ?)",
      args: [null, big, 1.5, viet, blob],
    });
    expect(ins.rowsAffected).toBe(1);
    expect(ins.lastInsertRowid).toBe(1n);

    const rs = await client.execute(
      "SELECT n, i, f, t, b, typeof(n) AS tn, typeof(i) AS ti, typeof(f) AS tf, typeof(t) AS tt, typeof(b) AS tb FROM v",
    );
    expect(rs.columns).toEqual(["n", "i", "f", "t", "b", "tn", "ti", "tf", "tt", "tb"]);
    expect(rs.columnTypes.slice(0, 5)).toEqual(["", "INTEGER", "REAL", "TEXT", "BLOB"]);
    expect(rs.rowsAffected).toBe(0);
    const row = rs.rows[0]!;
    expect(row.n).toBeNull();
    expect(row.i).toBe(big);
    expect(row.f).toBe(1.5);
    expect(row.t).toBe(viet);
    expect((row.t as string).normalize("NFC")).toBe(row.t);
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    expect([row.tn, row.ti, row.tf, row.tt, row.tb]).toEqual([
      "null",
      "integer",
      "real",
      "text",
      "blob",
    ]);

    // Extremes of the 64-bit range survive both directions.
    const ext = await client.execute({
      sql: "SELECT ? AS lo, ? AS hi, 9223372036854775807 AS lit",
      args: [-(2n ** 63n), 2n ** 63n - 1n],
    });
    expect(ext.rows[0]!.lo).toBe(-(2n ** 63n));
    expect(ext.rows[0]!.hi).toBe(2n ** 63n - 1n);
    expect(ext.rows[0]!.lit).toBe(2n ** 63n - 1n);

    // JS numbers travel as floats (as with Turso); integral floats land as INTEGER by affinity.
    const f = await client.execute({ sql: "SELECT typeof(?) AS t", args: [1] });
    expect(f.rows[0]!.t).toBe("real");
  });

  it("binds named arguments with every prefix, and ?NNN positional arguments", async () => {
    const { client } = await setup();
    const rs = await client.execute({
      sql: "SELECT :a AS a, @b AS b, $c AS c, :a AS a2",
      args: { a: 1, b: "hai", c: null },
    });
    expect(rs.rows[0]).toMatchObject({ a: 1, b: "hai", c: null, a2: 1 });
    const rs2 = await client.execute({ sql: "SELECT ?2 AS x, ?1 AS y", args: ["one", "two"] });
    expect(rs2.rows[0]).toMatchObject({ x: "two", y: "one" });
    // Missing and surplus arguments are errors, as with sqld.
    await expect(client.execute({ sql: "SELECT :a, :b", args: { a: 1 } })).rejects.toMatchObject({
      code: "ARGS_INVALID",
    });
    await expect(client.execute({ sql: "SELECT ?", args: [1, 2] })).rejects.toMatchObject({
      code: "ARGS_INVALID",
    });
  });

  it("commits a write batch", async () => {
    const { client } = await setup();
    const results = await client.batch(
      [
        "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE)",
        { sql: "INSERT INTO t (email) VALUES (?)", args: ["a@x.vn"] },
        { sql: "INSERT INTO t (email) VALUES (?)", args: ["b@x.vn"] },
        "SELECT email FROM t ORDER BY id",
      ],
      "write",
    );
    expect(results).toHaveLength(4);
    expect(results[1]!.lastInsertRowid).toBe(1n);
    expect(results[2]!.rowsAffected).toBe(1);
    expect(results[3]!.rows.map((r) => r.email)).toEqual(["a@x.vn", "b@x.vn"]);
    expect(await count(client, "t")).toBe(2);
  });

  it("rolls back the whole batch when its 2nd statement violates UNIQUE", async () => {
    const { client } = await setup();
    await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE)");
    const err = await client
      .batch(
        [
          { sql: "INSERT INTO t (email) VALUES (?)", args: ["a@x.vn"] },
          { sql: "INSERT INTO t (email) VALUES (?)", args: ["a@x.vn"] },
          { sql: "INSERT INTO t (email) VALUES (?)", args: ["c@x.vn"] },
        ],
        "write",
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(LibsqlError);
    expect((err as LibsqlError).code).toMatch(/^SQLITE_CONSTRAINT/);
    expect((err as LibsqlError).message).toContain("UNIQUE constraint failed: t.email");
    expect(await count(client, "t")).toBe(0);
  });

  it("reports a statement error of a plain execute as a LibsqlError, not an HTTP failure", async () => {
    const { client } = await setup();
    await client.execute("CREATE TABLE t (x TEXT UNIQUE)");
    await client.execute("INSERT INTO t VALUES ('a')");
    await expect(client.execute("INSERT INTO t VALUES ('a')")).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
      message: expect.stringContaining("SQLite error: UNIQUE constraint failed: t.x"),
    });
    await expect(client.execute("SELECT * FROM nope")).rejects.toMatchObject({
      code: "SQL_INPUT_ERROR",
    });
    await expect(client.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({
      code: "SQL_MANY_STATEMENTS",
    });
    // The client still works afterwards.
    expect(await count(client, "t")).toBe(1);
  });

  it("can report libsql's extended error codes instead", async () => {
    const { client } = await setup({ errorCodes: "extended" });
    await client.execute("CREATE TABLE t (x TEXT UNIQUE)");
    await client.execute("INSERT INTO t VALUES ('a')");
    await expect(client.execute("INSERT INTO t VALUES ('a')")).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT_UNIQUE",
    });
  });

  it("runs executeMultiple, including a trigger whose body contains semicolons", async () => {
    const { client } = await setup();
    await client.executeMultiple(`
      -- schema
      CREATE TABLE a (x INTEGER);
      CREATE TABLE log (msg TEXT);
      CREATE TRIGGER a_ins AFTER INSERT ON a BEGIN
        INSERT INTO log VALUES ('inserted ' || NEW.x);
        INSERT INTO log VALUES (CASE WHEN NEW.x > 1 THEN 'big' ELSE 'small' END);
      END;
      INSERT INTO a VALUES (1); /* two rows */ INSERT INTO a VALUES (2);
    `);
    expect(await count(client, "a")).toBe(2);
    const log = await client.execute("SELECT msg FROM log ORDER BY rowid");
    expect(log.rows.map((r) => r.msg)).toEqual(["inserted 1", "small", "inserted 2", "big"]);
    await expect(
      client.executeMultiple(
        "INSERT INTO a VALUES (3); INSERT INTO nope VALUES (1); INSERT INTO a VALUES (4)",
      ),
    ).rejects.toBeInstanceOf(LibsqlError);
    // statements run in order and stop at the first error (no implicit transaction)
    expect(await count(client, "a")).toBe(3);
  });

  it("applies a migration with foreign keys switched off, then on again", async () => {
    const { client } = await setup();
    await client.migrate([
      "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))",
      "INSERT INTO child (parent_id) VALUES (42)", // would violate the FK if enforced
    ]);
    expect(await count(client, "child")).toBe(1);
    const fk = await client.execute("PRAGMA foreign_keys");
    expect(Number(fk.rows[0]![0])).toBe(1);
    await expect(client.execute("INSERT INTO child (parent_id) VALUES (7)")).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
    });
  });

  it("keeps an interactive transaction on one connection across requests and commits it", async () => {
    const { client, newClient } = await setup();
    await client.execute("CREATE TABLE t (x TEXT)");
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["một"] });
    const inside = await tx.execute({ sql: "INSERT INTO t VALUES (?)", args: ["hai"] });
    expect(inside.rowsAffected).toBe(1);
    expect(Number((await tx.execute("SELECT count(*) AS n FROM t")).rows[0]!.n)).toBe(2);
    // Another stream does not see uncommitted rows.
    expect(await count(newClient(), "t")).toBe(0);
    await tx.commit();
    expect(await count(client, "t")).toBe(2);
  });

  it("rolls back an interactive transaction", async () => {
    const { client } = await setup();
    await client.execute("CREATE TABLE t (x TEXT)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO t VALUES ('a')");
    await tx.rollback();
    expect(await count(client, "t")).toBe(0);
  });

  it("makes a concurrent writer wait for an open transaction instead of failing", async () => {
    const { client, newClient } = await setup();
    await client.execute("CREATE TABLE t (x TEXT)");
    const tx = await client.transaction("write");
    await tx.execute("INSERT INTO t VALUES ('tx')");
    const other = newClient().execute("INSERT INTO t VALUES ('other')");
    await new Promise((r) => setTimeout(r, 100));
    await tx.commit();
    await other;
    expect(await count(client, "t")).toBe(2);
  });

  it("works under drizzle, including transactions that commit and roll back", async () => {
    const { client } = await setup();
    const members = sqliteTable("members", {
      id: integer("id").primaryKey({ autoIncrement: true }),
      name: text("name").notNull(),
      partyNo: text("party_no").notNull().unique(),
    });
    const db = drizzle(client);
    await db.run(
      sql`CREATE TABLE members (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, party_no TEXT NOT NULL UNIQUE)`,
    );
    await db.insert(members).values({ name: "Nguyễn Văn A", partyNo: "001" });
    await db.transaction(async (tx) => {
      await tx.insert(members).values({ name: "Trần Thị B", partyNo: "002" });
      await tx.update(members).set({ name: "Nguyễn Văn An" }).where(eq(members.partyNo, "001"));
    });
    const err = await db
      .transaction(async (tx) => {
        await tx.insert(members).values({ name: "Lê Văn C", partyNo: "003" });
        await tx.insert(members).values({ name: "Dup", partyNo: "001" });
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    // drizzle wraps the driver error (DrizzleQueryError); the LibsqlError is its cause.
    const cause = (err as { cause?: unknown } | null)?.cause;
    expect(cause).toBeInstanceOf(LibsqlError);
    expect((cause as LibsqlError).code).toBe("SQLITE_CONSTRAINT");
    expect((cause as LibsqlError).message).toMatch(/UNIQUE constraint failed: members.party_no/);
    const rows = await db.select().from(members).orderBy(members.id);
    expect(rows).toEqual([
      { id: 1, name: "Nguyễn Văn An", partyNo: "001" },
      { id: 2, name: "Trần Thị B", partyNo: "002" },
    ]);
  });

  it("rejects a wrong token (401) and an unknown database (404)", async () => {
    const { url, newClient } = await setup();
    await expect(newClient("wrong").execute("SELECT 1")).rejects.toBeInstanceOf(LibsqlError);
    expect((await pipeline(url, { baton: null, requests: [] }, "wrong")).status).toBe(401);
    const unknown = new URL("../other/", url).toString();
    expect((await pipeline(unknown, { baton: null, requests: [] })).status).toBe(404);
    expect((await pipeline(url, "{not json")).status).toBe(400);
  });
});

describe("Hrana pipeline protocol details", () => {
  it("keeps stored SQL and the connection on a stream across requests, then closes it", async () => {
    const { url } = await setup();
    const r1 = await pipeline(url, {
      baton: null,
      requests: [
        { type: "execute", stmt: { sql: "CREATE TABLE t (a INTEGER, b TEXT)" } },
        { type: "store_sql", sql_id: 7, sql: "INSERT INTO t VALUES (:a, $b)" },
        { type: "execute", stmt: { sql: "BEGIN" } },
      ],
    });
    expect(r1.status).toBe(200);
    expect(r1.json.base_url).toBeNull();
    expect(typeof r1.json.baton).toBe("string");
    expect(r1.json.results.map((r: any) => r.type)).toEqual(["ok", "ok", "ok"]);

    const r2 = await pipeline(url, {
      baton: r1.json.baton,
      requests: [
        {
          type: "execute",
          stmt: {
            sql_id: 7,
            named_args: [
              { name: "a", value: { type: "integer", value: "9007199254740993" } },
              { name: "$b", value: { type: "text", value: "x" } },
            ],
          },
        },
        { type: "get_autocommit" },
        { type: "describe", sql: "SELECT a, b AS bee FROM t WHERE a = ?1 OR b = :b" },
        { type: "execute", stmt: { sql: "SELECT a, b FROM t", want_rows: true } },
        { type: "close_sql", sql_id: 7 },
      ],
    });
    expect(r2.status).toBe(200);
    expect(r2.json.baton).not.toBe(r1.json.baton);
    const [ins, auto, desc, sel] = r2.json.results;
    expect(ins.response.result).toMatchObject({
      affected_row_count: 1,
      last_insert_rowid: "1",
      replication_index: null,
    });
    expect(auto.response).toEqual({ type: "get_autocommit", is_autocommit: false });
    expect(desc.response.result).toEqual({
      params: [{ name: "?1" }, { name: ":b" }],
      cols: [
        { name: "a", decltype: "INTEGER" },
        { name: "bee", decltype: "TEXT" },
      ],
      is_explain: false,
      is_readonly: true,
    });
    expect(sel.response.result.rows).toEqual([
      [
        { type: "integer", value: "9007199254740993" },
        { type: "text", value: "x" },
      ],
    ]);

    // The old baton is spent; an unknown sql_id is a protocol error (HTTP 400).
    expect((await pipeline(url, { baton: r1.json.baton, requests: [] })).status).toBe(400);

    const r3 = await pipeline(url, {
      baton: r2.json.baton,
      requests: [{ type: "execute", stmt: { sql: "COMMIT" } }, { type: "close" }],
    });
    expect(r3.json.baton).toBeNull();
    expect(r3.json.results[1]).toEqual({ type: "ok", response: { type: "close" } });
    const r4 = await pipeline(url, {
      baton: null,
      requests: [{ type: "execute", stmt: { sql: "SELECT count(*) FROM t" } }, { type: "close" }],
    });
    expect(r4.json.results[0].response.result.rows).toEqual([[{ type: "integer", value: "1" }]]);
    expect(r4.json.results[0].response.result.cols).toEqual([{ name: "count(*)", decltype: null }]);
  });

  it("evaluates every batch condition type", async () => {
    const { url } = await setup();
    const stmt = (sql: string) => ({ sql });
    const res = await pipeline(url, {
      baton: null,
      requests: [
        {
          type: "batch",
          batch: {
            steps: [
              { stmt: stmt("SELECT 1") }, // 0 ok
              { stmt: stmt("SELECT * FROM nope") }, // 1 error
              { condition: { type: "ok", step: 0 }, stmt: stmt("SELECT 2") }, // 2 runs
              { condition: { type: "ok", step: 1 }, stmt: stmt("SELECT 3") }, // 3 skipped
              { condition: { type: "error", step: 1 }, stmt: stmt("SELECT 4") }, // 4 runs
              { condition: { type: "error", step: 3 }, stmt: stmt("SELECT 5") }, // 5 skipped
              {
                condition: {
                  type: "and",
                  conds: [
                    { type: "ok", step: 0 },
                    { type: "not", cond: { type: "ok", step: 3 } },
                  ],
                },
                stmt: stmt("SELECT 6"),
              }, // 6 runs
              {
                condition: {
                  type: "or",
                  conds: [
                    { type: "ok", step: 3 },
                    { type: "error", step: 0 },
                  ],
                },
                stmt: stmt("SELECT 7"),
              }, // 7 skipped
              { condition: { type: "is_autocommit" }, stmt: stmt("SELECT 8") }, // 8 runs
              { stmt: stmt("BEGIN") }, // 9
              { condition: { type: "is_autocommit" }, stmt: stmt("SELECT 10") }, // 10 skipped
              { stmt: stmt("ROLLBACK") }, // 11
            ],
          },
        },
        { type: "close" },
      ],
    });
    expect(res.status).toBe(200);
    const { step_results, step_errors } = res.json.results[0].response.result;
    const ran = step_results.map((r: unknown) => r !== null);
    expect(ran).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(step_errors[1]).toMatchObject({ code: "SQL_INPUT_ERROR" });
    expect(step_errors.filter((e: unknown) => e !== null)).toHaveLength(1);
  });

  it("expires idle streams, rolling back their transaction", async () => {
    const { url, client } = await setup({ streamIdleMs: 150 });
    await client.execute("CREATE TABLE t (x)");
    const r1 = await pipeline(url, {
      baton: null,
      requests: [
        { type: "execute", stmt: { sql: "BEGIN IMMEDIATE" } },
        { type: "execute", stmt: { sql: "INSERT INTO t VALUES (1)" } },
      ],
    });
    expect(r1.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    const r2 = await pipeline(url, { baton: r1.json.baton, requests: [] });
    expect(r2.status).toBe(400);
    expect(r2.json).toEqual({
      message: "The stream has expired due to inactivity",
      code: "STREAM_EXPIRED",
    });
    // The write lock was released and the insert rolled back.
    await client.execute("INSERT INTO t VALUES (2)");
    expect(await count(client, "t")).toBe(1);
  });

  it("answers protocol violations with HTTP 400", async () => {
    const { url } = await setup();
    expect((await pipeline(url, { baton: null })).status).toBe(400);
    expect((await pipeline(url, { baton: "forged", requests: [] })).status).toBe(400);
    const unknownSql = await pipeline(url, {
      baton: null,
      requests: [{ type: "execute", stmt: { sql_id: 1 } }],
    });
    expect(unknownSql.status).toBe(400);
    expect(unknownSql.text).toContain("SQL text 1 not found");
    const afterClose = await pipeline(url, {
      baton: null,
      requests: [{ type: "close" }, { type: "execute", stmt: { sql: "SELECT 1" } }],
    });
    expect(afterClose.status).toBe(400);
  });
});

describe("Turso Platform API stand-in", () => {
  const ORG = "dang-bo";
  const PLATFORM_TOKEN = "platform-token";

  function platform() {
    const dir = tempDir();
    const standIn = createTursoPlatformStandIn({
      org: ORG,
      group: "default",
      platformToken: PLATFORM_TOKEN,
      dir,
    });
    const call = async (method: string, p: string, body?: unknown, token = PLATFORM_TOKEN) => {
      const res = await standIn.handle(
        new Request(`https://api.turso.tech${p}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return { status: res.status, json: (await res.json()) as any };
    };
    return { dir, standIn, call };
  }

  it("creates, conflicts, validates, retrieves and deletes databases", async () => {
    const { dir, standIn, call } = platform();
    const base = `/v1/organizations/${ORG}/databases`;

    const created = await call("POST", base, { name: "t-abc", group: "default" });
    expect(created.status).toBe(200);
    expect(created.json).toEqual({
      database: {
        DbId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        Hostname: `t-abc-${ORG}.turso.io`,
        Name: "t-abc",
      },
    });
    expect(fs.existsSync(path.join(dir, "t-abc.db"))).toBe(true);
    expect(standIn.fileFor(`t-abc-${ORG}.turso.io`)).toBe(path.join(dir, "t-abc.db"));
    expect(standIn.databases()).toEqual(["t-abc"]);

    const dup = await call("POST", base, { name: "t-abc", group: "default" });
    expect(dup.status).toBe(409);
    expect(dup.json.error).toMatch(/already exists/);

    expect((await call("POST", base, { name: "Bad_Name", group: "default" })).status).toBe(400);
    expect((await call("POST", base, { name: "x".repeat(65), group: "default" })).status).toBe(400);
    expect((await call("POST", base, { name: "t-x", group: "nope" })).json).toEqual({
      error: "group not found",
    });
    expect((await call("POST", base, { name: "t-x", group: "default" }, "wrong")).status).toBe(401);

    standIn.failNextCreate(503);
    expect((await call("POST", base, { name: "t-x", group: "default" })).status).toBe(503);
    expect((await call("POST", base, { name: "t-x", group: "default" })).status).toBe(200);

    const got = await call("GET", `${base}/t-abc`);
    expect(got.status).toBe(200);
    expect(got.json.database).toMatchObject({
      Name: "t-abc",
      Hostname: `t-abc-${ORG}.turso.io`,
      DbId: created.json.database.DbId,
      group: "default",
    });
    expect((await call("GET", `${base}/missing`)).status).toBe(404);

    const del = await call("DELETE", `${base}/t-abc`);
    expect(del).toEqual({ status: 200, json: { database: "t-abc" } });
    expect(fs.existsSync(path.join(dir, "t-abc.db"))).toBe(false);
    expect(standIn.fileFor(`t-abc-${ORG}.turso.io`)).toBeNull();
    expect((await call("DELETE", `${base}/t-abc`)).status).toBe(404);
    expect(standIn.databases()).toEqual(["t-x"]);
  });

  it("serves a created database over Hrana through a custom fetch", async () => {
    const { standIn, call } = platform();
    const created = await call("POST", `/v1/organizations/${ORG}/databases`, {
      name: "t-web",
      group: "default",
    });
    const hrana = createHranaHandler({
      token: "db-token",
      resolve: (host) => standIn.fileFor(host),
    });
    cleanups.push(() => hrana.close());
    const client = createClient({
      url: `https://${created.json.database.Hostname}/`,
      authToken: "db-token",
      fetch: (req: Request) => hrana.handle(new Request(req)),
    });
    cleanups.push(() => client.close());

    await client.batch(
      [
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        { sql: "INSERT INTO notes (body) VALUES (?)", args: ["Nghị quyết"] },
      ],
      "write",
    );
    const tx = await client.transaction("write");
    await tx.execute({ sql: "INSERT INTO notes (body) VALUES (?)", args: ["Chỉ thị"] });
    await tx.commit();
    const rs = await client.execute("SELECT body FROM notes ORDER BY id");
    expect(rs.rows.map((r) => r.body)).toEqual(["Nghị quyết", "Chỉ thị"]);

    // A database the platform does not know is a 404 for Hrana.
    const stranger = createClient({
      url: `https://unknown-${ORG}.turso.io/`,
      authToken: "db-token",
      fetch: (req: Request) => hrana.handle(new Request(req)),
    });
    cleanups.push(() => stranger.close());
    await expect(stranger.execute("SELECT 1")).rejects.toBeInstanceOf(LibsqlError);
  });
});
