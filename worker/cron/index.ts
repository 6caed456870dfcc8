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
import type { BatchItem } from "../db/handles";
import { recordDirectiveHistory, runningDirectivesRead } from "../data/directive-history";
import { nextDueFrom, nextDueReads, nextIctMidnight } from "./due";
import { claimTenant, finishTenant } from "./lease";
import { hookNotices, hookPage } from "./notice-hook";
import { mailNotices, owedPage, type NoticeRide } from "./notice-mail";
import { deliverOutbox, duePage, type DeliveryReport } from "./outbox";
import { remindersWithSettings, type ReminderReport } from "./reminders";
import { rollupWith, type RollupReport } from "./rollup";
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
  /** Directives issued here, each with today's point written (worker/data/directive-history.ts). */
  directives?: { running: number };
  /** The reminder day has more pages: the tenant is due again at once. */
  more?: boolean;
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
  // Which directives this tenant issued run today rides on the claim (its history's point).
  const issued: { reads: BatchItem[]; results?: unknown[] } = {
    reads: [runningDirectivesRead(control, tenant.id, now) as unknown as BatchItem],
  };
  const claimed = await claimTenant(control, tenant.id, holder, LEASE_TTL_MS, now, issued);
  if (claimed === null) return { tenant: tenant.slug, ran: false };
  let nextDue: number | null = claimed;
  try {
    const { db, client } = platform.tenant(tenant);
    if (tenant.schemaVersion < latestVersion(migrations.tenant)) {
      const version = await migrate(client, migrations.tenant);
      await setTenantSchemaVersion(control, tenant.id, version);
    }
    const channels = { email: !!platform.outbound.email };
    // Each job's first read rides on the one before's last batch (round trips, issue 13).
    const day = await remindersWithSettings(db, now, channels, platform.reminderPages, [
      owedPage(db, now),
      hookPage(db),
      duePage(db, now) as unknown as BatchItem,
    ]);
    const { report: reminders, notify, running } = day;
    // The event notices owed by e-mail (each person's choice) and to the tenant's webhook
    // (titles only), into the same outbox. Writes that nothing after them reads (marks
    // cleared, messages' outcomes) lead the rollup's first batch.
    const lead: BatchItem[] = [];
    // Each queue's batches end with the outbox's due page, so the page read last is current.
    const tail = duePage(db, now) as unknown as BatchItem;
    const mailRide: NoticeRide = { first: day.ride[0], later: lead, tail };
    const mailed = await mailNotices(db, now, channels, notify, undefined, mailRide);
    const hookRide: NoticeRide = { first: day.ride[1], later: lead, tail };
    const webhooks = await hookNotices(db, now, notify, undefined, hookRide);
    const notices = { emails: mailed.emails, webhooks };
    // The outbox's page as read last: with the reminders, or after the notices' writes.
    const page = (hookRide.tailResult ?? mailRide.tailResult ?? day.ride[2]) as Awaited<
      ReturnType<typeof duePage>
    >;
    const sent = await deliverOutbox(db, platform.outbound, notify, now, page);
    const rolled = await rollupWith(db, control, tenant, now, {
      running,
      lead: [...lead, ...sent.marks],
      tail: nextDueReads(db) as unknown as BatchItem[],
    });
    const outbox = sent.report;
    const rollup = rolled.report;
    // Today's point of each running directive this tenant issued (its chart); while one
    // runs, the tenant wakes every ICT midnight for the next day's point.
    const issuing = (issued.results?.[0] ?? []) as { id: string }[];
    const directives = await recordDirectiveHistory(db, control, tenant, now, issuing);
    nextDue = nextDueFrom(rolled.tail, now);
    if (directives.running) nextDue = Math.min(nextDue ?? Infinity, nextIctMidnight(now));
    // A reminder day not done in this pass (one page of members or people a pass): due again.
    if (day.more) nextDue = now.getTime();
    const more = day.more;
    return { tenant: tenant.slug, ran: true, reminders, notices, outbox, rollup, directives, more };
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
  /** Runs each tenant once; returns those whose reminder day has more pages. */
  const round = async (list: TenantRecord[]) => {
    const again: TenantRecord[] = [];
    for (const tenant of list) {
      // The embedded libSQL client is synchronous underneath: without a turn of the event loop
      // between tenants a long pass would starve HTTP requests on the same Node process, and
      // the files of closed tenant connections (released by finalizers) would pile up.
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        const report = await runTenantJobs(platform, tenant, holder);
        reports.push(report);
        if (report.more) again.push(tenant);
      } catch (err) {
        // One tenant's failure must not starve the others; its lease is released and a
        // pass after the lease's time retries it.
        console.error(`cron: tenant ${tenant.slug} failed`, err);
        reports.push({ tenant: tenant.slug, ran: false });
      }
    }
    return again;
  };
  let again: TenantRecord[] = [];
  for await (const page of dueTenantPages(platform, platform.now()))
    again.push(...(await round(page.tenants)));
  // Reminder days with more pages go on, a pass each in turn, until done.
  while (again.length) again = await round(again);
  return { removedStaleProvisioning, tenants: reports };
}
