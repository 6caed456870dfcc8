// The mark: after a write to a tenant succeeds, the tenant is due for the scheduled pass
// (tenants.next_due_at lowered to now), so the fan-out — which opens only tenants that are
// due — runs its jobs on the next pass. Idle tenants are never opened; written ones are.
// Only the request's own tenant (resolved by resolveTenant) is ever marked. Debounced in
// SQL: a tenant already due is not written again (worker/data/tenants.ts markTenantChanged).
import type { MiddlewareHandler } from "hono";
import { markTenantChanged } from "../data/tenants";
import type { AppEnv } from "../env";
import { isUnsafe } from "./context";

/** Writes the scheduled jobs never read: sessions alone. Every other write marks. */
const UNMARKED = /\/auth\/(login|logout)$/;

export const markWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!isUnsafe(c.req.method) || c.res.status >= 400 || UNMARKED.test(c.req.path)) return;
  const platform = c.get("platform");
  try {
    await markTenantChanged(platform.control().db, c.get("tenant").id, platform.now());
  } catch (err) {
    // The write itself is done; the tenant's next due instant (at worst a day away while a
    // campaign runs) still brings the pass. Failing the answer would invite a second write.
    console.error("cron mark failed", err);
  }
};
