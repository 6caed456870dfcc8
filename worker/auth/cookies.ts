// One session cookie per tenant, so a person signed in to two đảng bộ keeps both, scoped to
// that tenant's API (`Path=/api/t/<slug>`): the browser sends it only where it is read, never
// to another tenant's routes nor to the pages (/t/<slug>/…), which fetch the API themselves.
//
// Behind TLS the cookie is `Secure` and named `__Secure-sid-<slug>`. Not `__Host-`: that
// prefix requires `Path=/`, which would send every tenant's cookie to every tenant's routes;
// the per-tenant path is worth more here than the host-only guarantee `__Host-` adds
// (no Domain attribute is ever set, so the cookie is host-only anyway).
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { cookieMaxAge } from "./sessions";

const baseName = (slug: string) => `sid-${slug}`;
const cookiePath = (slug: string) => `/api/t/${slug}`;

/** Whether the browser reached us over TLS: the request URL says so (Workers, or Node
 *  serving TLS itself), or a reverse proxy does in `X-Forwarded-Proto` and the operator
 *  declared that proxy by listing this very host as an https origin in PUBLIC_ORIGIN.
 *  Anyone can send the header; without that declaration it is ignored. */
export function behindTls(c: Context<AppEnv>): boolean {
  const url = new URL(c.req.url);
  if (url.protocol === "https:") return true;
  if (c.req.header("X-Forwarded-Proto")?.split(",")[0]?.trim() !== "https") return false;
  const host = c.req.header("Host") ?? url.host;
  return c.get("platform").allowedOrigins.includes(`https://${host}`);
}

export function readSessionCookie(c: Context<AppEnv>, slug: string): string | undefined {
  if (!behindTls(c)) return getCookie(c, baseName(slug));
  // `__Host-` was the name before cookies were scoped per tenant: read it until those
  // sessions expire (a week at most), so nobody is signed out by the change.
  return getCookie(c, baseName(slug), "secure") ?? getCookie(c, baseName(slug), "host");
}

export function setSessionCookie(c: Context<AppEnv>, slug: string, token: string): void {
  setCookie(c, baseName(slug), token, {
    httpOnly: true,
    sameSite: "Lax",
    path: cookiePath(slug),
    maxAge: cookieMaxAge(),
    ...(behindTls(c) ? { secure: true, prefix: "secure" as const } : {}),
  });
}

export function clearSessionCookie(c: Context<AppEnv>, slug: string): void {
  deleteCookie(c, baseName(slug), {
    path: cookiePath(slug),
    ...(behindTls(c) ? { secure: true, prefix: "secure" as const } : {}),
  });
}
