// The OpenAPI 3.1 document, generated from the routes themselves: every handler chain's
// `guard` gives the summary and who may call it, `jsonBody`/`queryParams` give the valibot
// schemas that validate the request. Nothing is described twice.
import { toJsonSchema } from "@valibot/to-json-schema";
import type { RouterRoute } from "hono/types";
import { metaOf, type Policy, type RouteMeta } from "./http";

export interface RouteInfo {
  method: string;
  path: string;
  meta: RouteMeta;
}

/** Groups Hono's flat route list (one entry per handler) into one entry per endpoint. */
export function describeRoutes(routes: RouterRoute[]): RouteInfo[] {
  const byKey = new Map<string, RouteInfo>();
  for (const r of routes) {
    if (r.method === "ALL") continue; // middleware
    const key = `${r.method} ${r.path}`;
    const info = byKey.get(key) ?? { method: r.method, path: r.path, meta: {} };
    Object.assign(info.meta, metaOf(r.handler));
    byKey.set(key, info);
  }
  return [...byKey.values()];
}

const policyText = (p?: Policy) =>
  !p
    ? "KHÔNG CÓ CHÍNH SÁCH"
    : p.kind === "public"
      ? "Công khai"
      : p.kind === "signed-in"
        ? "Người đã đăng nhập"
        : `Vai trò: ${p.roles.join(", ")}`;

const jsonSchema = (s: Parameters<typeof toJsonSchema>[0]) =>
  toJsonSchema(s, { errorMode: "ignore", target: "openapi-3.0" } as never);

export function buildOpenApi(routes: RouterRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path, meta } of describeRoutes(routes)) {
    const oaPath = path.replace(/:(\w+)/g, "{$1}");
    // A validated path parameter documents its own schema (an id's pattern); others are text.
    const declared = meta.param
      ? ((jsonSchema(meta.param as never) as { properties?: Record<string, object> }).properties ??
        {})
      : {};
    const params = [...path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1]!,
      in: "path",
      required: true,
      schema: (declared[m[1]!] ?? { type: "string" }) as { type: string },
    }));
    const op: Record<string, unknown> = {
      summary: meta.summary,
      description: `Quyền: ${policyText(meta.policy)}`,
      "x-policy": meta.policy ?? null,
      parameters: params,
      responses: {
        default: {
          description: "Lỗi: {error: {code, message, fields?}}",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
        "2XX": { description: "Thành công" },
      },
    };
    if (meta.query) {
      const q = jsonSchema(meta.query as never) as { properties?: Record<string, unknown> };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        params.push({ name, in: "query", required: false, schema: schema as { type: string } });
    }
    if (meta.body)
      op.requestBody = {
        required: true,
        content: {
          [meta.bodyType ?? "application/json"]: { schema: jsonSchema(meta.body as never) },
        },
      };
    if (meta.bodyType && !meta.body)
      op.requestBody = {
        required: true,
        content: { [meta.bodyType]: { schema: { type: "string" } } },
      };
    (paths[oaPath] ??= {})[method.toLowerCase()] = op;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Sinh hoạt chính trị — API", version },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        cookie: { type: "apiKey", in: "cookie", name: "sid-{tenant}" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
