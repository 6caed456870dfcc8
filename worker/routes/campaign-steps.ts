// Steps recorded directly, per campaign: mounted at /campaigns/:id/steps. A unit's step done
// by acknowledgement or by the unit's own form is recorded by its secretary (or an admin)
// within their subtree; a member's step done by acknowledgement (posting the plan, sending a
// copy upward) by the member. Each save is a version; a stale one is 409.
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../schema/api";
import {
  FollowUpRecordBody,
  MonthlyReviewBody,
  MonthParam,
  PeriodParam,
  StepKeyParam,
  StepRecordBody,
  YearEndInputBody,
} from "../../schema/api-steps";
import {
  checklistTally,
  recordOwnStep,
  recordUnitStep,
  unitStepRecords,
} from "../data/acknowledgements";
import {
  listMonthlyReviews,
  listPeriodicReports,
  saveMonthlyReview,
  savePeriodicReport,
} from "../data/follow-up-forms";
import { listFollowUps, saveFollowUp } from "../data/follow-up-records";
import { listMemberYearEnd, saveMemberYearEnd } from "../data/member-year-end";
import type { Campaign } from "../data/campaigns";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, pathParams, policy } from "../http";
import { withCampaign } from "./campaign-path";

const STAFF = policy.roles("admin", "secretary");
const READERS = policy.roles("admin", "secretary", "viewer");
const unitStepPath = pathParams(v.object({ id: Id, stepKey: StepKeyParam, unitId: Id }));
const ownStepPath = pathParams(v.object({ id: Id, stepKey: StepKeyParam }));

/** The route's campaign with what the path names (the campaign's id aside). */
const campaignAnd = <P extends { id: string }>(
  c: { var: { campaign: Campaign } },
  { id: _id, ...rest }: P,
) => ({ campaign: c.var.campaign, ...rest });

export const campaignStepRoutes = new Hono<AppEnv>()
  .get(
    "/:stepKey/checklist",
    guard(
      READERS,
      "Tổng hợp danh mục trong biểu mẫu của đơn vị: bao nhiêu đơn vị trả lời từng mức, từng nội dung",
    ),
    ownStepPath,
    withCampaign,
    async (c) => c.json(await checklistTally(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .get(
    "/:stepKey/units/:unitId",
    guard(READERS, "Ghi nhận bước của đơn vị (minh chứng, biểu mẫu), mọi phiên bản"),
    unitStepPath,
    withCampaign,
    async (c) =>
      c.json(await unitStepRecords(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .put(
    "/:stepKey/units/:unitId",
    guard(STAFF, "Đơn vị ghi nhận đã làm bước, kèm minh chứng hoặc biểu mẫu của đơn vị"),
    jsonBody(StepRecordBody),
    unitStepPath,
    withCampaign,
    async (c) => {
      const { stepKey, unitId } = c.req.valid("param");
      const body = c.req.valid("json");
      return c.json(
        await recordUnitStep(c.var.ctx, { campaign: c.var.campaign, stepKey, unitId, body }),
        200,
      );
    },
  )
  .put(
    "/:stepKey/mine",
    guard(policy.signedIn, "Đảng viên ghi nhận đã làm bước của mình, kèm minh chứng"),
    jsonBody(StepRecordBody),
    ownStepPath,
    withCampaign,
    async (c) => {
      const memberId = c.var.ctx.user.memberId;
      if (!memberId)
        throw new DomainError("FORBIDDEN", "Tài khoản này không gắn với đảng viên nào.");
      const { stepKey } = c.req.valid("param");
      const body = c.req.valid("json");
      return c.json(
        await recordOwnStep(c.var.ctx, { campaign: c.var.campaign, stepKey, memberId, body }),
        200,
      );
    },
  );

/** Mounted at /campaigns/:id/monthly-reviews: the unit's monthly review on the template's form. */
export const monthlyReviewRoutes = new Hono<AppEnv>()
  .get(
    "/:unitId",
    guard(READERS, "Nhận xét hằng tháng của đơn vị theo biểu mẫu của đợt, từng tháng"),
    pathParams(v.object({ id: Id, unitId: Id })),
    withCampaign,
    async (c) =>
      c.json(await listMonthlyReviews(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .put(
    "/:unitId/:period",
    guard(STAFF, "Đơn vị ghi nhận xét hằng tháng theo biểu mẫu của đợt"),
    jsonBody(MonthlyReviewBody),
    pathParams(v.object({ id: Id, unitId: Id, period: MonthParam })),
    withCampaign,
    async (c) => {
      const { unitId, period } = c.req.valid("param");
      const input = { campaign: c.var.campaign, unitId, period, ...c.req.valid("json") };
      return c.json(await saveMonthlyReview(c.var.ctx, input), 200);
    },
  );

/** Mounted at /campaigns/:id/periodic-reports: a unit's periodic report (003's 6-monthly). */
export const periodicReportRoutes = new Hono<AppEnv>()
  .get(
    "/:reportKey/:unitId",
    guard(READERS, "Báo cáo định kỳ của đơn vị theo biểu mẫu của đợt, từng kỳ"),
    pathParams(v.object({ id: Id, reportKey: StepKeyParam, unitId: Id })),
    withCampaign,
    async (c) =>
      c.json(await listPeriodicReports(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .put(
    "/:reportKey/:unitId/:period",
    guard(STAFF, "Đơn vị nộp báo cáo định kỳ (6 tháng, hằng năm) theo biểu mẫu của đợt"),
    jsonBody(MonthlyReviewBody),
    pathParams(v.object({ id: Id, reportKey: StepKeyParam, unitId: Id, period: PeriodParam })),
    withCampaign,
    async (c) => {
      const { reportKey, unitId, period } = c.req.valid("param");
      const input = { campaign: c.var.campaign, reportKey, unitId, period, ...c.req.valid("json") };
      return c.json(await savePeriodicReport(c.var.ctx, input), 200);
    },
  );

/** Mounted at /campaigns/:id/follow-ups: a unit's milestones and year-end input. */
export const followUpRoutes = new Hono<AppEnv>()
  .get(
    "/:unitId",
    guard(READERS, "Các mốc theo dõi và đầu vào xếp loại cuối năm của đơn vị, với hạn và ghi nhận"),
    pathParams(v.object({ id: Id, unitId: Id })),
    withCampaign,
    async (c) => c.json(await listFollowUps(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .put(
    "/:unitId/:followUpKey",
    guard(STAFF, "Đơn vị ghi nhận một mốc theo dõi hoặc đầu vào xếp loại cuối năm"),
    jsonBody(FollowUpRecordBody),
    pathParams(v.object({ id: Id, unitId: Id, followUpKey: StepKeyParam })),
    withCampaign,
    async (c) => {
      const { unitId, followUpKey } = c.req.valid("param");
      const input = { campaign: c.var.campaign, unitId, key: followUpKey, ...c.req.valid("json") };
      return c.json(await saveFollowUp(c.var.ctx, input), 200);
    },
  )
  .get(
    "/:unitId/members",
    // Staff only: the list carries each member's own self-assessment (level and note), which
    // a viewer does not read (DESIGN.md: aggregates, not personal text).
    guard(
      STAFF,
      "Đảng viên của đơn vị tự đánh giá cuối năm: ai đúng hạn, muộn, chưa có, được miễn",
    ),
    pathParams(v.object({ id: Id, unitId: Id })),
    withCampaign,
    async (c) =>
      c.json(await listMemberYearEnd(c.var.ctx, campaignAnd(c, c.req.valid("param"))), 200),
  )
  .put(
    "/:unitId/members/:memberId",
    guard(STAFF, "Bí thư ghi nhận thay tự đánh giá cuối năm của đảng viên trong đơn vị"),
    jsonBody(YearEndInputBody),
    pathParams(v.object({ id: Id, unitId: Id, memberId: Id })),
    withCampaign,
    async (c) => {
      const { unitId, memberId } = c.req.valid("param");
      const self = c.var.ctx.user.memberId === memberId;
      const input = { campaign: c.var.campaign, unitId, memberId, self, body: c.req.valid("json") };
      return c.json(await saveMemberYearEnd(c.var.ctx, input), 200);
    },
  )
  .put(
    "/mine",
    guard(policy.signedIn, "Đảng viên tự đánh giá cuối năm kết quả thực hiện kế hoạch, cam kết"),
    jsonBody(YearEndInputBody),
    pathParams(v.object({ id: Id })),
    withCampaign,
    async (c) => {
      const memberId = c.var.ctx.user.memberId;
      if (!memberId)
        throw new DomainError("FORBIDDEN", "Tài khoản này không gắn với đảng viên nào.");
      const input = { campaign: c.var.campaign, memberId, self: true, body: c.req.valid("json") };
      return c.json(await saveMemberYearEnd(c.var.ctx, input), 200);
    },
  );
