// The HTTP edge against hostile input: bodies nested deep enough to overflow a recursive
// walk are refused with a 400 before anything walks them, on public and signed-in routes;
// tenant slugs that are only or mostly hyphens are refused with a 422.
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_JSON_DEPTH } from "../../worker/json-text";
import { login, makeApp, makeAppWithDemo, signupBody, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => {
  t?.close();
  vi.restoreAllMocks();
});

/** `{"a":{"a":…{"a":1}…}}` nested `depth` objects deep: 10,000 is about 60 kB. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("deeply nested JSON", () => {
  it("answers 400 INVALID_JSON on login, signup and a signed-in write, and logs nothing", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    const logged = vi.spyOn(console, "error");
    const calls: [string, string | undefined][] = [
      ["/api/t/demo/auth/login", undefined],
      ["/api/signup", undefined],
      ["/api/t/demo/units", token],
    ];
    for (const [path, bearer] of calls)
      for (const raw of [nested(10_000), deepArray(10_000)]) {
        const res = await t.request("POST", path, {
          raw,
          token: bearer,
          headers: { "Content-Type": "application/json" },
        });
        expect(res.status, path).toBe(400);
        expect(await res.json()).toEqual({
          error: {
            code: "INVALID_JSON",
            message: `Nội dung JSON lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} tầng).`,
          },
        });
      }
    expect(logged).not.toHaveBeenCalled();
  });

  it("counts only structure: brackets inside strings do not nest, and the limit itself passes", async () => {
    t = await makeAppWithDemo();
    const body = signupBody("phuong-ngoac");
    body.tenant.name = `Đảng bộ "\\${"[{".repeat(MAX_JSON_DEPTH)}`;
    const res = await t.request("POST", "/api/signup", { body });
    expect(res.status).toBe(201);
    const info = await t.request("GET", "/api/tenants/phuong-ngoac");
    expect(((await info.json()) as { tenant: { name: string } }).tenant.name).toBe(
      body.tenant.name,
    );
    // Well-formed but meaningless bodies at the limit are read, then refused by the schema.
    const atLimit = await t.request("POST", "/api/signup", {
      raw: nested(MAX_JSON_DEPTH - 1),
      headers: { "Content-Type": "application/json" },
    });
    expect(atLimit.status).toBe(422);
    const overLimit = await t.request("POST", "/api/signup", {
      raw: nested(MAX_JSON_DEPTH + 1),
      headers: { "Content-Type": "application/json" },
    });
    expect(overLimit.status).toBe(400);
  });
});

describe("tenant slugs", () => {
  it("refuses hyphens at either end, doubled or alone with a 422 naming the field", async () => {
    t = await makeApp();
    const message =
      "Mã đảng bộ không được bắt đầu hay kết thúc bằng dấu gạch ngang, " +
      "cũng không có hai dấu gạch ngang liền nhau.";
    for (const slug of ["---", "-phuong", "phuong-", "phuong--a", "-a-"]) {
      const res = await t.request("POST", "/api/signup", {
        body: signupBody(slug, "admin@vi-du.vn"),
      });
      expect(res.status, slug).toBe(422);
      expect(await res.json()).toEqual({
        error: { code: "INVALID_BODY", message, fields: { "tenant.slug": message } },
      });
    }
    const rows = await t.platform.control().client.execute("SELECT count(*) AS n FROM tenants");
    expect(Number(rows.rows[0]!.n)).toBe(0);
    for (const slug of ["phuong-a", "p-1-2", "abc"])
      expect((await t.request("POST", "/api/signup", { body: signupBody(slug) })).status).toBe(201);
  });
});
