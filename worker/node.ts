// The embedded default: `npm start`. libSQL files under DATA_DIR, the built client from
// dist/client with an SPA fallback, the API on PORT, and the scheduled pass on a timer.
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { compress } from "hono/compress";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { migrations } from "../schema/migrations";
import { createApp } from "./app";
import { runScheduledPass } from "./cron";
import { localPlatform } from "./db/local";
import { migrate } from "./db/migrate";
import { seedDemoIfEmpty } from "./demo";
import { fetchOutbound, type Platform } from "./env";
import { mailFromProcessEnv } from "./mail/smtp";
import { securityHeaders } from "./middleware/headers";

/** The app as Node serves it: the API, and the built client from `clientDir` (when it was
 *  built) with an SPA fallback to index.html. Every response carries the security headers. */
export function nodeApp(platform: Platform, clientDir: string) {
  const app = createApp(() => platform, { compress: true });
  if (existsSync(clientDir)) {
    app.use("/*", securityHeaders, compress());
    // Built assets carry a content hash in their names, so they never change. Set once the
    // response exists (serveStatic's onFound runs too late for c.header), and not on the SPA
    // fallback's index.html that answers a missing asset.
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200 && !c.res.headers.get("Content-Type")?.startsWith("text/html"))
        c.res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
    });
    app.use("/*", serveStatic({ root: clientDir }));
    app.get("*", serveStatic({ path: resolve(clientDir, "index.html") }));
  }
  return app;
}

export async function startNode(opts: {
  port: number;
  dataDir: string;
  seedDemo: boolean;
  host?: string;
}) {
  const platform = localPlatform({
    dataDir: opts.dataDir,
    allowedOrigins: (process.env.PUBLIC_ORIGIN ?? "").split(",").filter(Boolean),
    outbound: { ...fetchOutbound(), ...mailFromProcessEnv(process.env) },
    sealKey: process.env.SEAL_KEY,
  });
  platform.signup = process.env.SIGNUP;
  await platform.control().client.execute("PRAGMA journal_mode = WAL");
  await migrate(platform.control().client, migrations.control);
  if (opts.seedDemo && (await seedDemoIfEmpty(platform)))
    console.log("Đã tạo đảng bộ mẫu 'demo' (admin@demo.vn / demo12345).");

  const app = nodeApp(platform, fileURLToPath(new URL("../client", import.meta.url)));
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? "127.0.0.1" });
  const cronEveryMs = Number(process.env.CRON_INTERVAL_MS ?? 5 * 60 * 1000);
  const timer = setInterval(() => {
    runScheduledPass(platform).catch((err) => console.error("cron pass failed", err));
  }, cronEveryMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    server.close(() => {
      platform.close();
      process.exit(0);
    });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(`Sinh hoạt chính trị đang chạy tại http://127.0.0.1:${opts.port}`);
  return { server, platform };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await startNode({
    port: Number(process.env.PORT ?? 8787),
    dataDir: resolve(process.env.DATA_DIR ?? "./data"),
    seedDemo: process.env.SEED_DEMO !== "0",
    host: process.env.HOST,
  });
}
