// Templates: everyone signed in may read them (they are the directives' own text); only an
// admin clones and edits the tenant's copies.
import { Hono } from "hono";
import * as v from "valibot";
import { TemplateCloneBody, TemplateQuery, TemplateSaveBody } from "../../schema/api";
import { Key, launchBlockers } from "../../schema/template";
import { cloneTemplate, requireTemplate, listTemplates, saveTemplate } from "../data/templates";
import type { AppEnv } from "../env";
import { guard, jsonBody, pathParams, policy, queryParams } from "../http";

/** Template keys are kebab-case machine keys, built-in or cloned alike. */
const keyPath = pathParams(v.object({ key: Key }));

export const templateRoutes = new Hono<AppEnv>()
  .get("/", guard(policy.signedIn, "Các mẫu đợt sinh hoạt (có sẵn và của đảng bộ)"), async (c) =>
    c.json({ templates: await listTemplates(c.var.ctx.db) }, 200),
  )
  .get(
    "/:key",
    guard(policy.signedIn, "Định nghĩa đầy đủ của một mẫu"),
    queryParams(TemplateQuery),
    keyPath,
    async (c) => {
      const q = c.req.valid("query");
      const { def, builtIn } = await requireTemplate(c.var.ctx.db, {
        key: c.req.valid("param").key,
        version: q.version ? Number(q.version) : undefined,
      });
      return c.json({ ...def, builtIn, launchBlockers: launchBlockers(def) }, 200);
    },
  )
  .post(
    "/",
    guard(policy.roles("admin"), "Nhân bản một mẫu để sửa theo văn bản của đảng bộ"),
    jsonBody(TemplateCloneBody),
    async (c) => {
      const input = { ...c.req.valid("json"), tenantName: c.var.tenant.name };
      return c.json(await cloneTemplate(c.var.ctx, input), 201);
    },
  )
  .put(
    "/:key",
    guard(policy.roles("admin"), "Lưu mẫu đã sửa (mẫu đang dùng thì lưu thành phiên bản mới)"),
    jsonBody(TemplateSaveBody),
    keyPath,
    async (c) => {
      const input = { key: c.req.valid("param").key, ...c.req.valid("json") };
      return c.json(await saveTemplate(c.var.ctx, input), 200);
    },
  );
