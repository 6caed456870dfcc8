// Cloudflare Workers entry: fetch (the API; static assets are served by the platform from
// dist/client, with /api/* sent to the Worker first), scheduled (the cron) and queue.
import { migrations } from "../schema/migrations";
import type { ExecutionContext } from "hono";
import { createApp } from "./app";
import { activeTenants, cleanStaleProvisioning, runScheduledPass, runTenantJobs } from "./cron";
import { purgeExpiredSignups } from "./data/signups";
import { migrate } from "./db/migrate";
import { tursoPlatform } from "./db/turso";
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
  /** The Cron Trigger: one Queue message per tenant, so that ten thousand tenants fit in the
   *  platform's per-invocation limits (subrequests, CPU, six connections at a time). Without a
   *  queue binding the pass runs inline, which suits a handful of tenants. */
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext) {
    ctx.waitUntil(
      (async () => {
        await ensureControl(env);
        const platform = platformOf(env);
        if (!env.JOBS) {
          await runScheduledPass(platform);
          return;
        }
        await cleanStaleProvisioning(platform);
        await purgeExpiredSignups(platform);
        const list = await activeTenants(platform);
        for (let i = 0; i < list.length; i += 100)
          await env.JOBS.sendBatch(
            list.slice(i, i + 100).map((t) => ({
              body: {
                tenantId: t.id,
                scheduledTime: controller.scheduledTime,
              } satisfies TenantJob,
            })),
          );
      })(),
    );
  },

  /** The Queue consumer: each message runs one tenant's jobs under its lease. Delivery is at
   *  least once; the jobs are idempotent, so a redelivered message changes nothing twice. */
  async queue(batch: MessageBatch<TenantJob>, env: Bindings): Promise<void> {
    await ensureControl(env);
    const platform = platformOf(env);
    const all = await activeTenants(platform);
    for (const msg of batch.messages) {
      const tenant = all.find((t) => t.id === msg.body.tenantId);
      if (!tenant) {
        msg.ack(); // suspended or removed since it was queued
        continue;
      }
      try {
        const report = await runTenantJobs(platform, tenant, `queue:${msg.id}`);
        // Another pass holds the tenant: try again later rather than drop the work.
        if (report.ran) msg.ack();
        else msg.retry({ delaySeconds: 60 });
      } catch (err) {
        console.error(`queue: tenant ${tenant.slug} failed`, err);
        msg.retry({ delaySeconds: 60 });
      }
    }
  },
};

interface TenantJob {
  tenantId: string;
  scheduledTime: number;
}
interface MessageBatch<T> {
  messages: { id: string; body: T; ack(): void; retry(o?: { delaySeconds?: number }): void }[];
}
