import { Hono } from "hono";
import { requireActiveTenant } from "../data/tenants";
import type { AppEnv } from "../env";
import { guard, policy } from "../http";

/** What a login page may show before anyone signs in: the đảng bộ's name. */
export const tenantsPublic = new Hono<AppEnv>().get(
  "/tenants/:slug",
  guard(policy.public, "Tên và loại của một đảng bộ (cho trang đăng nhập)"),
  async (c) => {
    const t = await requireActiveTenant(c.var.platform.control().db, c.req.param("slug"));
    return c.json({ tenant: { slug: t.slug, name: t.name, kind: t.kind } }, 200);
  },
);
