// Every route that signs someone in sets the same cookie as sign-up does (the shape is pinned in
// tests/routes/cookies.security.test.ts): the tenant's own `sid-<slug>`, on that tenant's API
// path only, HttpOnly and SameSite=Lax, and `__Secure-` with `Secure` over HTTPS — for a
// password login, an accepted invitation and a password reset alike. Checked with the same
// rule the route sweeps apply to every answer (tests/support/response-checks.ts).
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, signupTenant, type TestApp } from "../support/app";
import { responseProblems } from "../support/response-checks";

let t: TestApp;
afterEach(() => t?.close());
const PASSWORD = "mat-khau-du-dai";

describe.each(["http", "https"])("over %s, the routes that sign in", (scheme) => {
  it("set the tenant's own session cookie, scoped and HttpOnly", async () => {
    t = await makeApp();
    const { token } = await signupTenant(t, "phuong-dau");
    await signupTenant(t, "phuong-sau");
    const base = `${scheme}://localhost`;
    const post = (path: string, body: unknown) =>
      t.app.request(`${base}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base },
        body: JSON.stringify(body),
      });
    const invite = async (email: string) => {
      const res = await t.request("POST", "/api/t/phuong-dau/invitations", {
        token,
        body: { email, role: "admin" },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    const answers: [string, Response][] = [
      [
        "login",
        await post("/api/t/phuong-dau/auth/login", {
          email: "admin@phuong-dau.vn",
          password: PASSWORD,
        }),
      ],
      [
        "accept",
        await post("/api/t/phuong-dau/auth/accept", {
          token: await invite("moi@phuong-dau.vn"),
          password: PASSWORD,
        }),
      ],
    ];
    const accounts = (await (
      await t.request("GET", "/api/t/phuong-dau/accounts", { token })
    ).json()) as { accounts: { id: string; email: string }[] };
    const invited = accounts.accounts.find((a) => a.email === "moi@phuong-dau.vn")!;
    const reset = await t.request("POST", `/api/t/phuong-dau/accounts/${invited.id}/reset`, {
      token,
    });
    expect(reset.status).toBe(201);
    answers.push([
      "reset",
      await post("/api/t/phuong-dau/auth/reset", {
        token: ((await reset.json()) as { token: string }).token,
        password: "mat-khau-moi-dai",
      }),
    ]);
    for (const [what, res] of answers) {
      expect(res.status, what).toBe(200);
      const cookies = res.headers.getSetCookie();
      expect(cookies, what).toHaveLength(1);
      const prefix = scheme === "https" ? "__Secure-" : "";
      expect(cookies[0], what).toMatch(
        new RegExp(`^${prefix}sid-phuong-dau=.+; Path=/api/t/phuong-dau; HttpOnly;`),
      );
      expect(cookies[0]!.includes("; Secure"), what).toBe(scheme === "https");
      expect(responseProblems(res, "/api/t/phuong-dau/auth"), what).toEqual([]);
    }
  });
});
