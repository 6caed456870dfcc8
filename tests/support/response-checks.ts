// What every answer of the app must carry, checked by the sweeps over every route (props,
// isolation): the security headers of worker/middleware/headers.ts, `no-store` on the API,
// and no cookie but the tenant's own session cookie — named for one tenant, sent only to that
// tenant's API path, HttpOnly and SameSite=Lax when it carries a session.
import { SECURITY_HEADERS } from "../../worker/middleware/headers";

const SESSION_COOKIE =
  /^(?:__Secure-)?sid-([a-z0-9-]+)=([^;]*)(?:; Max-Age=\d+)?; Path=\/api\/t\/([a-z0-9-]+)(; HttpOnly)?(; Secure)?(; SameSite=Lax)?$/;

/** The problems with `res` (an answer to `path`), as readable lines; [] when none. */
export function responseProblems(res: Response, path: string): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    if (res.headers.get(name) !== value) out.push(`${path}: ${name} is ${res.headers.get(name)}`);
  if (path.startsWith("/api/") && res.headers.get("cache-control") !== "no-store")
    out.push(`${path}: cache-control is ${res.headers.get("cache-control")}`);
  const tenant = path.match(/^\/api\/t\/([^/?]+)/)?.[1];
  for (const cookie of res.headers.getSetCookie()) {
    const m = cookie.match(SESSION_COOKIE);
    if (!m) out.push(`${path}: unexpected cookie ${cookie}`);
    else if (m[1] !== m[3] || (tenant && m[1] !== tenant))
      out.push(`${path}: cookie of another tenant's path ${cookie}`);
    else if (m[2] && !(m[4] && m[6]))
      out.push(`${path}: session cookie not HttpOnly/Lax ${cookie}`);
  }
  return out;
}
