// First middleware on /api: a request id, the platform for this runtime, security headers,
// the body size limit and the cross-site (Origin) check.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, Bindings, Platform } from "../env";
import { DomainError } from "../errors";
import { securityHeaders } from "./headers";
import { MAX_ARCHIVE_BYTES } from "../data/archive/zip";

/** Roster imports carry up to 20,000 rows; every other body is small. A tenant archive is
 *  read as a stream, part by part (worker/data/archive), which counts its own bytes: Hono's
 *  limiter would buffer a body sent without Content-Length whole in memory first. */
const LIMITS: { match: RegExp; maxSize: number; streamed?: true }[] = [
  { match: /^\/api\/t\/[^/]+\/archive\/import$/, maxSize: MAX_ARCHIVE_BYTES, streamed: true },
  { match: /\/members\/import$/, maxSize: 16 * 1024 * 1024 },
  { match: /.*/, maxSize: 1024 * 1024 },
];
const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", "Dữ liệu gửi lên quá lớn.");
const limiters: { match: RegExp; mw: MiddlewareHandler<AppEnv> }[] = LIMITS.map((l) => ({
  match: l.match,
  mw: l.streamed
    ? async (c, next) => {
        if (Number(c.req.header("Content-Length") ?? 0) > l.maxSize) throw tooLarge();
        await next();
      }
    : bodyLimit({
        maxSize: l.maxSize,
        onError: () => {
          throw tooLarge();
        },
      }),
}));

const BODILESS = new Set(["GET", "HEAD"]);

export function requestContext(
  getPlatform: (env: Bindings) => Platform,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = c.req.header("X-Request-Id")?.slice(0, 64) || crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("platform", getPlatform(c.env ?? {}));
    c.set("user", null);
    c.set("grants", []);
    c.set("sessionId", null);
    c.set("pendingUserId", null);
    c.header("X-Request-Id", requestId);
    c.header("Cache-Control", "no-store");
    // A GET or HEAD carries no body (node-server gives such a request none), so it skips the
    // limiter: asking for the body builds the full web Request on Node, 6% of `/me`'s time.
    if (BODILESS.has(c.req.method)) return securityHeaders(c, next);
    const limiter = limiters.find((l) => l.match.test(c.req.path))!;
    // The limiter answers only by throwing (see onError above), never with a response.
    await securityHeaders(c, async () => {
      await limiter.mw(c, next);
    });
  };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const isUnsafe = (method: string) => UNSAFE.has(method);

export function originAllowed(c: Parameters<MiddlewareHandler<AppEnv>>[0]): boolean {
  const origin = c.req.header("Origin");
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || c.get("platform").allowedOrigins.includes(origin);
}

/** A browser always sends Origin on a cross-site POST; one that names another site is
 *  refused whatever the credentials (this also stops login CSRF). Requests without Origin
 *  (scripts with a bearer token) pass here; cookie-authenticated ones are checked again
 *  in `authenticate`, which knows whether a cookie was used. */
export const rejectForeignOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (isUnsafe(c.req.method) && c.req.header("Origin") && !originAllowed(c))
    throw new DomainError("CSRF_ORIGIN", "Yêu cầu đến từ trang web khác nên bị từ chối.");
  await next();
};
