// After the plans, per campaign: reports upward (/campaigns/:id/reports) and the periodic
// reviews of each member's plan (/campaigns/:id/reviews). Staff write, within their subtree;
// viewers see who reported and when, not what the reports say.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, ReportBody, ReviewBody, ReviewQuery } from "../../schema/api";
import { listReports, listReviews, saveReview, submitReport } from "../data/followup";
import { requireMemberInScope } from "../data/members";
import type { AppEnv } from "../env";
import { guard, jsonBody, pathParams, policy, queryParams } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = ["admin", "secretary"] as const;

export const reportRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(
      policy.roles("admin", "secretary", "viewer"),
      "Báo cáo lên cấp trên: đơn vị nào đã nộp, có đúng hạn",
    ),
    campaignPath,
    withCampaign,
    async (c) => {
      const list = await listReports(c.var.ctx, c.var.campaign);
      const isStaff = c.var.ctx.grants.some((g) => STAFF.some((r) => r === g.role));
      return c.json({ reports: isStaff ? list : list.map(({ data: _d, ...r }) => r) }, 200);
    },
  )
  .put(
    "/:unitId",
    guard(policy.roles(...STAFF), "Nộp báo cáo của đơn vị lên cấp trên"),
    jsonBody(ReportBody),
    pathParams(v.object({ id: Id, unitId: Id })),
    withCampaign,
    async (c) => {
      const { unitId } = c.req.valid("param");
      const input = { campaign: c.var.campaign, unitId, ...c.req.valid("json") };
      return c.json(await submitReport(c.var.ctx, input), 200);
    },
  );

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
