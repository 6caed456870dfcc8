// The scheduled pass shared by both runtimes: Workers' Cron Trigger (fanned out one Queue
// message per tenant) and, on Node, a timer in `npm start` and `npm run cron`. Every job is
// idempotent — reminders through unique ledger keys, rollups recomputed and upserted, the
// outbox by idempotency keys — and a lease keeps two passes from running one tenant at once.
// A pass that dies midway leaves nothing half-done that the next pass does not finish.
// Idle tenants cost nothing: a pass visits only tenants whose next_due_at has come (see
// ./due.ts and worker/middleware/mark.ts) and takes a lease only for those.
import { eq } from "drizzle-orm";
import { migrations } from "../../schema/migrations";
import { tenants } from "../../schema/tables/control";
import { setTenantSchemaVersion } from "../data/tenants";
import { latestVersion, migrate } from "../db/migrate";
import type { Platform, TenantRecord } from "../env";
import { dueTenantsPage, type DueCursor } from "../data/tenants";
import { nextDueAt } from "./due";
import { claimTenant, finishTenant } from "./lease";
import { hookQueue } from "./notice-hook";
import { mailQueue, queueNotices } from "./notice-mail";
import { deliverOutbox, type DeliveryReport } from "./outbox";
import { remindersWithSettings, type ReminderReport } from "./reminders";
import { runRollup, type RollupReport } from "./rollup";
import { purgeExpiredSignups } from "../data/signups";
import { discardStaleTenants } from "../data/tenants";

/** A tenant still `provisioning` after this long was left by a crash mid-signup. */
export const PROVISIONING_TIMEOUT_MS = 10 * 60 * 1000;
/** Longer than any pass over one tenant may take (Workers: 15 min wall time for a consumer). */
export const LEASE_TTL_MS = 15 * 60 * 1000;

/** Removes what a signup that crashed midway left behind: no half-made tenant survives. */
export const cleanStaleProvisioning = (platform: Platform): Promise<number> =>
  discardStaleTenants(platform, "provisioning", PROVISIONING_TIMEOUT_MS);

export interface TenantReport {
  tenant: string;
  ran: boolean;
  reminders?: ReminderReport;
  notices?: { emails: number; webhooks: number };
  outbox?: DeliveryReport;
  rollup?: RollupReport;
}

/** One tenant's jobs, under its lease; at the end, the next instant it has work is stored.
 *  A job that throws leaves next_due_at at the lease's expiry: the tenant is retried then. */
export async function runTenantJobs(
  platform: Platform,
  tenant: TenantRecord,
  holder: string,
): Promise<TenantReport> {
  const control = platform.control().db;
  const now = platform.now();
  const claimed = await claimTenant(control, tenant.id, holder, LEASE_TTL_MS, now);
  if (claimed === null) return { tenant: tenant.slug, ran: false };
  let nextDue: number | null = claimed;
  try {
    const { db, client } = platform.tenant(tenant);
    if (tenant.schemaVersion < latestVersion(migrations.tenant)) {
      const version = await migrate(client, migrations.tenant);
      await setTenantSchemaVersion(control, tenant.id, version);
    }
    const channels = { email: !!platform.outbound.email };
    const { report: reminders, notify, running } = await remindersWithSettings(db, now, channels);
    // The event notices owed by e-mail (each person's choice), into the same outbox.
    // … and to the tenant's webhook, titles only; both first pages in one round trip.
    const [emails = 0, webhooks = 0] = await queueNotices(db, [
      mailQueue(db, now, channels, notify),
      hookQueue(db, now, notify),
    ]);
    const notices = { emails, webhooks };
    const outbox = await deliverOutbox(db, platform.outbound, notify, now);
    const rollup = await runRollup(db, control, tenant, now, running);
    nextDue = await nextDueAt(db, now);
    return { tenant: tenant.slug, ran: true, reminders, notices, outbox, rollup };
  } finally {
    await finishTenant(control, tenant.id, holder, claimed, nextDue);
  }
}

/** Whether a tenant's record says it has work by `now` (due, or marked by a write). */
export const isDue = (tenant: TenantRecord, now: Date) =>
  tenant.nextDueAt !== null && tenant.nextDueAt <= now.getTime();

/** Every active tenant. Tests and tools only: the pass walks due tenants in pages. */
export async function activeTenants(platform: Platform): Promise<TenantRecord[]> {
  return platform.control().db.select().from(tenants).where(eq(tenants.status, "active"));
}

/** Tenants per page of the walk: one control-plane read each. */
export const WALK_PAGE = 500;

/** Walks the tenants due by `now` a page at a time (a keyset cursor on (next_due_at, id)):
 *  idle tenants are neither read nor opened. */
export async function* dueTenantPages(
  platform: Platform,
  now: Date,
  after: DueCursor | null = null,
  pageSize = WALK_PAGE,
): AsyncGenerator<{ tenants: TenantRecord[]; next: DueCursor | null }> {
  let cursor = after;
  do {
    const page = await dueTenantsPage(platform.control().db, now, cursor, pageSize);
    yield page;
    cursor = page.next;
  } while (cursor);
}

export interface PassReport {
  removedStaleProvisioning: number;
  tenants: TenantReport[];
}

/** The whole pass over the tenants due, tenant after tenant (Node). Workers fan out instead
 *  (worker/index.ts), walking the same pages from Queue messages. */
export async function runScheduledPass(
  platform: Platform,
  holder: string = crypto.randomUUID(),
): Promise<PassReport> {
  const removedStaleProvisioning = await cleanStaleProvisioning(platform);
  // A sign-up nobody confirmed within its day frees its code and its database.
  await purgeExpiredSignups(platform);
  const reports: TenantReport[] = [];
  for await (const page of dueTenantPages(platform, platform.now()))
    for (const tenant of page.tenants) {
      // The embedded libSQL client is synchronous underneath: without a turn of the event loop
      // between tenants a long pass would starve HTTP requests on the same Node process, and
      // the files of closed tenant connections (released by finalizers) would pile up.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        reports.push(await runTenantJobs(platform, tenant, holder));
      } catch (err) {
        // One tenant's failure must not starve the others; its lease is released and a
        // pass after the lease's time retries it.
        console.error(`cron: tenant ${tenant.slug} failed`, err);
        reports.push({ tenant: tenant.slug, ran: false });
      }
    }
  return { removedStaleProvisioning, tenants: reports };
}
