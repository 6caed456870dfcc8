// Supervisors read the confirmed plans the template routes to them, and nothing else; the
// public page shows the confirmed plans routed to publication, as they were confirmed.
import { Hono } from "hono";
import { publicPlans, routedPlans } from "../data/supervision";
import type { AppEnv } from "../env";
import { guard, policy } from "../http";

export const supervisionRoutes = new Hono<AppEnv>().get(
  "/plans",
  guard(policy.roles("supervisor"), "Kế hoạch đã xác nhận được chuyển đến tổ chức giám sát"),
  async (c) =>
    c.json(
      {
        plans: (await routedPlans(c.var.ctx.db, c.var.ctx.grants)).map(
          ({ form: _f, confirmedVersion: _v, ...p }) => p,
        ),
      },
      200,
    ),
);

export const publicRoutes = new Hono<AppEnv>().get(
  "/plans",
  guard(policy.public, "Trang công khai: kế hoạch đã xác nhận của người phải niêm yết công khai"),
  async (c) =>
    c.json(
      {
        tenant: { slug: c.var.tenant.slug, name: c.var.tenant.name },
        plans: await publicPlans(c.var.db),
      },
      200,
    ),
);
