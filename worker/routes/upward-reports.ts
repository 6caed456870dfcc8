// Reports upward across tenants (issue 11). The child's report for a campaign adopted from
// its parent's directive, mounted at /campaigns/:id/upward-report; the parent's inbox per
// directive, mounted at /directives/:id/reports. Only counts and the narrative written for
// the parent cross (worker/data/upward-reports.ts says why that narrative may).
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../schema/api";
import { ReturnReportBody, UpwardReportBody } from "../../schema/api-upward";
import { directiveInbox, returnUpwardReport } from "../data/upward-inbox";
import { readUpwardReport, saveUpwardReport } from "../data/upward-reports";
import type { AppEnv, Platform } from "../env";
import { guard, jsonBody, pathParams, policy } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const READERS = policy.roles("admin", "viewer");
const control = (c: { var: { platform: Platform } }) => c.var.platform.control().db;

export const upwardReportRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(READERS, "Báo cáo gửi cấp trên của một đợt thực hiện văn bản cấp trên"),
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await readUpwardReport(control(c), c.var.ctx, {
          tenant: c.var.tenant,
          campaign: c.var.campaign,
        }),
        200,
      ),
  )
  .put(
    "/",
    guard(policy.roles("admin"), "Lưu nháp hoặc gửi báo cáo lên cấp trên (số liệu tự điền)"),
    jsonBody(UpwardReportBody),
    campaignPath,
    withCampaign,
    async (c) =>
      c.json(
        await saveUpwardReport(control(c), c.var.ctx, {
          tenant: c.var.tenant,
          campaign: c.var.campaign,
          ...c.req.valid("json"),
        }),
        200,
      ),
  );

/** A directive of the reader's and one of the tenants below it, by slug. */
export const idSlugPath = pathParams(
  v.object({ id: Id, slug: v.pipe(v.string(), v.minLength(1), v.maxLength(100)) }),
);

export const directiveReportRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(
      READERS,
      "Báo cáo của các đảng bộ cấp dưới về một văn bản của mình, có đánh dấu đúng hạn",
    ),
    pathParams(v.object({ id: Id })),
    async (c) =>
      c.json(
        await directiveInbox(control(c), {
          ...c.req.valid("param"),
          reader: c.var.tenant,
          now: c.var.ctx.now,
        }),
        200,
      ),
  )
  .post(
    "/:slug/return",
    guard(policy.roles("admin"), "Trả lại báo cáo của một đảng bộ cấp dưới kèm ý kiến"),
    jsonBody(ReturnReportBody),
    idSlugPath,
    async (c) =>
      c.json(
        await returnUpwardReport(control(c), c.var.ctx, {
          reader: c.var.tenant,
          ...c.req.valid("param"),
          ...c.req.valid("json"),
        }),
        200,
      ),
  );
