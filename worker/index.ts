// Cloudflare Workers entry: fetch (the API; static assets are served by the platform from
// dist/client, with /api/* sent to the Worker first), scheduled (the cron) and queue.
import { migrations } from "../schema/migrations";
import type { ExecutionContext } from "hono";
import { createApp } from "./app";
import { cleanStaleProvisioning, runScheduledPass } from "./cron";
import { consumeJobs, firstPage, type JobMessage } from "./cron/queue";
import { purgeExpiredSignups } from "./data/signups";
import { migrate } from "./db/migrate";
import { tursoPlatform } from "./db/turso";
import { poolTarget } from "./db/turso-pool";
import type { Bindings, Platform } from "./env";
import { errorBody } from "./errors";
import { mailFromBindings } from "./mail/api";

/** The Workers platform with e-mail through the HTTP API when MAIL_API_URL is bound. */
function platformOf(env: Bindings): Platform {
  const platform = tursoPlatform(env);
  return { ...platform, outbound: { ...platform.outbound, ...mailFromBindings(env) } };
}

const app = createApp(platformOf);

/** The control plane is migrated once per isolate (keyed by its URL) before the first
 *  request is served; after a release the first request of each isolate checks it. */
const controlReady = new Map<string, Promise<unknown>>();
function ensureControl(env: Bindings): Promise<unknown> {
  const key = env.CONTROL_DB_URL ?? "";
  let ready = controlReady.get(key);
  if (!ready) {
    ready = migrate(tursoPlatform(env).control().client, migrations.control);
    ready.catch(() => controlReady.delete(key));
    controlReady.set(key, ready);
  }
  return ready;
}

interface ScheduledController {
  cron: string;
  scheduledTime: number;
}

export default {
  async fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> {
    try {
      await ensureControl(env);
    } catch (err) {
      console.error("control plane unavailable", err);
      return Response.json(errorBody("BUSY", "Hệ thống đang bận, vui lòng thử lại sau giây lát."), {
        status: 503,
        headers: { "Retry-After": "5" },
      });
    }
    return app.fetch(request, env, ctx);
  },
  /** The Cron Trigger. With the Queue bound, it sends one message: the first page of the walk
   *  over tenants due (worker/cron/queue.ts). Without a queue binding the pass runs inline
   *  (a handful of tenants). */
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(
      (async () => {
        await ensureControl(env);
        const platform = platformOf(env);
        // Databases for the next signups, made while nobody waits (TURSO_POOL_SIZE).
        await platform.provisioner
          .prepare?.(poolTarget(env.TURSO_POOL_SIZE))
          .catch((err) => console.error("pool", err));
        if (!env.JOBS) {
          await runScheduledPass(platform);
          return;
        }
        await cleanStaleProvisioning(platform);
        await purgeExpiredSignups(platform);
        await env.JOBS.sendBatch([{ body: firstPage(controller.scheduledTime) }]);
      })(),
    );
  },

  /** The Queue consumer: page and tenant messages (worker/cron/queue.ts). */
  async queue(batch: { messages: readonly JobMessage[] }, env: Bindings): Promise<void> {
    await ensureControl(env);
    await consumeJobs(platformOf(env), env.JOBS, batch.messages);
  },
};
