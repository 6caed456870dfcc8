// One submission by id: its author reads it; the secretaries of the author's unit and the
// admins read, confirm and return it. Anyone else gets 404 — not even its existence leaks.
import { Hono } from "hono";
import * as v from "valibot";
import { CommentBody, ConfirmBody, Id, ReturnBody, SubmissionReadQuery } from "../../schema/api";
import { readSubmission } from "../data/submission-read";
import { confirm, requireReadableSubmission, returnSubmission } from "../data/submission-review";
import { addComment, listComments } from "../data/supervision";
import type { AppEnv, Role } from "../env";
import {
  guard,
  jsonBody,
  META,
  metaOf,
  pathParams,
  policy,
  queryParams,
  type RequestCtx,
} from "../http";

const STAFF = ["admin", "secretary"] as const satisfies Role[];
const idPath = pathParams(v.object({ id: Id }));

/** The opinion is optional and so is the body: a confirmation posted without one, as
 *  CONTRACT.md has it, still works. The validator's route metadata (the OpenAPI body) is
 *  carried over to the wrapper. */
const confirmJson = jsonBody(ConfirmBody);
const confirmBody: typeof confirmJson = Object.assign(
  (async (c, next) => {
    if (c.req.header("Content-Type")) return confirmJson(c, next);
    c.req.addValidatedData("json", {});
    await next();
  }) as typeof confirmJson,
  { [META]: metaOf(confirmJson) },
);

/** Who may read a submission: its author, staff whose scope covers the author, and the
 *  supervisors the confirmed plan is routed to. Anyone else gets 404. */
const readerOf = (ctx: RequestCtx) => ({
  memberId: ctx.user.memberId,
  staffScope: ctx.scopeFor(STAFF),
  grants: ctx.grants,
});
const readable = (ctx: RequestCtx, id: string) =>
  requireReadableSubmission(ctx.db, id, readerOf(ctx));

export const submissionRoutes = new Hono<AppEnv>()
  .get(
    "/:id",
    guard(
      policy.signedIn,
      "Đọc một bản kế hoạch (tác giả, bí thư chi bộ, quản trị, giám sát được chuyển đến)",
    ),
    queryParams(SubmissionReadQuery),
    idPath,
    async (c) => {
      const { ctx } = c.var;
      const withData = c.req.valid("query").versions === "full";
      // A supervisor reads the confirmed version only (data/submission-read.ts).
      const id = c.req.valid("param").id;
      return c.json(await readSubmission(ctx, { id, reader: readerOf(ctx), withData }), 200);
    },
  )
  .get("/:id/comments", guard(policy.signedIn, "Góp ý về một bản kế hoạch"), idPath, async (c) => {
    const row = await readable(c.var.ctx, c.req.valid("param").id);
    const list = await listComments(c.var.ctx.db, row.s.id);
    return c.json(
      {
        comments: list.map((x) => ({
          id: x.id,
          authorRole: x.authorRole,
          body: x.body,
          createdAt: x.createdAt,
        })),
      },
      200,
    );
  })
  .post(
    "/:id/comments",
    guard(policy.roles("admin", "secretary", "supervisor"), "Góp ý (giám sát, chi bộ)"),
    jsonBody(CommentBody),
    idPath,
    async (c) => {
      const { ctx } = c.var;
      const row = await readable(ctx, c.req.valid("param").id);
      // The author reads comments but does not add góp ý to their own plan here.
      const staff = ctx.grants.some((g) => STAFF.some((r) => r === g.role));
      const role = staff ? "chi-bo" : "giam-sat";
      const comment = await addComment(ctx, {
        plan: row.s,
        authorUserId: ctx.user.id,
        authorRole: role,
        body: c.req.valid("json").body,
      });
      return c.json({ id: comment.id, authorRole: role, createdAt: comment.createdAt }, 201);
    },
  )
  .post(
    "/:id/confirm",
    guard(
      policy.roles(...STAFF),
      "Chi bộ xác nhận kế hoạch kèm ý kiến (đóng băng nội dung; không tự xác nhận kế hoạch của mình)",
    ),
    confirmBody,
    idPath,
    async (c) => {
      const { ctx } = c.var;
      const signerRole = ctx.grants.some((g) => g.role === "admin") ? "admin" : "secretary";
      const input = { ...c.req.valid("json"), signerRole } as const;
      return c.json(await confirm(ctx, c.req.valid("param").id, input), 200);
    },
  )
  .post(
    "/:id/return",
    guard(policy.roles(...STAFF), "Trả lại kế hoạch kèm góp ý để sửa"),
    jsonBody(ReturnBody),
    idPath,
    async (c) => {
      const input = { id: c.req.valid("param").id, comment: c.req.valid("json").comment };
      return c.json(await returnSubmission(c.var.ctx, input), 200);
    },
  );
