// Parent tenants: link requests and approval, the children's aggregates, directives.
import { Hono } from "hono";
import { AdoptBody, DirectiveBody, LinkBody } from "../../schema/api";
import { createCampaignFrom } from "../data/campaigns";
import {
  approveLink,
  childrenProgress,
  listLinks,
  publishDirective,
  requestLink,
  revokeLink,
  visibleDirectives,
} from "../data/links";
import { loadScope } from "../data/scope";
import { requireTemplate } from "../data/templates";
import type { TemplateDefinition } from "../../schema/template";
import type { AppEnv } from "../env";
import { notFound } from "../errors";
import { actor, guard, jsonBody, policy } from "../http";

const ADMIN = policy.roles("admin");

export const linkRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Liên kết với đảng bộ cấp trên và cấp dưới"), async (c) =>
    c.json(await listLinks(c.var.platform.control().db, c.var.tenant), 200),
  )
  .post(
    "/",
    guard(ADMIN, "Đề nghị báo cáo cho một đảng bộ cấp trên"),
    jsonBody(LinkBody),
    async (c) =>
      c.json(
        await requestLink(
          c.var.platform.control().db,
          c.var.tenant,
          c.req.valid("json").parentSlug,
          c.var.platform.now(),
        ),
        201,
      ),
  )
  .post("/:id/approve", guard(ADMIN, "Cấp trên duyệt liên kết"), async (c) =>
    c.json(
      await approveLink(
        c.var.platform.control().db,
        c.var.tenant,
        c.req.param("id"),
        c.var.platform.now(),
      ),
      200,
    ),
  )
  .post("/:id/revoke", guard(ADMIN, "Hủy liên kết (cấp trên hoặc cấp dưới)"), async (c) =>
    c.json(
      await revokeLink(
        c.var.platform.control().db,
        c.var.tenant,
        c.req.param("id"),
        c.var.platform.now(),
      ),
      200,
    ),
  );

export const childrenRoutes = new Hono<AppEnv>().get(
  "/progress",
  guard(
    policy.roles("admin", "viewer"),
    "Số liệu tổng hợp của các đảng bộ cấp dưới đã liên kết (không có tên, không có nội dung)",
  ),
  async (c) =>
    c.json({ children: await childrenProgress(c.var.platform.control().db, c.var.tenant) }, 200),
);

export const directiveRoutes = new Hono<AppEnv>()
  .get("/", guard(ADMIN, "Văn bản chỉ đạo: của mình và của cấp trên đã liên kết"), async (c) =>
    c.json({ directives: await visibleDirectives(c.var.platform.control().db, c.var.tenant) }, 200),
  )
  .post(
    "/",
    guard(ADMIN, "Ban hành đợt sinh hoạt cho cấp dưới áp dụng"),
    jsonBody(DirectiveBody),
    async (c) => {
      const body = c.req.valid("json");
      const { def } = await requireTemplate(c.var.db, body.templateKey);
      const created = await publishDirective(
        c.var.platform.control().db,
        c.var.tenant,
        {
          ...body,
          definition: def,
          lockedSections: body.lockedSections ?? ["steps", "forms", "lists"],
        },
        c.var.platform.now(),
      );
      return c.json(created, 201);
    },
  )
  .post(
    "/:id/adopt",
    guard(ADMIN, "Áp dụng văn bản của cấp trên thành đợt sinh hoạt của mình"),
    jsonBody(AdoptBody),
    async (c) => {
      const list = await visibleDirectives(c.var.platform.control().db, c.var.tenant);
      const directive = list.find((d) => d.id === c.req.param("id") && !d.own);
      if (!directive) throw notFound("Không tìm thấy văn bản chỉ đạo.");
      const body = c.req.valid("json");
      const scope = await loadScope(c.var.db, c.var.grants, ["admin"]);
      const created = await createCampaignFrom(
        c.var.db,
        directive.definition as TemplateDefinition,
        {
          name: body.name ?? directive.name,
          documentNo: directive.documentNo ?? undefined,
          startsOn: directive.startsOn,
          dueOn: directive.dueOn,
          unitIds: body.unitIds,
        },
        scope,
        actor(c),
        c.var.platform.now(),
        directive.id,
      );
      return c.json(created, 201);
    },
  );
