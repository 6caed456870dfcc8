// Security headers on every response the app sends: the API, the HTML page and the static
// files (on Node; on Workers the platform serves dist/client itself). The client is one
// module script and one stylesheet from its own origin: nothing inline, no eval, no other
// origin, so the policy can be this strict. Solid sets `style={{…}}` props through the CSSOM
// (`style.setProperty`), which `style-src` does not govern, so no 'unsafe-inline' is needed.
import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The service worker (/sw.js) and the web app manifest, both from this origin.
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  // frame-ancestors is the standard; X-Frame-Options covers browsers that predate it.
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // Paths name the tenant and the record (/t/<slug>/...): they stay on this site.
  "Referrer-Policy": "same-origin",
  // Nothing in the product uses these; a page that someone manages to inject cannot either.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

const entries = Object.entries(SECURITY_HEADERS);

/** Cloudflare's `_headers` file for the static assets Workers serves from dist/client (the
 *  HTML page and the built files never reach this middleware there): the same headers on
 *  every path, and the hashed build files cached for good. Written into the build by
 *  client/vite.config.ts, so these constants stay the one source. */
export function assetHeadersFile(): string {
  const lines = ["/*", ...entries.map(([name, value]) => `  ${name}: ${value}`)];
  lines.push("/assets/*", "  Cache-Control: public, max-age=31536000, immutable");
  return lines.join("\n") + "\n";
}

/** Sets the headers on every outcome: before the handler, so a response made through the
 *  context (`c.json`, `c.body`, `onError` after a throw anywhere below) carries them, and
 *  again after it, for a response built on its own (`new Response`, a fetched asset). */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  for (const [name, value] of entries) c.header(name, value);
  await next();
  for (const [name, value] of entries) c.res.headers.set(name, value);
};
