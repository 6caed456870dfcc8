// Parent tenants: link requests and approval, the children's aggregates, directives.
// Links live in the control plane: each call acts for the calling tenant (`linkActor`).
import { Hono } from "hono";
import * as v from "valibot";
import { DirectiveBody, Id, LinkBody } from "../../schema/api";
import { AdaptBody, RepublishBody } from "../../schema/api-links";
import { adoptDirective, requireAdoptedDefinition } from "../data/adapt";
import { campaignChain, requireCampaign } from "../data/campaigns";
import { publishDirective, republishDirective, visibleDirectives } from "../data/directives";
import { remindBehind, whoIsBehind } from "../data/behind";
import { directiveHistoryPoints } from "../data/directive-history";
import { childrenProgress } from "../data/link-figures";
import { approveLink, listLinks, requestLink, revokeLink, type LinkActor } from "../data/links";
import { requireTemplate } from "../data/templates";
import type { AppEnv, Platform, TenantRecord } from "../env";
import { guard, jsonBody, pathParams, policy, type RequestCtx } from "../http";
import { directiveReportRoutes, idSlugPath } from "./upward-reports";

const ADMIN = policy.roles("admin");
const idPath = pathParams(v.object({ id: Id }));

const control = (c: { var: { platform: Platform } }) => c.var.platform.control().db;
const linkActor = (c: { var: { tenant: TenantRecord; ctx: RequestCtx } }): LinkActor => ({
  tenant: c.var.tenant,
  now: c.var.ctx.now,
  ctx: c.var.ctx,
});

export const linkRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Liên kết với đảng bộ cấp trên và cấp dưới"), async (c) =>
    c.json(await listLinks(control(c), c.var.tenant), 200),
  )
  .post(
    "/",
    guard(ADMIN, "Đề nghị báo cáo cho một đảng bộ cấp trên"),
    jsonBody(LinkBody),
    async (c) =>
      c.json(await requestLink(control(c), { ...linkActor(c), ...c.req.valid("json") }), 201),
  )
  .post("/:id/approve", guard(ADMIN, "Cấp trên duyệt liên kết"), idPath, async (c) =>
    c.json(await approveLink(control(c), { ...linkActor(c), ...c.req.valid("param") }), 200),
  )
  .post("/:id/revoke", guard(ADMIN, "Hủy liên kết (cấp trên hoặc cấp dưới)"), idPath, async (c) =>
    c.json(await revokeLink(control(c), { ...linkActor(c), ...c.req.valid("param") }), 200),
  );

export const childrenRoutes = new Hono<AppEnv>().get(
  "/progress",
  guard(
    policy.roles("admin", "viewer"),
    "Số liệu tổng hợp của các đảng bộ cấp dưới đã liên kết, đến mọi cấp (không có tên, không có nội dung)",
  ),
  async (c) => c.json({ children: await childrenProgress(control(c), c.var.tenant) }, 200),
);

export const directiveRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Văn bản chỉ đạo: của mình và của cấp trên đã liên kết"), async (c) =>
    c.json({ directives: await visibleDirectives(control(c), c.var.tenant) }, 200),
  )
  .post(
    "/",
    guard(ADMIN, "Ban hành đợt sinh hoạt cho cấp dưới áp dụng"),
    jsonBody(DirectiveBody),
    async (c) => {
      const body = c.req.valid("json");
      const { def } = await requireTemplate(c.var.ctx.db, { key: body.templateKey });
      const created = await publishDirective(control(c), {
        ...linkActor(c),
        ...body,
        definition: def,
        lockedSections: body.lockedSections ?? ["steps", "forms", "lists"],
      });
      return c.json(created, 201);
    },
  )
  .post(
    "/:id/adopt",
    guard(
      ADMIN,
      "Áp dụng văn bản của cấp trên thành đợt sinh hoạt của mình, điều chỉnh phần không bị khóa",
    ),
    jsonBody(AdaptBody),
    idPath,
    async (c) =>
      c.json(
        await adoptDirective(c.var.ctx, control(c), {
          tenant: c.var.tenant,
          ...c.req.valid("json"),
          ...c.req.valid("param"),
        }),
        201,
      ),
  )
  .post(
    "/:id/republish",
    guard(ADMIN, "Chuyển văn bản của cấp trên xuống cấp dưới, khóa thêm phần không được sửa"),
    jsonBody(RepublishBody),
    idPath,
    async (c) =>
      c.json(
        await republishDirective(control(c), {
          ...linkActor(c),
          ...c.req.valid("json"),
          ...c.req.valid("param"),
          adopted: (id) => requireAdoptedDefinition(c.var.ctx.db, id),
        }),
        201,
      ),
  )
  .get(
    "/:id/behind",
    guard(
      policy.roles("admin", "viewer"),
      "Cấp dưới chậm tiến độ một văn bản của mình (chỉ tên đảng bộ và số liệu)",
    ),
    idPath,
    async (c) =>
      c.json(
        await whoIsBehind(control(c), {
          reader: c.var.tenant,
          id: c.req.valid("param").id,
          now: c.var.ctx.now,
        }),
        200,
      ),
  )
  .get(
    "/:id/history",
    guard(
      policy.roles("admin", "viewer"),
      "Diễn biến tiến độ theo ngày của cả cấp dưới cho một văn bản của mình (chỉ số liệu)",
    ),
    idPath,
    async (c) =>
      c.json(
        await directiveHistoryPoints(c.var.ctx.db, control(c), {
          reader: c.var.tenant,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  )
  .post(
    "/:id/behind/:slug/remind",
    guard(ADMIN, "Nhắc quản trị viên của một đảng bộ cấp dưới chậm tiến độ (mỗi ngày một lần)"),
    idSlugPath,
    async (c) =>
      c.json(
        await remindBehind(c.var.platform, c.var.ctx, {
          reader: c.var.tenant,
          ...c.req.valid("param"),
        }),
        200,
      ),
  )
  .route("/:id/reports", directiveReportRoutes)
  .get(
    "/campaigns/:id/chain",
    guard(ADMIN, "Chuỗi văn bản một đợt sinh hoạt thực hiện"),
    idPath,
    async (c) => {
      const campaign = await requireCampaign(c.var.ctx.db, c.req.valid("param").id);
      return c.json(await campaignChain(control(c), campaign), 200);
    },
  );
