// One job process of the Node runtime's pool (pool.ts, started with child_process.fork): its own
// libSQL connections to the control plane and the tenant files under the DATA_DIR it is given,
// running one job at a time and answering with its result, or with the refusal it threw
// (re-thrown as the same DomainError on the other side). It ends with the server: when the
// IPC channel closes (the server stopped, or was killed), so does it.
import { runScheduledPass } from "../cron";
import { runLongHere, sendError } from "../db/long-jobs";
import type { ThreadReply, ThreadRequest } from "./pool";
import { nodePlatform } from "../node-platform";

const send = process.send?.bind(process);
const dataDir = process.argv[2];
if (!send || !dataDir)
  throw new Error("worker/node-jobs/thread.ts runs only as a job process of pool.ts");

const platform = nodePlatform(dataDir);

process.on("disconnect", () => process.exit(0));
process.on("message", async (m: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    if (m.kind === "cron") {
      await runScheduledPass(platform);
      reply = { id: m.id, ok: true, value: null };
    } else {
      const value = await runLongHere(platform, m.kind, m.job as never);
      reply = { id: m.id, ok: true, value };
    }
  } catch (err) {
    reply = { id: m.id, ok: false, error: sendError(err) };
  }
  send(reply);
});
