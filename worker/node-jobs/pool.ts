// The Node runtime's long work, off the thread that answers requests: a few worker threads,
// each with its own libSQL connections (thread.ts), fed round robin across tenants with at
// most one job of a tenant running at a time — a tenant looping imports waits behind itself,
// not in front of the others. A job past its time (or one that blows its thread's heap) has
// its thread terminated and replaced: a launch killed midway is finished by the next one or by
// `finishLaunch` (idempotent); an import writes in one transaction, so it wrote nothing.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
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

/** How long each kind may run before its thread is stopped. */
export const JOB_TIMEOUT_MS: Record<PoolKind, number> = {
  import: 60_000,
  export: 120_000,
  launch: 30 * 60_000,
  cron: 30 * 60_000,
};
/** Jobs of one tenant waiting at once; more answer 503 (BUSY). */
export const MAX_QUEUED_PER_TENANT = 8;

export interface PoolOptions {
  /** The thread's entry: dist/node/node-jobs/thread.mjs, or thread.ts (run with tsx). */
  script: URL;
  dataDir: string;
  /** Threads; default: one less than the cores, at least one, at most four. */
  size?: number;
  timeoutMs?: Partial<Record<PoolKind, number>>;
  /** Heap of each thread (V8's old generation). */
  memoryMb?: number;
  /** How long a thread may sit idle before it is stopped (IDLE_THREAD_MS). */
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
  transfer: ArrayBuffer[];
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker?: Worker;
  current?: Pending;
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

/** A thread with nothing to do for this long is stopped: the heap a 500k-member launch grew
 *  goes back to the system instead of staying with an idle thread. */
export const IDLE_THREAD_MS = 30_000;

/** The young generation of each thread's heap, in MB (V8 sizes it from the heap otherwise).
 *  A job allocates a chunk's rows and drops them: a small nursery is collected more often
 *  and keeps the thread's resident memory near what the job holds. Measured on a 100k-member
 *  launch (one run each, loaded machine): the process's peak RSS over its level before was
 *  117 MiB with V8's default, 97 MiB with 8 MB; 58 s and 61 s. */
export const YOUNG_GENERATION_MB = 8;

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
  /** One scheduled pass (worker/cron) in a thread, beside the tenants' jobs. */
  runPass(): Promise<void>;
  /** Threads started so far (tests). */
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

  const spawn = (slot: Slot): Worker => {
    const ts = opts.script.pathname.endsWith(".ts");
    const worker = new Worker(opts.script, {
      workerData: { dataDir: opts.dataDir },
      execArgv: ts ? ["--import", "tsx"] : [],
      resourceLimits: {
        maxOldGenerationSizeMb: opts.memoryMb ?? 512,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
    });
    started++;
    worker.unref();
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
      else job.reject(new Error(`worker thread exited during ${job.kind}: ${String(err ?? "")}`));
    };
    worker.on("error", (err: Error & { code?: string }) =>
      lost(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "exit", err),
    );
    worker.on("exit", (code) => lost("exit", `code ${code}`));
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
        // Past its time: the thread is stopped and replaced; the next job gets a fresh one.
        slot.worker = undefined;
        finish(slot);
        job.reject(stopped(job.kind, "time"));
        void worker.terminate();
      }, timeouts[job.kind]);
      slot.timer.unref();
      worker.postMessage(job.message, job.transfer);
    }
  }

  /** Stops the slot's thread once it has been idle for IDLE_THREAD_MS. */
  function retire(slot: Slot) {
    if (!slot.worker || slot.idle) return;
    slot.idle = setTimeout(() => {
      slot.idle = undefined;
      const w = slot.worker;
      if (slot.current || !w) return;
      slot.worker = undefined;
      void w.terminate();
    }, opts.idleMs ?? IDLE_THREAD_MS);
    slot.idle.unref();
  }

  function enqueue(
    kind: PoolKind,
    key: string,
    body: (id: number) => ThreadRequest,
    transfer: ArrayBuffer[],
  ) {
    if (closed) return Promise.reject(new Error("thread pool closed"));
    const queue = queues.get(key) ?? [];
    if (queue.length >= MAX_QUEUED_PER_TENANT)
      return Promise.reject(
        new DomainError("BUSY", "Đảng bộ đang có nhiều việc chờ xử lý; hãy thử lại sau giây lát."),
      );
    return new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      queue.push({ id, kind, key, message: body(id), transfer, resolve, reject });
      if (!queues.has(key)) {
        queues.set(key, queue);
        ring.push(key);
      }
      dispatch();
    });
  }

  const runLong: RunLong = <K extends LongKind>(kind: K, job: LongJob<LongInput<K>>) => {
    const bytes = (job.input as { bytes?: unknown }).bytes;
    // An upload's bytes move to the thread rather than being copied.
    const transfer =
      bytes instanceof Uint8Array && bytes.byteLength === bytes.buffer.byteLength
        ? [bytes.buffer as ArrayBuffer]
        : [];
    return enqueue(
      kind,
      `t:${job.tenant.id}`,
      (id) => ({ id, kind, job: job as LongJob<unknown> }),
      transfer,
    ) as Promise<LongOutput<K>>;
  };

  return {
    runLong,
    runPass: async () => {
      await enqueue("cron", "cron", (id) => ({ id, kind: "cron" }), []);
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
          await w?.terminate();
        }),
      );
    },
  };
}
