// Templates: everyone signed in may read them (they are the directives' own text); only an
// admin clones and edits the tenant's copies.
import { Hono } from "hono";
import { TemplateCloneBody, TemplateQuery, TemplateSaveBody } from "../../schema/api";
import { launchBlockers } from "../../schema/template";
import { cloneTemplate, requireTemplate, listTemplates, saveTemplate } from "../data/templates";
import type { AppEnv } from "../env";
import { actor, guard, jsonBody, policy, queryParams } from "../http";

export const templateRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Các mẫu đợt sinh hoạt (có sẵn và của đảng bộ)"), async (c) =>
    c.json({ templates: await listTemplates(c.var.db) }, 200),
  )
  .get(
    "/:key",
    guard(policy.signedIn, "Định nghĩa đầy đủ của một mẫu"),
    queryParams(TemplateQuery),
    async (c) => {
      const q = c.req.valid("query");
      const { def, builtIn } = await requireTemplate(
        c.var.db,
        c.req.param("key"),
        q.version ? Number(q.version) : undefined,
      );
      return c.json({ ...def, builtIn, launchBlockers: launchBlockers(def) }, 200);
    },
  )
  .post(
    "/",
    guard(policy.roles("admin"), "Nhân bản một mẫu để sửa theo văn bản của đảng bộ"),
    jsonBody(TemplateCloneBody),
    async (c) =>
      c.json(
        await cloneTemplate(c.var.db, c.req.valid("json"), actor(c), c.var.platform.now()),
        201,
      ),
  )
  .put(
    "/:key",
    guard(policy.roles("admin"), "Lưu mẫu đã sửa (mẫu đang dùng thì lưu thành phiên bản mới)"),
    jsonBody(TemplateSaveBody),
    async (c) => {
      const body = c.req.valid("json");
      return c.json(
        await saveTemplate(
          c.var.db,
          c.req.param("key"),
          body.definition,
          body.version,
          actor(c),
          c.var.platform.now(),
        ),
        200,
      );
    },
  );
