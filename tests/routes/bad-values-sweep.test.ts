// The sweep behind tests/routes/bad-values.test.ts, built from the routes themselves so a
// route added later is covered without a line here (issue 14):
// - every date, instant and link field of every route's body or query schema (and of the
//   template language, which a template's save validates) refuses an impossible day and a
//   non-http(s) link — i.e. it is the shared type of schema/scalars.ts;
// - every JSON write route refuses a NUL in a string, a control character in a key and a
//   body that is not UTF-8 with a 4xx, and nothing is stored: every table of the tenant and
//   the control plane has the same fingerprint (rows, highest rowid, versions) after as before.
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { TemplateDefinition } from "../../schema/template";
import { describeRoutes } from "../../worker/openapi";
import { login, makeAppWithDemo, makeApp, openTenantBySlug } from "../support/app";
import type { SchemaNode } from "../support/arbitrary";
import { fingerprinter } from "../support/fingerprint";

/** Fields the issue names: the sweep must see them (so it can fail when it stops seeing them). */
const NAMED_FIELDS = [
  "PATCH /api/t/:tenant/meetings/:id body.soTayLink link",
  "PATCH /api/t/:tenant/meetings/:id body.scheduledAt instant",
  "POST /api/t/:tenant/campaigns body.startsOn date",
  "POST /api/t/:tenant/members body.statusSince date",
  "PUT /api/t/:tenant/settings/notifications body.webhookUrl link",
  "template.source.date date",
];

type Node = SchemaNode;

/** Every schema node in `s` with the action types found in its pipe, by path. */
function scalars(s: Node, path: string, out: { path: string; node: Node; actions: string[] }[]) {
  const actions: string[] = [];
  const walkPipe = (n: Node) => {
    for (const step of n.pipe ?? [])
      if (step === n) continue;
      else if (step.kind === "schema") walkPipe(step);
      else actions.push(step.type);
  };
  walkPipe(s);
  if (actions.length) out.push({ path, node: s, actions });
  for (const [k, e] of Object.entries(s.entries ?? {})) scalars(e, `${path}.${k}`, out);
  if (s.wrapped) scalars(s.wrapped, path, out);
  if (s.item) scalars(s.item, `${path}[]`, out);
  if (s.value) scalars(s.value, `${path}{}`, out);
  for (const o of (s.options ?? []) as Node[]) scalars(o, path, out);
  return out;
}

describe("every date, instant and link field", () => {
  it("is the shared type: refuses impossible days and links that are not http(s)", async () => {
    const t = await makeApp();
    const schemas: [string, Node][] = [["template", TemplateDefinition as unknown as Node]];
    for (const r of describeRoutes(t.app.routes)) {
      if (r.meta.body) schemas.push([`${r.method} ${r.path} body`, r.meta.body as Node]);
      if (r.meta.query) schemas.push([`${r.method} ${r.path} query`, r.meta.query as Node]);
    }
    t.close();
    const found: string[] = [];
    const accepted: string[] = [];
    for (const [where, schema] of schemas)
      for (const { path, node, actions } of scalars(schema, where, [])) {
        const probe = (bad: string) => {
          if (v.is(node as never, bad)) accepted.push(`${path} ← ${bad}`);
        };
        if (actions.includes("iso_date")) {
          found.push(`${path} date`);
          ["2023-02-30", "2100-02-29", "2026-04-31"].forEach(probe);
        }
        if (actions.includes("iso_timestamp")) {
          found.push(`${path} instant`);
          probe("2023-02-30T08:00:00+07:00");
        }
        if (actions.includes("url")) {
          found.push(`${path} link`);
          ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"].forEach(probe);
        }
      }
    expect(accepted).toEqual([]);
    expect(found).toEqual(expect.arrayContaining(NAMED_FIELDS));
  });
});

describe("every JSON write route", () => {
  it("refuses NUL, control characters in keys and invalid UTF-8, and stores nothing", async () => {
    const t = await makeAppWithDemo();
    const { token } = await login(t, "demo", "admin@demo.vn");
    const tenant = await openTenantBySlug(t, "demo");
    const counts = await fingerprinter({
      control: t.platform.control().client,
      tenant: tenant.client,
    });
    const before = await counts();
    const notUtf8 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    const answers: string[] = [];
    let routes = 0;
    for (const r of describeRoutes(t.app.routes)) {
      if (r.meta.bodyType !== "application/json" || r.method === "GET") continue;
      routes++;
      const path = r.path.replace(":tenant", "demo").replace(/:\w+/g, "zzz");
      for (const [label, raw] of [
        ["nul", JSON.stringify({ name: "Tên\u0000", fullName: "Tên\u0000", body: "x\u0000" })],
        ["key", JSON.stringify({ "k\u001b": 1 })],
        ["utf8", notUtf8],
      ] as const) {
        const res = await t.app.request(`http://localhost${path}`, {
          method: r.method,
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: raw,
        });
        const code = ((await res.json()) as { error?: { code: string } }).error?.code;
        answers.push(`${r.method} ${r.path} ${label} → ${res.status} ${code}`);
      }
    }
    const after = await counts();
    t.close();
    // The admin is let through every guard but a member's own routes, so the body reader
    // answers: 422 for a control character, 400 for bytes that are not UTF-8.
    const unexpected = answers.filter(
      (a) =>
        !/ (nul|key) → 422 INVALID_BODY$/.test(a) &&
        !/ utf8 → 400 INVALID_JSON$/.test(a) &&
        !/ → 403 FORBIDDEN$/.test(a),
    );
    expect(unexpected).toEqual([]);
    expect(answers.filter((a) => a.endsWith("422 INVALID_BODY")).length).toBeGreaterThan(
      routes, // most routes answered both control-character bodies with 422
    );
    expect(routes).toBeGreaterThan(30);
    expect(after).toEqual(before);
  }, 120_000);
});
