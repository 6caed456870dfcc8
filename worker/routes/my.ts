// "Việc của tôi": what the caller must do, by when — their own steps as a member, and the
// steps of the units they are secretary of — across active campaigns.
import { Hono } from "hono";
import { OnBehalfConsentBody } from "../../schema/api";
import { listMyTasks } from "../data/my-tasks";
import { setOnBehalfConsent } from "../data/on-behalf";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, policy, type RequestCtx } from "../http";

/** The caller's member id: consent is the member's own to give. */
const ownMemberId = (ctx: RequestCtx) => {
  if (!ctx.user.memberId)
    throw new DomainError("FORBIDDEN", "Tài khoản này không gắn với đảng viên nào.");
  return ctx.user.memberId;
};

export const myRoutes = new Hono<AppEnv>()
  .get("/tasks", guard(policy.signedIn, "Việc của tôi: từng bước, hạn, trạng thái"), async (c) => {
    const { ctx } = c.var;
    const tasks = await listMyTasks(ctx, {
      memberId: ctx.user.memberId,
      secretaryScope: ctx.scopeFor(["secretary"]),
    });
    // The user id names the drafts kept on the device (client/lib/drafts.ts), which the task
    // list shows even offline, from the service worker's copy of this answer.
    return c.json({ tasks, userId: ctx.user.id }, 200);
  })
  .put(
    "/consent-on-behalf",
    guard(policy.signedIn, "Đảng viên đồng ý (hoặc thôi) cho bí thư nhập thay kế hoạch của mình"),
    jsonBody(OnBehalfConsentBody),
    async (c) => {
      const { ctx } = c.var;
      const input = { memberId: ownMemberId(ctx), consent: c.req.valid("json").consent };
      return c.json(await setOnBehalfConsent(ctx, input), 200);
    },
  );
