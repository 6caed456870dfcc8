// Reminders for one tenant: decide the items (domain/reminders.ts), record each once in the
// ledger, then give every person one digest notification with what is new — and, outside the
// tenant's quiet hours, the same digest by e-mail and webhook through the outbox.
import { and, eq, inArray, isNull } from "drizzle-orm";
import {
  campaignUnits as campaignUnitsTable,
  campaigns,
  grants,
  meetings,
  notifications,
  reminderLedger,
  reports,
  units,
  users,
} from "../../schema/tables/tenant";
import { unitMatches, type UnitKind } from "../../schema/template";
import { requireCampaign, stepDueDates } from "../data/campaigns";
import { systemCtx } from "../data/context";
import { campaignRoster } from "../data/progress";
import { meetingSteps } from "../data/meetings";
import { newId } from "../data/ids";
import type { TenantDb } from "../db/handles";
import { ictDate, formatDateVi } from "../domain/deadlines";
import { planReminders, unitReminders, type ReminderItem } from "../domain/reminders";
import { readNotifySettings } from "../data/settings";
import { enqueueOutbound } from "./outbox";

export interface ReminderReport {
  items: number;
  notifications: number;
}

async function decide(db: TenantDb, now: Date, daysBefore: number): Promise<ReminderItem[]> {
  const active = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, "active"));
  if (active.length === 0) return [];
  const userByMember = new Map(
    (
      await db
        .select({ id: users.id, memberId: users.memberId, disabledAt: users.disabledAt })
        .from(users)
    )
      .filter((u) => u.memberId && !u.disabledAt)
      .map((u) => [u.memberId!, u.id]),
  );
  const secretaryGrants = await db
    .select({ userId: grants.userId, unitId: grants.unitId })
    .from(grants)
    .where(eq(grants.role, "secretary"));
  const allUnits = await db.select().from(units);
  const items: ReminderItem[] = [];
  for (const { id } of active) {
    const c = await requireCampaign(db, id);
    const due = stepDueDates(c);
    const { step, dueAt, entries } = await campaignRoster(systemCtx(db, now), { campaign: c });
    if (step?.formKey)
      for (const e of entries) {
        const userId = userByMember.get(e.memberId);
        if (!userId || !e.counts.expected) continue;
        items.push(
          ...planReminders(
            {
              campaignId: c.id,
              campaignName: c.name,
              memberUserId: userId,
              memberId: e.memberId,
              submission: e.submission?.status ?? null,
              dueAt,
            },
            daysBefore,
            now,
          ),
        );
      }
    const [meetingRows, reportRows] = await Promise.all([
      db.select().from(meetings).where(eq(meetings.campaignId, c.id)),
      db
        .select({ unitId: reports.unitId, reportKey: reports.reportKey })
        .from(reports)
        .where(eq(reports.campaignId, c.id)),
    ]);
    const awaiting = new Map<string, number>();
    for (const e of entries)
      if (e.submission?.status === "submitted")
        awaiting.set(e.unitId, (awaiting.get(e.unitId) ?? 0) + 1);
    const targetIds = new Set(
      (
        await db
          .select({ unitId: campaignUnitsTable.unitId })
          .from(campaignUnitsTable)
          .where(eq(campaignUnitsTable.campaignId, c.id))
      ).map((r) => r.unitId),
    );
    const targets = allUnits.filter((u) => targetIds.has(u.id));
    for (const unit of allUnits) {
      if (unit.closedOn || !targets.some((t) => unit.path.startsWith(t.path))) continue;
      const secretaryUserIds = secretaryGrants
        .filter((g) => g.unitId === unit.id)
        .map((g) => g.userId);
      if (secretaryUserIds.length === 0) continue;
      const kind = { kind: unit.kind as UnitKind, name: unit.name };
      items.push(
        ...unitReminders(
          {
            campaignId: c.id,
            campaignName: c.name,
            unitId: unit.id,
            unitName: unit.name,
            secretaryUserIds,
            awaitingConfirmation: awaiting.get(unit.id) ?? 0,
            meetings: meetingSteps(c, unit).map((s) => {
              const m = meetingRows.find((x) => x.unitId === unit.id && x.stepKey === s.key);
              const rules = c.def.meetingRules.find((r) => r.key === s.meetingRulesKey);
              return {
                stepKey: s.key,
                title: s.title,
                dueAt: due[s.key] ?? null,
                scheduledAt: m?.scheduledAt ?? null,
                startedAt: m?.startedAt ?? null,
                materialsSent: !!(m?.materialsSentAt || m?.soTayPostedAt),
                materialsLeadDays: rules?.materialsLeadDays ?? null,
              };
            }),
            reports: c.def.reports
              .filter((r) => unitMatches(r.from, kind))
              .map((r) => ({
                key: r.key,
                title: r.title,
                dueAt: due[r.stepKey] ?? null,
                submitted: reportRows.some((x) => x.unitId === unit.id && x.reportKey === r.key),
              })),
          },
          daysBefore,
          now,
        ),
      );
    }
  }
  return items;
}

export async function runReminders(
  db: TenantDb,
  now: Date,
  channels: { email: boolean },
): Promise<ReminderReport> {
  const settings = await readNotifySettings(db);
  const items = await decide(db, now, settings.daysBefore);
  const day = ictDate(now);
  for (let i = 0; i < items.length; i += 200)
    await db
      .insert(reminderLedger)
      .values(
        items
          .slice(i, i + 200)
          .map((it) => ({ key: it.key, userId: it.userId, day, text: it.text, createdAt: now })),
      )
      .onConflictDoNothing();
  // Every ledger item not yet carried by a notification goes into one digest per person.
  // A pass killed midway leaves items un-notified; the next pass sends them.
  const pending = await db
    .select()
    .from(reminderLedger)
    .where(isNull(reminderLedger.notificationId));
  const byUser = new Map<string, typeof pending>();
  for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
  let created = 0;
  const emails = new Map(
    (await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.id, u.email]),
  );
  for (const [userId, list] of byUser) {
    const id = newId();
    const keys = list.map((l) => l.key).sort();
    const title =
      list.length === 1
        ? list[0]!.text
        : `Việc cần làm (${formatDateVi(now)}): ${list.length} việc`;
    const body = list.map((l) => `• ${l.text}`).join("\n");
    const dedupeKey = `digest:${userId}:${keys.join("|")}`.slice(0, 900);
    const [inserted] = await db.batch([
      db
        .insert(notifications)
        .values({ id, userId, kind: "reminder-digest", title, body, dedupeKey, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: notifications.id }),
      db
        .update(reminderLedger)
        .set({ notificationId: id })
        .where(and(isNull(reminderLedger.notificationId), inArray(reminderLedger.key, keys))),
    ]);
    if (inserted[0]) {
      created++;
      await enqueueOutbound(
        db,
        settings,
        { userId, email: emails.get(userId) ?? null, notificationId: id, title, body },
        now,
        channels,
      );
    }
  }
  return { items: items.length, notifications: created };
}
