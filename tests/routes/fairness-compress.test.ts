// Tiny answers go out as they are, large ones compressed (worker/middleware/compress.ts): a
// JSON answer carries its exact length, which is what lets compress() skip the small ones.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import { utf8Length } from "../../worker/middleware/compress";
import { login, makeAppWithDemo, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

describe("compression only where it pays", () => {
  it("counts UTF-8 bytes as Buffer does, Vietnamese and emoji included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s));
      }),
    );
    expect(utf8Length("Đảng bộ phường 😀")).toBe(Buffer.byteLength("Đảng bộ phường 😀"));
  });

  it("answers /me whole with its length, and compresses the OpenAPI document", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    const app = createApp(() => t.platform, { compress: true });
    const get = (path: string) =>
      app.request(`http://localhost${path}`, {
        headers: { Authorization: `Bearer ${token}`, "Accept-Encoding": "gzip" },
      });
    const me = await get("/api/t/demo/me");
    expect(me.status).toBe(200);
    expect(me.headers.get("Content-Encoding")).toBeNull();
    expect(me.headers.get("Content-Type")).toMatch(/^application\/json/);
    const bytes = new Uint8Array(await me.arrayBuffer());
    expect(Number(me.headers.get("Content-Length"))).toBe(bytes.length);
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { tenant: { name: string } };
    expect(body.tenant.name).toContain("Đảng bộ");

    const doc = await get("/api/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.headers.get("Content-Encoding")).toBe("gzip");

    const missing = await get("/api/t/demo/khong-co");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
