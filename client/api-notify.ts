// How events reach a person beside the app (e-mail at once, a daily digest, the app only),
// and, for the admin, what the đảng bộ's notification settings and this deployment's e-mail
// say, over the typed client (worker/routes/notifications.ts).
import type { NotifyMode } from "../schema/vocab/people";
import { call, tenantApi, type Res, type TenantApi } from "./http";

export type NotifyPreference = Res<TenantApi["notifications"]["preferences"]["$get"]>;
export type TenantNotifySettings = Res<TenantApi["settings"]["notifications"]["$get"]>;

export function notifyPreference(tenant: string): Promise<NotifyPreference> {
  return call(tenantApi(tenant).notifications.preferences.$get());
}

export function setNotifyPreference(tenant: string, mode: NotifyMode) {
  return call(tenantApi(tenant).notifications.preferences.$put({ json: { mode } }));
}

export function tenantNotifySettings(tenant: string): Promise<TenantNotifySettings> {
  return call(tenantApi(tenant).settings.notifications.$get());
}

export type TenantNotifyInput = Parameters<
  TenantApi["settings"]["notifications"]["$put"]
>[0]["json"];

/** Saves the đảng bộ's settings; the webhook's secret, left out, stays as stored. */
export function setTenantNotifySettings(tenant: string, value: TenantNotifyInput) {
  return call(tenantApi(tenant).settings.notifications.$put({ json: value }));
}
