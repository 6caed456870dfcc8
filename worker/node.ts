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
import { migrate } from "./db/migrate";
import { seedDemoIfEmpty } from "./demo";
import { type Platform } from "./env";
import { securityHeaders } from "./middleware/headers";
import { threadPool } from "./node-jobs/pool";
import { tenantGate } from "./db/tenant-gate";
import { nodePlatform } from "./node-platform";

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

/** The job processes' entry: built beside this file (dist/node/node-jobs/thread.mjs), or the
 *  source under tsx (`npm run dev`). */
function threadScript(): URL {
  const built = new URL("./node-jobs/thread.mjs", import.meta.url);
  return existsSync(fileURLToPath(built))
    ? built
    : new URL("./node-jobs/thread.ts", import.meta.url);
}

export async function startNode(opts: {
  port: number;
  dataDir: string;
  seedDemo: boolean;
  host?: string;
}) {
  const platform = nodePlatform(
    opts.dataDir,
    (process.env.PUBLIC_ORIGIN ?? "").split(",").filter(Boolean),
  );
  // Long work (launch, import, export, the scheduled pass) runs in job processes, each with
  // its own libSQL connections: libSQL runs statements synchronously on the calling thread, so
  // on this one a 500k-member launch would stall every tenant. JOB_THREADS=0 keeps it inline.
  const threads = Number(process.env.JOB_THREADS ?? "");
  const pool =
    threads === 0 && process.env.JOB_THREADS !== undefined
      ? null
      : threadPool({
          script: threadScript(),
          dataDir: opts.dataDir,
          size: Number.isFinite(threads) && threads > 0 ? threads : undefined,
        });
  if (pool) platform.runLong = pool.runLong;
  // Turns between tenants (db/tenant-gate.ts): a burst of one tenant's heavy requests is
  // spread over turns of the event loop, each turn reading the other tenants' sockets first.
  // TENANT_TURN_MS (default 2) is a turn's budget; 0 turns the gate off. Measured with the
  // api bench at 500k (the other tenant's /me p99 beside the big tenant's dashboard, against
  // alone): 2 ms 2.4×, 3 ms 2.7×, 5 ms 10×; at 10 ms the old costing (a request's whole time)
  // throttled a busy tenant to one request a turn.
  const turnMs = Number(process.env.TENANT_TURN_MS ?? 2);
  if (turnMs > 0) platform.tenantGate = tenantGate(turnMs);
  await platform.control().client.execute("PRAGMA journal_mode = WAL");
  await migrate(platform.control().client, migrations.control);
  if (opts.seedDemo && (await seedDemoIfEmpty(platform)))
    console.log("Đã tạo đảng bộ mẫu 'demo' (admin@demo.vn / demo12345).");

  const app = nodeApp(platform, fileURLToPath(new URL("../client", import.meta.url)));
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? "127.0.0.1" });
  const cronEveryMs = Number(process.env.CRON_INTERVAL_MS ?? 5 * 60 * 1000);
  const timer = setInterval(() => {
    (pool ? pool.runPass() : runScheduledPass(platform)).catch((err) =>
      console.error("cron pass failed", err),
    );
  }, cronEveryMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    server.close(() => {
      void pool?.close();
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
