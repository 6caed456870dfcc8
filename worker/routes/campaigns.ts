// Campaigns and the member's own forms in them. Admins create, launch and close; progress
// is read by admins, secretaries and viewers for their own subtree; a member writes only
// their own plan, and a secretary may write one for a member of its subtree (marked so).
import { and, asc, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { progressSnapshots } from "../../schema/tables/tenant";
import { requireUnitInScope } from "../data/units";
import {
  CampaignCreateBody,
  MeetingCreateBody,
  MineQuery,
  ProgressQuery,
  ReportBody,
  ReviewBody,
  ReviewQuery,
  SubmissionSaveBody,
  SubmitBody,
} from "../../schema/api";
import { listReports, listReviews, saveReview, submitReport } from "../data/followup";
import { campaignCompliance, createMeeting, listMeetings } from "../data/meetings";
import {
  campaignProgress,
  campaignRoster,
  campaignUnitIds,
  closeCampaign,
  deleteDraftCampaign,
  createCampaign,
  requireCampaign,
  launchCampaign,
  listCampaigns,
  stepDueDates,
} from "../data/campaigns";
import { requireMemberInScope } from "../data/members";
import { loadScope } from "../data/scope";
import { findMine, listVersions, saveDraft, submissionView, submit } from "../data/submissions";
import type { AppEnv, Role } from "../env";
import { DomainError, notFound } from "../errors";
import { actor, guard, jsonBody, policy, queryParams, type Guarded } from "../http";

const ADMIN = policy.roles("admin");
const STAFF = ["admin", "secretary"] as const;
/** Who reads a campaign's figures for their own subtree: staff, and viewers (aggregates). */
const READERS = ["admin", "secretary", "viewer"] as const;

function ownMemberId(c: Context<AppEnv & Guarded>): string {
  const memberId = c.var.user!.memberId;
  if (!memberId)
    throw new DomainError(
      "FORBIDDEN",
      "Tài khoản này không gắn với đảng viên nào nên không có kế hoạch để viết.",
    );
  return memberId;
}

/** The member a secretary (or admin) writes for: must be in the caller's scope. */
async function memberForStaff(c: Context<AppEnv & Guarded>, memberId: string) {
  const scope = await loadScope(c.var.db, c.var.grants, STAFF);
  return (await requireMemberInScope(c.var.db, memberId, scope)).id;
}

const isAdmin = (c: Context<AppEnv & Guarded>) => c.var.grants.some((g) => g.role === "admin");

/** The campaign named by the URL and the caller's scope for the given roles. */
async function campaignAndScope(c: Context<AppEnv & Guarded>, roles: readonly Role[]) {
  const [campaign, scope] = await Promise.all([
    requireCampaign(c.var.db, c.req.param("id")!),
    loadScope(c.var.db, c.var.grants, roles),
  ]);
  return { campaign, scope };
}

export const campaignRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Các đợt sinh hoạt của đảng bộ"), async (c) =>
    c.json(
      {
        campaigns: (await listCampaigns(c.var.db)).filter(
          (x) => x.status !== "draft" || isAdmin(c),
        ),
      },
      200,
    ),
  )
  .post(
    "/",
    guard(ADMIN, "Tạo đợt sinh hoạt (nháp) từ một mẫu"),
    jsonBody(CampaignCreateBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, ["admin"]);
      return c.json(
        await createCampaign(c.var.db, c.req.valid("json"), scope, actor(c), c.var.platform.now()),
        201,
      );
    },
  )
  .get(
    "/:id",
    guard(policy.signedIn, "Một đợt sinh hoạt: định nghĩa, hạn từng bước, đơn vị"),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      // A draft is the office's work in progress: only admins see it.
      if (campaign.status === "draft" && !isAdmin(c))
        throw notFound("Không tìm thấy đợt sinh hoạt.");
      const due = stepDueDates(campaign);
      return c.json(
        {
          id: campaign.id,
          name: campaign.name,
          documentNo: campaign.documentNo,
          status: campaign.status,
          templateKey: campaign.templateKey,
          templateVersion: campaign.templateVersion,
          startsOn: campaign.startsOn,
          dueOn: campaign.dueOn,
          unitIds: await campaignUnitIds(c.var.db, campaign.id),
          steps: campaign.def.steps.map((s) => ({
            key: s.key,
            title: s.title,
            owner: s.owner,
            kind: s.kind,
            formKey: s.formKey ?? null,
            dueAt: due[s.key] ?? null,
          })),
          definition: campaign.def,
        },
        200,
      );
    },
  )
  .post(
    "/:id/launch",
    guard(ADMIN, "Phát động: tạo việc cho từng đơn vị và đảng viên"),
    async (c) =>
      c.json(
        await launchCampaign(c.var.db, c.req.param("id"), actor(c), c.var.platform.now()),
        200,
      ),
  )
  .post("/:id/close", guard(ADMIN, "Kết thúc đợt sinh hoạt"), async (c) =>
    c.json(await closeCampaign(c.var.db, c.req.param("id"), actor(c), c.var.platform.now()), 200),
  )
  .get(
    "/:id/progress",
    guard(policy.roles(...READERS), "Tiến độ theo đơn vị trong phạm vi người xem"),
    queryParams(ProgressQuery),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, READERS);
      return c.json(
        await campaignProgress(
          c.var.db,
          campaign,
          scope,
          c.var.platform.now(),
          c.req.valid("query").unitId,
        ),
        200,
      );
    },
  )
  .get(
    "/:id/queue",
    guard(policy.roles(...STAFF), "Việc của bí thư: kế hoạch chờ xác nhận và người chưa nộp"),
    queryParams(ProgressQuery),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, STAFF);
      const { dueAt, entries } = await campaignRoster(
        c.var.db,
        campaign,
        scope,
        c.var.platform.now(),
        c.req.valid("query").unitId,
      );
      const view = (e: (typeof entries)[number]) => ({
        memberId: e.memberId,
        fullName: e.fullName,
        unitId: e.unitId,
        submission: e.submission,
      });
      return c.json(
        {
          dueAt,
          awaitingConfirmation: entries
            .filter((e) => e.submission?.status === "submitted")
            .map(view),
          missing: entries.filter((e) => e.counts.expected && !e.counts.submitted).map(view),
          confirmed: entries.filter((e) => e.counts.confirmed).map(view),
          excused: entries.filter((e) => e.counts.excused).map(view),
        },
        200,
      );
    },
  )
  .get(
    "/:id/meetings",
    guard(policy.roles(...STAFF), "Các buổi sinh hoạt của đợt trong phạm vi"),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, STAFF);
      return c.json({ meetings: await listMeetings(c.var.db, campaign, scope) }, 200);
    },
  )
  .post(
    "/:id/meetings",
    guard(policy.roles(...STAFF), "Lên lịch buổi sinh hoạt của một đơn vị"),
    jsonBody(MeetingCreateBody),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, STAFF);
      return c.json(
        {
          meeting: await createMeeting(
            c.var.db,
            campaign,
            c.req.valid("json"),
            scope,
            actor(c),
            c.var.platform.now(),
          ),
        },
        201,
      );
    },
  )
  .get(
    "/:id/compliance",
    guard(policy.roles(...READERS), "Mức tuân thủ từng yêu cầu của văn bản, theo đơn vị"),
    queryParams(ProgressQuery),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, READERS);
      return c.json(
        await campaignCompliance(
          c.var.db,
          campaign,
          scope,
          c.var.platform.now(),
          c.req.valid("query").unitId,
        ),
        200,
      );
    },
  )
  .get(
    "/:id/reports",
    guard(policy.roles(...READERS), "Báo cáo lên cấp trên: đơn vị nào đã nộp, có đúng hạn"),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, READERS);
      const list = await listReports(c.var.db, campaign, scope, c.var.platform.now());
      // Viewers see who reported and when, not what the reports say.
      const isStaff = c.var.grants.some((g) => g.role === "admin" || g.role === "secretary");
      return c.json({ reports: isStaff ? list : list.map(({ data: _d, ...r }) => r) }, 200);
    },
  )
  .put(
    "/:id/reports/:unitId",
    guard(policy.roles(...STAFF), "Nộp báo cáo của đơn vị lên cấp trên"),
    jsonBody(ReportBody),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, STAFF);
      return c.json(
        await submitReport(
          c.var.db,
          campaign,
          c.req.param("unitId"),
          c.req.valid("json"),
          scope,
          actor(c),
          c.var.platform.now(),
        ),
        200,
      );
    },
  )
  .get(
    "/:id/reviews",
    guard(policy.signedIn, "Nhận xét hằng tháng, 6 tháng, cuối năm về kế hoạch của một đảng viên"),
    queryParams(ReviewQuery),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const { memberId } = c.req.valid("query");
      if (c.var.user!.memberId !== memberId)
        await requireMemberInScope(
          c.var.db,
          memberId,
          await loadScope(c.var.db, c.var.grants, STAFF),
        );
      return c.json({ reviews: await listReviews(c.var.db, campaign, memberId) }, 200);
    },
  )
  .put(
    "/:id/reviews",
    guard(policy.roles(...STAFF), "Ghi nhận xét định kỳ về kế hoạch của đảng viên"),
    jsonBody(ReviewBody),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, STAFF);
      return c.json(
        await saveReview(
          c.var.db,
          campaign,
          c.req.valid("json"),
          scope,
          actor(c),
          c.var.platform.now(),
        ),
        200,
      );
    },
  )
  .get(
    "/:id/history",
    guard(policy.roles(...READERS), "Các mốc tiến độ đã lưu (biểu đồ theo thời gian)"),
    queryParams(ProgressQuery),
    async (c) => {
      const { campaign, scope } = await campaignAndScope(c, READERS);
      const unitId =
        c.req.valid("query").unitId ?? (await campaignUnitIds(c.var.db, campaign.id))[0]!;
      await requireUnitInScope(c.var.db, unitId, scope);
      const points = await c.var.db
        .select()
        .from(progressSnapshots)
        .where(
          and(eq(progressSnapshots.campaignId, campaign.id), eq(progressSnapshots.unitId, unitId)),
        )
        .orderBy(asc(progressSnapshots.computedAt));
      return c.json(
        {
          unitId,
          points: points.map(({ campaignId: _c, unitId: _u, fingerprint: _f, ...p }) => p),
        },
        200,
      );
    },
  )
  .delete("/:id", guard(ADMIN, "Xóa đợt sinh hoạt còn ở dạng nháp"), async (c) => {
    await deleteDraftCampaign(c.var.db, c.req.param("id"), actor(c), c.var.platform.now());
    return c.body(null, 204);
  })
  .get(
    "/:id/submissions/mine",
    guard(policy.signedIn, "Bản của tôi (kèm các phiên bản)"),
    queryParams(MineQuery),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const s = await findMine(c.var.db, campaign, ownMemberId(c), c.req.valid("query").formKey);
      if (!s) return c.json({ submission: null }, 200);
      return c.json(
        {
          submission: submissionView(s),
          versions: await listVersions(c.var.db, s.id, c.req.valid("query").versions === "full"),
        },
        200,
      );
    },
  )
  .put(
    "/:id/submissions/mine",
    guard(policy.signedIn, "Lưu nháp kế hoạch của tôi (409 nếu phiên bản cũ)"),
    jsonBody(SubmissionSaveBody),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const saved = await saveDraft(
        c.var.db,
        campaign,
        ownMemberId(c),
        c.req.valid("json"),
        { userId: c.var.user!.id, onBehalf: false },
        c.var.platform.now(),
      );
      return c.json(saved, 200);
    },
  )
  .post(
    "/:id/submissions/mine/submit",
    guard(policy.signedIn, "Nộp kế hoạch của tôi (422 nêu từng trường thiếu)"),
    jsonBody(SubmitBody),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const done = await submit(
        c.var.db,
        campaign,
        ownMemberId(c),
        c.req.valid("json").formKey,
        { userId: c.var.user!.id, onBehalf: false },
        c.var.platform.now(),
      );
      return c.json(done, 200);
    },
  )
  .put(
    "/:id/submissions/member/:memberId",
    guard(policy.roles(...STAFF), "Bí thư nhập thay cho đảng viên không có điện thoại"),
    jsonBody(SubmissionSaveBody),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const memberId = await memberForStaff(c, c.req.param("memberId"));
      return c.json(
        await saveDraft(
          c.var.db,
          campaign,
          memberId,
          c.req.valid("json"),
          { userId: c.var.user!.id, onBehalf: true },
          c.var.platform.now(),
        ),
        200,
      );
    },
  )
  .post(
    "/:id/submissions/member/:memberId/submit",
    guard(policy.roles(...STAFF), "Bí thư nộp thay cho đảng viên"),
    jsonBody(SubmitBody),
    async (c) => {
      const campaign = await requireCampaign(c.var.db, c.req.param("id"));
      const memberId = await memberForStaff(c, c.req.param("memberId"));
      return c.json(
        await submit(
          c.var.db,
          campaign,
          memberId,
          c.req.valid("json").formKey,
          { userId: c.var.user!.id, onBehalf: true },
          c.var.platform.now(),
        ),
        200,
      );
    },
  );
