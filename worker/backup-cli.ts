// `npm run backup [-- DIR]` and `npm run restore -- DIR` on the embedded default. A backup
// may run while the server runs; a restore goes into an empty DATA_DIR (stop the server,
// move the old folder aside, restore, start).
import { resolve } from "node:path";
import { backupDataDir, restoreDataDir } from "./backup";

const [command, dir] = process.argv.slice(2);
const dataDir = resolve(process.env.DATA_DIR ?? "./data");
try {
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const out = resolve(dir ?? `./backups/${stamp}`);
    const manifest = await backupDataDir(dataDir, out);
    console.log(`Đã sao lưu ${manifest.files.length} cơ sở dữ liệu vào ${out}`);
  } else if (command === "restore" && dir) {
    const manifest = restoreDataDir(resolve(dir), dataDir);
    console.log(`Đã khôi phục ${manifest.files.length} cơ sở dữ liệu vào ${dataDir}`);
  } else {
    console.error("Cách dùng: npm run backup [-- THƯ_MỤC] | npm run restore -- THƯ_MỤC");
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
