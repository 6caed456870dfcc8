// The members' own forms in a campaign: mounted at /campaigns/:id/submissions. A member
// writes only their own plan (`mine`); a secretary may write one for a member of its subtree
// (`member/:memberId`), and the plan is marked as entered on the member's behalf.
import { Hono } from "hono";
import * as v from "valibot";
import { Id, MineQuery, SubmissionSaveBody, SubmitBody } from "../../schema/api";
import { requireMemberInScope } from "../data/members";
import { findMine, saveDraft, submit } from "../data/submission-drafts";
import { listVersions, submissionView } from "../data/submissions";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, pathParams, policy, queryParams, type RequestCtx } from "../http";
import { campaignPath, withCampaign } from "./campaign-path";

const STAFF = policy.roles("admin", "secretary");
const memberPath = pathParams(v.object({ id: Id, memberId: Id }));

/** The caller writing their own plan: they must be a member. */
function self(ctx: RequestCtx) {
  const memberId = ctx.user.memberId;
  if (!memberId)
    throw new DomainError(
      "FORBIDDEN",
      "Tài khoản này không gắn với đảng viên nào nên không có kế hoạch để viết.",
    );
  return { memberId, onBehalf: false };
}

/** The member a secretary (or admin) writes for: must be in the caller's scope. */
async function forMember(ctx: RequestCtx, memberId: string) {
  return { memberId: (await requireMemberInScope(ctx.db, memberId, ctx.scope)).id, onBehalf: true };
}

export const campaignSubmissionRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    guard(policy.signedIn, "Bản của tôi (kèm các phiên bản)"),
    queryParams(MineQuery),
    campaignPath,
    withCampaign,
    async (c) => {
      const { formKey, versions } = c.req.valid("query");
      const { memberId } = self(c.var.ctx);
      const s = await findMine(c.var.ctx.db, { campaign: c.var.campaign, memberId, formKey });
      if (!s) return c.json({ submission: null }, 200);
      return c.json(
        {
          submission: submissionView(s),
          versions: await listVersions(c.var.ctx.db, {
            submissionId: s.id,
            withData: versions === "full",
          }),
        },
        200,
      );
    },
  )
  .put(
    "/mine",
    guard(policy.signedIn, "Lưu nháp kế hoạch của tôi (409 nếu phiên bản cũ)"),
    jsonBody(SubmissionSaveBody),
    campaignPath,
    withCampaign,
    async (c) => {
      const input = { campaign: c.var.campaign, ...self(c.var.ctx), ...c.req.valid("json") };
      return c.json(await saveDraft(c.var.ctx, input), 200);
    },
  )
  .post(
    "/mine/submit",
    guard(policy.signedIn, "Nộp kế hoạch của tôi (422 nêu từng trường thiếu)"),
    jsonBody(SubmitBody),
    campaignPath,
    withCampaign,
    async (c) => {
      const input = { campaign: c.var.campaign, ...self(c.var.ctx), ...c.req.valid("json") };
      return c.json(await submit(c.var.ctx, input), 200);
    },
  )
  .put(
    "/member/:memberId",
    guard(STAFF, "Bí thư nhập thay cho đảng viên không có điện thoại"),
    jsonBody(SubmissionSaveBody),
    memberPath,
    withCampaign,
    async (c) => {
      const writer = await forMember(c.var.ctx, c.req.valid("param").memberId);
      const input = { campaign: c.var.campaign, ...writer, ...c.req.valid("json") };
      return c.json(await saveDraft(c.var.ctx, input), 200);
    },
  )
  .post(
    "/member/:memberId/submit",
    guard(STAFF, "Bí thư nộp thay cho đảng viên"),
    jsonBody(SubmitBody),
    memberPath,
    withCampaign,
    async (c) => {
      const writer = await forMember(c.var.ctx, c.req.valid("param").memberId);
      const input = { campaign: c.var.campaign, ...writer, ...c.req.valid("json") };
      return c.json(await submit(c.var.ctx, input), 200);
    },
  );
