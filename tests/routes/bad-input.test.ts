// Bad input never yields a 5xx: every registered route (so routes added later too), called as
// the tenant's admin with ids that do not exist or are malformed, odd query values, and bodies
// that are empty, of the wrong type or full of wrong types. Each must answer 2xx or 4xx.
import { it, expect } from "vitest";
import { describeRoutes } from "../../worker/openapi";
import { login, makeAppWithDemo } from "../support/app";
it("answers every route's bad input with a 4xx, never a 5xx", async () => {
  const t = await makeAppWithDemo();
  const { token } = await login(t, "demo", "admin@demo.vn");
  const bad: string[] = [];
  let tried = 0;
  const bodies = [
    undefined,
    {},
    { a: 1 },
    [],
    "x",
    {
      version: "1",
      data: 5,
      formKey: 3,
      unitIds: "x",
      name: null,
      email: 1,
      entries: [{}],
      definition: [],
    },
  ];
  for (const r of describeRoutes(t.app.routes)) {
    for (const idv of ["zzz", "0000000000000000", "%00", "a".repeat(300)]) {
      const path =
        r.path.replace(":tenant", "demo").replace(/:\w+/g, idv) +
        "?unitId=zz&q=%&version=x&format=pdf&before=-1&limit=9999&formKey=A&memberId=1&dryRun=2";
      for (const b of bodies) {
        const res = await t.app.request(`http://localhost${path}`, {
          method: r.method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: r.method === "GET" ? undefined : JSON.stringify(b),
        });
        tried++;
        if (res.status >= 500)
          bad.push(`${r.method} ${path} ${JSON.stringify(b)} → ${res.status} ${await res.text()}`);
      }
    }
  }
  t.close();
  expect(bad.slice(0, 10)).toEqual([]);
  expect(tried).toBeGreaterThan(1500);
}, 300_000);
