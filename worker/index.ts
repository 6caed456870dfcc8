// Cloudflare Workers entry: fetch (the API; static assets are served by the platform from
// dist/client, with /api/* sent to the Worker first), scheduled (the cron) and queue.
import { migrations } from "../schema/migrations";
import type { ExecutionContext } from "hono";
import { createApp } from "./app";
import { runScheduledPass } from "./cron";
import { migrate } from "./db/migrate";
import { tursoPlatform } from "./db/turso";
import type { Bindings } from "./env";
import { errorBody } from "./errors";

const app = createApp((env) => tursoPlatform(env));

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
  async scheduled(_controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(ensureControl(env).then(() => runScheduledPass(tursoPlatform(env))));
  },
};
