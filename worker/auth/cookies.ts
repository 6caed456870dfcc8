// One session cookie per tenant, so a person signed in to two đảng bộ keeps both. Over
// HTTPS the name carries the __Host- prefix (Secure, Path=/, no Domain).
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { cookieMaxAge } from "./sessions";

const isSecure = (c: Context) => new URL(c.req.url).protocol === "https:";
const baseName = (slug: string) => `sid-${slug}`;

export function readSessionCookie(c: Context, slug: string): string | undefined {
  return isSecure(c) ? getCookie(c, baseName(slug), "host") : getCookie(c, baseName(slug));
}

export function setSessionCookie(c: Context, slug: string, token: string): void {
  setCookie(c, baseName(slug), token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    maxAge: cookieMaxAge(),
    ...(isSecure(c) ? { secure: true, prefix: "host" as const } : {}),
  });
}

export function clearSessionCookie(c: Context, slug: string): void {
  deleteCookie(c, baseName(slug), {
    path: "/",
    ...(isSecure(c) ? { secure: true, prefix: "host" as const } : {}),
  });
}
