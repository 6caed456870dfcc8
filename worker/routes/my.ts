// "Việc của tôi": what the caller must do, by when — their own steps as a member, and the
// steps of the units they are secretary of — across active campaigns.
import { Hono } from "hono";
import { listMyTasks } from "../data/my-tasks";
import type { AppEnv } from "../env";
import { guard, policy } from "../http";

export const myRoutes = new Hono<AppEnv>().get(
  "/tasks",
  guard(policy.signedIn, "Việc của tôi: từng bước, hạn, trạng thái"),
  async (c) => {
    const { ctx } = c.var;
    const tasks = await listMyTasks(ctx, {
      memberId: ctx.user.memberId,
      secretaryScope: ctx.scopeFor(["secretary"]),
    });
    return c.json({ tasks }, 200);
  },
);
