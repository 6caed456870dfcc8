// Reports upward, per campaign: mounted at /campaigns/:id/reports. Each unit submits the
// template's report form; staff write within their subtree; viewers see who reported and
// when, not what the reports say.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, ReportBody } from "../../schema/api";
import { listReports, submitReport } from "../data/followup";
import type { AppEnv } from "../env";
import { guard, jsonBody, pathParams, policy } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = ["admin", "secretary"] as const;
const READERS = policy.roles(...STAFF, "viewer");

export const reportRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(READERS, "Báo cáo lên cấp trên: đơn vị nào đã nộp, có đúng hạn"),
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
