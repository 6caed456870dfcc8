// Accounts and their roles (admin only), invitations (admin; a secretary for members of
// its subtree), and the audit log (admin only).
import { Hono } from "hono";
import { AuditQuery, GrantBody, InvitationBody } from "../../schema/api";
import {
  addGrant,
  createInvitation,
  issueReset,
  listAccounts,
  listInvitations,
  removeGrant,
  revokeInvitation,
  setDisabled,
} from "../data/accounts";
import { listAudit } from "../data/audit";
import { loadScope } from "../data/scope";
import type { AppEnv } from "../env";
import { actor, guard, jsonBody, policy, queryParams } from "../http";

const ADMIN = policy.roles("admin");
const STAFF = policy.roles("admin", "secretary");

export const invitationRoutes = new Hono<AppEnv>()
  .get("/", guard(STAFF, "Lời mời tạo tài khoản trong phạm vi"), async (c) => {
    const scope = await loadScope(c.var.db, c.var.grants, ["admin", "secretary"]);
    return c.json({ invitations: await listInvitations(c.var.db, scope) }, 200);
  })
  .post(
    "/",
    guard(STAFF, "Mời tạo tài khoản (đường dẫn dùng một lần, có hạn)"),
    jsonBody(InvitationBody),
    async (c) => {
      const isAdmin = c.var.grants.some((g) => g.role === "admin");
      const secretaryScope = await loadScope(c.var.db, c.var.grants, ["secretary"]);
      const created = await createInvitation(
        c.var.db,
        c.req.valid("json"),
        { isAdmin, secretaryScope },
        actor(c),
        c.var.platform.now(),
      );
      return c.json(created, 201);
    },
  )
  .delete("/:id", guard(STAFF, "Thu hồi lời mời"), async (c) => {
    const scope = await loadScope(c.var.db, c.var.grants, ["admin", "secretary"]);
    await revokeInvitation(c.var.db, c.req.param("id"), scope, actor(c), c.var.platform.now());
    return c.body(null, 204);
  });

export const accountRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Danh sách tài khoản và vai trò"), async (c) =>
    c.json({ accounts: await listAccounts(c.var.db) }, 200),
  )
  .post("/:id/disable", guard(ADMIN, "Khóa tài khoản ngay (kết thúc mọi phiên)"), async (c) => {
    await setDisabled(
      c.var.db,
      c.req.param("id"),
      true,
      c.var.user!.id,
      actor(c),
      c.var.platform.now(),
    );
    return c.json({ id: c.req.param("id"), disabled: true }, 200);
  })
  .post("/:id/enable", guard(ADMIN, "Mở khóa tài khoản"), async (c) => {
    await setDisabled(
      c.var.db,
      c.req.param("id"),
      false,
      c.var.user!.id,
      actor(c),
      c.var.platform.now(),
    );
    return c.json({ id: c.req.param("id"), disabled: false }, 200);
  })
  .post("/:id/reset", guard(ADMIN, "Tạo đường dẫn đặt lại mật khẩu"), async (c) =>
    c.json(await issueReset(c.var.db, c.req.param("id"), actor(c), c.var.platform.now()), 201),
  )
  .post("/:id/grants", guard(ADMIN, "Giao vai trò"), jsonBody(GrantBody), async (c) =>
    c.json(
      await addGrant(
        c.var.db,
        c.req.param("id"),
        c.req.valid("json"),
        actor(c),
        c.var.platform.now(),
      ),
      201,
    ),
  )
  .delete("/:id/grants/:grantId", guard(ADMIN, "Bỏ vai trò"), async (c) => {
    await removeGrant(
      c.var.db,
      c.req.param("id"),
      c.req.param("grantId"),
      c.var.user!.id,
      actor(c),
      c.var.platform.now(),
    );
    return c.body(null, 204);
  });

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  guard(ADMIN, "Nhật ký thao tác (mới nhất trước)"),
  queryParams(AuditQuery),
  async (c) => {
    const q = c.req.valid("query");
    const entries = await listAudit(c.var.db, {
      entity: q.entity,
      before: q.before ? Number(q.before) : undefined,
      limit: Math.min(Number(q.limit ?? 50) || 50, 200),
    });
    return c.json({ entries }, 200);
  },
);
