// Reads and writes of /t/:tenant/thong-bao/cai-dat: the person's choice of e-mail, and the
// admin's view and edit of the đảng bộ's notification settings.
import { action, query } from "@solidjs/router";
import {
  notifyPreference,
  setNotifyPreference,
  setTenantNotifySettings,
  tenantNotifySettings,
} from "../../api-notify";
import type { NotifyMode } from "../../../schema/vocab/people";
import { preloadOf } from "../../lib/preload";

export const getNotifyPreference = query(notifyPreference, "notify-preference");
export const getTenantNotifySettings = query(tenantNotifySettings, "tenant-notify-settings");

export const preloadNotifySettings = preloadOf(getNotifyPreference, "tenant");

export const saveNotifyPreference = action(async (tenant: string, form: FormData) => {
  // The server checks the value (422 in Vietnamese for one not in the list).
  await setNotifyPreference(tenant, String(form.get("mode") ?? "") as NotifyMode);
  return { saved: true as const };
}, "notify-preference-save");

/** The admin's form: an empty quiet-hours pair or webhook address means none. */
export const saveTenantNotifySettings = action(async (tenant: string, form: FormData) => {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const from = text("quietFrom");
  const to = text("quietTo");
  await setTenantNotifySettings(tenant, {
    email: form.get("email") === "on",
    daysBefore: Number(text("daysBefore")),
    quietHours: from || to ? { from, to } : null,
    webhookUrl: text("webhookUrl") || null,
  });
  return { saved: true as const };
}, "tenant-notify-settings-save");
