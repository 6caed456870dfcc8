// What every data function that acts for someone needs, in one object: the tenant's
// database, the part of the unit tree the caller may touch, who acts (for the audit row
// written with the change) and the instant the request is served at. Routes get it from the
// guard (`c.var.ctx`); the cron builds one with `systemCtx`.
import type { TenantDb } from "../db/handles";
import { ALL_SCOPE, type Scope } from "../domain/scope";

export interface Actor {
  actorUserId: string | null;
  requestId: string | null;
}

export interface Ctx {
  db: TenantDb;
  scope: Scope;
  actor: Actor;
  now: Date;
}

/** The cron and start-up jobs act for nobody, over the whole tenant. */
export const systemCtx = (db: TenantDb, now: Date): Ctx => ({
  db,
  scope: ALL_SCOPE,
  actor: { actorUserId: null, requestId: null },
  now,
});
