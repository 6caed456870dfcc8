// Two tenants on one real Node server (dist/node/node.mjs, as `npm start` runs it): a big one,
// "ha-noi" (a generated city written straight into its file while the server runs), and the
// demo đảng bộ. The fairness test and `npm run bench` (tests/bench/api.ts) load the big one
// with its heaviest requests and count or time the small one's answers meanwhile.
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { writeCity } from "../gen/city";
import { signupBody } from "./app";
import { startServer, type StartOptions, type TestServer } from "./server";

export interface FairTenants {
  server: TestServer;
  /** The big tenant: its admin's token, the launched campaign, a roster file of its units. */
  big: { slug: string; token: string; campaignId: string; rootId: string; roster: string };
  /** The demo đảng bộ's admin: the tenant whose `/me` must keep answering. */
  small: { slug: string; token: string };
  /** `fetch` against the server with a bearer token. */
  call(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    type?: string,
  ): Promise<Response>;
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Starts the server, signs "ha-noi" up, writes `members` into it and launches a campaign. */
export async function fairTenants(
  members: number,
  options: StartOptions = {},
): Promise<FairTenants> {
  const server = await startServer({ prefix: "shct-fair-", ...options });
  try {
    const call = (token: string, method: string, path: string, body?: unknown, type?: string) =>
      fetch(`${server.base}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "Content-Type": type ?? "application/json" }),
        },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
    const signed = await json<{ tenant: { id: string }; token: string }>(
      await fetch(`${server.base}/api/signup`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(signupBody("ha-noi")),
      }),
      "signup",
    );
    const client = createClient({
      url: `file:${join(server.dataDir, "tenants", `${signed.tenant.id}.db`)}`,
      timeout: 5000,
    });
    const root = (await client.execute("SELECT id, path FROM units WHERE depth = 0")).rows[0]!;
    const rootRef = { id: String(root.id), path: String(root.path) };
    await writeCity(client, rootRef, { members, seed: 15 });
    // A roster file the import reads in full every time (its rows are new members of cells).
    const cells = (
      await client.execute("SELECT name FROM units WHERE depth = 2 ORDER BY path LIMIT 40")
    ).rows.map((r) => String(r.name));
    client.close();
    // The writes above block this process's event loop (the file client is synchronous); give it
    // a turn so the keep-alive socket the server closed meanwhile is dropped, not reused for the
    // next request ("other side closed" at 500k members, where the writes take ~15 s).
    await new Promise((r) => setTimeout(r, 100));
    const roster = [
      "ho_ten,nam_sinh,email,don_vi,chuc_vu,trang_thai,dien_quan_ly",
      ...Array.from(
        { length: 2000 },
        (_, i) =>
          `Người Nhập Số ${i},1980,nhap${i}@example.vn,${cells[i % cells.length]},,dang-sinh-hoat,`,
      ),
    ].join("\n");
    const token = signed.token;
    const campaignId = await launchNew(call, token, rootRef.id);
    const login = await json<{ token: string }>(
      await fetch(`${server.base}/api/t/demo/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: "admin@demo.vn", password: "demo12345" }),
      }),
      "demo login",
    );
    return {
      server,
      big: { slug: "ha-noi", token, campaignId, rootId: rootRef.id, roster },
      small: { slug: "demo", token: login.token },
      call,
    };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

/** Creates a campaign over the whole tenant and launches it; returns its id. */
export async function launchNew(
  call: FairTenants["call"],
  token: string,
  rootId: string,
): Promise<string> {
  const { id } = await json<{ id: string }>(
    await call(token, "POST", "/api/t/ha-noi/campaigns", {
      templateKey: "tu-soi-tu-sua",
      name: "Tự soi, tự sửa",
      startsOn: "2026-03-11",
      dueOn: "2026-04-10",
      unitIds: [rootId],
    }),
    "create campaign",
  );
  await json(await call(token, "POST", `/api/t/ha-noi/campaigns/${id}/launch`), "launch");
  return id;
}

/** The big tenant's heaviest requests, one after another until `signal` aborts: its root
 *  dashboard, a new campaign launched over every member, the roster imported (dry run: the
 *  whole file parsed, validated and matched), and the export. */
export async function heavyLoop(
  t: FairTenants,
  signal: AbortSignal,
  parallel = 1,
): Promise<number> {
  if (parallel > 1) {
    const each = await Promise.all(
      Array.from({ length: parallel }, (_, i) => heavyLoop(t, signal, -i)),
    );
    return each.reduce((a, b) => a + b, 0);
  }
  const { big, call } = t;
  // A loop of several starts at its own kind (`parallel` ≤ 0 is its index), so they overlap.
  let done = -Math.min(0, parallel);
  const first = done;
  const kinds = [
    () => call(big.token, "GET", `/api/t/ha-noi/campaigns/${big.campaignId}/progress`),
    () => launchNew(call, big.token, big.rootId),
    () => call(big.token, "POST", "/api/t/ha-noi/members/import?dryRun=1", big.roster, "text/csv"),
    () => call(big.token, "GET", "/api/t/ha-noi/members/export?format=xlsx"),
  ];
  while (!signal.aborted) {
    const res = await kinds[done % kinds.length]!();
    if (res instanceof Response) await res.arrayBuffer();
    done++;
  }
  return done - first;
}

/** Counts the small tenant's `/me` answers (status 200) until `signal` aborts. */
export async function countMe(t: FairTenants, signal: AbortSignal): Promise<number> {
  let answers = 0;
  while (!signal.aborted) {
    try {
      const res = await t.call(t.small.token, "GET", "/api/t/demo/me");
      await res.arrayBuffer();
      if (res.status === 200) answers++;
    } catch {
      // A reset connection is an unanswered request, as a phone would see it.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return answers;
}
