// Cloudflare Workers entry: fetch (the API; static assets are served by the platform from
// dist/client, with /api/* sent to the Worker first), scheduled (the cron) and queue.
import { migrations } from "../schema/migrations";
import type { ExecutionContext } from "hono";
import { createApp } from "./app";
import { cleanStaleProvisioning, isDue, runScheduledPass, runTenantJobs, WALK_PAGE } from "./cron";
import { activeTenantsByIds, dueTenantsPage, type DueCursor } from "./data/tenants";
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
  /** The Cron Trigger. With the Queue bound, it sends one message: the first page of the walk
   *  over tenants due (worker/cron dueTenantPages). Each page message reads one page of due
   *  tenants (500), sends one message per tenant and one for the next page, so no invocation
   *  reads the whole tenant list or exceeds the platform's per-invocation limits, and idle
   *  tenants are never read. Without a queue binding the pass runs inline (a handful of
   *  tenants). */
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
        await env.JOBS.sendBatch([
          { body: { kind: "page", after: null, scheduledTime: controller.scheduledTime } },
        ]);
      })(),
    );
  },

  /** The Queue consumer. A page message fans one page out; a tenant message runs that
   *  tenant's jobs under its lease if it is still due (a message for a tenant with nothing
   *  due — already run, redelivered — costs one control-plane read and opens nothing).
   *  Delivery is at least once; the jobs are idempotent, so a redelivered message changes
   *  nothing twice. */
  async queue(batch: MessageBatch<Job>, env: Bindings): Promise<void> {
    await ensureControl(env);
    const platform = platformOf(env);
    const now = platform.now();
    // A message without `kind` was queued by the release before pages: a tenant's.
    const tenantIds = batch.messages.flatMap((m) =>
      m.body.kind === "page" ? [] : [m.body.tenantId],
    );
    const byId = new Map(
      (await activeTenantsByIds(platform.control().db, tenantIds)).map((t) => [t.id, t]),
    );
    for (const msg of batch.messages) {
      const body = msg.body;
      try {
        if (body.kind === "page") {
          await fanOutPage(platform, env.JOBS!, body);
          msg.ack();
          continue;
        }
        const tenant = byId.get(body.tenantId);
        // Suspended or removed since it was queued, or nothing due any more.
        if (!tenant || !isDue(tenant, now)) {
          msg.ack();
          continue;
        }
        const report = await runTenantJobs(platform, tenant, `queue:${msg.id}`);
        // Another pass holds the tenant: try again later rather than drop the work.
        if (report.ran) msg.ack();
        else msg.retry({ delaySeconds: 60 });
      } catch (err) {
        console.error(`queue: ${body.kind} ${"tenantId" in body ? body.tenantId : ""} failed`, err);
        msg.retry({ delaySeconds: 60 });
      }
    }
  },
};

/** One page of the walk: a message per due tenant, then one for the next page. The page's
 *  bound is the pass's scheduled time, so a redelivered page sends the same tenants (each
 *  message re-checks that its tenant is still due). */
async function fanOutPage(platform: Platform, jobs: NonNullable<Bindings["JOBS"]>, page: PageJob) {
  const { tenants, next } = await dueTenantsPage(
    platform.control().db,
    new Date(page.scheduledTime),
    page.after,
    WALK_PAGE,
  );
  const messages: { body: Job }[] = tenants.map((t) => ({
    body: { kind: "tenant", tenantId: t.id, scheduledTime: page.scheduledTime },
  }));
  if (next)
    messages.push({ body: { kind: "page", after: next, scheduledTime: page.scheduledTime } });
  for (let i = 0; i < messages.length; i += 100) await jobs.sendBatch(messages.slice(i, i + 100));
}

interface PageJob {
  kind: "page";
  after: DueCursor | null;
  scheduledTime: number;
}
type Job = PageJob | { kind?: "tenant"; tenantId: string; scheduledTime: number };
interface MessageBatch<T> {
  messages: { id: string; body: T; ack(): void; retry(o?: { delaySeconds?: number }): void }[];
}
