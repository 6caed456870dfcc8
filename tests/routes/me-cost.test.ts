// The fixed cost of a tenant request (issue 15): once the tenant's control-plane row is kept
// (db/tenant-cache.ts), an authenticated GET /me is one statement to the tenant's database —
// the session joined to its user and grants (auth/sessions.ts) — and nothing to the control
// plane. The sliding renewal adds one write only past the refresh interval.
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, openTenant, signupTenant, type TestApp } from "../support/app";
import { recordStatements } from "../support/statements";

let t: TestApp;
afterEach(() => t?.close());

async function setup() {
  t = await makeApp();
  const s = await signupTenant(t, "chi-phi");
  const tenant = await openTenant(t, s.tenant.id);
  const me = () => t.request("GET", "/api/t/chi-phi/me", { token: s.token });
  return { s, tenant, me };
}

describe("GET /me: the fixed cost", () => {
  it("is one tenant statement and no control-plane statement once the tenant is kept", async () => {
    const { tenant, me } = await setup();
    expect((await me()).status).toBe(200); // keeps the tenant's row
    const control = await recordStatements(t.platform.control().client, async () => {
      const seen = await recordStatements(tenant.client, me);
      expect(seen.result!.status).toBe(200);
      const body = (await seen.result!.json()) as { grants: { role: string }[] };
      expect(body.grants.map((g) => g.role)).toEqual(["admin"]);
      expect(seen.roundTrips).toBe(1);
      expect(seen.map((s) => s.sql.trim().split(/\s+/)[0]!.toUpperCase())).toEqual(["SELECT"]);
    });
    expect(control.roundTrips).toBe(0);
  });

  it("writes the sliding renewal only past the refresh interval, then reads alone again", async () => {
    const { tenant, me } = await setup();
    expect((await me()).status).toBe(200);
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60 * 1000);
    const renewed = await recordStatements(tenant.client, me);
    expect(renewed.result!.status).toBe(200);
    expect(renewed.roundTrips).toBe(2);
    expect(renewed[1]!.sql).toMatch(/^UPDATE sessions/);
    const last = Number(
      (await tenant.client.execute("SELECT last_verified_at FROM sessions")).rows[0]![0],
    );
    expect(last).toBe(t.clock.now.getTime());
    t.clock.now = new Date(t.clock.now.getTime() + 60 * 1000);
    const after = await recordStatements(tenant.client, me);
    expect(after.result!.status).toBe(200);
    expect(after.roundTrips).toBe(1);
  });

  it("deletes an idle session and a disabled user's session, and answers 401", async () => {
    const { tenant, me } = await setup();
    const sessions = async () =>
      Number((await tenant.client.execute("SELECT count(*) FROM sessions")).rows[0]![0]);
    const before = await sessions();
    t.clock.now = new Date(t.clock.now.getTime() + 13 * 60 * 60 * 1000);
    expect((await me()).status).toBe(401);
    expect(await sessions()).toBe(before - 1);

    t.clock.now = new Date("2026-03-10T03:00:00Z");
    const { s, me: me2 } = await (async () => {
      const res = await t.request("POST", "/api/t/chi-phi/auth/login", {
        body: { email: "admin@chi-phi.vn", password: "mat-khau-du-dai" },
      });
      expect(res.status).toBe(200);
      const token = ((await res.json()) as { token: string }).token;
      return { s: token, me: () => t.request("GET", "/api/t/chi-phi/me", { token }) };
    })();
    expect((await me2()).status).toBe(200);
    await tenant.client.execute({ sql: "UPDATE users SET disabled_at = ?", args: [Date.now()] });
    expect((await me2()).status).toBe(401);
    const id = s.slice(0, s.indexOf("."));
    const left = await tenant.client.execute({
      sql: "SELECT count(*) FROM sessions WHERE id = ?",
      args: [id],
    });
    expect(Number(left.rows[0]![0])).toBe(0);
  });
});
