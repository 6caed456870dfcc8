// One submission by id: its author reads it; the secretaries of the author's unit and the
// admins read, confirm and return it. Anyone else gets 404 — not even its existence leaks.
import { Hono } from "hono";
import { ReturnBody } from "../../schema/api";
import { loadScope } from "../data/scope";
import {
  confirm,
  getSubmissionFor,
  listVersions,
  returnSubmission,
  submissionView,
} from "../data/submissions";
import type { AppEnv } from "../env";
import { actor, guard, jsonBody, policy } from "../http";

const STAFF = ["admin", "secretary"] as const;

export const submissionRoutes = new Hono<AppEnv>()
  .get(
    "/:id",
    guard(policy.signedIn, "Đọc một bản kế hoạch (tác giả, bí thư chi bộ, quản trị)"),
    async (c) => {
      const staffScope = await loadScope(c.var.db, c.var.grants, STAFF);
      const row = await getSubmissionFor(c.var.db, c.req.param("id"), {
        memberId: c.var.user!.memberId,
        staffScope,
      });
      return c.json(
        {
          submission: submissionView(row.s, { fullName: row.fullName, unitId: row.unitId }),
          versions: await listVersions(c.var.db, row.s.id),
        },
        200,
      );
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
