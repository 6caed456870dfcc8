// The roster. Admins act on the whole tenant, secretaries on their subtree; a member reads
// only their own record. Viewers and supervisors see no roster: names are personal data
// and their work needs aggregates and routed plans only.
import { Hono } from "hono";
import {
  ExportQuery,
  ImportQuery,
  MemberCreateBody,
  MemberQuery,
  MemberStatusBody,
  MemberUpdateBody,
} from "../../schema/api";
import { jobOf } from "../db/long-jobs";
import {
  createMember,
  requireMemberInScope,
  listMembers,
  memberDetail,
  setMemberStatus,
  toMemberView,
  updateMember,
  type MemberRow,
} from "../data/members";
import { ALL_SCOPE } from "../domain/scope";
import type { AppEnv } from "../env";
import { ById, changeById, guard, jsonBody, policy, queryParams, withBodyType } from "../http";

const STAFF_ROLES = ["admin", "secretary"] as const;
const STAFF = policy.roles(...STAFF_ROLES);
/** The answer to a change: the member as they now are. */
const asMember = (m: MemberRow) => ({ member: toMemberView(m) });

export const memberRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(STAFF, "Danh sách đảng viên (lọc theo đơn vị, tên không dấu, trạng thái)"),
    queryParams(MemberQuery),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await listMembers(c.var.ctx, { ...q, includeSubtree: q.includeSubtree === "1" });
      return c.json({ members: rows.map(toMemberView) }, 200);
    },
  )
  .post("/", guard(STAFF, "Thêm đảng viên"), jsonBody(MemberCreateBody), async (c) =>
    c.json({ member: toMemberView(await createMember(c.var.ctx, c.req.valid("json"))) }, 201),
  )
  .post(
    "/import",
    guard(
      policy.roles("admin"),
      "Nhập danh sách đảng viên từ CSV hoặc XLSX (cả tệp hoặc không gì)",
    ),
    withBodyType("text/csv"),
    queryParams(ImportQuery),
    async (c) => {
      // Parsing (XLSX inflates) and writing run off the request thread (Platform.runLong).
      const result = await c.var.platform.runLong(
        "import",
        jobOf(c.var.tenant, c.var.ctx, {
          contentType: c.req.header("Content-Type"),
          bytes: new Uint8Array(await c.req.arrayBuffer()),
          dryRun: c.req.valid("query").dryRun === "1",
        }),
      );
      return c.json(result, 200);
    },
  )
  .get(
    "/export",
    guard(STAFF, "Xuất danh sách đảng viên (CSV hoặc XLSX)"),
    queryParams(ExportQuery),
    async (c) => {
      const { format = "xlsx", unitId } = c.req.valid("query");
      const file = await c.var.platform.runLong(
        "export",
        jobOf(c.var.tenant, c.var.ctx, { format, unitId }),
      );
      c.header("Content-Disposition", `attachment; filename="${file.filename}"`);
      return c.body(file.body, 200, { "Content-Type": file.contentType });
    },
  )
  .get(
    "/:id",
    guard(policy.signedIn, "Hồ sơ một đảng viên (người quản lý, hoặc chính mình)"),
    ById,
    async (c) => {
      const { db, user, scopeFor } = c.var.ctx;
      const { id } = c.req.valid("param");
      const scope = user.memberId === id ? ALL_SCOPE : scopeFor(STAFF_ROLES);
      return c.json(await memberDetail(db, await requireMemberInScope(db, id, scope)), 200);
    },
  )
  .patch(
    "/:id",
    ...changeById(
      STAFF,
      "Sửa hồ sơ đảng viên (409 nếu phiên bản cũ)",
      MemberUpdateBody,
      updateMember,
      asMember,
    ),
  )
  .post(
    "/:id/status",
    ...changeById(
      STAFF,
      "Ghi thay đổi trạng thái từ một ngày",
      MemberStatusBody,
      setMemberStatus,
      asMember,
    ),
  );
