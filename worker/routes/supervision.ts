// Supervisors read the confirmed plans the template routes to them, and nothing else; the
// public page shows the confirmed plans routed to publication, as they were confirmed.
import { Hono } from "hono";
import { publicPlans, routedPlans } from "../data/supervision";
import type { AppEnv } from "../env";
import { PageQuery, RoutedQuery } from "../../schema/api";
import { guard, policy, queryParams } from "../http";

const page = queryParams(PageQuery);
const pageOf = (q: { after?: string; limit?: string }) => ({
  after: q.after,
  limit: q.limit ? Number(q.limit) : undefined,
});

export const supervisionRoutes = new Hono<AppEnv>().get(
  "/plans",
  guard(policy.roles("supervisor"), "Kế hoạch đã xác nhận được chuyển đến tổ chức giám sát"),
  queryParams(RoutedQuery),
  async (c) => {
    const q = c.req.valid("query");
    const { plans, next } = await routedPlans(c.var.ctx.db, c.var.ctx.grants, {
      ...pageOf(q),
      submissionId: q.id,
    });
    return c.json({ plans: plans.map(({ form: _f, confirmedVersion: _v, ...p }) => p), next }, 200);
  },
);

export const publicRoutes = new Hono<AppEnv>().get(
  "/plans",
  guard(policy.public, "Trang công khai: kế hoạch đã xác nhận của người phải niêm yết công khai"),
  page,
  async (c) =>
    c.json(
      {
        tenant: { slug: c.var.tenant.slug, name: c.var.tenant.name },
        ...(await publicPlans(c.var.db, pageOf(c.req.valid("query")))),
      },
      200,
    ),
);
