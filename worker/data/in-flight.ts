// Stored figures' refreshes in progress (progress-figures.ts, compliance-figures.ts): readers
// arriving together — a dashboard at 200 connections after a unit was renamed — wait for the
// refresh already running instead of each recounting the tenant. Keyed by the tenant's handle
// (one per tenant, worker/db/local.ts) and a key naming the figures and the campaign.
import type { TenantDb } from "../db/handles";

/** Refreshes in progress, per tenant handle and key (see refreshFigures). */
const inFlight = new WeakMap<TenantDb, Map<string, Promise<unknown>>>();

/** Runs `run` once any refresh of `key` already running on the tenant's handle has ended
 *  (`waited` says there was one): readers arriving together recount once, not each. */
export async function afterRunning<T>(
  db: TenantDb,
  key: string,
  run: (waited: boolean) => Promise<T>,
): Promise<T> {
  const running = inFlight.get(db) ?? inFlight.set(db, new Map()).get(db)!;
  const ahead = running.get(key);
  if (ahead) await ahead.catch(() => undefined);
  const mine = run(!!ahead);
  running.set(key, mine);
  try {
    return await mine;
  } finally {
    if (running.get(key) === mine) running.delete(key);
  }
}
