import { Hono } from "hono";
import type { AppEnv } from "../env";
import { guard, policy } from "../http";

export const me = new Hono<AppEnv>().get(
  "/",
  guard(policy.signedIn, "Người đang đăng nhập, vai trò và phạm vi"),
  (c) => {
    const { user, grants } = c.var.ctx;
    const tenant = c.var.tenant;
    return c.json(
      {
        user: { id: user.id, fullName: user.fullName, email: user.email, memberId: user.memberId },
        grants: grants.map((g) => ({ role: g.role, unitId: g.unitId })),
        tenant: { slug: tenant.slug, name: tenant.name, kind: tenant.kind },
      },
      200,
    );
  },
);
