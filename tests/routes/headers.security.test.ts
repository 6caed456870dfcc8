// Security headers on every kind of response the Node entry sends: the HTML page (directly
// and through the SPA fallback), a static asset, API answers and API errors. The app is the
// Node entry's own (`nodeApp`), over a stand-in client directory, without opening a port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../worker/middleware/headers";
import { nodeApp } from "../../worker/node";
import { makeApp, type TestApp } from "../support/app";

let t: TestApp;
let clientDir: string;
afterEach(() => {
  t?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

const EXPECTED = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; " +
    "base-uri 'none'; form-action 'self'; object-src 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

async function nodeServer() {
  t = await makeApp();
  clientDir = mkdtempSync(join(tmpdir(), "shct-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>x</title>");
  writeFileSync(join(clientDir, "assets", "index-abc.js"), "export {};");
  const app = nodeApp(t.platform, clientDir);
  return (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);
}

function expectHeaders(res: Response) {
  for (const [name, value] of Object.entries(EXPECTED))
    expect(res.headers.get(name), name).toBe(value);
}

describe("security headers", () => {
  it("states the policy once, as the test expects it", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED["content-security-policy"]);
  });

  it("are on the HTML page, the SPA fallback and a static file", async () => {
    const get = await nodeServer();
    for (const path of ["/", "/index.html", "/t/demo/dang-nhap", "/assets/index-abc.js"]) {
      const res = await get(path, { headers: { "Accept-Encoding": "gzip" } });
      expect(res.status, path).toBe(200);
      expectHeaders(res);
    }
    const asset = await get("/assets/index-abc.js");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const missing = await get("/assets/khong-co.js");
    expect(missing.headers.get("content-type")).toMatch(/^text\/html/);
    expect(missing.headers.get("cache-control")).toBeNull();
  });

  it("are on API answers and API errors", async () => {
    const get = await nodeServer();
    const json = { "Content-Type": "application/json" };
    const answers = [
      [await get("/api/health"), 200],
      [await get("/api/khong-co"), 404],
      [await get("/api/t/khong-co/me"), 404],
      [await get("/api/signup", { method: "POST", headers: json, body: "[[" }), 400],
      [await get("/api/signup", { method: "POST", body: "x" }), 415],
      [
        await get("/api/signup", {
          method: "POST",
          headers: { ...json, "Content-Length": String(2 * 1024 * 1024) },
          body: "x".repeat(2 * 1024 * 1024),
        }),
        413,
      ],
    ] as const;
    for (const [res, status] of answers) {
      expect(res.status).toBe(status);
      expectHeaders(res);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});
