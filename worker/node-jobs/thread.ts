// One thread of the Node runtime's pool (pool.ts): its own libSQL connections to the control
// plane and the tenant files under DATA_DIR, running one job at a time and answering with its
// result, or with the refusal it threw (re-thrown as the same DomainError on the other side).
import { parentPort, workerData } from "node:worker_threads";
import { runScheduledPass } from "../cron";
import { localPlatform } from "../db/local";
import { runLongHere, sendError } from "../db/long-jobs";
import { fetchOutbound } from "../env";
import { mailFromProcessEnv } from "../mail/smtp";
import type { ThreadReply, ThreadRequest } from "./pool";

const port = parentPort;
if (!port) throw new Error("worker/node-jobs/thread.ts runs only as a worker thread");

const platform = localPlatform({
  dataDir: (workerData as { dataDir: string }).dataDir,
  allowedOrigins: [],
  outbound: { ...fetchOutbound(), ...mailFromProcessEnv(process.env) },
});
platform.signup = process.env.SIGNUP;

/** Buffers of a result that can move back instead of being copied (an export's file). */
function transferables(value: unknown): ArrayBuffer[] {
  const body = (value as { body?: unknown } | null)?.body;
  return body instanceof Uint8Array && body.byteLength === body.buffer.byteLength
    ? [body.buffer as ArrayBuffer]
    : [];
}

port.on("message", async (m: ThreadRequest) => {
  let reply: ThreadReply;
  let transfer: ArrayBuffer[] = [];
  try {
    if (m.kind === "cron") {
      await runScheduledPass(platform);
      reply = { id: m.id, ok: true, value: null };
    } else {
      const value = await runLongHere(platform, m.kind, m.job as never);
      transfer = transferables(value);
      reply = { id: m.id, ok: true, value };
    }
  } catch (err) {
    reply = { id: m.id, ok: false, error: sendError(err) };
  }
  port.postMessage(reply, transfer);
});
