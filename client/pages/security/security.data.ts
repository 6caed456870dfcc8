// Reads and writes of /t/:tenant/bao-mat: the account's own second factor.
import { action, query, type RoutePreloadFuncArgs } from "@solidjs/router";
import {
  disableTwoFactor,
  enableTwoFactor,
  setupTwoFactor,
  twoFactorEnabled,
} from "../../api-two-factor";

export const getTwoFactor = query(twoFactorEnabled, "two-factor");

export function preloadSecurity(args: RoutePreloadFuncArgs): Promise<unknown> {
  return getTwoFactor(args.params.tenant ?? "");
}

/** A fresh key to show; nothing changes on the server until `confirmTwoFactor`. */
export const startTwoFactor = action(
  async (tenant: string) => ({ setup: await setupTwoFactor(tenant) }),
  "two-factor-setup",
);

/** Keeps the key once the app's first code proves it; answers the recovery code to show once. */
export const confirmTwoFactor = action(
  async (tenant: string, key: string, form: FormData) => ({
    recoveryCode: await enableTwoFactor(tenant, key, String(form.get("code") ?? "")),
  }),
  "two-factor-enable",
);

export const turnOffTwoFactor = action(async (tenant: string, form: FormData) => {
  await disableTwoFactor(tenant, String(form.get("code") ?? ""));
  return { off: true as const };
}, "two-factor-disable");
