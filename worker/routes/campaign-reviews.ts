// The periodic reviews of each member's plan (monthly, 6-monthly, year-end), per campaign:
// mounted at /campaigns/:id/reviews. Staff record them; a member reads their own.
import { Hono } from "hono";
import { ReviewBody, ReviewQuery } from "../../schema/api";
import { listReviews, saveReview } from "../data/followup";
import { requireMemberInScope } from "../data/members";
import type { AppEnv } from "../env";
import { guard, jsonBody, policy, queryParams } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = ["admin", "secretary"] as const;

export const reviewRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(policy.signedIn, "Nhận xét hằng tháng, 6 tháng, cuối năm về kế hoạch của một đảng viên"),
    queryParams(ReviewQuery),
    campaignPath,
    withCampaign,
    async (c) => {
      const { ctx, campaign } = c.var;
      const { memberId } = c.req.valid("query");
      // A member reads their own reviews; staff those of members in their subtree.
      if (ctx.user.memberId !== memberId)
        await requireMemberInScope(ctx.db, memberId, ctx.scopeFor(STAFF));
      return c.json(
        { reviews: await listReviews(ctx.db, { campaignId: campaign.id, memberId }) },
        200,
      );
    },
  )
  .put(
    "/",
    guard(policy.roles(...STAFF), "Ghi nhận xét định kỳ về kế hoạch của đảng viên"),
    jsonBody(ReviewBody),
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await saveReview(c.var.ctx, { campaign: c.var.campaign, ...c.req.valid("json") }),
        200,
      ),
  );
