// The fan-out over Cloudflare Queues (worker/index.ts binds it): the Cron Trigger sends the
// first page of the walk over tenants due; a page message reads one page (WALK_PAGE tenants)
// and sends one message per due tenant and one for the next page; a tenant message runs that
// tenant's jobs under its lease if it is still due. No invocation reads the whole tenant
// list, idle tenants are never read, and the per-invocation work is bounded by a page.
// Delivery is at least once: a redelivered page re-sends the same tenants (its bound is the
// pass's scheduled time), and a tenant message for a tenant already run finds it not due.
import type { DueCursor } from "../data/tenants";
import { activeTenantsByIds, dueTenantsPage } from "../data/tenants";
import type { Platform } from "../env";
import { isDue, runTenantJobs, WALK_PAGE } from "./index";

export interface PageJob {
  kind: "page";
  after: DueCursor | null;
  scheduledTime: number;
}
/** A message without `kind` was queued by the release before pages: a tenant's. */
export interface TenantJob {
  kind?: "tenant";
  tenantId: string;
  scheduledTime: number;
}
export type Job = PageJob | TenantJob;

export interface JobProducer {
  sendBatch(messages: { body: Job }[]): Promise<unknown>;
}

export interface JobMessage {
  id: string;
  body: Job;
  ack(): void;
  retry(o?: { delaySeconds?: number }): void;
}

export const firstPage = (scheduledTime: number): PageJob => ({
  kind: "page",
  after: null,
  scheduledTime,
});

/** One page of the walk: a message per due tenant, then one for the next page. */
export async function fanOutPage(
  platform: Platform,
  jobs: JobProducer,
  page: PageJob,
  pageSize = WALK_PAGE,
) {
  const { tenants, next } = await dueTenantsPage(
    platform.control().db,
    new Date(page.scheduledTime),
    page.after,
    pageSize,
  );
  const messages: { body: Job }[] = tenants.map((t) => ({
    body: { kind: "tenant", tenantId: t.id, scheduledTime: page.scheduledTime },
  }));
  if (next)
    messages.push({ body: { kind: "page", after: next, scheduledTime: page.scheduledTime } });
  for (let i = 0; i < messages.length; i += 100) await jobs.sendBatch(messages.slice(i, i + 100));
}

/** A Queue batch: the batch's tenants are read in one control-plane query; a tenant with
 *  nothing due (already run, suspended, removed) is acknowledged without being opened. */
export async function consumeJobs(
  platform: Platform,
  jobs: JobProducer | undefined,
  messages: readonly JobMessage[],
  pageSize = WALK_PAGE,
): Promise<void> {
  const now = platform.now();
  const tenantIds = messages.flatMap((m) => (m.body.kind === "page" ? [] : [m.body.tenantId]));
  const byId = new Map(
    (await activeTenantsByIds(platform.control().db, tenantIds)).map((t) => [t.id, t]),
  );
  for (const msg of messages) {
    const body = msg.body;
    try {
      if (body.kind === "page") {
        if (!jobs) throw new Error("a page message without a queue to send to");
        await fanOutPage(platform, jobs, body, pageSize);
        msg.ack();
        continue;
      }
      const tenant = byId.get(body.tenantId);
      if (!tenant || !isDue(tenant, now)) {
        msg.ack();
        continue;
      }
      const report = await runTenantJobs(platform, tenant, `queue:${msg.id}`);
      // A reminder day with more pages: the tenant's next pass at once, in a message of its
      // own (each invocation stays within one pass's round trips).
      if (report.more && jobs)
        await jobs.sendBatch([
          { body: { kind: "tenant", tenantId: tenant.id, scheduledTime: now.getTime() } },
        ]);
      // Another pass holds the tenant: try again later rather than drop the work.
      if (report.ran) msg.ack();
      else msg.retry({ delaySeconds: 60 });
    } catch (err) {
      console.error(`queue: ${body.kind ?? "tenant"} message failed`, err);
      msg.retry({ delaySeconds: 60 });
    }
  }
}
