// The second factor (TOTP): an account's own settings and the login's code step, over the
// typed client (worker/routes/two-factor.ts).
import { call, tenantApi, type Res, type TenantApi } from "./http";

type TwoFactor = TenantApi["auth"]["two-factor"];
export type TotpSetup = Res<TwoFactor["setup"]["$post"]>;

export async function twoFactorEnabled(tenant: string): Promise<boolean> {
  return (await call(tenantApi(tenant).auth["two-factor"].$get())).enabled;
}

/** A fresh key for the app; nothing is on until `enableTwoFactor` confirms a first code. */
export function setupTwoFactor(tenant: string): Promise<TotpSetup> {
  return call(tenantApi(tenant).auth["two-factor"].setup.$post());
}

/** Answers the recovery code, shown once. */
export async function enableTwoFactor(tenant: string, key: string, code: string) {
  return (await call(tenantApi(tenant).auth["two-factor"].enable.$post({ json: { key, code } })))
    .recoveryCode;
}

export function disableTwoFactor(tenant: string, code: string) {
  return call(tenantApi(tenant).auth["two-factor"].disable.$post({ json: { code } }));
}

/** The login's second step: a code from the app turns the pending session into a full one. */
export function verifyTwoFactor(tenant: string, code: string) {
  return call(tenantApi(tenant).auth["two-factor"].verify.$post({ json: { code } }));
}

/** …or the recovery code, which also turns the second factor off. */
export function recoverTwoFactor(tenant: string, recoveryCode: string) {
  return call(tenantApi(tenant).auth["two-factor"].recover.$post({ json: { recoveryCode } }));
}
