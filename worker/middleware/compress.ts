// Compression of the API's answers (Node; Cloudflare compresses at its edge), only where it
// pays: hono's compress() skips a body whose Content-Length is under its threshold, but a JSON
// answer carries no length, so every tiny answer (`/me`, a saved draft) went through a gzip
// stream — a quarter of the server time of `/me` in the profile (README, "The cost of a
// tenant request"). Here JSON answers are written with their length, and compress() leaves
// those under 1 KiB alone.
import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";

/** Bytes of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for its 2 units
      i++;
    } else n += 2;
  }
  return n;
}

/** `c.json` with a Content-Length: the same answer, its size known to compress(). */
const jsonWithLength: MiddlewareHandler = async (c, next) => {
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => {
    const text = JSON.stringify(object);
    c.header("Content-Length", String(utf8Length(text)));
    if (!headers || !Object.keys(headers).some((k) => k.toLowerCase() === "content-type"))
      c.header("Content-Type", "application/json");
    return c.body(text, arg as never, headers as never);
  }) as unknown as typeof c.json;
  await next();
};

/** compress() for answers over `threshold` bytes (1 KiB, hono's default). */
export const compressLarge = (threshold = 1024): MiddlewareHandler[] => [
  compress({ threshold }),
  jsonWithLength,
];
