// Accounts and their roles (admin only; a secretary prints reset slips for its own cell),
// invitations (admin; a secretary for members of its subtree), and the audit log (admin only).
import { Hono } from "hono";
import * as v from "valibot";
import { AuditQuery, GrantBody, Id, InvitationBody } from "../../schema/api";
import { BulkInvitationBody, ResetSlipBody } from "../../schema/api-accounts";
import { issueReset, issueResetSlip, listAccounts, setDisabled } from "../data/accounts";
import { listAudit } from "../data/audit";
import { inviteRoster } from "../data/bulk-invitations";
import { addGrant, removeGrant } from "../data/grants";
import { createInvitation, listInvitations, revokeInvitation } from "../data/invitations";
import type { AppEnv } from "../env";
import { ById, guard, jsonBody, pathParams, policy, queryParams } from "../http";

const ADMIN = policy.roles("admin");
const STAFF = policy.roles("admin", "secretary");

export const invitationRoutes = new Hono<AppEnv>()
  .get("/", guard(STAFF, "Lời mời tạo tài khoản trong phạm vi"), async (c) =>
    c.json({ invitations: await listInvitations(c.var.ctx) }, 200),
  )
  .post(
    "/",
    guard(STAFF, "Mời tạo tài khoản (đường dẫn dùng một lần, có hạn)"),
    jsonBody(InvitationBody),
    async (c) => {
      // Past the guard the scope is the secretary's subtree unless the caller is an admin.
      const byAdmin = c.var.ctx.grants.some((g) => g.role === "admin");
      return c.json(await createInvitation(c.var.ctx, { ...c.req.valid("json"), byAdmin }), 201);
    },
  )
  .post(
    "/bulk",
    guard(
      STAFF,
      "Mời cả đơn vị (hoặc cả đảng bộ): gửi thư nếu có địa chỉ, in phiếu có mã nếu không; theo trang",
    ),
    jsonBody(BulkInvitationBody),
    async (c) => {
      const { ctx, platform, tenant } = c.var;
      const result = await inviteRoster(ctx, {
        ...c.req.valid("json"),
        byAdmin: ctx.grants.some((g) => g.role === "admin"),
        emailTransport: !!platform.outbound.email,
        tenantName: tenant.name,
        acceptUrl: (token) => `${new URL(c.req.url).origin}/t/${tenant.slug}/nhan-loi-moi#${token}`,
      });
      return c.json(result, 201);
    },
  )
  .delete("/:id", guard(STAFF, "Thu hồi lời mời"), ById, async (c) => {
    await revokeInvitation(c.var.ctx, c.req.valid("param"));
    return c.body(null, 204);
  });

export const accountRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Danh sách tài khoản và vai trò"), async (c) =>
    c.json({ accounts: await listAccounts(c.var.ctx.db) }, 200),
  )
  .post(
    "/:id/disable",
    guard(ADMIN, "Khóa tài khoản ngay (kết thúc mọi phiên)"),
    ById,
    async (c) => {
      const { id } = c.req.valid("param");
      await setDisabled(c.var.ctx, { userId: id, disabled: true });
      return c.json({ id, disabled: true }, 200);
    },
  )
  .post("/:id/enable", guard(ADMIN, "Mở khóa tài khoản"), ById, async (c) => {
    const { id } = c.req.valid("param");
    await setDisabled(c.var.ctx, { userId: id, disabled: false });
    return c.json({ id, disabled: false }, 200);
  })
  .post(
    "/reset-slips",
    guard(STAFF, "In phiếu đặt lại mật khẩu (mã ngắn) cho đảng viên trong chi bộ của mình"),
    jsonBody(ResetSlipBody),
    async (c) => {
      const { ctx, tenant } = c.var;
      const slip = await issueResetSlip(ctx, {
        memberId: c.req.valid("json").memberId,
        byAdmin: ctx.grants.some((g) => g.role === "admin"),
      });
      const code = slip.code.replace("-", "");
      const url = `${new URL(c.req.url).origin}/t/${tenant.slug}/dat-lai-mat-khau#${code}`;
      return c.json({ ...slip, url }, 201);
    },
  )
  .post("/:id/reset", guard(ADMIN, "Tạo đường dẫn đặt lại mật khẩu"), ById, async (c) =>
    c.json(await issueReset(c.var.ctx, { userId: c.req.valid("param").id }), 201),
  )
  .post("/:id/grants", guard(ADMIN, "Giao vai trò"), ById, jsonBody(GrantBody), async (c) => {
    const input = { ...c.req.valid("json"), userId: c.req.valid("param").id };
    return c.json(await addGrant(c.var.ctx, input), 201);
  })
  .delete(
    "/:id/grants/:grantId",
    guard(ADMIN, "Bỏ vai trò"),
    pathParams(v.object({ id: Id, grantId: Id })),
    async (c) => {
      const { id, grantId } = c.req.valid("param");
      await removeGrant(c.var.ctx, { userId: id, grantId });
      return c.body(null, 204);
    },
  );

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  guard(ADMIN, "Nhật ký thao tác (mới nhất trước)"),
  queryParams(AuditQuery),
  async (c) => {
    const q = c.req.valid("query");
    const { entries, next } = await listAudit(c.var.ctx.db, {
      entity: q.entity,
      actorUserId: q.actor,
      unitId: q.unitId,
      before: q.before ? Number(q.before) : undefined,
      limit: Math.min(Number(q.limit ?? 50) || 50, 200),
    });
    return c.json({ entries, next }, 200);
  },
);
