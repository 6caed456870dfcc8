import { Hono } from "hono";
import type { AppEnv } from "../env";
import { guard, policy } from "../http";

export const health = new Hono<AppEnv>().get(
  "/health",
  guard(policy.public, "Tình trạng dịch vụ"),
  (c) => c.json({ ok: true as const, version: c.get("platform").version }, 200),
);
