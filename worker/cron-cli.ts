// `npm run cron`: one scheduled pass over DATA_DIR on the embedded default, then exit.
import { resolve } from "node:path";
import { migrations } from "../schema/migrations";
import { runScheduledPass } from "./cron";
import { migrate } from "./db/migrate";
import { nodePlatform } from "./node-platform";

const platform = nodePlatform(resolve(process.env.DATA_DIR ?? "./data"));
await migrate(platform.control().client, migrations.control);
const report = await runScheduledPass(platform);
console.log(JSON.stringify(report));
platform.close();
