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

/** The JSON text of frozen answers a route keeps and hands out again (a dashboard page:
 *  data/progress-page.ts), made once: 18 KiB at a 500,000-member root. */
const texts = new WeakMap<object, { text: string; length: number }>();

function jsonOf(object: unknown): { text: string; length: number } {
  const frozen = typeof object === "object" && object !== null && Object.isFrozen(object);
  const kept = frozen ? texts.get(object) : undefined;
  if (kept) return kept;
  const text = JSON.stringify(object);
  const made = { text, length: utf8Length(text) };
  if (frozen) texts.set(object, made);
  return made;
}

/** `c.json` with a Content-Length: the same answer, its size known to compress(). */
const jsonWithLength: MiddlewareHandler = async (c, next) => {
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => {
    const { text, length } = jsonOf(object);
    c.header("Content-Length", String(length));
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
