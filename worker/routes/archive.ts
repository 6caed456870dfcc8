// The tenant archive (README "Tenant archive"): an admin downloads everything of the đảng bộ
// as one zip, and the admin of a brand-new đảng bộ (just signed up, nothing in it yet) loads
// one back. Import is the new tenant's admin's, not a platform operator's: the product has no
// operator role on the API, and signing up first proves who owns the new tenant's slug and
// gives the account that stays signed in after the import.
import { Hono } from "hono";
import { exportTenant } from "../data/archive/export";
import { importArchive } from "../data/archive/import";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { guard, policy, withBodyType } from "../http";

const ADMIN = policy.roles("admin");

export const archiveRoutes = new Hono<AppEnv>()
  .get("/export", guard(ADMIN, "Xuất toàn bộ dữ liệu của đảng bộ (một tệp zip)"), async (c) => {
    const t = c.var.tenant;
    const body = await exportTenant(c.var.ctx, c.var.tenantClient, t);
    const day = c.var.ctx.now.toISOString().slice(0, 10);
    c.header("Content-Disposition", `attachment; filename="${t.slug}-${day}.zip"`);
    return c.body(body, 200, { "Content-Type": "application/zip" });
  })
  .post(
    "/import",
    guard(ADMIN, "Nhập bản xuất vào đảng bộ mới tạo (cả tệp hoặc không gì)"),
    withBodyType("application/zip"),
    async (c) => {
      const { ctx } = c.var;
      const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim();
      if (mediaType !== "application/zip")
        throw new DomainError(
          "UNSUPPORTED_MEDIA_TYPE",
          "Tệp nhập phải gửi dạng zip (Content-Type: application/zip).",
        );
      const body = c.req.raw.body;
      if (!body) throw new DomainError("ARCHIVE_DAMAGED", "Chưa có tệp nào được gửi lên.");
      const summary = await importArchive({
        client: c.var.tenantClient,
        tenantId: c.var.tenant.id,
        userId: ctx.user.id,
        requestId: ctx.actor.requestId,
        now: ctx.now,
        body,
      });
      return c.json({ imported: summary }, 200);
    },
  );
