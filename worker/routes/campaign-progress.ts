// A campaign's figures for the reader's own subtree: progress (one page of the tree: the
// anchor unit and its direct children, drill down with ?unitId=), the secretary's queue,
// compliance with the meeting rules, the saved progress points, and one unit's figures for its
// one-page papers (/units/:unitId/paper). Mounted at
// /campaigns/:id. Admins, secretaries and viewers (aggregates); the queue is staff only.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, ProgressQuery } from "../../schema/api";
import { campaignCompliance } from "../data/compliance";
import { progressHistory, secretaryQueue } from "../data/progress";
import { campaignProgress } from "../data/progress-page";
import { unitPaper } from "../data/unit-paper";
import type { AppEnv } from "../env";
import { guard, pathParams, policy, queryParams } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = policy.roles("admin", "secretary");
/** Who reads a campaign's figures for their own subtree: staff, and viewers (aggregates). */
const READERS = policy.roles("admin", "secretary", "viewer");
const unitQuery = queryParams(ProgressQuery);

export const campaignProgressRoutes = new Hono<AppEnv>()
  .get(
    "/progress",
    guard(READERS, "Tiến độ theo đơn vị trong phạm vi người xem"),
    unitQuery,
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await campaignProgress(c.var.ctx, { campaign: c.var.campaign, ...c.req.valid("query") }),
        200,
      ),
  )
  .get(
    "/units/:unitId/paper",
    guard(READERS, "Số liệu một trang giấy của một đơn vị (bảng tổng hợp, báo cáo)"),
    pathParams(v.object({ id: Id, unitId: Id })),
    withCampaign,
    async (c) =>
      c.json(
        await unitPaper(c.var.ctx, {
          campaign: c.var.campaign,
          unitId: c.req.valid("param").unitId,
        }),
        200,
      ),
  )
  .get(
    "/queue",
    guard(STAFF, "Việc của bí thư: kế hoạch chờ xác nhận và người chưa nộp"),
    unitQuery,
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await secretaryQueue(c.var.ctx, { campaign: c.var.campaign, ...c.req.valid("query") }),
        200,
      ),
  )
  .get(
    "/compliance",
    guard(READERS, "Mức tuân thủ từng yêu cầu của văn bản, theo đơn vị"),
    unitQuery,
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await campaignCompliance(c.var.ctx, { campaign: c.var.campaign, ...c.req.valid("query") }),
        200,
      ),
  )
  .get(
    "/history",
    guard(READERS, "Các mốc tiến độ đã lưu (biểu đồ theo thời gian)"),
    unitQuery,
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await progressHistory(c.var.ctx, { campaign: c.var.campaign, ...c.req.valid("query") }),
        200,
      ),
  );
