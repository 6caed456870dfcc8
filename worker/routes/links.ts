// Parent tenants: link requests and approval, the children's aggregates, directives.
// Links live in the control plane: each call acts for the calling tenant (`linkActor`).
import { Hono } from "hono";
import * as v from "valibot";
import { AdoptBody, DirectiveBody, Id, LinkBody } from "../../schema/api";
import type { TemplateDefinition } from "../../schema/template";
import { createCampaignFrom } from "../data/campaigns";
import {
  approveLink,
  childrenProgress,
  listLinks,
  publishDirective,
  requestLink,
  requireAdoptableDirective,
  revokeLink,
  visibleDirectives,
  type LinkActor,
} from "../data/links";
import { requireTemplate } from "../data/templates";
import type { AppEnv, Platform, TenantRecord } from "../env";
import { guard, jsonBody, pathParams, policy, type RequestCtx } from "../http";

const ADMIN = policy.roles("admin");
const idPath = pathParams(v.object({ id: Id }));

const control = (c: { var: { platform: Platform } }) => c.var.platform.control().db;
const linkActor = (c: { var: { tenant: TenantRecord; ctx: RequestCtx } }): LinkActor => ({
  tenant: c.var.tenant,
  now: c.var.ctx.now,
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
    "Số liệu tổng hợp của các đảng bộ cấp dưới đã liên kết (không có tên, không có nội dung)",
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
    guard(ADMIN, "Áp dụng văn bản của cấp trên thành đợt sinh hoạt của mình"),
    jsonBody(AdoptBody),
    idPath,
    async (c) => {
      const directive = await requireAdoptableDirective(control(c), {
        tenant: c.var.tenant,
        id: c.req.valid("param").id,
      });
      const body = c.req.valid("json");
      const created = await createCampaignFrom(c.var.ctx, {
        def: directive.definition as TemplateDefinition,
        directiveId: directive.id,
        name: body.name ?? directive.name,
        documentNo: directive.documentNo ?? undefined,
        startsOn: directive.startsOn,
        dueOn: directive.dueOn,
        unitIds: body.unitIds,
      });
      return c.json(created, 201);
    },
  );
