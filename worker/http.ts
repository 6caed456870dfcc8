// Route building blocks that carry their own description: `guard` names who may call a
// route (enforced here, read by the authorization test and the OpenAPI document), `jsonBody`
// and `queryParams` validate with valibot once at the edge. Handlers read only
// `c.req.valid(...)`.
import type { MiddlewareHandler } from "hono";
import { createFactory } from "hono/factory";
import * as v from "valibot";
import type { Ctx } from "./data/context";
import { scopeOf, type Scope } from "./domain/scope";
import {
  DomainError,
  fieldErrors,
  forbidden,
  invalidBody,
  twoFactorRequired,
  unauthenticated,
} from "./errors";
import { ROLES } from "../schema/vocab/roles";
import type { AppEnv, Role, SessionGrant, SessionUser } from "./env";
import { decodeUtf8, parseJsonBody } from "./json-text";
import { hasControlChar } from "../schema/scalars";
import { mapStrings } from "../schema/rules/text";
import { Id } from "../schema/api";

export type PublicPolicy = { kind: "public" };
export type CallerPolicy = { kind: "signed-in" } | { kind: "roles"; roles: Role[] };
export type Policy = PublicPolicy | CallerPolicy;

export const policy = {
  public: { kind: "public" } as PublicPolicy,
  signedIn: { kind: "signed-in" } as CallerPolicy,
  roles: (...roles: Role[]): CallerPolicy => ({ kind: "roles", roles }),
};

/** What a guarded handler works with: the caller (never null past the guard), their grants,
 *  the scope of the roles the route admits, and the data layer's `Ctx`. */
export interface RequestCtx extends Ctx {
  user: SessionUser;
  grants: SessionGrant[];
  /** The caller's scope for other roles than the route's (a secretary writing for a member
   *  on a route members may also call). */
  scopeFor(roles: readonly Role[]): Scope;
}
export type Guarded = { Variables: { user: SessionUser; ctx: RequestCtx } };

export const META = Symbol.for("sh.route-meta");
export interface RouteMeta {
  policy?: Policy;
  summary?: string;
  body?: v.GenericSchema;
  bodyType?: string;
  query?: v.GenericSchema;
  param?: v.GenericSchema;
  response?: { status: number; description: string };
}
type Tagged = { [META]?: RouteMeta };

function tag<T extends object>(fn: T, meta: RouteMeta): T {
  (fn as Tagged)[META] = { ...(fn as Tagged)[META], ...meta };
  return fn;
}
export const metaOf = (fn: unknown): RouteMeta | undefined => (fn as Tagged)?.[META];

/** Deny by default: a route states who may call it. Past a caller policy the handler reads
 *  `c.var.ctx`: the signed-in user, and the scope (which units) of the roles the route
 *  admits, computed from the session's grants without another query. */
export function guard(p: PublicPolicy, summary: string): MiddlewareHandler<AppEnv>;
export function guard(p: CallerPolicy, summary: string): MiddlewareHandler<AppEnv & Guarded>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above type it
export function guard(p: Policy, summary: string): MiddlewareHandler<any> {
  const check: MiddlewareHandler<AppEnv & Guarded> = async (c, next) => {
    if (p.kind !== "public") {
      const user = c.get("user");
      if (!user) throw c.get("pendingUserId") ? twoFactorRequired() : unauthenticated();
      const grants = c.get("grants");
      if (p.kind === "roles" && !grants.some((g) => p.roles.includes(g.role))) throw forbidden();
      c.set("ctx", {
        db: c.get("db"),
        scope: scopeOf(grants, p.kind === "roles" ? p.roles : ROLES),
        actor: { actorUserId: user.id, requestId: c.get("requestId") },
        now: c.get("platform").now(),
        user,
        grants,
        scopeFor: (roles) => scopeOf(grants, roles),
      });
    }
    await next();
  };
  return tag(check, { policy: p, summary });
}

const CONTROL_CHAR = "Có ký tự điều khiển không được phép (như NUL).";

/** Text in the product is stored NFC: a Vietnamese letter typed on some keyboards arrives
 *  decomposed, and "Hồng" must equal "Hồng" when compared, searched or counted. The same walk
 *  refuses control characters (NUL, ESC… — all but tab and line breaks) in every string and
 *  key of every body and query, so no field's schema can forget to: nothing a person types
 *  holds one, and NUL cuts text short in the tools an export is opened with. The walk is
 *  bounded: bodies are at most MAX_JSON_DEPTH deep (json-text.ts). */
const nfcChecked = (value: unknown): unknown =>
  mapStrings(value, (s, path) => {
    if (hasControlChar(s)) throw invalidBody({ [path || "_"]: CONTROL_CHAR }, CONTROL_CHAR);
    return s.normalize("NFC");
  });

export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): v.InferOutput<S> {
  const result = v.safeParse(schema, nfcChecked(input));
  if (!result.success) throw invalidBody(fieldErrors(result.issues));
  return result.output;
}

/** A middleware that leaves `schema`'s output under `target` for `c.req.valid(target)`. */
type Validated<T extends "json" | "param" | "query", S extends v.GenericSchema> = MiddlewareHandler<
  AppEnv,
  string,
  { in: { [K in T]: v.InferInput<S> }; out: { [K in T]: v.InferOutput<S> } }
>;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** A JSON body validated by `schema`. Other content types get 415: that is what makes a
 *  cross-site form post impossible (a browser cannot send application/json cross-origin
 *  without a CORS preflight we never grant). */
export function jsonBody<S extends v.GenericSchema>(schema: S): Validated<"json", S> {
  return tag(
    async (c, next) => {
      const mediaType = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim();
      if (!JSON_TYPE.test(mediaType))
        throw new DomainError(
          "UNSUPPORTED_MEDIA_TYPE",
          "Dữ liệu phải gửi dạng JSON (Content-Type: application/json).",
        );
      // The size was bounded by the body limit on /api/*; the encoding and the nesting are
      // checked here.
      const raw = parseJsonBody(decodeUtf8(await c.req.arrayBuffer()));
      c.req.addValidatedData("json", parseOrThrow(schema, raw) as object);
      await next();
    },
    { body: schema, bodyType: "application/json" },
  );
}

/** Path parameters validated like bodies: a malformed id is a 404 (it names nothing), not a
 *  database lookup. */
export function pathParams<S extends v.GenericSchema>(schema: S): Validated<"param", S> {
  return tag(
    async (c, next) => {
      const result = v.safeParse(schema, c.req.param());
      if (!result.success) throw new DomainError("NOT_FOUND", "Không tìm thấy.");
      c.req.addValidatedData("param", result.output as object);
      await next();
    },
    { param: schema },
  );
}

export function queryParams<S extends v.GenericSchema>(schema: S): Validated<"query", S> {
  return tag(
    async (c, next) => {
      c.req.addValidatedData("query", parseOrThrow(schema, c.req.query()) as object);
      await next();
    },
    { query: schema },
  );
}

/** Documents a non-JSON body (read by the handler itself) for the OpenAPI document. */
export function withBodyType(bodyType: string): MiddlewareHandler<AppEnv> {
  return tag(async (_c, next) => next(), { bodyType });
}

/** The `:id` of a route over one record, validated: a malformed id names nothing (404). */
export const ById = pathParams(v.object({ id: Id }));

/** A route that changes one record, for the callers `p` admits (`summary` documents it): the
 *  id comes from the path and the change from the body, `apply` gets both as one input, and
 *  the answer is `view` of what it returns, with 200. */
export const changeById = <S extends v.GenericSchema<unknown, object>, R, V>(
  p: CallerPolicy,
  summary: string,
  body: S,
  apply: (ctx: RequestCtx, input: v.InferOutput<S> & { id: string }) => Promise<R>,
  view: (row: R) => V,
) =>
  createFactory<AppEnv>().createHandlers(guard(p, summary), ById, jsonBody(body), async (c) => {
    const input = { ...c.req.valid("json"), ...c.req.valid("param") };
    return c.json(view(await apply(c.var.ctx, input)), 200);
  });
