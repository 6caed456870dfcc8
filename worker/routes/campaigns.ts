// Campaigns. Admins create, launch and close; everyone signed in reads the launched ones.
// What hangs off one campaign — its progress, meetings, reports, reviews and the members'
// forms — is one sub-app each, mounted under `/:id` here so the URLs read as one resource.
import { Hono } from "hono";
import { CampaignCreateBody, CampaignRefreshBody } from "../../schema/api";
import {
  campaignChain,
  campaignDetail,
  closeCampaign,
  createCampaign,
  listCampaigns,
} from "../data/campaigns";
import { deleteDraftCampaign, refreshDraftCampaign } from "../data/campaign-drafts";
import { jobOf } from "../db/long-jobs";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { guard, jsonBody, policy, type RequestCtx } from "../http";
import { campaignMeetingRoutes } from "./campaign-meetings";
import { campaignPath, withCampaign } from "./campaign-path";
import { campaignProgressRoutes } from "./campaign-progress";
import { reportRoutes } from "./campaign-reports";
import {
  campaignStepRoutes,
  followUpRoutes,
  monthlyReviewRoutes,
  periodicReportRoutes,
} from "./campaign-steps";
import { reviewRoutes } from "./campaign-reviews";
import { campaignSubmissionRoutes } from "./campaign-submissions";
import { upwardReportRoutes } from "./upward-reports";

const ADMIN = policy.roles("admin");

/** A draft is the office's work in progress: only admins see it. */
const seesDrafts = (ctx: RequestCtx) => ctx.grants.some((g) => g.role === "admin");

const campaignsRoot = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Các đợt sinh hoạt của đảng bộ"), async (c) => {
    const all = await listCampaigns(c.var.ctx.db);
    const drafts = seesDrafts(c.var.ctx);
    return c.json({ campaigns: all.filter((x) => x.status !== "draft" || drafts) }, 200);
  })
  .post(
    "/",
    guard(ADMIN, "Tạo đợt sinh hoạt (nháp) từ một mẫu"),
    jsonBody(CampaignCreateBody),
    async (c) => c.json(await createCampaign(c.var.ctx, c.req.valid("json")), 201),
  )
  .get(
    "/:id",
    guard(policy.signedIn, "Một đợt sinh hoạt: định nghĩa, hạn từng bước, đơn vị"),
    campaignPath,
    withCampaign,
    async (c) => {
      const { campaign } = c.var;
      if (campaign.status === "draft" && !seesDrafts(c.var.ctx))
        throw notFound("Không tìm thấy đợt sinh hoạt.");
      // The directives it carries out (control plane), read only for an adopted campaign.
      const chain = campaign.directiveId
        ? await campaignChain(c.var.platform.control().db, campaign)
        : { links: [], text: "" };
      return c.json({ ...(await campaignDetail(c.var.ctx.db, campaign)), chain }, 200);
    },
  )
  .post(
    "/:id/launch",
    guard(ADMIN, "Phát động: tạo việc cho từng đơn vị và đảng viên"),
    campaignPath,
    // Off the request thread where the runtime allows (Platform.runLong); awaited either way.
    async (c) =>
      c.json(
        await c.var.platform.runLong(
          "launch",
          jobOf(c.var.tenant, c.var.ctx, { campaignId: c.req.valid("param").id }),
        ),
        200,
      ),
  )
  .post("/:id/close", guard(ADMIN, "Kết thúc đợt sinh hoạt"), campaignPath, async (c) =>
    c.json(await closeCampaign(c.var.ctx, c.req.valid("param").id), 200),
  )
  .post(
    "/:id/refresh",
    guard(ADMIN, "Cập nhật đợt nháp theo phiên bản mới nhất của mẫu (hoặc theo mẫu khác)"),
    campaignPath,
    jsonBody(CampaignRefreshBody),
    async (c) =>
      c.json(
        await refreshDraftCampaign(c.var.ctx, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  )
  .delete("/:id", guard(ADMIN, "Xóa đợt sinh hoạt còn ở dạng nháp"), campaignPath, async (c) => {
    await deleteDraftCampaign(c.var.ctx, c.req.valid("param").id);
    return c.body(null, 204);
  });

export const campaignRoutes = new Hono<AppEnv>()
  .route("/", campaignsRoot)
  .route("/:id", campaignProgressRoutes)
  .route("/:id/meetings", campaignMeetingRoutes)
  .route("/:id/reports", reportRoutes)
  .route("/:id/upward-report", upwardReportRoutes)
  .route("/:id/reviews", reviewRoutes)
  .route("/:id/steps", campaignStepRoutes)
  .route("/:id/monthly-reviews", monthlyReviewRoutes)
  .route("/:id/periodic-reports", periodicReportRoutes)
  .route("/:id/follow-ups", followUpRoutes)
  .route("/:id/submissions", campaignSubmissionRoutes);
