// The session cookie: one per tenant, sent only to that tenant's API, `Secure` with the
// `__Secure-` prefix behind TLS, and a forwarded "https" believed only from a proxy the
// operator declared (PUBLIC_ORIGIN).
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, signupBody, signupTenant, type TestApp } from "../support/app";

let t: TestApp;
afterEach(() => t?.close());

const TOKEN = "[a-z2-7]{16}\\.[a-z2-7]{52}";

async function signup(slug: string, base: string, headers: Record<string, string> = {}) {
  await t.platform.control().client.execute("DELETE FROM throttles");
  const res = await t.app.request(`${base}/api/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(signupBody(slug)),
  });
  expect(res.status).toBe(201);
  return res.headers.get("set-cookie")!;
}

describe("the session cookie", () => {
  it("is scoped to the tenant's API path over plain HTTP, without Secure", async () => {
    t = await makeApp();
    const cookie = await signup("phuong-mot", "http://localhost");
    expect(cookie).toMatch(
      new RegExp(
        `^sid-phuong-mot=${TOKEN}; Max-Age=604800; Path=/api/t/phuong-mot; HttpOnly; SameSite=Lax$`,
      ),
    );
    const pair = cookie.split(";")[0]!;
    expect((await t.request("GET", "/api/t/phuong-mot/me", { cookie: pair })).status).toBe(200);
    const out = await t.request("POST", "/api/t/phuong-mot/auth/logout", { cookie: pair });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(
      /^sid-phuong-mot=; Max-Age=0; Path=\/api\/t\/phuong-mot$/,
    );
  });

  it("is __Secure- and Secure, still per tenant, when the request is HTTPS", async () => {
    t = await makeApp();
    const cookie = await signup("phuong-hai", "https://localhost");
    expect(cookie).toMatch(
      new RegExp(
        `^__Secure-sid-phuong-hai=${TOKEN}; Max-Age=604800; Path=/api/t/phuong-hai; HttpOnly; Secure; SameSite=Lax$`,
      ),
    );
    const pair = cookie.split(";")[0]!;
    const me = (base: string, c: string) =>
      t.app.request(`${base}/api/t/phuong-hai/me`, { headers: { Cookie: c } });
    expect((await me("https://localhost", pair)).status).toBe(200);
    // The prefixed name is not read over plain HTTP, nor the plain name over HTTPS.
    expect((await me("http://localhost", pair)).status).toBe(401);
    expect((await me("https://localhost", pair.replace("__Secure-", ""))).status).toBe(401);
    // A browser still holding the earlier `__Host-` cookie stays signed in.
    expect((await me("https://localhost", pair.replace("__Secure-", "__Host-"))).status).toBe(200);
    const out = await t.app.request("https://localhost/api/t/phuong-hai/auth/logout", {
      method: "POST",
      headers: { Cookie: pair, Origin: "https://localhost" },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(
      /^__Secure-sid-phuong-hai=; Max-Age=0; Path=\/api\/t\/phuong-hai; Secure$/,
    );
  });

  it("believes X-Forwarded-Proto only for a host the operator listed as https", async () => {
    t = await makeApp();
    const forwarded = { "X-Forwarded-Proto": "https" };
    expect(await signup("phuong-ba", "http://localhost", forwarded)).toMatch(/^sid-phuong-ba=/);
    t.platform.allowedOrigins = ["https://localhost"];
    expect(await signup("phuong-bon", "http://localhost", forwarded)).toMatch(
      /^__Secure-sid-phuong-bon=.+; Path=\/api\/t\/phuong-bon; HttpOnly; Secure; SameSite=Lax$/,
    );
    // …and for that host only.
    expect(
      await signup("phuong-nam", "http://localhost", { ...forwarded, Host: "evil.example" }),
    ).toMatch(/^sid-phuong-nam=/);
  });

  it("of one tenant is not read by another", async () => {
    t = await makeApp();
    const mot = await signupTenant(t, "phuong-sau");
    await signupTenant(t, "phuong-sau-2");
    const cookie = `sid-phuong-sau=${mot.token}`;
    expect((await t.request("GET", "/api/t/phuong-sau/me", { cookie })).status).toBe(200);
    expect((await t.request("GET", "/api/t/phuong-sau-2/me", { cookie })).status).toBe(401);
  });
});
