// On Workers the platform serves the HTML page and the built files itself, without the app's
// middleware: Cloudflare's `_headers` file in the assets directory must carry the same
// security headers. It is generated at build from worker/middleware/headers.ts; this checks
// the generated text against those constants, that the build writes it where wrangler.toml
// serves assets from, and (when a build is present) that the built file is that text.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assetHeadersFile, SECURITY_HEADERS } from "../../worker/middleware/headers";

const root = new URL("../../", import.meta.url);

/** `_headers` as Cloudflare reads it: a path pattern, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | null = null;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(":");
    current![line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

describe("static assets' security headers (Cloudflare _headers)", () => {
  it("sends every security header on every path", () => {
    const rules = parseHeadersFile(assetHeadersFile());
    expect(rules.get("/*")).toEqual(SECURITY_HEADERS);
    expect(rules.get("/assets/*")).toEqual({
      "Cache-Control": "public, max-age=31536000, immutable",
    });
  });

  it("is written into the directory wrangler serves", () => {
    const wrangler = readFileSync(new URL("wrangler.toml", root), "utf8");
    expect(wrangler).toMatch(/\[assets\][^[]*directory = "\.\/dist\/client"/);
    const vite = readFileSync(new URL("client/vite.config.ts", root), "utf8");
    expect(vite).toContain('fileName: "_headers", source: assetHeadersFile()');
    const built = new URL("dist/client/_headers", root);
    if (existsSync(built)) expect(readFileSync(built, "utf8")).toBe(assetHeadersFile());
  });
});
