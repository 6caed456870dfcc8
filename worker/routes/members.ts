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
import { importMembers } from "../data/import";
import {
  createMember,
  requireMemberInScope,
  listMembers,
  memberDetail,
  setMemberStatus,
  toMemberView,
  updateMember,
} from "../data/members";
import { loadScope } from "../data/scope";
import { listUnits } from "../data/units";
import { detectKind, MAX_ROSTER_ROWS, parseRosterFile, toCsv, toXlsx } from "../domain/roster-file";
import { ictDate } from "../domain/deadlines";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { actor, guard, jsonBody, policy, queryParams, withBodyType } from "../http";

const STAFF = policy.roles("admin", "secretary");
const STAFF_ROLES = ["admin", "secretary"] as const;

const EXPORT_HEADER = [
  "ho_ten",
  "nam_sinh",
  "email",
  "so_dien_thoai",
  "don_vi",
  "chuc_vu",
  "trang_thai",
  "ngay_trang_thai",
  "dien_quan_ly",
  "dang_cong_khai",
];

export const memberRoutes = new Hono<AppEnv>()
  .get(
    "/",
    guard(STAFF, "Danh sách đảng viên (lọc theo đơn vị, tên không dấu, trạng thái)"),
    queryParams(MemberQuery),
    async (c) => {
      const q = c.req.valid("query");
      const scope = await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
      const rows = await listMembers(c.var.db, scope, {
        ...q,
        includeSubtree: q.includeSubtree === "1",
      });
      return c.json({ members: rows.map(toMemberView) }, 200);
    },
  )
  .post("/", guard(STAFF, "Thêm đảng viên"), jsonBody(MemberCreateBody), async (c) => {
    const scope = await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
    const row = await createMember(
      c.var.db,
      c.req.valid("json"),
      scope,
      actor(c),
      c.var.platform.now(),
    );
    return c.json({ member: toMemberView(row) }, 201);
  })
  .post(
    "/import",
    guard(
      policy.roles("admin"),
      "Nhập danh sách đảng viên từ CSV hoặc XLSX (cả tệp hoặc không gì)",
    ),
    withBodyType("text/csv"),
    queryParams(ImportQuery),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const kind = detectKind(c.req.header("Content-Type"), bytes);
      if (!kind)
        throw new DomainError(
          "UNSUPPORTED_MEDIA_TYPE",
          "Tệp phải là CSV (text/csv) hoặc Excel (.xlsx).",
        );
      const parsed = await parseRosterFile(kind, bytes);
      if (!parsed.ok) {
        if (parsed.tooLarge)
          throw new DomainError(
            "PAYLOAD_TOO_LARGE",
            `Mỗi tệp tối đa ${MAX_ROSTER_ROWS.toLocaleString("vi-VN")} dòng.`,
          );
        return c.json({ created: 0, updated: 0, unchanged: 0, errors: parsed.errors }, 200);
      }
      const result = await importMembers(
        c.var.db,
        parsed.rows,
        { dryRun: c.req.valid("query").dryRun === "1" },
        actor(c),
        c.var.platform.now(),
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
      const scope = await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
      const [rows, unitList] = await Promise.all([
        listMembers(c.var.db, scope, { unitId, includeSubtree: true }),
        listUnits(c.var.db, scope),
      ]);
      const unitName = new Map(unitList.map((u) => [u.id, u.name]));
      const data = rows.map((m) => [
        m.fullName,
        m.birthYear,
        m.email,
        m.phone,
        unitName.get(m.unitId) ?? m.unitId,
        m.position,
        m.status,
        m.statusSince,
        m.managedByStandingCommittee ? "co" : "",
        m.mustPublishPlan ? "co" : "",
      ]);
      const name = `danh-sach-dang-vien-${ictDate(c.var.platform.now())}`;
      if (format === "csv") {
        c.header("Content-Disposition", `attachment; filename="${name}.csv"`);
        return c.body(toCsv(EXPORT_HEADER, data), 200, {
          "Content-Type": "text/csv; charset=utf-8",
        });
      }
      const bytes = await toXlsx(EXPORT_HEADER, data, "Đảng viên");
      c.header("Content-Disposition", `attachment; filename="${name}.xlsx"`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    },
  )
  .get(
    "/:id",
    guard(policy.signedIn, "Hồ sơ một đảng viên (người quản lý, hoặc chính mình)"),
    async (c) => {
      const user = c.var.user!;
      const own = user.memberId === c.req.param("id");
      const scope = own
        ? { all: true, paths: [] }
        : await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
      const member = await requireMemberInScope(c.var.db, c.req.param("id"), scope);
      return c.json(await memberDetail(c.var.db, member), 200);
    },
  )
  .patch(
    "/:id",
    guard(STAFF, "Sửa hồ sơ đảng viên (409 nếu phiên bản cũ)"),
    jsonBody(MemberUpdateBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
      const row = await updateMember(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json"),
        scope,
        actor(c),
        c.var.platform.now(),
      );
      return c.json({ member: toMemberView(row) }, 200);
    },
  )
  .post(
    "/:id/status",
    guard(STAFF, "Ghi thay đổi trạng thái từ một ngày"),
    jsonBody(MemberStatusBody),
    async (c) => {
      const scope = await loadScope(c.var.db, c.var.grants, STAFF_ROLES);
      const row = await setMemberStatus(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json"),
        scope,
        actor(c),
        c.var.platform.now(),
      );
      return c.json({ member: toMemberView(row) }, 200);
    },
  );
