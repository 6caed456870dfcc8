// Backups of the embedded default while it runs. Each database (control.db, then every tenant
// the copied control plane lists) is written with SQLite's `VACUUM INTO`, which reads one
// consistent snapshot under WAL without stopping writers. A manifest lists every file with
// its SHA-256, so a restore refuses a damaged or partial copy before it touches DATA_DIR.
// On Turso, use its point-in-time restore instead (README).
import { createClient } from "@libsql/client";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

export const MANIFEST = "manifest.json";
const SEAL_KEY = "seal.key";
export const BACKUP_FORMAT = 1;

export interface Manifest {
  format: number;
  createdAt: string;
  files: { path: string; sha256: string; bytes: number }[];
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function vacuumInto(source: string, target: string): Promise<void> {
  const client = createClient({ url: `file:${source}`, timeout: 5000 });
  try {
    await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  } finally {
    client.close();
  }
}

/** Writes a consistent copy of every database under `dataDir` into the new folder `outDir`. */
export async function backupDataDir(dataDir: string, outDir: string, now = new Date()) {
  if (!existsSync(join(dataDir, "control.db")))
    throw new Error(`Không thấy control.db trong ${dataDir}: DATA_DIR chưa đúng.`);
  if (existsSync(outDir) && readdirSync(outDir).length)
    throw new Error(`${outDir} không trống: hãy chọn một thư mục mới cho bản sao lưu.`);
  mkdirSync(join(outDir, "tenants"), { recursive: true });
  const files: Manifest["files"] = [];
  const record = (path: string) => {
    const full = join(outDir, path);
    files.push({ path, sha256: sha256(full), bytes: readFileSync(full).byteLength });
  };
  await vacuumInto(join(dataDir, "control.db"), join(outDir, "control.db"));
  record("control.db");
  // The tenants of the copied control plane, so the copy is whole: a tenant made after the
  // control snapshot is not in it, and its file would be an orphan.
  const control = createClient({ url: `file:${join(outDir, "control.db")}` });
  const ids = (await control.execute("SELECT id FROM tenants WHERE status != 'provisioning'")).rows;
  control.close();
  for (const { id } of ids) {
    const path = join("tenants", `${String(id)}.db`);
    await vacuumInto(join(dataDir, path), join(outDir, path));
    record(path);
  }
  // The sealing key of the embedded default (worker/db/local.ts): without it, sealed secrets
  // (admins' second factor) in the copied databases could not be opened after a restore.
  if (existsSync(join(dataDir, SEAL_KEY))) {
    copyFileSync(join(dataDir, SEAL_KEY), join(outDir, SEAL_KEY));
    chmodSync(join(outDir, SEAL_KEY), 0o600);
    record(SEAL_KEY);
  }
  const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), files };
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Checks a backup against its manifest and copies it into an empty `dataDir`. The server
 *  must not be running on `dataDir`; refusing a non-empty folder keeps a live one safe. */
export function restoreDataDir(backupDir: string, dataDir: string): Manifest {
  const manifestFile = join(backupDir, MANIFEST);
  if (!existsSync(manifestFile))
    throw new Error("Không thấy manifest.json: đây không phải bản sao lưu.");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(`Định dạng sao lưu ${manifest.format} không được hỗ trợ.`);
  if (!manifest.files.some((f) => f.path === "control.db"))
    throw new Error("Bản sao lưu thiếu control.db.");
  for (const f of manifest.files) {
    if (!/^(control\.db|seal\.key|tenants\/[a-z0-9]+\.db)$/.test(f.path))
      throw new Error(`Tên tệp lạ trong manifest: ${f.path}`);
    const file = join(backupDir, f.path);
    if (!existsSync(file) || sha256(file) !== f.sha256)
      throw new Error(`Tệp ${f.path} bị hỏng hoặc thiếu: không khôi phục gì cả.`);
  }
  if (existsSync(join(dataDir, "control.db")))
    throw new Error(`${dataDir} đã có dữ liệu: hãy khôi phục vào một thư mục trống.`);
  mkdirSync(join(dataDir, "tenants"), { recursive: true });
  for (const f of manifest.files) copyFileSync(join(backupDir, f.path), join(dataDir, f.path));
  if (existsSync(join(dataDir, SEAL_KEY))) chmodSync(join(dataDir, SEAL_KEY), 0o600);
  return manifest;
}
