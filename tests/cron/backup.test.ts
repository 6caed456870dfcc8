// Backups of the embedded default taken while writes go on, restored into an empty folder,
// and a damaged backup refused before anything is copied.
import { createClient } from "@libsql/client";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "../../schema/migrations";
import { backupDataDir, restoreDataDir } from "../../worker/backup";
import { localPlatform } from "../../worker/db/local";
import { migrate } from "../../worker/db/migrate";
import { seedDemo } from "../../worker/demo";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "shct-backup-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function counts(file: string) {
  const db = createClient({ url: `file:${file}` });
  const tables = (
    await db.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
  ).rows.map((r) => String(r.name));
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await db.execute(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
  const check = String((await db.execute("PRAGMA integrity_check")).rows[0]![0]);
  db.close();
  return { out, check };
}

async function demoDataDir() {
  const dataDir = tempDir();
  const platform = localPlatform({ dataDir });
  await migrate(platform.control().client, migrations.control);
  await seedDemo(platform);
  const [tenant] = (
    await platform.control().client.execute("SELECT id, db_url FROM tenants")
  ).rows.map((r) => ({ id: String(r.id), dbUrl: String(r.db_url) }));
  return { dataDir, platform, tenant: tenant! };
}

describe("npm run backup / restore", () => {
  it("copies every database consistently while writes go on, and restores it whole", async () => {
    const { dataDir, platform, tenant } = await demoDataDir();
    const tenantClient = platform.tenant(tenant).client;
    const before = await counts(join(dataDir, "tenants", `${tenant.id}.db`));
    // A writer keeps adding audit rows during the backup, as a live server would.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await tenantClient.execute({
          sql: "INSERT INTO audit_log (at, action, entity) VALUES (?, 'test.write', 'test')",
          args: [Date.now()],
        });
        written++;
      }
    })();
    const out = join(tempDir(), "backup");
    const manifest = await backupDataDir(dataDir, out);
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      ["control.db", "seal.key", `tenants/${tenant.id}.db`].sort(),
    );

    const restored = tempDir();
    restoreDataDir(out, restored);
    const copy = await counts(join(restored, "tenants", `${tenant.id}.db`));
    // The sealing key travels with the databases, or sealed secrets could not be opened.
    expect(readFileSync(join(restored, "seal.key"), "utf8")).toBe(
      readFileSync(join(dataDir, "seal.key"), "utf8"),
    );
    expect(copy.check).toBe("ok");
    // Every table but the one being written holds exactly what the tenant held; the written
    // one holds a prefix of the writes (a snapshot), never a torn page.
    for (const [table, n] of Object.entries(before.out))
      if (table !== "audit_log") expect([table, copy.out[table]]).toEqual([table, n]);
    expect(copy.out.audit_log).toBeGreaterThanOrEqual(before.out.audit_log!);
    expect(copy.out.audit_log).toBeLessThanOrEqual(before.out.audit_log! + written);

    // The restored folder runs: the platform opens it and finds the demo tenant.
    const again = localPlatform({ dataDir: restored });
    const slugs = (await again.control().client.execute("SELECT slug FROM tenants")).rows;
    expect(slugs.map((r) => r.slug)).toEqual(["demo"]);
    again.close();
    platform.close();
  });

  it("refuses a damaged backup and a folder that already holds data, copying nothing", async () => {
    const { dataDir, platform, tenant } = await demoDataDir();
    const out = join(tempDir(), "backup");
    await backupDataDir(dataDir, out);
    platform.close();
    expect(() => restoreDataDir(out, dataDir)).toThrow(/đã có dữ liệu/);
    await expect(backupDataDir(dataDir, out)).rejects.toThrow(/không trống/);

    const file = join(out, "tenants", `${tenant.id}.db`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    const target = tempDir();
    expect(() => restoreDataDir(out, target)).toThrow(/bị hỏng hoặc thiếu/);
    expect(readdirSync(target)).toEqual([]);
    expect(existsSync(join(target, "control.db"))).toBe(false);
  });
});
