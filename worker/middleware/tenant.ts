// Resolves `:tenant` to its control-plane row and opens that tenant's database for this
// request. This is the only place a tenant database is reached from a route: everything
// below reads `c.var.db`. A tenant behind the current schema is migrated on first use.
import type { MiddlewareHandler } from "hono";
import { migrations } from "../../schema/migrations";
import { findTenantBySlug, setTenantSchemaVersion } from "../data/tenants";
import { migrate, latestVersion } from "../db/migrate";
import { cachedTenant, rememberTenant } from "../db/tenant-cache";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";

const LATEST = latestVersion(migrations.tenant);

export const resolveTenant: MiddlewareHandler<AppEnv> = async (c, next) => {
  const slug = c.req.param("tenant") ?? "";
  const platform = c.get("platform");
  const control = () => platform.control().db;
  // The row is kept a few seconds (db/tenant-cache.ts): a tenant request costs no control-plane
  // round trip in the common case.
  const valid = /^[a-z0-9-]{1,40}$/.test(slug);
  const cached = valid ? cachedTenant(platform.controlKey, slug) : null;
  const tenant = cached ?? (valid ? await findTenantBySlug(control(), slug) : null);
  if (!tenant || tenant.status === "provisioning" || tenant.status === "pending")
    throw new DomainError("TENANT_NOT_FOUND", "Không tìm thấy đảng bộ này.");
  if (tenant.status === "suspended")
    throw new DomainError("TENANT_SUSPENDED", "Đảng bộ này đang tạm ngừng sử dụng hệ thống.");
  const handle = platform.tenant(tenant);
  const stale = tenant.schemaVersion < LATEST;
  if (stale) {
    const version = await migrate(handle.client, migrations.tenant);
    await setTenantSchemaVersion(control(), tenant.id, version);
    tenant.schemaVersion = version;
  }
  // Kept from when it was read, not renewed by each hit: a busy tenant's row still expires.
  if (!cached || stale) rememberTenant(platform.controlKey, tenant);
  c.set("tenant", tenant);
  c.set("db", handle.db);
  c.set("tenantClient", handle.client);
  // On Node, the request then takes its tenant's turn among the others (middleware/turns.ts).
  await next();
};
