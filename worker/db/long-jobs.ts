// Long work of a tenant — a launch, a roster import (with its file parsing), an export — as
// plain jobs: a kind and structured-cloneable input, run against the job's tenant. The Platform
// decides where it runs (`platform.runLong`): inline on Workers and in tests (launch already
// lands in chunks there), in a job process with its own libSQL connection on Node
// (worker/node-jobs), so a long statement never holds the thread that answers requests.
import { DomainError, type ErrorCode, type FieldErrors } from "../errors";
import type { Platform, TenantRecord } from "../env";
import type { Actor, Ctx } from "../data/context";
import type { Scope } from "../domain/scope";
import { exportRoster, type RosterFile } from "../data/export";
import { importRosterFile, type ImportResult } from "../data/import";
import { launchCampaign } from "../data/launch";

/** Everything a job needs of the request: which tenant, who acts, over what, at what instant. */
export interface LongJob<I> {
  tenant: Pick<TenantRecord, "id" | "dbUrl"> & Partial<Pick<TenantRecord, "dbToken">>;
  scope: Scope;
  actor: Actor;
  now: Date;
  input: I;
}

const JOBS = {
  launch: (ctx: Ctx, input: { campaignId: string }) => launchCampaign(ctx, input.campaignId),
  import: (
    ctx: Ctx,
    input: { contentType: string | undefined; bytes: Uint8Array; dryRun: boolean },
  ): Promise<ImportResult> => importRosterFile(ctx, input),
  export: (ctx: Ctx, input: { format: "csv" | "xlsx"; unitId?: string }): Promise<RosterFile> =>
    exportRoster(ctx, input),
};

export type LongKind = keyof typeof JOBS;
export type LongInput<K extends LongKind> = Parameters<(typeof JOBS)[K]>[1];
export type LongOutput<K extends LongKind> = Awaited<ReturnType<(typeof JOBS)[K]>>;
export type RunLong = <K extends LongKind>(
  kind: K,
  job: LongJob<LongInput<K>>,
) => Promise<LongOutput<K>>;

/** Runs one job here, on `platform`'s own connection to the tenant. */
export function runLongHere<K extends LongKind>(
  platform: Pick<Platform, "tenant">,
  kind: K,
  job: LongJob<LongInput<K>>,
): Promise<LongOutput<K>> {
  const { db } = platform.tenant(job.tenant);
  const run = JOBS[kind] as (ctx: Ctx, input: LongInput<K>) => Promise<LongOutput<K>>;
  return run({ db, scope: job.scope, actor: job.actor, now: job.now }, job.input);
}

/** The request's part of a job: its tenant and the guard's context. */
export const jobOf = <I>(
  tenant: LongJob<I>["tenant"],
  ctx: Pick<Ctx, "scope" | "actor" | "now">,
  input: I,
): LongJob<I> => ({
  tenant: { id: tenant.id, dbUrl: tenant.dbUrl, dbToken: tenant.dbToken ?? null },
  scope: ctx.scope,
  actor: ctx.actor,
  now: ctx.now,
  input,
});

/** A refusal as it crosses to the server (structured clone drops the class). */
export interface SentError {
  domain?: { code: ErrorCode; message: string; fields?: FieldErrors };
  message: string;
  code?: string;
}

export function sendError(err: unknown): SentError {
  if (err instanceof DomainError)
    return {
      domain: { code: err.code, message: err.message, fields: err.fields },
      message: err.message,
    };
  const e = err as { message?: string; code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === "string" ? e.code : (e?.cause?.code as string | undefined);
  return { message: String(e?.message ?? err), code };
}

export function receiveError(sent: SentError): Error {
  if (sent.domain)
    return new DomainError(sent.domain.code, sent.domain.message, sent.domain.fields);
  // Keeps SQLite's code, so SQLITE_BUSY still answers 503 (errors.ts reads `code`).
  return Object.assign(new Error(sent.message), sent.code ? { code: sent.code } : {});
}
