// One submission by id: its author reads it; the secretaries of the author's unit and the
// admins read, confirm and return it. Anyone else gets 404 — not even its existence leaks.
import { Hono, type Context } from "hono";
import { CommentBody, ReturnBody, SubmissionReadQuery } from "../../schema/api";
import { addComment, listComments, routedPlans } from "../data/supervision";
import { loadScope } from "../data/scope";
import {
  confirm,
  requireSubmissionFor,
  listVersions,
  returnSubmission,
  submissionView,
} from "../data/submissions";
import type { AppEnv } from "../env";
import { actor, guard, jsonBody, policy, queryParams, type Guarded } from "../http";

const STAFF = ["admin", "secretary"] as const;

/** Who may read a submission: its author, staff whose scope covers the author, and the
 *  supervisors the confirmed plan is routed to. Anyone else gets 404. */
async function readable(c: Context<AppEnv & Guarded>, id: string) {
  const staffScope = await loadScope(c.var.db, c.var.grants, STAFF);
  try {
    return await requireSubmissionFor(c.var.db, id, { memberId: c.var.user!.memberId, staffScope });
  } catch (err) {
    if (!c.var.grants.some((g) => g.role === "supervisor")) throw err;
    const routed = await routedPlans(c.var.db, c.var.grants);
    if (!routed.some((p) => p.submissionId === id)) throw err;
    return requireSubmissionFor(c.var.db, id, {
      memberId: null,
      staffScope: { all: true, paths: [] },
    });
  }
}

export const submissionRoutes = new Hono<AppEnv>()
  .get(
    "/:id",
    guard(
      policy.signedIn,
      "Đọc một bản kế hoạch (tác giả, bí thư chi bộ, quản trị, giám sát được chuyển đến)",
    ),
    queryParams(SubmissionReadQuery),
    async (c) => {
      const row = await readable(c, c.req.param("id"));
      return c.json(
        {
          submission: submissionView(row.s, { fullName: row.fullName, unitId: row.unitId }),
          versions: await listVersions(
            c.var.db,
            row.s.id,
            c.req.valid("query").versions === "full",
          ),
        },
        200,
      );
    },
  )
  .get("/:id/comments", guard(policy.signedIn, "Góp ý về một bản kế hoạch"), async (c) => {
    const row = await readable(c, c.req.param("id"));
    const list = await listComments(c.var.db, row.s.id);
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
    async (c) => {
      const row = await readable(c, c.req.param("id"));
      // The author reads comments but does not add góp ý to their own plan here.
      const staff = c.var.grants.some((g) => g.role === "admin" || g.role === "secretary");
      const role = staff ? "chi-bo" : "giam-sat";
      const comment = await addComment(
        c.var.db,
        row.s.id,
        c.var.user!.id,
        role,
        c.req.valid("json").body,
        c.var.platform.now(),
      );
      return c.json({ id: comment.id, authorRole: role, createdAt: comment.createdAt }, 201);
    },
  )
  .post(
    "/:id/confirm",
    guard(policy.roles(...STAFF), "Chi bộ xác nhận kế hoạch (đóng băng nội dung)"),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF);
      const done = await confirm(
        c.var.db,
        c.req.param("id"),
        scope,
        { userId: c.var.user!.id, onBehalf: false },
        actor(c),
        c.var.platform.now(),
      );
      return c.json(done, 200);
    },
  )
  .post(
    "/:id/return",
    guard(policy.roles(...STAFF), "Trả lại kế hoạch kèm góp ý để sửa"),
    jsonBody(ReturnBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF);
      const done = await returnSubmission(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json").comment,
        scope,
        { userId: c.var.user!.id, onBehalf: false },
        actor(c),
        c.var.platform.now(),
      );
      return c.json(done, 200);
    },
  );
