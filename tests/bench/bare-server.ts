// The baseline of api.dashboard: a bare Hono handler on @hono/node-server in its own process,
// answering GET /progress with the bytes the real route answered (read from BODY_FILE) —
// what the Node server costs with no tenant, session, database or shaping behind it.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { readFileSync } from "node:fs";

const body = readFileSync(process.env.BODY_FILE!, "utf8");
const app = new Hono().get("/progress", (c) =>
  c.body(body, 200, { "Content-Type": "application/json" }),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" }, () =>
  console.log("ready"),
);
