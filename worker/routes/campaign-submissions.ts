// The members' own forms in a campaign: mounted at /campaigns/:id/submissions. A member
// writes only their own plan (`mine`); a secretary may write one for a member of its subtree
// (`member/:memberId`), and the plan is marked as entered on the member's behalf.
import { Hono, type MiddlewareHandler } from "hono";
import * as v from "valibot";
import { Id, MineQuery, SubmissionSaveBody, SubmitBody } from "../../schema/api";
import { requireMemberInScope } from "../data/members";
import { requireCampaign } from "../data/campaigns";
import { findMine, saveDraft, submit, type DraftTarget } from "../data/submission-drafts";
import { listVersions, submissionView } from "../data/submissions";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, jsonBody, pathParams, policy, queryParams, type RequestCtx } from "../http";
import { campaignPath } from "./campaign-path";

const STAFF = policy.roles("admin", "secretary");
const memberPath = pathParams(v.object({ id: Id, memberId: Id }));

/** Loads whose form a route writes into `c.var.target`, from the validated path. */
type Writes<P> = MiddlewareHandler<
  { Variables: { ctx: RequestCtx; target: DraftTarget } },
  string,
  { out: { param: P } }
>;

/** The caller writes their own plan in the campaign: they must be a member. */
const ownForm: Writes<{ id: string }> = async (c, next) => {
  const campaign = await requireCampaign(c.var.ctx.db, c.req.valid("param").id);
  const memberId = c.var.ctx.user.memberId;
  if (!memberId)
    throw new DomainError(
      "FORBIDDEN",
      "Tài khoản này không gắn với đảng viên nào nên không có kế hoạch để viết.",
    );
  c.set("target", { campaign, memberId, onBehalf: false });
  await next();
};

/** A secretary (or admin) writes for a member, who must be in the caller's scope. */
const memberForm: Writes<{ id: string; memberId: string }> = async (c, next) => {
  const campaign = await requireCampaign(c.var.ctx.db, c.req.valid("param").id);
  const member = await requireMemberInScope(
    c.var.ctx.db,
    c.req.valid("param").memberId,
    c.var.ctx.scope,
  );
  c.set("target", { campaign, memberId: member.id, onBehalf: true });
  await next();
};

export const campaignSubmissionRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    guard(policy.signedIn, "Bản của tôi (kèm các phiên bản)"),
    queryParams(MineQuery),
    campaignPath,
    ownForm,
    async (c) => {
      const { formKey, versions } = c.req.valid("query");
      const s = await findMine(c.var.ctx.db, { ...c.var.target, formKey });
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
    ownForm,
    async (c) =>
      c.json(await saveDraft(c.var.ctx, { ...c.var.target, ...c.req.valid("json") }), 200),
  )
  .post(
    "/mine/submit",
    guard(policy.signedIn, "Nộp kế hoạch của tôi (422 nêu từng trường thiếu)"),
    jsonBody(SubmitBody),
    campaignPath,
    ownForm,
    async (c) => c.json(await submit(c.var.ctx, { ...c.var.target, ...c.req.valid("json") }), 200),
  )
  .put(
    "/member/:memberId",
    guard(STAFF, "Bí thư nhập thay cho đảng viên không có điện thoại"),
    jsonBody(SubmissionSaveBody),
    memberPath,
    memberForm,
    async (c) =>
      c.json(await saveDraft(c.var.ctx, { ...c.var.target, ...c.req.valid("json") }), 200),
  )
  .post(
    "/member/:memberId/submit",
    guard(STAFF, "Bí thư nộp thay cho đảng viên"),
    jsonBody(SubmitBody),
    memberPath,
    memberForm,
    async (c) => c.json(await submit(c.var.ctx, { ...c.var.target, ...c.req.valid("json") }), 200),
  );
