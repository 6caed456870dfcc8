// The API of administration — invitations, accounts and their roles, the audit log — and of
// the campaign templates. Kept out of api.ts so that it lands in the lazy chunks of the
// screens that use it. Types are inferred from the routes (client/http.ts).
import type { Body } from "./http";
import { call, id, tenantApi, type Res, type Stored, type TenantApi } from "./http";

type A = TenantApi;

// ---- Invitations and accounts ----

export type Invitation = Res<A["invitations"]["$get"]>["invitations"][number];
/** The token comes back once; the link built from it is the only way to share it. */
export type OneTimeLink = Res<A["accounts"][":id"]["reset"]["$post"]>;

export async function listInvitations(tenant: string): Promise<Invitation[]> {
  return (await call(tenantApi(tenant).invitations.$get())).invitations;
}

export function createInvitation(tenant: string, body: Body<A["invitations"]["$post"]>) {
  return call(tenantApi(tenant).invitations.$post({ json: body }));
}

export function revokeInvitation(tenant: string, invitationId: string) {
  return call(tenantApi(tenant).invitations[":id"].$delete({ param: { id: id(invitationId) } }));
}

/** Public: sets the password of an invited person and signs them in (the cookie). */
export function acceptInvitation(tenant: string, token: string, password: string) {
  return call(tenantApi(tenant).auth.accept.$post({ json: { token, password } }));
}

/** Public: sets a new password from a reset link and signs the person in. */
export function resetPassword(tenant: string, token: string, password: string) {
  return call(tenantApi(tenant).auth.reset.$post({ json: { token, password } }));
}

export type Account = Res<A["accounts"]["$get"]>["accounts"][number];

export async function listAccounts(tenant: string): Promise<Account[]> {
  return (await call(tenantApi(tenant).accounts.$get())).accounts;
}

export function disableAccount(tenant: string, accountId: string) {
  return call(tenantApi(tenant).accounts[":id"].disable.$post({ param: { id: id(accountId) } }));
}

export function enableAccount(tenant: string, accountId: string) {
  return call(tenantApi(tenant).accounts[":id"].enable.$post({ param: { id: id(accountId) } }));
}

export function createResetLink(tenant: string, accountId: string): Promise<OneTimeLink> {
  return call(tenantApi(tenant).accounts[":id"].reset.$post({ param: { id: id(accountId) } }));
}

export function addGrant(
  tenant: string,
  accountId: string,
  body: Body<A["accounts"][":id"]["grants"]["$post"]>,
) {
  return call(
    tenantApi(tenant).accounts[":id"].grants.$post({ param: { id: id(accountId) }, json: body }),
  );
}

export function removeGrant(tenant: string, accountId: string, grantId: string) {
  const param = { id: id(accountId), grantId: id(grantId) };
  return call(tenantApi(tenant).accounts[":id"].grants[":grantId"].$delete({ param }));
}

// ---- Audit log ----

type AuditRow = Res<A["audit"]["$get"]>["entries"][number];
export type AuditEntry = Stored<
  Stored<AuditRow, "before", Record<string, unknown> | null>,
  "after",
  Record<string, unknown> | null
>;

export async function listAudit(
  tenant: string,
  filter: {
    entity?: string | undefined;
    actor?: string | undefined;
    unitId?: string | undefined;
    before?: number | string | undefined;
    limit?: number;
  },
): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const query = {
    entity: filter.entity || undefined,
    actor: filter.actor || undefined,
    unitId: filter.unitId || undefined,
    before: filter.before === undefined || filter.before === "" ? undefined : String(filter.before),
    limit: filter.limit === undefined ? undefined : String(filter.limit),
  };
  const page = await call(tenantApi(tenant).audit.$get({ query }));
  return { entries: page.entries as AuditEntry[], next: page.next };
}

// ---- Templates ----

export type TemplateSummary = Res<A["templates"]["$get"]>["templates"][number];
export type TemplateDetail = Res<A["templates"][":key"]["$get"]>;

export async function listTemplates(tenant: string): Promise<TemplateSummary[]> {
  return (await call(tenantApi(tenant).templates.$get())).templates;
}

export function requireTemplate(tenant: string, key: string): Promise<TemplateDetail> {
  return call(tenantApi(tenant).templates[":key"].$get({ param: { key: id(key) }, query: {} }));
}

/** 409 CONFLICT (fields.key) when the key is taken. */
export function cloneTemplate(tenant: string, body: Body<A["templates"]["$post"]>) {
  return call(tenantApi(tenant).templates.$post({ json: body }));
}

export type TemplateSave = Body<A["templates"][":key"]["$put"]>;

/**
 * Saves the whole edited definition. 422 lists the problems (fields `problems.N` or a path);
 * 409 VERSION_CONFLICT when someone saved since `version`; 403 for a built-in template.
 */
export function saveTemplate(tenant: string, key: string, body: TemplateSave) {
  return call(tenantApi(tenant).templates[":key"].$put({ param: { key: id(key) }, json: body }));
}

// ---- The tenant archive ----

export type ArchiveImport = Res<A["archive"]["import"]["$post"]>["imported"];

/** For a plain `<a download>`: the browser sends the session cookie itself. */
export function archiveExportUrl(tenant: string): string {
  return `/api/t/${encodeURIComponent(tenant)}/archive/export`;
}

/** Loads an archive into this (brand-new) tenant: the zip as the raw body. */
export async function importArchive(tenant: string, file: Blob): Promise<ArchiveImport> {
  const req = tenantApi(tenant).archive.import.$post(
    {},
    { headers: { "Content-Type": "application/zip" }, init: { body: file } },
  );
  return (await call(req)).imported;
}

// ---- Draft campaigns: the way out of a draft that cannot launch ----

/** 409 VERSION_CONFLICT when the draft changed since `version`; 409 INVALID_STATE once launched. */
export function refreshDraftCampaign(
  tenant: string,
  campaignId: string,
  body: Body<A["campaigns"][":id"]["refresh"]["$post"]>,
) {
  return call(
    tenantApi(tenant).campaigns[":id"].refresh.$post({ param: { id: id(campaignId) }, json: body }),
  );
}

export function deleteDraftCampaign(tenant: string, campaignId: string) {
  return call(tenantApi(tenant).campaigns[":id"].$delete({ param: { id: id(campaignId) } }));
}

// ---- Accounts for the whole roster: bulk invitations and printed slips ----

export type BulkInvitations = Res<A["invitations"]["bulk"]["$post"]>;
export type InvitationSlip = BulkInvitations["slips"][number];
export type ResetSlip = Res<A["accounts"]["reset-slips"]["$post"]>;

/** One page of invitations for a unit's subtree (no unit: the whole roster, admins only). */
export function inviteRoster(tenant: string, body: Body<A["invitations"]["bulk"]["$post"]>) {
  return call(tenantApi(tenant).invitations.bulk.$post({ json: body }));
}

/** A password-reset slip for a member of the secretary's own cell (a new one replaces it). */
export function createResetSlip(tenant: string, memberId: string) {
  return call(tenantApi(tenant).accounts["reset-slips"].$post({ json: { memberId } }));
}
