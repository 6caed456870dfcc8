// Group commit on the embedded default (issue 15, `api.submit.p95`). Every write batch is a
// transaction, and SQLite's `synchronous = FULL` (its default, kept: an acknowledged write
// survives a power cut, not only a crash of the process) fsyncs the WAL at each commit —
// ~15 ms on this machine, on the request thread, so 50 members saving at once queued 50
// fsyncs one behind the other. Here the write batches that arrive within one turn of the
// event loop are committed together: one transaction, one fsync, each request's statements in
// order and its own results handed back. Nothing is acknowledged before its commit returns.
//
// Each request's statements run as they would alone, one request after the other, so the
// guarded writes (a row updated only at the version read; a row inserted only where its
// guard holds) decide the same. A group that fails as a whole (a constraint, a busy file) is
// run again one batch at a time, each in its own transaction, so one request's error is only
// its own. Batches that only read, or that ask for a transaction mode, run at once as before.
import type { Client, InStatement, ResultSet, TransactionMode } from "@libsql/client";
import { AsyncLocalStorage } from "node:async_hooks";

/** What a request waited for a group commit beyond its own share of it (the turn to flush,
 *  the other requests' statements, their share of the fsync). The tenant gate
 *  (./tenant-gate.ts) does not count it as the request's cost: else a tenant of 50 savers
 *  would be let in one save per turn, and its saves would never share a commit. */
export const commitWaits = new AsyncLocalStorage<{ waited: number }>();

interface Pending {
  waits: { waited: number } | undefined;
  queued: number;
  stmts: InStatement[];
  resolve: (results: ResultSet[]) => void;
  reject: (err: unknown) => void;
}

const sqlOf = (s: InStatement) => (typeof s === "string" ? s : s.sql);
const READ = /^\s*select\b/i;
const DML = /^\s*(insert|update|delete|select|with)\b/i;

/** `client` whose plain write batches are committed in groups (see the header). */
export function groupCommit(client: Client): Client {
  let queue: Pending[] = [];
  const run = client.batch.bind(client); // the client's own batch, whatever is set over it
  const alone = (p: Pending) => run(p.stmts).then(p.resolve, p.reject);
  const flush = async () => {
    const group = queue;
    queue = [];
    const started = performance.now();
    if (group.length === 1) {
      if (group[0]!.waits) group[0]!.waits.waited += started - group[0]!.queued;
      return alone(group[0]!);
    }
    let results: ResultSet[];
    try {
      results = await run(group.flatMap((p) => p.stmts));
    } catch {
      for (const p of group) await alone(p);
      return;
    }
    const share = (performance.now() - started) / group.length;
    let at = 0;
    for (const p of group) {
      if (p.waits) p.waits.waited += performance.now() - p.queued - share;
      p.resolve(results.slice(at, at + p.stmts.length));
      at += p.stmts.length;
    }
  };
  const batch = (stmts: InStatement[], mode?: TransactionMode): Promise<ResultSet[]> => {
    const plain = stmts.map(sqlOf);
    if (
      (mode !== undefined && mode !== "deferred") ||
      plain.every((s) => READ.test(s)) ||
      !plain.every((s) => DML.test(s))
    )
      return run(stmts, mode);
    return new Promise((resolve, reject) => {
      const waits = commitWaits.getStore();
      const queued = performance.now();
      if (queue.push({ waits, queued, stmts, resolve, reject }) === 1)
        setImmediate(() => void flush());
    });
  };
  // A test recording statements sets its own `batch` over this one (and calls this one).
  let over: Client["batch"] | undefined;
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "batch") return over ?? batch;
      const value = Reflect.get(target, prop, target) as unknown;
      // The client keeps private fields: its methods run on itself, not on the proxy.
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
    set(target, prop, value) {
      if (prop !== "batch") return Reflect.set(target, prop, value);
      over = value === batch ? undefined : (value as Client["batch"]);
      return true;
    },
  });
}
