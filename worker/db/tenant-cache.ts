// The control plane's tenant rows by slug, kept a few seconds in this process (a Workers
// isolate, or the Node server): every tenant request needs its tenant's row, and reading it
// each time was a round trip to the control plane per request. Only active tenants are kept —
// a pending sign-up that becomes active is seen at once. A change made here (`forgetTenant`)
// applies at once in this process; one made elsewhere (another isolate, the cron thread)
// within TENANT_CACHE_TTL_MS.
import type { TenantRecord } from "../env";

export const TENANT_CACHE_TTL_MS = 5_000;
/** Rows kept at most (oldest out first): a bound for a process serving many tenants. */
export const TENANT_CACHE_MAX = 10_000;

/** Keyed by control plane (Platform.controlKey: one process may serve several, as the tests
 *  do) and slug. */
const bySlug = new Map<string, { tenant: TenantRecord; until: number }>();
const keyOf = (control: string, slug: string) => `${control}\u0000${slug}`;

/** A copy of the kept row, or undefined when absent or older than the TTL. */
export function cachedTenant(
  control: string,
  slug: string,
  nowMs = Date.now(),
): TenantRecord | undefined {
  const key = keyOf(control, slug);
  const hit = bySlug.get(key);
  if (!hit) return undefined;
  if (hit.until <= nowMs) {
    bySlug.delete(key);
    return undefined;
  }
  return { ...hit.tenant };
}

export function rememberTenant(control: string, tenant: TenantRecord, nowMs = Date.now()): void {
  if (tenant.status !== "active") return;
  const key = keyOf(control, tenant.slug);
  bySlug.delete(key);
  bySlug.set(key, { tenant: { ...tenant }, until: nowMs + TENANT_CACHE_TTL_MS });
  if (bySlug.size > TENANT_CACHE_MAX) bySlug.delete(bySlug.keys().next().value!);
}

/** Drops a tenant's row (by id or slug, under every control plane) after a change to it. */
export function forgetTenant(idOrSlug: string): void {
  for (const [key, { tenant }] of bySlug)
    if (tenant.slug === idOrSlug || tenant.id === idOrSlug) bySlug.delete(key);
}
