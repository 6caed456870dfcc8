// Tenant settings for notifications: quiet hours (no e-mail or webhook leaves then; in-app
// notifications are always made), days of notice before a deadline, and the webhook (e.g. a
// Zalo OA relay) with the secret its deliveries are signed with. `email` is the tenant's
// switch; e-mail leaves only when the deployment also has a transport (worker/mail), which the
// settings answer reports beside these values.
import { eq } from "drizzle-orm";
import { settings } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";

export interface NotifySettings {
  daysBefore: number;
  quietHours: { from: string; to: string } | null;
  email: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
}

export const DEFAULT_NOTIFY: NotifySettings = {
  daysBefore: 3,
  quietHours: { from: "21:00", to: "07:00" },
  email: true,
  webhookUrl: null,
  webhookSecret: null,
};

/** The settings' row, for a caller that reads it in a batch with other statements. */
export const notifySettingsRow = (db: TenantDb) =>
  db.select().from(settings).where(eq(settings.key, "notify"));

/** The notify settings from their stored row (the defaults where there is none). */
export const notifyOf = (row: { value: string } | undefined): NotifySettings =>
  row
    ? { ...DEFAULT_NOTIFY, ...(JSON.parse(row.value) as Partial<NotifySettings>) }
    : DEFAULT_NOTIFY;

export async function readNotifySettings(db: TenantDb): Promise<NotifySettings> {
  const [row] = await notifySettingsRow(db);
  return notifyOf(row);
}

export async function writeNotifySettings(
  db: TenantDb,
  { value, now }: { value: NotifySettings; now: Date },
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: "notify", value: JSON.stringify(value), updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: JSON.stringify(value), updatedAt: now },
    });
}
