// The scheduled pass shared by both runtimes: Workers' Cron Trigger and, on Node, a timer
// in `npm start` and `npm run cron`. Every job is idempotent: a pass that runs twice, or
// is retried after dying midway, changes nothing the first did not.
import { and, eq, lt } from "drizzle-orm";
import { tenants } from "../../schema/tables/control";
import type { Platform } from "../env";

/** A tenant still `provisioning` after this long was left by a crash mid-signup. */
export const PROVISIONING_TIMEOUT_MS = 10 * 60 * 1000;

export interface PassReport {
  removedStaleProvisioning: number;
}

/** Removes what a signup that crashed midway left behind: no half-made tenant survives. */
export async function cleanStaleProvisioning(platform: Platform): Promise<number> {
  const control = platform.control().db;
  const cutoff = new Date(platform.now().getTime() - PROVISIONING_TIMEOUT_MS);
  const stale = await control
    .select({ id: tenants.id, dbUrl: tenants.dbUrl })
    .from(tenants)
    .where(and(eq(tenants.status, "provisioning"), lt(tenants.createdAt, cutoff)));
  for (const t of stale) {
    await platform.provisioner.destroy(t.id, t.dbUrl);
    await control.delete(tenants).where(eq(tenants.id, t.id));
  }
  return stale.length;
}

export async function runScheduledPass(platform: Platform): Promise<PassReport> {
  return { removedStaleProvisioning: await cleanStaleProvisioning(platform) };
}
