import { Hono } from "hono";
import { findTenantBySlug } from "../data/tenants";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, policy } from "../http";

/** What a login page may show before anyone signs in: the đảng bộ's name. */
export const tenantsPublic = new Hono<AppEnv>().get(
  "/tenants/:slug",
  guard(policy.public, "Tên và loại của một đảng bộ (cho trang đăng nhập)"),
  async (c) => {
    const t = await findTenantBySlug(c.get("platform").control().db, c.req.param("slug"));
    if (!t || t.status !== "active")
      throw new DomainError("TENANT_NOT_FOUND", "Không tìm thấy đảng bộ này.");
    return c.json({ tenant: { slug: t.slug, name: t.name, kind: t.kind } }, 200);
  },
);
