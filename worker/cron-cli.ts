// `npm run cron`: one scheduled pass over DATA_DIR on the embedded default, then exit.
import { resolve } from "node:path";
import { migrations } from "../schema/migrations";
import { runScheduledPass } from "./cron";
import { localPlatform } from "./db/local";
import { migrate } from "./db/migrate";
import { fetchOutbound } from "./env";
import { mailFromProcessEnv } from "./mail/smtp";

const platform = localPlatform({
  dataDir: resolve(process.env.DATA_DIR ?? "./data"),
  sealKey: process.env.SEAL_KEY,
  outbound: { ...fetchOutbound(), ...mailFromProcessEnv(process.env) },
});
await migrate(platform.control().client, migrations.control);
const report = await runScheduledPass(platform);
console.log(JSON.stringify(report));
platform.close();
