// Who is calling: a bearer token (scripts) or the tenant's session cookie (the browser).
// Cookie-authenticated writes must carry the site's own Origin (CSRF): SameSite=Lax alone
// does not cover every case, and Hono's csrf() ignores JSON bodies.
import type { MiddlewareHandler } from "hono";
import { readSessionCookie } from "../auth/cookies";
import { validateSessionToken } from "../auth/sessions";
import type { AppEnv } from "../env";
import { DomainError } from "../errors";
import { isUnsafe, originAllowed } from "./context";

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header("Authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? readSessionCookie(c, c.get("tenant").slug);
  if (token) {
    const session = await validateSessionToken(
      c.get("tenantClient"),
      token,
      c.get("platform").now(),
    );
    if (session) {
      if (
        !bearer &&
        isUnsafe(c.req.method) &&
        !originAllowed(c) &&
        c.req.header("Sec-Fetch-Site") !== "same-origin"
      )
        throw new DomainError("CSRF_ORIGIN", "Thiếu nguồn gốc (Origin) hợp lệ cho thao tác ghi.");
      c.set("sessionId", session.sessionId);
      // A session owing its second factor names its account for the verify routes only: with
      // no user, every guarded route refuses it.
      if (session.twoFactorPending) c.set("pendingUserId", session.user.id);
      else {
        c.set("user", session.user);
        c.set("grants", session.grants);
      }
    }
  }
  await next();
};
