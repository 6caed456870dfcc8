// Tenant export and import (issue 14): a tenant's data leaves as one zip and comes back whole
// into a fresh tenant — the same rows in every table, the same figures, the same frozen
// hashes — and a damaged, truncated, foreign or newer file is refused and changes nothing.
import { crc32 as zlibCrc32 } from "node:zlib";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../worker/auth/sessions";
import { sha256Hex } from "../../worker/data/archive/export";
import { EXCLUDED, EXPORTED, INTERNAL_TABLES } from "../../worker/data/archive/tables";
import { crc32 } from "../../worker/data/archive/zip";
import { makeApp, openTenant, signupBody, type TestApp } from "../support/app";
import {
  dumpTenant,
  entriesOf,
  expectedAfterImport,
  richTenant,
  rezip,
  type Dump,
} from "../support/archive";

let t: TestApp;
let source: Awaited<ReturnType<typeof richTenant>>;
let archive: Uint8Array;
let sourceDump: Dump;

/** A fresh tenant signed up through the API; its admin's token. */
async function freshTenant(slug: string, email = `admin@${slug}.vn`) {
  await t.platform.control().client.execute("DELETE FROM throttles");
  const res = await t.request("POST", "/api/signup", { body: signupBody(slug, email) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { tenant: { id: string }; token: string };
  const handle = await openTenant(t, body.tenant.id);
  return { slug, token: body.token, id: body.tenant.id, client: handle.client };
}

const importInto = (slug: string, token: string, bytes: Uint8Array) =>
  t.request("POST", `/api/t/${slug}/archive/import`, {
    token,
    headers: { "Content-Type": "application/zip" },
    raw: bytes as Uint8Array<ArrayBuffer>,
  });

async function exportOf(slug: string, token: string) {
  const res = await t.request("GET", `/api/t/${slug}/archive/export`, { token });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/zip");
  return new Uint8Array(await res.arrayBuffer());
}

beforeAll(async () => {
  t = await makeApp();
  t.clock.now = new Date("2026-03-12T02:00:00Z");
  source = await richTenant(t, "phuong-mau");
  const token = (await createSession(source.db, source.userIds.admin!, t.clock.now)).token;
  archive = await exportOf("phuong-mau", token);
  sourceDump = await dumpTenant((await openTenant(t, await tenantId("phuong-mau"))).client);
}, 60_000);
afterAll(() => t?.close());

async function tenantId(slug: string) {
  const rs = await t.platform
    .control()
    .client.execute({ sql: "SELECT id FROM tenants WHERE slug = ?", args: [slug] });
  return String(rs.rows[0]!.id);
}

describe("the archive", () => {
  it("frames entries with the zip CRC-32 (zlib's) at every length", () => {
    const data = new Uint8Array(4099).map((_, i) => (i * 7919 + (i >> 3)) & 255);
    for (let n = 0; n < 40; n++)
      expect(crc32(data.subarray(n, n * 97))).toBe(zlibCrc32(data.subarray(n, n * 97)));
  });

  it("names every tenant table as exported or excluded", async () => {
    const fresh = await freshTenant("phuong-bang");
    const rs = await fresh.client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    const tables = rs.rows.map((r) => String(r.name)).filter((n) => !INTERNAL_TABLES.has(n));
    const named = [...EXPORTED.map((e) => e.table), ...Object.keys(EXCLUDED)].sort();
    expect(tables).toEqual(named);
  });

  it("holds a manifest with the format, the tenant and a checksum and count per part", () => {
    const entries = entriesOf(archive);
    const names = Object.keys(entries);
    expect(names[0]).toBe("format.json");
    expect(names.at(-1)).toBe("manifest.json");
    const manifest = JSON.parse(new TextDecoder().decode(entries["manifest.json"])) as {
      format: string;
      version: number;
      migrationLevel: number;
      tenant: { slug: string };
      tables: { table: string; rows: number }[];
      files: { name: string; table: string; rows: number; sha256: string }[];
    };
    expect(manifest).toMatchObject({
      format: "shct-tenant-archive",
      version: 1,
      tenant: { slug: "phuong-mau", name: "Đảng bộ phuong-mau", kind: "dang-uy-phuong" },
    });
    expect(manifest.migrationLevel).toBeGreaterThan(0);
    expect(manifest.tables.map((x) => x.table)).toEqual(EXPORTED.map((e) => e.table));
    for (const { table, rows } of manifest.tables)
      expect({ table, rows }).toEqual({ table, rows: sourceDump[table]!.length });
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      names.filter((n) => n.startsWith("tables/")).sort(),
    );
    // Nothing that signs anyone in leaves: no password hash, no session, no token, no secret.
    const text = names.map((n) => new TextDecoder().decode(entries[n])).join("\n");
    expect(text).not.toMatch(/scrypt\$|password_hash|secret_hash|token_hash/);
    expect(text).not.toContain("mot-khoa-bi-mat-du-dai-16");
    expect(names.some((n) => /sessions|account_tokens|outbox/.test(n))).toBe(false);
    // The download itself is on record, inside the archive it made.
    expect(sourceDump.audit_log!.at(-1)).toMatchObject({
      action: "tenant.export",
      actor_user_id: source.userIds.admin,
    });
  });

  it("comes back whole into a fresh tenant: every table row by row, the figures, the frozen hashes", async () => {
    // The tables that matter are not empty in the source.
    for (const table of [
      "units",
      "members",
      "member_status_history",
      "users",
      "grants",
      "campaigns",
      "tasks",
      "submissions",
      "submission_versions",
      "plan_confirmations",
      "comments",
      "meetings",
      "meeting_attendance",
      "notifications",
      "settings",
      "progress_snapshots",
      "audit_log",
    ])
      expect({ table, empty: sourceDump[table]!.length === 0 }).toEqual({ table, empty: false });
    expect(sourceDump.submissions!.filter((s) => s.confirmed_hash).length).toBe(2);

    // The source's admin signs the new tenant up with the same e-mail: the archive's account
    // takes the importer's password and session.
    const fresh = await freshTenant("phuong-moi", "admin@phuong-mau.vn");
    const res = await importInto("phuong-moi", fresh.token, archive);
    expect(res.status).toBe(200);
    const { imported } = (await res.json()) as { imported: { rows: number; source: unknown } };
    expect(imported.source).toEqual({
      slug: "phuong-mau",
      name: "Đảng bộ phuong-mau",
      kind: "dang-uy-phuong",
    });

    const got = await dumpTenant(fresh.client);
    const audit = got.audit_log!;
    const last = audit.pop()!;
    expect(last).toMatchObject({ action: "tenant.import", entity: "tenant", entity_id: fresh.id });
    expect(got).toEqual(expectedAfterImport(sourceDump));
    expect(imported.rows).toBe(Object.values(sourceDump).reduce((n, r) => n + r.length, 0));

    // The importer is still signed in, as the archive's admin, and reads the same figures
    // and the same confirmed plan as the source's admin.
    const me = await t.request("GET", "/api/t/phuong-moi/me", { token: fresh.token });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(source.userIds.admin);
    for (const path of [
      `/campaigns/${source.campaignId}/progress`,
      `/submissions/${source.submissions.a2}`,
      `/campaigns/${source.campaignId}`,
    ]) {
      const there = await source.api("admin", "GET", path);
      const here = await t.request("GET", `/api/t/phuong-moi${path}`, { token: fresh.token });
      expect({ path, status: here.status }).toEqual({ path, status: 200 });
      expect(await here.json()).toEqual(there.body);
    }

    // Exported again, the new tenant gives the same parts (same rows, same checksums) but for
    // the audit log's import row.
    const again = entriesOf(await exportOf("phuong-moi", fresh.token));
    const first = entriesOf(archive);
    for (const [name, data] of Object.entries(first))
      if (name.startsWith("tables/") && !name.startsWith("tables/audit_log/"))
        expect({ name, data: again[name] }).toEqual({ name, data });
  });

  it("keeps an importer whose e-mail the archive does not know beside the archive's accounts", async () => {
    const fresh = await freshTenant("phuong-khac");
    const res = await importInto("phuong-khac", fresh.token, archive);
    expect(res.status).toBe(200);
    const got = await dumpTenant(fresh.client);
    const me = got.users!.filter((u) => u.email === "admin@phuong-khac.vn");
    expect(me).toHaveLength(1);
    expect(got.users!.length).toBe(sourceDump.users!.length + 1);
    expect(got.grants!.filter((g) => g.user_id === me[0]!.id).map((g) => g.role)).toEqual([
      "admin",
    ]);
    const who = await t.request("GET", "/api/t/phuong-khac/me", { token: fresh.token });
    expect(who.status).toBe(200);
  });
});

describe("an archive from an older database", () => {
  it("is read when its migration level is below this server's", async () => {
    const e = entriesOf(archive);
    for (const name of ["format.json", "manifest.json"]) {
      const head = JSON.parse(new TextDecoder().decode(e[name])) as { migrationLevel: number };
      e[name] = strToU8(JSON.stringify({ ...head, migrationLevel: head.migrationLevel - 1 }));
    }
    const fresh = await freshTenant("phuong-cu");
    expect((await importInto("phuong-cu", fresh.token, rezip(e))).status).toBe(200);
    expect((await dumpTenant(fresh.client)).members).toEqual(sourceDump.members);
  });
});

describe("two imports racing for one fresh tenant", () => {
  it("lets one in and refuses the other, the data once", async () => {
    const fresh = await freshTenant("phuong-dua", "admin@phuong-mau.vn");
    const answers = await Promise.all([
      importInto("phuong-dua", fresh.token, archive),
      importInto("phuong-dua", fresh.token, archive),
    ]);
    const [won, lost] = answers.map((r) => r.status).sort();
    expect(won).toBe(200);
    // The loser waits for the winner's transaction: then finds the tenant full (409), or,
    // if the winner holds the database past the busy timeout, is told to retry (503).
    expect([409, 503]).toContain(lost);
    const got = await dumpTenant(fresh.client);
    expect(got.audit_log!.filter((a) => a.action === "tenant.import")).toHaveLength(1);
    expect(got.members!.length).toBe(sourceDump.members!.length);
  });
});

describe("a file that is not whole is refused and changes nothing", () => {
  const entries = () => entriesOf(archive);
  const firstPart = (e: Record<string, Uint8Array>, table = "members") =>
    Object.keys(e).find((n) => n.startsWith(`tables/${table}/`))!;
  /** The archive with the first part of `table` rewritten, its manifest made to match. */
  async function editPart(table: string, edit: (lines: string[]) => string[]) {
    const e = entries();
    const name = firstPart(e, table);
    const lines = edit(new TextDecoder().decode(e[name]).trimEnd().split("\n"));
    e[name] = strToU8(lines.join("\n") + "\n");
    const manifest = JSON.parse(new TextDecoder().decode(e["manifest.json"])) as {
      tables: { table: string; rows: number }[];
      files: { name: string; rows: number; sha256: string }[];
    };
    const f = manifest.files.find((x) => x.name === name)!;
    const t = manifest.tables.find((x) => x.table === table)!;
    t.rows += lines.length - f.rows;
    f.rows = lines.length;
    f.sha256 = await sha256Hex(e[name]!);
    e["manifest.json"] = strToU8(JSON.stringify(manifest));
    return rezip(e);
  }
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string, RegExp][] = [
    [
      "a flipped byte in the zip",
      () => {
        const bytes = archive.slice();
        bytes[Math.floor(bytes.length / 2)]! ^= 0x40;
        return bytes;
      },
      "ARCHIVE_DAMAGED",
      /CRC|giải nén/,
    ],
    [
      "a part changed and zipped again (its SHA-256 no longer matches)",
      () => {
        const e = entries();
        const name = firstPart(e);
        e[name] = strToU8(
          new TextDecoder().decode(e[name]).replace("Trần Thị Bình", "Trần Thị Bính"),
        );
        return rezip(e);
      },
      "ARCHIVE_DAMAGED",
      /SHA-256/,
    ],
    [
      "a missing part",
      () => {
        const e = entries();
        delete e[firstPart(e, "submissions")];
        return rezip(e);
      },
      "ARCHIVE_DAMAGED",
      /thiếu trong tệp zip/,
    ],
    [
      "a truncated file",
      () => archive.slice(0, Math.floor(archive.length * 0.7)),
      "ARCHIVE_DAMAGED",
      /cắt ngắn/,
    ],
    [
      "a foreign manifest",
      () => {
        const e = entries();
        e["format.json"] = strToU8(JSON.stringify({ format: "other-app-backup", version: 1 }));
        return rezip(e);
      },
      "ARCHIVE_FOREIGN",
      /không phải bản xuất/,
    ],
    [
      "a newer format version",
      () => {
        const e = entries();
        const head = JSON.parse(new TextDecoder().decode(e["format.json"])) as object;
        e["format.json"] = strToU8(JSON.stringify({ ...head, version: 2 }));
        return rezip(e);
      },
      "ARCHIVE_TOO_NEW",
      /phiên bản 2/,
    ],
    [
      "a newer database",
      () => {
        const e = entries();
        const head = JSON.parse(new TextDecoder().decode(e["format.json"])) as {
          migrationLevel: number;
        };
        e["format.json"] = strToU8(
          JSON.stringify({ ...head, migrationLevel: head.migrationLevel + 1 }),
        );
        return rezip(e);
      },
      "ARCHIVE_TOO_NEW",
      /cơ sở dữ liệu mới hơn/,
    ],
    [
      "a reference to a unit that is not there",
      // Drop a cell: its members now point nowhere. Counts and checksums are made to match.
      () => editPart("units", (lines) => lines.filter((l) => !l.includes("Khu dân cư số 2"))),
      "ARCHIVE_DAMAGED",
      /members\.unit_id: 2 dòng trỏ tới units không có/,
    ],
    [
      "text not stored as the app stores it (NFD, checksums made to match)",
      () =>
        editPart("members", (lines) =>
          lines.map((l) => l.replace("Trần Thị Bình", "Trần Thị Bình".normalize("NFD"))),
        ),
      "ARCHIVE_DAMAGED",
      /ký tự không hợp lệ/,
    ],
    [
      "not a zip at all",
      () => strToU8("ho_ten,nam_sinh\nNguyễn Văn A,1980\n"),
      "ARCHIVE_FOREIGN",
      /không phải bản xuất/,
    ],
  ];

  for (const [what, make, code, hint] of cases)
    it(`refuses ${what} (${code})`, async () => {
      const slug = `phuong-${Math.random().toString(36).slice(2, 8)}`;
      const fresh = await freshTenant(slug);
      const before = await dumpTenant(fresh.client);
      const res = await importInto(slug, fresh.token, await make());
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(hint);
      expect(body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
      expect(await dumpTenant(fresh.client)).toEqual(before);
      // Still a fresh tenant: the right file goes in afterwards.
      expect((await importInto(slug, fresh.token, archive)).status).toBe(200);
    });

  it("refuses a file declared larger than an archive can be, before reading it (413)", async () => {
    const fresh = await freshTenant("phuong-lon");
    const before = await dumpTenant(fresh.client);
    const res = await t.request("POST", "/api/t/phuong-lon/archive/import", {
      token: fresh.token,
      headers: { "Content-Type": "application/zip", "Content-Length": String(5 * 1024 ** 3) },
      raw: archive as Uint8Array<ArrayBuffer>,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    expect(await dumpTenant(fresh.client)).toEqual(before);
  });

  it("refuses a tenant that already has data, before reading the file (TENANT_NOT_EMPTY)", async () => {
    const token = (await createSession(source.db, source.userIds.admin!, t.clock.now)).token;
    const before = await dumpTenant((await openTenant(t, await tenantId("phuong-mau"))).client);
    const res = await importInto("phuong-mau", token, archive);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TENANT_NOT_EMPTY");
    expect(await dumpTenant((await openTenant(t, await tenantId("phuong-mau"))).client)).toEqual(
      before,
    );
  });
});
