// How events reach a person beside the app (e-mail at once, a daily digest, the app only),
// and, for the admin, what the đảng bộ's notification settings and this deployment's e-mail
// say, over the typed client (worker/routes/notifications.ts).
import type { NotifyMode } from "../schema/vocab/notify-modes";
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
