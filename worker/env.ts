// What the app needs from its runtime, and what each request carries. The two entries
// (index.ts for Workers, node.ts for the embedded default) differ only in the Platform
// they build; no route knows which runtime it runs on.
import type { Context } from "hono";
import type { ControlHandle, TenantHandle } from "./db/handles";
import type { RunLong } from "./db/long-jobs";
import type { TenantGate } from "./db/tenant-gate";
import type { tenants } from "../schema/tables/control";
import type { Role } from "../schema/vocab/roles";

export type TenantRecord = typeof tenants.$inferSelect;
// The role type of the session and the grants; its one source is schema/vocab/roles.ts.
export type { Role };

export interface Grant {
  role: Role;
  unitId: string | null;
}

/** A grant as the session carries it: with the unit's current path, so the caller's scope
 *  is computed without another query (a moved unit's path is read afresh each request). */
export interface SessionGrant extends Grant {
  unitPath: string | null;
}

export interface SessionUser {
  id: string;
  /** Null for an account signed in by phone. */
  email: string | null;
  fullName: string;
  memberId: string | null;
}

/** Makes and removes a tenant's database. On Node: a file under DATA_DIR; on Workers: a
 *  database in the Turso group through the Platform API. */
export interface Provisioner {
  /** Creates an empty database and returns the URL the control plane stores for it. */
  create(tenantId: string): Promise<string>;
  /** Removes what `create` made; must succeed (and do nothing) if it was never made. */
  destroy(tenantId: string, dbUrl: string): Promise<void>;
  /** Makes databases ahead of signups, towards `target` ready ones (Turso only); returns how
   *  many it added this time. */
  prepare?(target: number): Promise<number>;
}

/** An e-mail as the outbox hands it to a transport. `idempotencyKey` is the outbox row's: the
 *  same row always carries the same key, so a retried send is recognisable downstream. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  idempotencyKey: string;
}

/** Which transport carries e-mail: SMTP (Node, `SMTP_URL`) or an HTTP e-mail API
 *  (`MAIL_API_URL`, both runtimes). See worker/mail/. */
export type EmailTransport = "smtp" | "api";

/** Messages that leave the platform. The webhook goes over fetch on both runtimes; e-mail
 *  needs a transport the deployment configures (absent: e-mail is off, and none is queued).
 *  A transport throws `PermanentMailError` (worker/mail) for a refusal no retry can change. */
export interface Outbound {
  email?: (m: EmailMessage) => Promise<void>;
  /** Names the configured transport for the admin's settings; unset for one a host program
   *  passes in directly (tests, embeddings). */
  emailTransport?: EmailTransport;
  webhook: (m: {
    url: string;
    body: string;
    idempotencyKey: string;
    signature: string | null;
  }) => Promise<void>;
}

/** Webhook delivery over fetch: 2xx is delivered, anything else is retried. */
export const fetchOutbound = (fetcher: typeof fetch = fetch): Outbound => ({
  async webhook({ url, body, idempotencyKey, signature }) {
    const res = await fetcher(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Idempotency-Key": idempotencyKey,
        ...(signature ? { "X-Signature": signature } : {}),
      },
      body,
    });
    if (!res.ok) throw new Error(`webhook ${res.status}`);
  },
});

export interface Platform {
  outbound: Outbound;
  control(): ControlHandle;
  /** Names the control plane (its file or URL): the key of the tenant rows this process keeps
   *  for a few seconds (worker/db/tenant-cache.ts). */
  controlKey: string;
  /** The only way to a tenant's database. Callers pass the tenant resolved for the request. */
  tenant(
    t: Pick<TenantRecord, "id" | "dbUrl"> & Partial<Pick<TenantRecord, "dbToken">>,
  ): TenantHandle;
  provisioner: Provisioner;
  /** Long work of a tenant (launch, roster import, export: worker/db/long-jobs.ts), off the
   *  thread that answers requests where the runtime has one to spare: a job process with its
   *  own connection on Node (worker/node-jobs), inline on Workers and in tests. The caller
   *  awaits the result either way. */
  runLong: RunLong;
  /** Where one thread serves every tenant (Node): turns between tenants' requests
   *  (worker/db/tenant-gate.ts). Unset on Workers, where each request has its own isolate turn. */
  tenantGate?: TenantGate;
  now(): Date;
  /** The client's address as this runtime knows it (socket or CF-Connecting-IP), never
   *  X-Forwarded-For, which anyone can set. */
  clientAddress(c: Context): string;
  /** Extra origins allowed for cookie writes besides the request's own (PUBLIC_ORIGIN). */
  allowedOrigins: string[];
  version: string;
  /** SIGNUP on Node (process.env); on Workers the binding is read per request. */
  signup?: string;
  /** Seals secrets kept in tenant databases (the accounts' TOTP keys): 32 bytes, base64.
   *  On Node SEAL_KEY or a key file in DATA_DIR; on Workers the TENANT_TOKEN_KEY secret.
   *  Unset: the second factor cannot be enrolled. */
  sealKey?: string;
  /** Page sizes of a reminder pass (worker/cron/reminders.ts); unset: the defaults. Tests set
   *  them small to see a day over many passes (REMINDER_PAGES on Workers: "members,people"). */
  reminderPages?: { members?: number; people?: number };
}

/** Worker bindings (see wrangler.toml). Empty on Node. */
export interface Bindings {
  ASSETS?: { fetch(req: Request): Promise<Response> };
  CONTROL_DB_URL?: string;
  CONTROL_DB_TOKEN?: string;
  TURSO_GROUP_TOKEN?: string;
  TURSO_ORG?: string;
  TURSO_GROUP?: string;
  TURSO_PLATFORM_TOKEN?: string;
  TURSO_API_URL?: string;
  /** How many ready tenant databases the cron keeps made ahead of signups (default 0: none). */
  TURSO_POOL_SIZE?: string;
  /** Seals each tenant's database token in the control plane (32 bytes, base64). */
  TENANT_TOKEN_KEY?: string;
  PUBLIC_ORIGIN?: string;
  /** The HTTP e-mail API (a JSON POST with a bearer key, see worker/mail/api.ts); without
   *  MAIL_API_URL e-mail is off. MAIL_API_KEY is a secret (`wrangler secret put`). */
  MAIL_API_URL?: string;
  MAIL_API_KEY?: string;
  /** The sender, e.g. "Sinh hoạt chính trị <no-reply@example.vn>". */
  MAIL_FROM?: string;
  /** open | verify (default) | closed: who may register a new đảng bộ (worker/data/signups.ts). */
  SIGNUP?: string;
  /** Tests only: "members,people", the page sizes of a reminder pass (Platform.reminderPages). */
  REMINDER_PAGES?: string;
  /** The Queue that fans the cron out: pages of the tenants due, then one message per tenant
   *  (worker/cron/queue.ts). */
  JOBS?: { sendBatch(messages: { body: unknown }[]): Promise<unknown> };
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    platform: Platform;
    tenant: TenantRecord;
    db: TenantHandle["db"];
    tenantClient: TenantHandle["client"];
    sessionId: string | null;
    /** A session whose password was accepted but whose second factor is still owed: its
     *  account, for the verify routes only; `user` stays null, so every guard refuses it. */
    pendingUserId: string | null;
    user: SessionUser | null;
    grants: SessionGrant[];
  };
}
