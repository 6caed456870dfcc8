// Reads and writes of the login page /t/:tenant/dang-nhap.
import { action, query, redirect, type RoutePreloadFuncArgs } from "@solidjs/router";
import { ApiError, login, tenantInfo, type TenantInfo } from "../../api";
import { forgetOfflineCopies } from "../../lib/offline";
import { recoverTwoFactor, verifyTwoFactor } from "../../api-two-factor";

/** The đảng bộ by its code; null when there is none (the page then says so). */
export const getTenant = query(async (slug: string): Promise<TenantInfo | null> => {
  try {
    return await tenantInfo(slug);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}, "tenant");

export function preloadLogin(args: RoutePreloadFuncArgs): void {
  void getTenant(args.params.tenant ?? "");
}

export const signIn = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const name = String(form.get("login") ?? "").trim();
  const password = String(form.get("password") ?? "");
  // A thrown ApiError becomes the submission's error; its message is the server's own
  // Vietnamese text (wrong password, too many attempts, …).
  const res = await login(tenant, name, password);
  await forgetOfflineCopies();
  // With a second factor on, the password opened only a pending session: the page asks for
  // the code next (`verifyCode`).
  if (res.twoFactorRequired) return { twoFactor: true as const };
  // No `revalidate` list: after a sign-in every cached read may belong to someone else.
  throw redirect(`/t/${tenant}`);
}, "sign-in");

/** The login's second step: a code from the authenticator app, or the recovery code. */
export const verifyCode = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const recovery = String(form.get("recoveryCode") ?? "").trim();
  if (recovery) await recoverTwoFactor(tenant, recovery);
  else await verifyTwoFactor(tenant, String(form.get("code") ?? "").replace(/\s+/g, ""));
  throw redirect(`/t/${tenant}`);
}, "sign-in-code");
