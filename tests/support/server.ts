// The built Node server for the e2e tests: dist/node/node.mjs serving dist/client, on a free
// port with a fresh DATA_DIR (the demo đảng bộ is seeded on first start). Needs `npm run build`
// first (`npm test` does it). `stop()` ends the server and removes the DATA_DIR.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root, for paths such as `test-results/`. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER = join(ROOT, "dist/node/node.mjs");
const CLIENT = join(ROOT, "dist/client/index.html");

export interface TestServer {
  /** e.g. "http://127.0.0.1:40123" */
  base: string;
  dataDir: string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and removes its DATA_DIR. */
  stop(): Promise<void>;
  /** Everything the server wrote to stdout and stderr so far. */
  log(): string;
}

export interface StartOptions {
  /** Prefix of the temporary DATA_DIR's name. */
  prefix?: string;
  /** How long to wait for GET /api/health to answer 200. */
  timeoutMs?: number;
  /** Extra environment for the server (SIGNUP is `open` unless set here). */
  env?: Record<string, string>;
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before answering:\n${log()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms:\n${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts the built server with the demo đảng bộ and waits until it answers /api/health. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  for (const f of [SERVER, CLIENT]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  await mkdir(join(ROOT, "test-results"), { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), options.prefix ?? "shct-e2e-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    SIGNUP: "open",
    ...options.env,
  };
  delete env.SEED_DEMO; // the demo tenant is what the e2e tests work in
  let serverLog = "";
  const log = () => serverLog;
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (b: Buffer) => (serverLog += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (serverLog += b.toString()));
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, child, options.timeoutMs ?? 60_000, log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, dataDir, stop, log };
}
