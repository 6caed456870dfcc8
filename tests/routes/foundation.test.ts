import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  makeApp,
  makeAppWithDemo,
  login,
  signupBody,
  signupTenant,
  type TestApp,
} from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

describe("health and openapi", () => {
  it("answers health with the version", async () => {
    t = await makeApp();
    const res = await t.request("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: "0.1.0" });
  });

  it("serves an OpenAPI 3.1 document that lists every route with its policy", async () => {
    t = await makeApp();
    const doc = (await (await t.request("GET", "/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { "x-policy": unknown; requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/signup"]!.post!["x-policy"]).toEqual({ kind: "public" });
    expect(doc.paths["/api/signup"]!.post!.requestBody).toBeDefined();
    expect(doc.paths["/api/t/{tenant}/me"]!.get!["x-policy"]).toEqual({ kind: "signed-in" });
  });

  it.each([
    ["unknown API routes", "/api/khong-co", "NOT_FOUND", "Không có đường dẫn API này."],
    [
      "an unknown tenant",
      "/api/t/khong-ton-tai/me",
      "TENANT_NOT_FOUND",
      "Không tìm thấy đảng bộ này.",
    ],
  ])("answers %s with a JSON 404 in Vietnamese", async (_, path, code, message) => {
    t = await makeApp();
    const res = await t.request("GET", path);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code, message } });
  });
});

describe("signup", () => {
  it("provisions a tenant with its own database file and a signed-in admin", async () => {
    t = await makeApp();
    const res = await t.request("POST", "/api/signup", { body: signupBody("phuong-a") });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      tenant: { id: string; slug: string };
      user: { id: string };
      token: string;
    };
    expect(body.tenant.slug).toBe("phuong-a");
    expect(body.token).toMatch(/^[a-z2-7]{16}\.[a-z2-7]{52}$/);
    expect(res.headers.get("set-cookie")).toMatch(
      /^sid-phuong-a=.+; Max-Age=604800; Path=\/api\/t\/phuong-a; HttpOnly; SameSite=Lax$/,
    );
    expect(existsSync(join(t.dataDir, "tenants", `${body.tenant.id}.db`))).toBe(true);
    const me = await t.request("GET", "/api/t/phuong-a/me", { token: body.token });
    expect(await me.json()).toEqual({
      user: {
        id: body.user.id,
        fullName: "Quản Trị Viên",
        email: "admin@phuong-a.vn",
        memberId: null,
      },
      grants: [{ role: "admin", unitId: null }],
      tenant: { slug: "phuong-a", name: "Đảng bộ phuong-a", kind: "dang-uy-phuong" },
    });
  });

  it("refuses a taken slug with 409 and a reserved one with 409", async () => {
    t = await makeApp();
    await signupTenant(t, "phuong-b");
    const taken = await t.request("POST", "/api/signup", {
      body: signupBody("phuong-b", "x@y.vn"),
    });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe("SLUG_TAKEN");
    const reserved = await t.request("POST", "/api/signup", { body: signupBody("admin") });
    expect(reserved.status).toBe(409);
    expect(((await reserved.json()) as { error: { code: string } }).error.code).toBe(
      "SLUG_RESERVED",
    );
  });

  it("answers bad fields with 422 naming each field in Vietnamese", async () => {
    t = await makeApp();
    const res = await t.request("POST", "/api/signup", {
      body: {
        tenant: { slug: "AB", name: "x", kind: "khong-co" },
        admin: { email: "khong-phai-email", password: "ngan", fullName: "A" },
      },
    });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as {
      error: { code: string; fields: Record<string, string> };
    };
    expect(error.code).toBe("INVALID_BODY");
    expect(Object.keys(error.fields).sort()).toEqual([
      "admin.email",
      "admin.fullName",
      "admin.password",
      "tenant.kind",
      "tenant.name",
      "tenant.slug",
    ]);
    expect(error.fields["admin.password"]).toBe("Mật khẩu cần ít nhất 10 ký tự.");
  });

  it("leaves no tenant row and no file when provisioning fails midway", async () => {
    let created = "";
    t = await makeApp({
      provisioner: (real) => ({
        create: async (id) => {
          created = id;
          await real.create(id);
          throw new Error("disk full (simulated)");
        },
        destroy: real.destroy,
      }),
    });
    const res = await t.request("POST", "/api/signup", { body: signupBody("phuong-c") });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "PROVISIONING_FAILED",
    );
    expect(created).not.toBe("");
    expect(readdirSync(join(t.dataDir, "tenants"))).toEqual([]);
    const rows = await t.platform.control().client.execute("SELECT count(*) AS n FROM tenants");
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it("limits signups from one address to 10 an hour", async () => {
    t = await makeApp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await t.request("POST", "/api/signup", { body: signupBody(`phuong-so-${i}`) })).status,
      );
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60 * 1000);
    expect(
      (await t.request("POST", "/api/signup", { body: signupBody("phuong-so-12") })).status,
    ).toBe(201);
  });

  it("stores text NFC even when it arrives decomposed", async () => {
    t = await makeApp();
    const body = signupBody("phuong-d");
    body.tenant.name = "Đảng bộ phường Hồng Hà".normalize("NFD");
    await t.request("POST", "/api/signup", { body });
    const info = (await (await t.request("GET", "/api/tenants/phuong-d")).json()) as {
      tenant: { name: string };
    };
    expect(info.tenant.name).toBe("Đảng bộ phường Hồng Hà".normalize("NFC"));
    expect(info.tenant.name.length).toBe("Đảng bộ phường Hồng Hà".normalize("NFC").length);
  });
});

describe("login, sessions, logout", () => {
  it("logs the demo admin in with the contract's credentials", async () => {
    t = await makeAppWithDemo();
    const res = await t.request("POST", "/api/t/demo/auth/login", {
      body: { email: "admin@demo.vn", password: "demo12345" },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { fullName: string }; token: string };
    expect(body.user.fullName).toBe("Nguyễn Thị Thu Hà");
  });

  it("answers bad credentials with 401 whether or not the account exists", async () => {
    t = await makeAppWithDemo();
    for (const email of ["admin@demo.vn", "khong-ai@demo.vn"]) {
      const res = await t.request("POST", "/api/t/demo/auth/login", {
        body: { email, password: "sai-mat-khau" },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: "INVALID_CREDENTIALS", message: "Thư điện tử hoặc mật khẩu không đúng." },
      });
    }
  });

  it("meets 30 wrong passwords in a row with 429 from the 11th, and counts before checking", async () => {
    t = await makeAppWithDemo();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t.request("POST", "/api/t/demo/auth/login", {
        body: { email: "bithu@demo.vn", password: `sai-${i}` },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(20).fill(429));
    // Even the right password waits out the window…
    const right = await t.request("POST", "/api/t/demo/auth/login", {
      body: { email: "bithu@demo.vn", password: "demo12345" },
    });
    expect(right.status).toBe(429);
    // …and works after it.
    t.clock.now = new Date(t.clock.now.getTime() + 16 * 60 * 1000);
    await login(t, "demo", "bithu@demo.vn");
  });

  it("lets at most 10 of 100 parallel wrong guesses reach the password check", async () => {
    t = await makeAppWithDemo();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request("POST", "/api/t/demo/auth/login", {
          body: { email: "dangvien@demo.vn", password: `doan-${i}` },
        }),
      ),
    );
    const counts = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(counts[401]).toBeLessThanOrEqual(10);
    expect(counts[429]).toBeGreaterThanOrEqual(90);
  });

  it("rotates the session on login and ends it everywhere on logout", async () => {
    t = await makeAppWithDemo();
    const first = await login(t, "demo", "admin@demo.vn");
    const res = await t.request("POST", "/api/t/demo/auth/login", {
      body: { email: "admin@demo.vn", password: "demo12345" },
      cookie: first.cookie,
    });
    expect(res.status).toBe(200);
    expect((await t.request("GET", "/api/t/demo/me", { token: first.token })).status).toBe(401);
    const second = (await res.json()) as { token: string };
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    expect((await t.request("GET", "/api/t/demo/me", { cookie })).status).toBe(200);
    expect((await t.request("POST", "/api/t/demo/auth/logout", { cookie })).status).toBe(204);
    expect((await t.request("GET", "/api/t/demo/me", { token: second.token })).status).toBe(401);
    expect((await t.request("GET", "/api/t/demo/me", { cookie })).status).toBe(401);
  });

  it("expires a session after 12 hours idle and slides while in use", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "dangvien@demo.vn");
    for (let i = 0; i < 3; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 11 * 60 * 60 * 1000);
      expect((await t.request("GET", "/api/t/demo/me", { token })).status).toBe(200);
    }
    t.clock.now = new Date(t.clock.now.getTime() + 12 * 60 * 60 * 1000);
    expect((await t.request("GET", "/api/t/demo/me", { token })).status).toBe(401);
  });

  it("refuses a token with a wrong secret and one from another tenant", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    const [id] = token.split(".");
    expect(
      (await t.request("GET", "/api/t/demo/me", { token: `${id}.${"a".repeat(52)}` })).status,
    ).toBe(401);
    await signupTenant(t, "phuong-khac");
    expect((await t.request("GET", "/api/t/phuong-khac/me", { token })).status).toBe(401);
  });
});

describe("CSRF, content types, body limits", () => {
  it("refuses a cookie write without the site's Origin, and one from another site", async () => {
    t = await makeAppWithDemo();
    const { cookie } = await login(t, "demo", "admin@demo.vn");
    const noOrigin = await t.app.request("http://localhost/api/t/demo/auth/logout", {
      method: "POST",
      headers: { Cookie: cookie },
    });
    expect(noOrigin.status).toBe(403);
    expect(((await noOrigin.json()) as { error: { code: string } }).error.code).toBe("CSRF_ORIGIN");
    const foreign = await t.request("POST", "/api/t/demo/auth/logout", {
      cookie,
      headers: { Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    // The session still works: nothing was done.
    expect((await t.request("GET", "/api/t/demo/me", { cookie })).status).toBe(200);
  });

  it("needs no Origin for a bearer write", async () => {
    t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    expect((await t.request("POST", "/api/t/demo/auth/logout", { token })).status).toBe(204);
  });

  it("answers non-JSON bodies on JSON routes with 415 and broken JSON with 400", async () => {
    t = await makeApp();
    const form = await t.request("POST", "/api/signup", {
      raw: "a=b",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: { code: string } }).error.code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    const broken = await t.request("POST", "/api/signup", {
      raw: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("INVALID_JSON");
  });

  it("answers oversized bodies with 413, chunked ones included", async () => {
    t = await makeApp();
    const big = JSON.stringify({ pad: "x".repeat(1024 * 1024 + 10) });
    const sized = await t.request("POST", "/api/signup", {
      raw: big,
      headers: { "Content-Type": "application/json" },
    });
    expect(sized.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++)
          controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        controller.close();
      },
    });
    const chunked = await t.app.request("http://localhost/api/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: chunks,
      // @ts-expect-error Node's fetch needs duplex for a streamed body
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
  });
});
