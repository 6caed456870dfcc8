// The Node runtime's long work, off the thread that answers requests: a few job processes
// (thread.ts, started with child_process.fork), each with its own libSQL connections, fed
// round robin across tenants with at most one job of a tenant running at a time — a tenant
// looping imports waits behind itself, not in front of the others. A job past its time (or one
// that blows its process's heap) has its process killed and replaced: a launch killed midway
// is finished by the next one or by `finishLaunch` (idempotent); an import writes in one
// transaction, so it wrote nothing.
//
// Processes, not worker_threads (which issue 15 names): a stopped thread's native memory stays
// with the server. glibc shares its malloc arenas between threads and gives freed memory back
// only from an arena's top; after a launch a few live chunks of other threads (their tcaches)
// sit above what the job freed, so ~8 MiB stayed resident after each launch, ~17 MiB after
// four, and only malloc_trim(3), which Node does not expose, returns it. A process that exits
// returns everything. Measured in README (Fairness: long work).
import { fork, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { DomainError } from "../errors";
import {
  receiveError,
  type LongInput,
  type LongJob,
  type LongKind,
  type LongOutput,
  type RunLong,
  type SentError,
} from "../db/long-jobs";

export type PoolKind = LongKind | "cron";

/** How long each kind may run before its process is stopped. */
export const JOB_TIMEOUT_MS: Record<PoolKind, number> = {
  import: 60_000,
  export: 120_000,
  launch: 30 * 60_000,
  cron: 30 * 60_000,
};
/** Jobs of one tenant waiting at once; more answer 503 (BUSY). */
export const MAX_QUEUED_PER_TENANT = 8;

export interface PoolOptions {
  /** The process's entry: dist/node/node-jobs/thread.mjs, or thread.ts (run with tsx). */
  script: URL;
  dataDir: string;
  /** Processes; default: one less than the cores, at least one, at most four. */
  size?: number;
  timeoutMs?: Partial<Record<PoolKind, number>>;
  /** Heap of each process (V8's old generation). */
  memoryMb?: number;
  /** How long a process may sit idle before it is stopped (IDLE_THREAD_MS). */
  idleMs?: number;
}

export type ThreadRequest =
  { id: number; kind: LongKind; job: LongJob<unknown> } | { id: number; kind: "cron" };
export type ThreadReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };

interface Pending {
  id: number;
  kind: PoolKind;
  key: string;
  message: ThreadRequest;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker?: ChildProcess;
  current?: Pending;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

/** A job process with nothing to do for this long is stopped: the memory a 500k-member launch
 *  grew goes back to the system instead of staying with an idle process. */
export const IDLE_THREAD_MS = 30_000;

/** The young generation of each job process's heap, in MB (V8 sizes it from the heap
 *  otherwise), given to V8 as its semi-space (a third of it). A job allocates a chunk's rows
 *  and drops them: a small nursery is collected more often and keeps the resident memory near
 *  what the job holds. Measured on a 100k-member launch in a thread (one run each, loaded
 *  machine): peak RSS over the level before was 117 MiB with V8's default, 97 MiB with 8 MB;
 *  58 s and 61 s. */
export const YOUNG_GENERATION_MB = 8;

/** How a job process that ran out of heap ends: V8 aborts it. */
const outOfMemory = (code: number | null, signal: NodeJS.Signals | null) =>
  signal === "SIGABRT" || code === 134;

/** Kills a job process (it holds no transaction a kill could leave half done: SQLite rolls
 *  back what it had not committed) and waits until it is gone. */
function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** What a job that had to be stopped answers. */
function stopped(kind: PoolKind, why: "time" | "memory"): DomainError {
  if (kind === "import")
    return new DomainError(
      "PAYLOAD_TOO_LARGE",
      why === "time"
        ? "Tệp đọc quá lâu nên đã bị dừng; hãy chia nhỏ tệp rồi nhập lại."
        : "Tệp quá lớn để đọc; hãy chia nhỏ tệp rồi nhập lại.",
    );
  return new DomainError(
    "BUSY",
    "Công việc chạy quá giới hạn cho phép nên đã dừng; hãy thử lại sau giây lát.",
  );
}

export interface ThreadPool {
  runLong: RunLong;
  /** One scheduled pass (worker/cron) in a job process, beside the tenants' jobs. */
  runPass(): Promise<void>;
  /** Job processes started so far (tests). */
  started(): number;
  close(): Promise<void>;
}

export function threadPool(opts: PoolOptions): ThreadPool {
  const size = opts.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const timeouts = { ...JOB_TIMEOUT_MS, ...opts.timeoutMs };
  const slots: Slot[] = Array.from({ length: size }, () => ({}));
  const queues = new Map<string, Pending[]>();
  const ring: string[] = []; // keys with queued jobs, in turn order
  const running = new Set<string>();
  let nextId = 1;
  let started = 0;
  let closed = false;

  const spawn = (slot: Slot): ChildProcess => {
    const ts = opts.script.pathname.endsWith(".ts");
    const worker = fork(fileURLToPath(opts.script), [opts.dataDir], {
      execArgv: [
        ...(ts ? ["--import", "tsx"] : []),
        `--max-old-space-size=${opts.memoryMb ?? 512}`,
        `--max-semi-space-size=${Math.max(1, Math.round(YOUNG_GENERATION_MB / 3))}`,
      ],
      // Structured clone, as between threads: dates, byte arrays.
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    started++;
    // An idle job process keeps neither the server nor a test alive.
    worker.unref();
    worker.channel?.unref();
    worker.on("message", (reply: ThreadReply) => {
      const job = slot.current;
      if (!job || job.id !== reply.id) return;
      finish(slot);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(receiveError(reply.error));
    });
    const lost = (why: "memory" | "exit", err?: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const job = slot.current;
      finish(slot);
      if (!job) return;
      if (why === "memory") job.reject(stopped(job.kind, "memory"));
      else job.reject(new Error(`job process exited during ${job.kind}: ${String(err ?? "")}`));
    };
    worker.on("error", (err) => lost("exit", err));
    worker.on("exit", (code, signal) =>
      lost(outOfMemory(code, signal) ? "memory" : "exit", `code ${code}, signal ${signal}`),
    );
    return worker;
  };

  function finish(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.current) running.delete(slot.current.key);
    slot.current = undefined;
    slot.timer = undefined;
    queueMicrotask(dispatch);
  }

  function take(): Pending | undefined {
    for (let i = 0; i < ring.length; i++) {
      const key = ring[i]!;
      if (running.has(key)) continue;
      const queue = queues.get(key)!;
      const job = queue.shift()!;
      ring.splice(i, 1);
      if (queue.length) ring.push(key);
      else queues.delete(key);
      return job;
    }
    return undefined;
  }

  function dispatch() {
    if (closed) return;
    for (const slot of slots) {
      if (slot.current) continue;
      const job = take();
      if (!job) {
        for (const idle of slots) if (!idle.current) retire(idle);
        return;
      }
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = undefined;
      const worker = (slot.worker ??= spawn(slot));
      slot.current = job;
      running.add(job.key);
      slot.timer = setTimeout(() => {
        // Past its time: the process is killed and replaced; the next job gets a fresh one.
        slot.worker = undefined;
        finish(slot);
        job.reject(stopped(job.kind, "time"));
        void kill(worker);
      }, timeouts[job.kind]);
      slot.timer.unref();
      worker.send(job.message);
    }
  }

  /** Stops the slot's process once it has been idle for IDLE_THREAD_MS. */
  function retire(slot: Slot) {
    if (!slot.worker || slot.idle) return;
    slot.idle = setTimeout(() => {
      slot.idle = undefined;
      const w = slot.worker;
      if (slot.current || !w) return;
      slot.worker = undefined;
      void kill(w);
    }, opts.idleMs ?? IDLE_THREAD_MS);
    slot.idle.unref();
  }

  function enqueue(kind: PoolKind, key: string, body: (id: number) => ThreadRequest) {
    if (closed) return Promise.reject(new Error("thread pool closed"));
    const queue = queues.get(key) ?? [];
    if (queue.length >= MAX_QUEUED_PER_TENANT)
      return Promise.reject(
        new DomainError("BUSY", "Đảng bộ đang có nhiều việc chờ xử lý; hãy thử lại sau giây lát."),
      );
    return new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      queue.push({ id, kind, key, message: body(id), resolve, reject });
      if (!queues.has(key)) {
        queues.set(key, queue);
        ring.push(key);
      }
      dispatch();
    });
  }

  const runLong: RunLong = <K extends LongKind>(kind: K, job: LongJob<LongInput<K>>) =>
    enqueue(kind, `t:${job.tenant.id}`, (id) => ({
      id,
      kind,
      job: job as LongJob<unknown>,
    })) as Promise<LongOutput<K>>;

  return {
    runLong,
    runPass: async () => {
      await enqueue("cron", "cron", (id) => ({ id, kind: "cron" }));
    },
    started: () => started,
    async close() {
      closed = true;
      for (const queue of queues.values())
        for (const job of queue) job.reject(new Error("thread pool closed"));
      queues.clear();
      ring.length = 0;
      await Promise.all(
        slots.map(async (slot) => {
          const w = slot.worker;
          slot.worker = undefined;
          slot.current?.reject(new Error("thread pool closed"));
          if (slot.timer) clearTimeout(slot.timer);
          if (slot.idle) clearTimeout(slot.idle);
          slot.current = undefined;
          if (w) await kill(w);
        }),
      );
    },
  };
}
