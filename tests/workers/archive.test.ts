// Tenant export and import in workerd (issue 14): an archive made by the Node server is
// imported by the real Worker bundle over Hrana into a fresh tenant, which then holds the same
// rows in every table; the Worker's own export of it gives the same parts back; and a damaged
// file is refused there too, changing nothing.
import { createClient } from "@libsql/client";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApp, openTenant, signupBody, type TestApp } from "../support/app";
import {
  dumpTenant,
  entriesOf,
  expectedAfterImport,
  richTenant,
  type Dump,
} from "../support/archive";
import { startWorkerBundle } from "../support/worker-bundle";
import { createSession } from "../../worker/auth/sessions";

let bundle: Awaited<ReturnType<typeof startWorkerBundle>>;
let mf: Miniflare;
let node: TestApp;
let archive: Uint8Array;
let sourceDump: Dump;

beforeAll(async () => {
  node = await makeApp({ now: "2026-03-12T02:00:00Z" });
  const source = await richTenant(node, "phuong-mau");
  const token = (await createSession(source.db, source.userIds.admin!, node.clock.now)).token;
  const res = await node.request("GET", "/api/t/phuong-mau/archive/export", { token });
  expect(res.status).toBe(200);
  archive = new Uint8Array(await res.arrayBuffer());
  const rs = await node.platform
    .control()
    .client.execute("SELECT id FROM tenants WHERE slug = 'phuong-mau'");
  sourceDump = await dumpTenant((await openTenant(node, String(rs.rows[0]!.id))).client);
  bundle = await startWorkerBundle();
  mf = bundle.mf;
}, 240_000);

afterAll(async () => {
  await bundle?.close();
  node?.close();
});

async function signup(slug: string, email: string) {
  const res = await mf.dispatchFetch("https://app.example/api/signup", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(signupBody(slug, email)),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { tenant: { id: string }; token: string };
  return { id: body.tenant.id, token: body.token, file: bundle.tenantFile(body.tenant.id) };
}

const importInto = (slug: string, token: string, bytes: Uint8Array) =>
  mf.dispatchFetch(`https://app.example/api/t/${slug}/archive/import`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/zip" },
    body: bytes,
  });

async function dumpFile(file: string) {
  const client = createClient({ url: `file:${file}` });
  try {
    return await dumpTenant(client);
  } finally {
    client.close();
  }
}

describe("the tenant archive in workerd", () => {
  it("imports a Node archive into a fresh Turso tenant, equal row by row, and exports it back", async () => {
    const fresh = await signup("phuong-moi", "admin@phuong-mau.vn");
    const res = await importInto("phuong-moi", fresh.token, archive);
    expect(res.status).toBe(200);
    const got = await dumpFile(fresh.file);
    const last = got.audit_log!.pop()!;
    expect(last).toMatchObject({ action: "tenant.import", entity_id: fresh.id });
    expect(got).toEqual(expectedAfterImport(sourceDump));

    const me = await mf.dispatchFetch("https://app.example/api/t/phuong-moi/me", {
      headers: { Authorization: `Bearer ${fresh.token}` },
    });
    expect(me.status).toBe(200);

    const exported = await mf.dispatchFetch("https://app.example/api/t/phuong-moi/archive/export", {
      headers: { Authorization: `Bearer ${fresh.token}` },
    });
    expect(exported.status).toBe(200);
    const again = entriesOf(new Uint8Array(await exported.arrayBuffer()));
    for (const [name, data] of Object.entries(entriesOf(archive)))
      if (name.startsWith("tables/") && !name.startsWith("tables/audit_log/"))
        expect({ name, data: again[name] }).toEqual({ name, data });
  });

  it("refuses a damaged file and leaves the tenant as it was", async () => {
    const fresh = await signup("phuong-hong", "admin@phuong-hong.vn");
    const before = await dumpFile(fresh.file);
    const bytes = archive.slice();
    bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
    const res = await importInto("phuong-hong", fresh.token, bytes);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ARCHIVE_DAMAGED");
    expect(await dumpFile(fresh.file)).toEqual(before);
  });
});
