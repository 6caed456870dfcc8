// Reads and writes of /t/:tenant/tai-khoan: accounts, their roles, and invitations.
import { action, json, query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { type Role } from "../../api";
import {
  addGrant,
  createInvitation,
  createResetLink,
  disableAccount,
  enableAccount,
  listAccounts,
  listInvitations,
  removeGrant,
  revokeInvitation,
} from "../../api-admin";
import { getUnits } from "../units/units.data";

export const getAccounts = query(listAccounts, "accounts");
export const getInvitations = query(listInvitations, "invitations");

export function preloadAccounts(args: RoutePreloadFuncArgs): Promise<unknown> {
  const tenant = args.params.tenant ?? "";
  return Promise.all([getAccounts(tenant), getInvitations(tenant), getUnits(tenant)]);
}

// Every write answers something (never undefined): the router drops a submission whose
// result is empty, and the rows show their own outcome from it.

export const setAccountDisabled = action(
  async (tenant: string, accountId: string, disabled: boolean) => {
    await (disabled ? disableAccount : enableAccount)(tenant, accountId);
    return json({ ok: true }, { revalidate: [getAccounts.key] });
  },
  "set-account-disabled",
);

/** A one-time password reset link; nothing on the page changes, so nothing is refetched. */
export const makeResetLink = action(async (tenant: string, accountId: string) => {
  const link = await createResetLink(tenant, accountId);
  return json(link, { revalidate: [] });
}, "make-reset-link");

export const grantRole = action(
  async (tenant: string, accountId: string, form: FormData | URLSearchParams) => {
    const role = String(form.get("role") ?? "") as Role;
    const unitId = String(form.get("unitId") ?? "");
    await addGrant(tenant, accountId, { role, ...(unitId ? { unitId } : {}) });
    return json({ ok: true }, { revalidate: [getAccounts.key] });
  },
  "grant-role",
);

export const revokeRole = action(async (tenant: string, accountId: string, grantId: string) => {
  await removeGrant(tenant, accountId, grantId);
  return json({ ok: true }, { revalidate: [getAccounts.key] });
}, "revoke-role");

export const invite = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const email = String(form.get("email") ?? "").trim();
  const role = String(form.get("role") ?? "") as Role;
  const unitId = String(form.get("unitId") ?? "");
  const link = await createInvitation(tenant, { email, role, ...(unitId ? { unitId } : {}) });
  return json({ ...link, email }, { revalidate: [getInvitations.key] });
}, "invite");

export const revokeInvite = action(async (tenant: string, invitationId: string) => {
  await revokeInvitation(tenant, invitationId);
  return json({ ok: true }, { revalidate: [getInvitations.key] });
}, "revoke-invite");
