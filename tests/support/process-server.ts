// The built Node server (dist/node/node.mjs, `npm run build:node`) as a child process over a
// DATA_DIR the caller keeps, so a test can SIGKILL it and start it again on the same files
// (the crash test), or measure it from outside (the benches). No demo tenant unless asked;
// the scheduled pass is kept out of the way.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { freePort, ROOT } from "./server";

const SERVER = join(ROOT, "dist/node/node.mjs");

export interface ProcessServer {
  base: string;
  child: ChildProcess;
  log(): string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 5 s), and wait until the process is gone. */
  stop(): Promise<void>;
}

export async function startProcessServer(
  dataDir: string,
  opts: { port?: number; env?: Record<string, string>; args?: string[] } = {},
): Promise<ProcessServer> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build:node\``);
  const port = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, [...(opts.args ?? []), SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: "0",
      SIGNUP: "open",
      CRON_INTERVAL_MS: String(24 * 3600 * 1000),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (out += b.toString()));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const server: ProcessServer = {
    base,
    child,
    log: () => out,
    async kill() {
      if (!gone()) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (gone()) return;
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(force);
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone()) throw new Error(`server exited before answering:\n${out}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.kill();
  throw new Error(`GET /api/health did not answer within 60 s:\n${out}`);
}

/** A JSON call with a bearer token; the status and the parsed body. */
export async function callJson<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Signs up a đảng bộ (`slug`, `name`) with its admin `email` on a running server; answers
 *  the admin's token. */
export async function signupOver(base: string, slug: string, name: string, email: string) {
  const signup = await callJson<{ token: string }>(base, "POST", "/api/signup", {
    body: {
      tenant: { slug, name, kind: "dang-uy-phuong" },
      admin: { email, password: "mat-khau-du-dai", fullName: "Quản Trị" },
    },
  });
  if (signup.status !== 201) throw new Error(`signup: ${signup.status}`);
  return signup.body.token;
}
