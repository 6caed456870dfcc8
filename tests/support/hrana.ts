/**
 * TEST FIXTURE — not product code. Never import this from worker/, client/ or schema/.
 *
 * A small, faithful Hrana-over-HTTP endpoint ("sqld HTTP API v2") over real libSQL files, so
 * tests can drive `@libsql/client/web` exactly as the Worker drives Turso, without sqld.
 *
 * Spec: tursodatabase/libsql docs/HTTP_V2_SPEC.md, with the shared structures (Stmt, StmtResult,
 * Batch, BatchCond, BatchResult, Value, Error, DescribeResult) from docs/HRANA_2_SPEC.md and
 * docs/HRANA_3_SPEC.md. Where the spec leaves room, behaviour follows sqld (libsql-server/src/hrana)
 * — status codes, error codes and messages, affected_row_count / last_insert_rowid rules,
 * argument binding rules, stored-SQL limits and the 10 s stream expiry.
 *
 * Implemented (JSON encoding only):
 *   - GET  …/v2            → 200 (version check)
 *   - POST …/v2/pipeline   {baton, requests} → {baton, base_url: null, results}
 *     stream requests: close, execute, batch, sequence, describe, store_sql, close_sql and (Hrana 3,
 *     accepted leniently on v2) get_autocommit;
 *     batch conditions: ok, error, not, and, or, is_autocommit (also accepted leniently on v2);
 *     values: null, integer (decimal string, exact 64-bit), float, text, blob (base64);
 *     positional `args`, `named_args` (with or without the `:`/`@`/`$` prefix), `?NNN`, `want_rows`.
 *   - Streams: one libSQL connection per stream (so an interactive transaction spans requests),
 *     a fresh unguessable baton on every response, `close` ends the stream (baton null), idle
 *     streams expire after 10 s (their connection is rolled back and closed; a later request with
 *     the old baton gets HTTP 400 STREAM_EXPIRED like sqld).
 *   - Errors: statement errors are per-request `{type:"error"}` results (per-step errors inside a
 *     batch); protocol errors (bad JSON, unknown sql_id, bad baton, request after `close`, …) are
 *     HTTP 400 text/plain; bad/missing `Authorization: Bearer <token>` → 401; `resolve` → null → 404.
 *     SQLite error codes are sqld's: the PRIMARY code name (e.g. "SQLITE_CONSTRAINT", message
 *     "SQLite error: UNIQUE constraint failed: t.x"), SQLITE_ERROR at prepare time →
 *     "SQL_INPUT_ERROR" / "SQL_PARSE_ERROR", at run time → "SQLITE_UNKNOWN". Pass
 *     `errorCodes: "extended"` to get libsql's extended codes ("SQLITE_CONSTRAINT_UNIQUE") instead.
 *   - Files are opened with `new Database(path)` from `libsql`, WAL journal mode. Lock waits:
 *     the connection's busy_timeout is deliberately 0 and SQLITE_BUSY is retried asynchronously
 *     (same statement) for up to 5 s — a synchronous `busy_timeout = 5000` would block the event
 *     loop and dead-lock a writer against an open transaction owned by another stream of the
 *     same process. After 5 s the statement fails with SQLITE_BUSY.
 *   - Batch condition `error` on a skipped step is false, as the spec says (sqld treats a
 *     skipped step as failed; @libsql/client never relies on either).
 *
 * Not implemented: the v3 / v3-protobuf endpoints and Protobuf encoding, cursors (`/v3/cursor`),
 * `base_url` stickiness, replication indexes (always null), HMAC-signed batons (batons are random
 * 256-bit tokens kept in memory), JWT verification (the token is compared literally), response
 * size limits. `rows_read` / `rows_written` are approximations (returned rows / affected rows),
 * `describe`'s `is_readonly` is a keyword heuristic, SQL syntax errors carry SQLite's message
 * (sqld's own parser words them differently) and SQL_INPUT_ERROR messages carry no offset.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Database from "libsql";

export interface HranaOptions {
  /** The token every request must present as `Authorization: Bearer <token>`. */
  token: string;
  /**
   * Maps a request to a libSQL file: `host` is the request URL's hostname (no port), `path` is the
   * URL path before `/v2/pipeline` ("" for `https://db-org.turso.io/v2/pipeline`, "/db/t-abc" for
   * `http://127.0.0.1:PORT/db/t-abc/v2/pipeline`). Returns an absolute path, or null → HTTP 404.
   */
  resolve(host: string, path: string): string | null;
  /** "sqld" (default): error codes as sqld/Turso sends them; "extended": libsql's extended codes. */
  errorCodes?: "sqld" | "extended";
  /** Idle time after which a stream expires (default 10 000 ms, as sqld). */
  streamIdleMs?: number;
}

// ---------------------------------------------------------------------------------------------
// Protocol structures (JSON)

type ProtoValue =
  | { type: "null" }
  | { type: "integer"; value: string }
  | { type: "float"; value: number }
  | { type: "text"; value: string }
  | { type: "blob"; base64: string };

interface ProtoCol {
  name: string | null;
  decltype: string | null;
}

interface ProtoStmtResult {
  cols: ProtoCol[];
  rows: ProtoValue[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
  replication_index: null;
  rows_read: number;
  rows_written: number;
  query_duration_ms: number;
}

interface ProtoError {
  message: string;
  code: string;
}

type ProtoCond =
  | { type: "ok"; step: number }
  | { type: "error"; step: number }
  | { type: "not"; cond: ProtoCond }
  | { type: "and"; conds: ProtoCond[] }
  | { type: "or"; conds: ProtoCond[] }
  | { type: "is_autocommit" };

type SqlValue = null | bigint | number | string | Buffer;

// ---------------------------------------------------------------------------------------------
// Errors

/** Violates the protocol: the whole pipeline fails with HTTP 400 text/plain and the stream dies. */
class ProtocolError extends Error {}

/** The stream's baton refers to an expired stream: HTTP 400 with a JSON Error (sqld). */
class StreamExpiredError extends Error {}

/** A statement / stream-request error: a `{type:"error"}` result (or a batch step error). */
class StmtError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  toProto(): ProtoError {
    return { message: this.message, code: this.code };
  }
}

const deserializeError = (detail: string) =>
  new ProtocolError(`Cannot deserialize client message from JSON: ${detail}`);

// sqld's `sqlite_error_code` (libsql-server/src/hrana/stmt.rs), keyed by primary result code.
const PRIMARY_CODE_NAMES: Record<number, string> = {
  2: "SQLITE_INTERNAL",
  3: "SQLITE_PERM",
  4: "SQLITE_ABORT",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  7: "SQLITE_NOMEM",
  8: "SQLITE_READONLY",
  9: "SQLITE_INTERRUPT",
  10: "SQLITE_IOERR",
  11: "SQLITE_CORRUPT",
  12: "SQLITE_NOTFOUND",
  13: "SQLITE_FULL",
  14: "SQLITE_CANTOPEN",
  15: "SQLITE_PROTOCOL",
  17: "SQLITE_SCHEMA",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  21: "SQLITE_MISUSE",
  22: "SQLITE_NOLFS",
  23: "SQLITE_AUTH",
  25: "SQLITE_RANGE",
  26: "SQLITE_NOTADB",
};
const PRIMARY_CODE_NUMBERS: Record<string, number> = {
  SQLITE_ERROR: 1,
  ...Object.fromEntries(Object.entries(PRIMARY_CODE_NAMES).map(([n, name]) => [name, Number(n)])),
};

interface SqliteErrorLike {
  code: string;
  rawCode?: number;
  message: string;
}

function isSqliteError(e: unknown): e is SqliteErrorLike {
  return (
    e instanceof Error &&
    !(e instanceof StmtError) &&
    typeof (e as { code?: unknown }).code === "string"
  );
}

function primaryCode(e: SqliteErrorLike): number {
  if (typeof e.rawCode === "number") return e.rawCode & 0xff;
  const base = /^SQLITE_[A-Z]+/.exec(e.code)?.[0] ?? "";
  return PRIMARY_CODE_NUMBERS[base] ?? 1;
}

function isBusy(e: unknown): boolean {
  if (!isSqliteError(e)) return false;
  // SQLITE_BUSY and SQLITE_BUSY_RECOVERY can be waited out; SQLITE_BUSY_SNAPSHOT cannot.
  return (
    e.rawCode === 5 || e.rawCode === 261 || (e.rawCode === undefined && e.code === "SQLITE_BUSY")
  );
}

function mapSqliteError(
  e: unknown,
  phase: "prepare" | "run",
  mode: "sqld" | "extended",
): StmtError {
  if (!isSqliteError(e)) throw e;
  if (mode === "extended") return new StmtError(e.code, `SQLite error: ${e.message}`);
  const primary = primaryCode(e);
  if (primary === 1 && phase === "prepare") {
    if (/syntax error|unrecognized token|incomplete input/.test(e.message)) {
      return new StmtError("SQL_PARSE_ERROR", `SQL string could not be parsed: ${e.message}`);
    }
    return new StmtError("SQL_INPUT_ERROR", `SQL input error: ${e.message}`);
  }
  return new StmtError(
    PRIMARY_CODE_NAMES[primary] ?? "SQLITE_UNKNOWN",
    `SQLite error: ${e.message}`,
  );
}

// ---------------------------------------------------------------------------------------------
// A small SQLite tokenizer: statement splitting, parameter discovery and statement kinds.

interface Token {
  kind: "word" | "param" | "punct" | "literal";
  text: string;
  start: number;
  end: number;
}

const isIdStart = (c: string) => /[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80;
const isIdChar = (c: string) => /[A-Za-z0-9_$]/.test(c) || c.charCodeAt(0) >= 0x80;

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < n && sql[i] !== "\n") i++;
    } else if (c === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === "'" || c === '"' || c === "`") {
      i++;
      while (i < n) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
      tokens.push({ kind: "literal", text: sql.slice(start, i), start, end: i });
    } else if (c === "[") {
      const close = sql.indexOf("]", i + 1);
      i = close < 0 ? n : close + 1;
      tokens.push({ kind: "literal", text: sql.slice(start, i), start, end: i });
    } else if (c === "?") {
      i++;
      while (i < n && /[0-9]/.test(sql[i]!)) i++;
      tokens.push({ kind: "param", text: sql.slice(start, i), start, end: i });
    } else if (c === ":" || c === "@" || c === "$" || c === "#") {
      // SQLite's CC_DOLLAR / CC_VARALPHA rule, including the Tcl-style `::` and `(...)` suffixes.
      i++;
      let idChars = 0;
      while (i < n) {
        const d = sql[i]!;
        if (isIdChar(d)) {
          idChars++;
          i++;
        } else if (d === "(" && idChars > 0) {
          const close = sql.indexOf(")", i + 1);
          i = close < 0 ? n : close + 1;
          break;
        } else if (d === ":" && sql[i + 1] === ":") {
          i += 2;
        } else break;
      }
      if (idChars > 0) tokens.push({ kind: "param", text: sql.slice(start, i), start, end: i });
      else tokens.push({ kind: "punct", text: sql.slice(start, i), start, end: i });
    } else if (isIdStart(c)) {
      i++;
      while (i < n && isIdChar(sql[i]!)) i++;
      tokens.push({ kind: "word", text: sql.slice(start, i).toUpperCase(), start, end: i });
    } else if (/[0-9.]/.test(c)) {
      i++;
      while (i < n && (isIdChar(sql[i]!) || sql[i] === ".")) i++;
      tokens.push({ kind: "literal", text: sql.slice(start, i), start, end: i });
    } else {
      i++;
      tokens.push({ kind: "punct", text: c, start, end: i });
    }
  }
  return tokens;
}

interface SqlStatement {
  text: string;
  tokens: Token[];
}

/** Splits on top-level `;`, keeping `CREATE TRIGGER … BEGIN …; …; END` bodies together. */
function splitStatements(sql: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let cur: Token[] = [];
  let isTrigger = false;
  let inBody = false;
  let caseDepth = 0;
  const flush = () => {
    if (cur.length > 0) {
      out.push({ text: sql.slice(cur[0]!.start, cur[cur.length - 1]!.end), tokens: cur });
    }
    cur = [];
    isTrigger = false;
    inBody = false;
    caseDepth = 0;
  };
  for (const tok of tokenize(sql)) {
    if (tok.kind === "punct" && tok.text === ";" && !inBody) {
      flush();
      continue;
    }
    cur.push(tok);
    if (tok.kind !== "word") continue;
    if (cur.length <= 3 && tok.text === "TRIGGER" && cur[0]!.text === "CREATE") {
      isTrigger = cur.length === 2 || (cur.length === 3 && /^TEMP(ORARY)?$/.test(cur[1]!.text));
    }
    if (!isTrigger) continue;
    if (tok.text === "CASE") caseDepth++;
    else if (tok.text === "END") {
      if (caseDepth > 0) caseDepth--;
      else if (inBody) inBody = false;
    } else if (tok.text === "BEGIN" && !inBody && caseDepth === 0) inBody = true;
  }
  flush();
  return out;
}

interface StmtInfo {
  sql: string;
  /** 1-based SQLite parameter slots; entry i-1 is the name of parameter i, null if nameless. */
  paramNames: (string | null)[];
  isExplain: boolean;
  isIud: boolean;
  isInsert: boolean;
  isReadonly: boolean;
}

const READONLY_VERBS = new Set([
  "SELECT",
  "VALUES",
  "EXPLAIN",
  "BEGIN",
  "COMMIT",
  "END",
  "ROLLBACK",
  "SAVEPOINT",
  "RELEASE",
]);
const MAIN_VERBS = new Set(["SELECT", "VALUES", "INSERT", "REPLACE", "UPDATE", "DELETE"]);

function analyzeStatement(stmt: SqlStatement): StmtInfo {
  const toks = stmt.tokens;
  let verb = toks[0]?.kind === "word" ? toks[0].text : "";
  if (verb === "WITH") {
    let depth = 0;
    for (const t of toks) {
      if (t.kind === "punct" && t.text === "(") depth++;
      else if (t.kind === "punct" && t.text === ")") depth--;
      else if (depth === 0 && t.kind === "word" && MAIN_VERBS.has(t.text)) {
        verb = t.text;
        break;
      }
    }
  }
  const isInsert = verb === "INSERT" || verb === "REPLACE";
  const isIud = isInsert || verb === "UPDATE" || verb === "DELETE";
  const isReadonly =
    READONLY_VERBS.has(verb) || (verb === "PRAGMA" && !toks.some((t) => t.text === "="));

  // SQLite's parameter numbering: `?` takes max+1, `?NNN` takes NNN, a named parameter takes
  // max+1 the first time it is seen and the same slot afterwards.
  const paramNames: (string | null)[] = [];
  const named = new Map<string, number>();
  for (const t of toks) {
    if (t.kind !== "param") continue;
    if (t.text === "?") {
      paramNames.push(null);
    } else if (t.text.startsWith("?")) {
      const idx = Number(t.text.slice(1));
      while (paramNames.length < idx) paramNames.push(null);
      if (idx > 0) paramNames[idx - 1] = t.text;
    } else if (!named.has(t.text)) {
      paramNames.push(t.text);
      named.set(t.text, paramNames.length);
    }
  }
  return {
    sql: stmt.text,
    paramNames,
    isExplain: verb === "EXPLAIN",
    isIud,
    isInsert,
    isReadonly,
  };
}

/** sqld's `Statement::parse` + "exactly one statement" check (`proto_stmt_to_query`). */
function analyzeSingle(sql: string): StmtInfo {
  const stmts = splitStatements(sql);
  if (stmts.length === 0) {
    throw new StmtError("SQL_NO_STATEMENT", "SQL string does not contain any statement");
  }
  if (stmts.length > 1) {
    throw new StmtError("SQL_MANY_STATEMENTS", "SQL string contains more than one statement");
  }
  return analyzeStatement(stmts[0]!);
}

// ---------------------------------------------------------------------------------------------
// JSON decoding / encoding

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function optInt(obj: Record<string, unknown>, key: string): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw deserializeError(`invalid ${key}`);
  return v;
}

function optString(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw deserializeError(`invalid ${key}`);
  return v;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

function decodeValue(v: unknown): SqlValue {
  if (!isObject(v)) throw deserializeError("invalid Value");
  switch (v.type) {
    case "null":
      return null;
    case "integer": {
      const s = v.value;
      if (typeof s !== "string" || !/^-?\d+$/.test(s)) throw deserializeError("invalid integer");
      const b = BigInt(s);
      if (b < I64_MIN || b > I64_MAX) throw deserializeError("integer out of range");
      return b;
    }
    case "float":
      if (typeof v.value !== "number") throw deserializeError("invalid float");
      return v.value;
    case "text":
      if (typeof v.value !== "string") throw deserializeError("invalid text");
      return v.value;
    case "blob":
      if (typeof v.base64 !== "string") throw deserializeError("invalid blob");
      return Buffer.from(v.base64, "base64");
    default:
      throw new ProtocolError("Value type not recognized");
  }
}

function encodeValue(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { type: "null" };
  if (typeof v === "bigint") return { type: "integer", value: v.toString() };
  if (typeof v === "number") {
    // libsql returns integers as bigint under safeIntegers; a number is a REAL column value.
    return { type: "float", value: v };
  }
  if (typeof v === "string") return { type: "text", value: v };
  if (v instanceof Uint8Array) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  if (v instanceof ArrayBuffer) return { type: "blob", base64: Buffer.from(v).toString("base64") };
  throw new Error(`unexpected value from libsql: ${typeof v}`);
}

interface Query {
  info: StmtInfo;
  args: SqlValue[];
  namedArgs: Map<string, SqlValue>;
  wantRows: boolean;
}

/** sqld's `proto_sql_to_sql`. */
function resolveSql(obj: Record<string, unknown>, sqls: Map<number, string>): string {
  const sql = optString(obj, "sql");
  const sqlId = optInt(obj, "sql_id");
  if (sql !== undefined && sqlId !== undefined) {
    throw new ProtocolError("Either `sql` or `sql_id` are required, but not both");
  }
  if (sql !== undefined) return sql;
  if (sqlId === undefined) throw new ProtocolError("Either `sql` or `sql_id` are required");
  const stored = sqls.get(sqlId);
  if (stored === undefined) throw new ProtocolError(`SQL text ${sqlId} not found`);
  return stored;
}

/** sqld's `proto_stmt_to_query`: protocol errors throw ProtocolError, SQL errors StmtError. */
function toQuery(stmt: unknown, sqls: Map<number, string>): Query {
  if (!isObject(stmt)) throw deserializeError("invalid Stmt");
  const sql = resolveSql(stmt, sqls);
  const rawArgs = stmt.args ?? [];
  const rawNamed = stmt.named_args ?? [];
  if (!Array.isArray(rawArgs) || !Array.isArray(rawNamed)) throw deserializeError("invalid args");
  const args = rawArgs.map(decodeValue);
  const namedArgs = new Map<string, SqlValue>();
  for (const a of rawNamed) {
    if (!isObject(a) || typeof a.name !== "string") throw deserializeError("invalid NamedArg");
    namedArgs.set(a.name, decodeValue(a.value));
  }
  const wantRows = stmt.want_rows ?? true;
  if (typeof wantRows !== "boolean") throw deserializeError("invalid want_rows");
  const info = analyzeSingle(sql);
  if (args.length > 0 && namedArgs.size > 0) {
    throw new StmtError(
      "ARGS_BOTH_POSITIONAL_AND_NAMED",
      "Specifying both positional and named arguments is not supported",
    );
  }
  return { info, args, namedArgs, wantRows };
}

/** sqld's `Params::bind`, producing a full positional array for libsql. */
function bindParams(q: Query): SqlValue[] {
  const count = q.info.paramNames.length;
  const given = q.namedArgs.size > 0 ? q.namedArgs.size : q.args.length;
  const invalid = (detail: string) =>
    new StmtError("ARGS_INVALID", `Arguments do not match SQL parameters: ${detail}`);
  if (given > count) throw invalid(`too many parameters, expected ${count} found ${given}`);
  const out: SqlValue[] = [];
  for (let i = 1; i <= count; i++) {
    const name = q.info.paramNames[i - 1] ?? null;
    let value: SqlValue | undefined;
    if (name === null) {
      value = q.namedArgs.size > 0 ? undefined : q.args[i - 1];
    } else if (name.startsWith("?")) {
      value = q.namedArgs.size > 0 ? undefined : q.args[Number(name.slice(1)) - 1];
    } else {
      value = q.namedArgs.get(name) ?? q.namedArgs.get(name.slice(1));
    }
    if (value === undefined) {
      if (q.info.isExplain) break;
      throw invalid(`value for parameter ${name ?? i} not found`);
    }
    out.push(value);
  }
  while (out.length < count) out.push(null);
  return out;
}

function parseCond(c: unknown, stepIndex: number): ProtoCond {
  if (!isObject(c)) throw deserializeError("invalid BatchCond");
  const step = (): number => {
    const s = c.step;
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
      throw deserializeError("invalid step");
    }
    if (s >= stepIndex) throw new ProtocolError("Invalid reference to step in a batch condition");
    return s;
  };
  const list = (): ProtoCond[] => {
    if (!Array.isArray(c.conds)) throw deserializeError("invalid conds");
    return c.conds.map((x) => parseCond(x, stepIndex));
  };
  switch (c.type) {
    case "ok":
      return { type: "ok", step: step() };
    case "error":
      return { type: "error", step: step() };
    case "not":
      return { type: "not", cond: parseCond(c.cond, stepIndex) };
    case "and":
      return { type: "and", conds: list() };
    case "or":
      return { type: "or", conds: list() };
    case "is_autocommit":
      return { type: "is_autocommit" };
    default:
      throw new ProtocolError("BatchCond type not recognized");
  }
}

type StepOutcome = "ok" | "error" | "skipped";

function evalCond(c: ProtoCond, outcomes: StepOutcome[], isAutocommit: boolean): boolean {
  switch (c.type) {
    case "ok":
      return outcomes[c.step] === "ok";
    case "error":
      return outcomes[c.step] === "error";
    case "not":
      return !evalCond(c.cond, outcomes, isAutocommit);
    case "and":
      return c.conds.every((x) => evalCond(x, outcomes, isAutocommit));
    case "or":
      return c.conds.some((x) => evalCond(x, outcomes, isAutocommit));
    case "is_autocommit":
      return isAutocommit;
  }
}

// ---------------------------------------------------------------------------------------------
// Connections and execution

const BUSY_WAIT_MS = 5_000;
const MAX_STORED_SQLS = 50; // sqld MAX_SQL_COUNT
const MAX_STORED_SQL_BYTES = 5_000; // sqld MAX_STORED_SQL_SIZE = 5 kB

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `fn`, waiting out SQLITE_BUSY asynchronously (see header); a lock that is still held after
 * 5 s, like any other raw libsql error escaping `fn`, becomes a StmtError (after `onGiveUp`).
 */
async function withBusyRetry<T>(
  fn: () => T,
  mode: "sqld" | "extended",
  onGiveUp?: () => void,
): Promise<T> {
  const deadline = Date.now() + BUSY_WAIT_MS;
  let delay = 1;
  for (;;) {
    try {
      return fn();
    } catch (e) {
      if (isBusy(e)) {
        if (Date.now() < deadline) {
          await sleep(delay);
          delay = Math.min(delay * 2, 25);
          continue;
        }
        onGiveUp?.();
      }
      if (isSqliteError(e)) throw mapSqliteError(e, "run", mode);
      throw e;
    }
  }
}

function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.exec("PRAGMA busy_timeout = 0"); // lock waits are done asynchronously, see withBusyRetry
  return db;
}

class Conn {
  db: Database.Database;
  private meta: Database.Statement | undefined;

  constructor(readonly path: string) {
    this.db = openDatabase(path);
  }

  async init(): Promise<void> {
    await withBusyRetry(() => this.db.exec("PRAGMA journal_mode = WAL"), "sqld");
  }

  get isAutocommit(): boolean {
    return !this.db.inTransaction;
  }

  /** `changes()` and `last_insert_rowid()` of the last statement, as exact bigints. */
  lastChanges(): [bigint, bigint] {
    if (this.meta === undefined) {
      this.meta = this.db.prepare("SELECT changes(), last_insert_rowid()");
      this.meta.safeIntegers(true);
      this.meta.raw(true);
    }
    return this.meta.get([]) as [bigint, bigint];
  }

  /**
   * Replaces the libsql handle. Used when a statement gave up on SQLITE_BUSY: libsql cannot
   * reset or finalize it, and while it stays active SQLite would never auto-commit later writes
   * on this connection.
   */
  reopen(): void {
    this.close();
    this.db = openDatabase(this.path);
    this.meta = undefined;
  }

  close(): void {
    try {
      // libsql's close() does not roll back while statements are still referenced: do it here
      // so an abandoned transaction releases its lock immediately.
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
    } catch {
      // ignore
    }
    try {
      this.db.close();
    } catch {
      // ignore
    }
  }
}

async function executeQuery(
  conn: Conn,
  q: Query,
  mode: "sqld" | "extended",
): Promise<ProtoStmtResult> {
  const stmt = await withBusyRetry(() => {
    try {
      return conn.db.prepare(q.info.sql);
    } catch (e) {
      if (isBusy(e)) throw e;
      throw mapSqliteError(e, "prepare", mode);
    }
  }, mode);
  stmt.safeIntegers(true);
  const cols: ProtoCol[] = stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null }));
  const bound = bindParams(q);
  const reader = stmt.reader;
  if (reader) stmt.raw(true);
  const started = performance.now();
  // Retries run the SAME statement (libsql resets it first). Preparing a fresh one would leave the
  // busy statement active, and SQLite would then never auto-commit the retried write.
  const rows = await withBusyRetry(
    (): unknown[][] => {
      if (reader) return stmt.all(bound) as unknown[][];
      stmt.run(bound);
      return [];
    },
    mode,
    () => {
      if (conn.isAutocommit) conn.reopen();
    },
  );
  const duration = performance.now() - started;
  const [changes, rowid] = conn.lastChanges();
  const affected = q.info.isIud ? Number(changes) : 0;
  return {
    cols,
    rows: q.wantRows ? rows.map((r) => r.map(encodeValue)) : [],
    affected_row_count: affected,
    last_insert_rowid: q.info.isInsert ? rowid.toString() : null,
    replication_index: null,
    rows_read: rows.length,
    rows_written: affected,
    query_duration_ms: duration,
  };
}

// ---------------------------------------------------------------------------------------------
// Streams

interface Stream {
  path: string;
  conn: Conn | null;
  sqls: Map<number, string>;
  timer: NodeJS.Timeout | undefined;
}

const newBaton = () => randomBytes(32).toString("base64url");

function textResponse(status: number, body: string): Response {
  return new Response(body, { status, headers: { "content-type": "text/plain" } });
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

export function createHranaHandler(opts: HranaOptions): {
  handle(req: Request): Promise<Response>;
  close(): void;
} {
  const mode = opts.errorCodes ?? "sqld";
  const idleMs = opts.streamIdleMs ?? 10_000;
  const streams = new Map<string, Stream>(); // baton → stream (released streams only)
  const expired = new Set<string>(); // batons of expired streams
  const live = new Set<Stream>();
  let closed = false;

  const destroy = (s: Stream) => {
    if (s.timer !== undefined) clearTimeout(s.timer);
    s.timer = undefined;
    s.conn?.close();
    s.conn = null;
    live.delete(s);
  };

  const release = (s: Stream): string | null => {
    if (s.conn === null || closed) {
      destroy(s);
      return null;
    }
    const baton = newBaton();
    streams.set(baton, s);
    s.timer = setTimeout(() => {
      streams.delete(baton);
      expired.add(baton);
      destroy(s);
    }, idleMs);
    s.timer.unref();
    return baton;
  };

  const needConn = (s: Stream): Conn => {
    if (s.conn === null) throw new ProtocolError("Stream for this baton was closed");
    return s.conn;
  };

  async function handleStreamRequest(s: Stream, r: unknown): Promise<unknown> {
    if (!isObject(r)) throw deserializeError("invalid StreamRequest");
    try {
      switch (r.type) {
        case "close":
          destroy(s);
          return { type: "ok", response: { type: "close" } };
        case "execute": {
          const conn = needConn(s);
          const q = toQuery(r.stmt, s.sqls);
          const result = await executeQuery(conn, q, mode);
          return { type: "ok", response: { type: "execute", result } };
        }
        case "batch": {
          const conn = needConn(s);
          const batch = r.batch;
          if (!isObject(batch) || !Array.isArray(batch.steps))
            throw deserializeError("invalid Batch");
          const program = batch.steps.map((step: unknown, i: number) => {
            if (!isObject(step)) throw deserializeError("invalid BatchStep");
            const cond =
              step.condition === undefined || step.condition === null
                ? null
                : parseCond(step.condition, i);
            return { query: toQuery(step.stmt, s.sqls), cond };
          });
          const outcomes: StepOutcome[] = [];
          const stepResults: (ProtoStmtResult | null)[] = [];
          const stepErrors: (ProtoError | null)[] = [];
          for (const step of program) {
            if (step.cond !== null && !evalCond(step.cond, outcomes, conn.isAutocommit)) {
              outcomes.push("skipped");
              stepResults.push(null);
              stepErrors.push(null);
              continue;
            }
            try {
              stepResults.push(await executeQuery(conn, step.query, mode));
              stepErrors.push(null);
              outcomes.push("ok");
            } catch (e) {
              if (!(e instanceof StmtError)) throw e;
              stepErrors.push(e.toProto());
              stepResults.push(null);
              outcomes.push("error");
            }
          }
          return {
            type: "ok",
            response: {
              type: "batch",
              result: { step_results: stepResults, step_errors: stepErrors },
            },
          };
        }
        case "sequence": {
          const conn = needConn(s);
          const sql = resolveSql(r, s.sqls);
          for (const stmt of splitStatements(sql)) {
            const q: Query = {
              info: analyzeStatement(stmt),
              args: [],
              namedArgs: new Map(),
              wantRows: false,
            };
            await executeQuery(conn, q, mode);
          }
          return { type: "ok", response: { type: "sequence" } };
        }
        case "describe": {
          const conn = needConn(s);
          const info = analyzeSingle(resolveSql(r, s.sqls));
          const result = await withBusyRetry(() => {
            let stmt: Database.Statement;
            try {
              stmt = conn.db.prepare(info.sql);
            } catch (e) {
              if (isBusy(e)) throw e;
              throw mapSqliteError(e, "prepare", mode);
            }
            return {
              params: info.paramNames.map((name) => ({ name })),
              cols: stmt.columns().map((c) => ({ name: c.name, decltype: c.type ?? null })),
              is_explain: info.isExplain,
              is_readonly: info.isReadonly,
            };
          }, mode);
          return { type: "ok", response: { type: "describe", result } };
        }
        case "store_sql": {
          const sqlId = optInt(r, "sql_id");
          const sql = optString(r, "sql");
          if (sqlId === undefined || sql === undefined) throw deserializeError("invalid store_sql");
          if (s.sqls.has(sqlId)) throw new ProtocolError(`SQL text ${sqlId} already exists`);
          if (s.sqls.size >= MAX_STORED_SQLS) {
            throw new StmtError(
              "SQL_STORE_TOO_MANY",
              `The server already stores ${s.sqls.size} SQL texts, it cannot store more`,
            );
          }
          const bytes = Buffer.byteLength(sql);
          if (bytes > MAX_STORED_SQL_BYTES) {
            throw new StmtError(
              "SQL_STORE_TOO_LARGE",
              `The statement is too large to be stored: ${bytes} B/5.0 KB`,
            );
          }
          s.sqls.set(sqlId, sql);
          return { type: "ok", response: { type: "store_sql" } };
        }
        case "close_sql": {
          const sqlId = optInt(r, "sql_id");
          if (sqlId === undefined) throw deserializeError("invalid close_sql");
          s.sqls.delete(sqlId);
          return { type: "ok", response: { type: "close_sql" } };
        }
        case "get_autocommit":
          return {
            type: "ok",
            response: { type: "get_autocommit", is_autocommit: needConn(s).isAutocommit },
          };
        default:
          throw new ProtocolError("StreamRequest type not recognized");
      }
    } catch (e) {
      if (e instanceof StmtError) return { type: "error", error: e.toProto() };
      throw e;
    }
  }

  async function pipeline(path: string, body: unknown): Promise<Response> {
    if (!isObject(body)) throw deserializeError("expected an object");
    const { baton, requests } = body;
    if (baton !== undefined && baton !== null && typeof baton !== "string") {
      throw deserializeError("invalid baton");
    }
    if (!Array.isArray(requests)) throw deserializeError("missing field `requests`");

    let stream: Stream;
    if (typeof baton === "string") {
      const found = streams.get(baton);
      if (found === undefined || found.path !== path) {
        if (expired.has(baton)) throw new StreamExpiredError();
        throw new ProtocolError("Received an invalid baton");
      }
      streams.delete(baton);
      if (found.timer !== undefined) clearTimeout(found.timer);
      found.timer = undefined;
      stream = found;
    } else {
      const conn = new Conn(path);
      stream = { path, conn, sqls: new Map(), timer: undefined };
      live.add(stream);
      try {
        await conn.init();
      } catch (e) {
        destroy(stream);
        throw e;
      }
    }

    const results: unknown[] = [];
    try {
      for (const r of requests) results.push(await handleStreamRequest(stream, r));
    } catch (e) {
      destroy(stream); // like sqld: a failed pipeline drops the stream
      throw e;
    }
    return jsonResponse(200, { baton: release(stream), base_url: null, results });
  }

  async function handle(req: Request): Promise<Response> {
    if (closed) return textResponse(503, "Hrana handler is closed");
    const url = new URL(req.url);
    const pipelineMatch = /^(.*)\/v2\/pipeline$/.exec(url.pathname);
    const versionMatch = /^(.*)\/v2\/?$/.exec(url.pathname);
    const prefix = pipelineMatch?.[1] ?? versionMatch?.[1];
    if (prefix === undefined) return textResponse(404, "Not found");
    const wantMethod = pipelineMatch ? "POST" : "GET";
    if (req.method !== wantMethod) return textResponse(405, "Method not allowed");
    if (!pipelineMatch) return textResponse(200, "Hello, this is HTTP API v2 (Hrana over HTTP)");

    const auth = req.headers.get("authorization");
    if (auth === null) {
      return jsonResponse(401, {
        error: "Unauthorized: `The `Authorization` HTTP header is required but was not specified`",
      });
    }
    const m = /^bearer\s+(.+)$/i.exec(auth.trim());
    if (m === null || m[1] !== opts.token) {
      return jsonResponse(401, { error: "Unauthorized: `The JWT is invalid`" });
    }

    const file = opts.resolve(url.hostname, prefix);
    if (file === null) {
      const ns = prefix.split("/").filter(Boolean).pop() ?? url.hostname.split(".")[0];
      return jsonResponse(404, { error: `Namespace \`${ns}\` doesn't exist` });
    }

    let body: unknown;
    try {
      body = JSON.parse(await req.text());
    } catch (e) {
      return textResponse(400, deserializeError((e as Error).message).message);
    }
    try {
      return await pipeline(file, body);
    } catch (e) {
      if (e instanceof ProtocolError) return textResponse(400, e.message);
      if (e instanceof StreamExpiredError) {
        return jsonResponse(400, {
          message: "The stream has expired due to inactivity",
          code: "STREAM_EXPIRED",
        });
      }
      return textResponse(500, `Internal Error: \`${(e as Error)?.message ?? String(e)}\``);
    }
  }

  return {
    handle,
    close() {
      closed = true;
      for (const s of [...live]) destroy(s);
      streams.clear();
      expired.clear();
    },
  };
}

/** Serves `createHranaHandler(opts)` on http://127.0.0.1:<random port>. */
export async function startHranaServer(
  opts: HranaOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const handler = createHranaHandler(opts);
  const server = http.createServer((req, res) => {
    void (async () => {
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) {
          if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
        }
        const method = req.method ?? "GET";
        const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
          method,
          headers,
          body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
        });
        const response = await handler.handle(request);
        const outHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => {
          outHeaders[key] = value;
        });
        const payload = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, outHeaders);
        res.end(payload);
      } catch (e) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(e));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
