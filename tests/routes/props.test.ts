// Property tests over every write route (issue 14). The routes are read from the app itself
// (worker/app.ts's tree), so a route added later is covered without a line here. Bodies come
// from the valibot schema the route validates with (tests/support/arbitrary.ts), from the
// fixture's own valid body broken in one place, and from raw bytes no schema describes (deep
// nesting, huge, not UTF-8). For every body:
// - the answer is below 500, with the security headers and no cookie but the tenant's
//   session cookie (tests/support/response-checks.ts);
// - an answer ≥ 400 names its machine code, and the tenant's and the control plane's tables
//   are as they were (row counts, highest rowid, versions) — so no audit row either.
// PROPS_RUNS sets the bodies per route (default 60). `npm run test:props` is the long run,
// 2,000 a route (118,500 bodies over 60 routes): 18 min on the shared 2-core machine under a
// load of ~18 (172 s of CPU), peak RSS 340 MB. PROPS_DEBUG=1 prints each route's answers by
// status and the RSS.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Id } from "../../schema/api";
import { hasher } from "../../worker/auth/password";
import { createApp } from "../../worker/app";
import { describeRoutes, type RouteInfo } from "../../worker/openapi";
import { arbitraryFor, hostileString, mutate, rawHostileBody } from "../support/arbitrary";
import { makeApp, openTenant, type TestApp } from "../support/app";
import { diff, watchedFingerprinter } from "../support/fingerprint";
import { responseProblems } from "../support/response-checks";
import { buildRich, fillPath, type Rich } from "../support/rich";

const RUNS = Number(process.env.PROPS_RUNS ?? 60);
const WRITE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Write routes that take no body by design: the target is the path. A new write route must
 *  either validate a body (`jsonBody`, or document one with `withBodyType`) or be named here. */
const BODYLESS = new Set([
  "POST /api/t/:tenant/auth/logout",
  "POST /api/t/:tenant/auth/two-factor/setup",
  "DELETE /api/t/:tenant/invitations/:id",
  "POST /api/t/:tenant/accounts/:id/disable",
  "POST /api/t/:tenant/accounts/:id/enable",
  "POST /api/t/:tenant/accounts/:id/reset",
  "DELETE /api/t/:tenant/accounts/:id/grants/:grantId",
  "POST /api/t/:tenant/campaigns/:id/launch",
  "POST /api/t/:tenant/campaigns/:id/close",
  "DELETE /api/t/:tenant/campaigns/:id",
  "POST /api/t/:tenant/notifications/:id/read",
  "POST /api/t/:tenant/links/:id/approve",
  "POST /api/t/:tenant/directives/:id/behind/:slug/remind",
  "POST /api/t/:tenant/links/:id/revoke",
]);

/** Counted by design on every attempt, refused or not: the login and sign-up throttles. */
const BOOKKEEPING = ["throttles"];

const routes = describeRoutes(createApp(() => ({}) as never).routes).filter((r) =>
  WRITE.has(r.method),
);
const key = (r: RouteInfo) => `${r.method} ${r.path}`;
// Routes with a body first: the body-less ones (launch, close, delete, disable…) change the
// fixture's state for good, so they run last.
routes.sort((a, b) => Number(BODYLESS.has(key(a))) - Number(BODYLESS.has(key(b))));

let t: TestApp;
let rich: Rich;
let fingerprint: () => Promise<Record<string, unknown>>;
let readers: Client[] = [];
const realDerive = hasher.derive;

beforeAll(async () => {
  // Passwords are hashed by a fast stand-in: the property is about the answers, not scrypt.
  hasher.derive = async (password, salt, _p, keyLen) =>
    createHash("sha512").update(salt).update(password).digest().subarray(0, keyLen);
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  rich = await buildRich(t, "dang-bo-a", "qqmarkerqq");
  // Each request from its own address: the per-address login limit is not what is tested.
  let n = 0;
  t.platform.clientAddress = () => `10.0.${(++n >> 8) & 255}.${n & 255}`;
  // The harness's own connections (watchedFingerprinter reads SQLite's data_version, which
  // counts the commits of other connections: the app's).
  readers = [
    createClient({ url: `file:${join(t.dataDir, "control.db")}` }),
    createClient({ url: `file:${join(t.dataDir, "tenants", `${rich.tenantId}.db`)}` }),
  ];
  fingerprint = await watchedFingerprinter(
    { control: readers[0]!, tenant: readers[1]! },
    BOOKKEEPING,
  );
}, 120_000);
afterAll(() => {
  hasher.derive = realDerive;
  for (const c of readers) c.close();
  t?.close();
});

type Body = { json: unknown } | { raw: string | Uint8Array } | { none: true };

function bodies(r: RouteInfo): fc.Arbitrary<Body> {
  const raw = rawHostileBody.map((raw): Body => ({ raw }));
  const json = (a: fc.Arbitrary<unknown>) => a.map((json): Body => ({ json }));
  if (r.meta.body) {
    const pools = new Map<unknown, readonly unknown[]>([[Id, Object.values(rich.ids)]]);
    const example = rich.examples.get(key(r));
    return fc.oneof(
      { arbitrary: json(arbitraryFor(r.meta.body, { pools })), weight: 3 },
      { arbitrary: json(arbitraryFor(r.meta.body, { pools, clean: true })), weight: 2 },
      ...(example !== undefined ? [{ arbitrary: json(mutate(example)), weight: 4 }] : []),
      { arbitrary: raw, weight: 1 },
    );
  }
  if (r.meta.bodyType?.startsWith("text/"))
    return fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }).map((s): Body => ({ raw: s })),
      hostileString.map((s): Body => ({ raw: `hoTen,donVi\n${s},${s}\n` })),
      raw,
    );
  return fc.oneof(fc.constant<Body>({ none: true }), raw, json(fc.anything({ maxDepth: 2 })));
}

async function callerFor(r: RouteInfo): Promise<string | undefined> {
  const p = r.meta.policy;
  if (!p || p.kind === "public") return undefined;
  if (p.kind === "roles" && p.roles.includes("admin")) return rich.token("admin");
  return rich.token("member");
}

describe("every write route has a body model", () => {
  it("validates a body, documents one, or is named as taking none", () => {
    const missing = routes
      .filter((r) => !r.meta.body && !r.meta.bodyType && !BODYLESS.has(key(r)))
      .map(key);
    expect(missing).toEqual([]);
    expect([...BODYLESS].filter((k) => !routes.some((r) => key(r) === k))).toEqual([]);
    expect(routes.length).toBeGreaterThan(40);
  });
});

/** A turn of the event loop. app.request() runs in-process and the embedded libSQL client is
 *  synchronous underneath, so a property run is one unbroken chain of microtasks; Node runs
 *  the native finalizers of garbage libSQL statements only between turns (setImmediate). Without
 *  a turn per body none ran for the whole file: each body's fingerprint statements (~150 KB of
 *  native memory each) stayed, ~300 KB a body, and PROPS_RUNS=2000 grew to 24 GB (issue 14). A
 *  real server gets a turn per request; so does worker/cron's pass per tenant. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Sends `numRuns` bodies to route `r` and checks each answer; the count of answers by status. */
async function property(r: RouteInfo, numRuns: number): Promise<Record<string, number>> {
  const token = await callerFor(r);
  const path = fillPath(r.path, rich.paramsFor(r.path));
  const seen: Record<string, number> = {};
  const run = fc.assert(
    fc.asyncProperty(bodies(r), async (b) => {
      await turn();
      const headers: Record<string, string> = {
        "Content-Type": r.meta.bodyType ?? "application/json",
      };
      if (token) headers.Authorization = `Bearer ${token}`;
      const body = "raw" in b ? b.raw : "json" in b ? JSON.stringify(b.json) : (undefined as never);
      const before = await fingerprint();
      const res = await t.app.request(`http://localhost${path}`, {
        method: r.method,
        headers,
        body: body as BodyInit | undefined,
      });
      const text = await res.text();
      seen[res.status] = (seen[res.status] ?? 0) + 1;
      expect(res.status, text.slice(0, 300)).toBeLessThan(500);
      expect(responseProblems(res, path)).toEqual([]);
      if (res.status >= 400) {
        const code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        expect(typeof code, text.slice(0, 300)).toBe("string");
        expect(diff(before, await fingerprint()), `${res.status} ${text.slice(0, 300)}`).toEqual(
          [],
        );
      }
    }),
    { numRuns, endOnFailure: true },
  );
  // A counterexample may be megabytes of nesting: report its start.
  await run.catch((e: Error) => {
    const cause = (e.cause as Error | undefined)?.message ?? "";
    throw new Error(`${e.message.slice(0, 1500)}\n${cause.slice(0, 1500)}`);
  });
  return seen;
}

// Before the routes, so the fixture is as it was.
describe("the harness", () => {
  it("sees a change committed by the app's own connection, and its undoing", async () => {
    const app = (await openTenant(t, rich.tenantId)).client;
    const bump = (d: number) =>
      app.execute({
        sql: "UPDATE units SET version = version + ? WHERE id = ?",
        args: [d, rich.ids.unit!],
      });
    const before = await fingerprint();
    await bump(1);
    expect(diff(before, await fingerprint())).toEqual([
      expect.stringMatching(/^tenant\.units\.version: /),
    ]);
    await bump(-1);
    expect(diff(before, await fingerprint())).toEqual([]);
  });

  // The long run's memory stays bounded: the event loop gets a turn per body, so Node runs the
  // native finalizers of the libSQL statements each body ran. Without it a whole run is one
  // chain of microtasks and none ran: ~300 KB a body stayed when each body read two full
  // fingerprints, 24 GB at PROPS_RUNS=2000.
  it("gives the event loop a turn per body", async () => {
    let turns = 0;
    let on = true;
    const tick = () => {
      turns++;
      if (on) setImmediate(tick);
    };
    setImmediate(tick);
    await property(
      routes.find((x) => key(x) === "POST /api/signup/verify")!,
      200,
    );
    on = false;
    expect(turns).toBeGreaterThanOrEqual(200);
  });
});

describe.each(routes.map((r) => [key(r), r] as const))("%s", (_, r) => {
  it("answers every body below 500, and a refusal stores nothing", async () => {
    // Sign-up provisions a tenant database for each valid body: fewer of them.
    const numRuns = r.path === "/api/signup" ? Math.ceil(RUNS / 4) : RUNS;
    const seen = await property(r, numRuns);
    // The property saw refusals (it can fail); what it accepted is in `seen` when debugging.
    if (r.meta.body) expect(Object.keys(seen).some((s) => Number(s) >= 400)).toBe(true);
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    if (process.env.PROPS_DEBUG)
      console.log(`PROPS ${key(r)} ${JSON.stringify(seen)} rss=${rss}MB`);
  }, 180_000);
});
