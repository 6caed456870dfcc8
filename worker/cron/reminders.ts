// Reminders for one tenant: decide the items (domain/reminders.ts), record each once in the
// ledger, then give every person one digest notification with what is new — and, outside the
// tenant's quiet hours, the same digest by e-mail and webhook through the outbox.
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import {
  campaignUnits as campaignUnitsTable,
  campaigns,
  grants,
  meetings,
  notifications,
  outbox,
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
import { outboundRows } from "./outbox";

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

/** People per page of the digest: their pending items are read, and their notifications,
 *  ledger marks and outbox rows written, a page at a time. */
export const DIGEST_PAGE = 1000;
const ROWS_PER_INSERT = 200;

export async function runReminders(
  db: TenantDb,
  now: Date,
  channels: { email: boolean },
): Promise<ReminderReport> {
  const settings = await readNotifySettings(db);
  const items = await decide(db, now, settings.daysBefore);
  const day = ictDate(now);
  // The ledger first, on its own (a page of items a statement): once it is written, a pass
  // that dies later leaves the items for the next pass to send.
  for (const part of chunks(items, DIGEST_PAGE))
    await db
      .insert(reminderLedger)
      .values(
        part.map((it) => ({ key: it.key, userId: it.userId, day, text: it.text, createdAt: now })),
      )
      .onConflictDoNothing();
  // Every ledger item not yet carried by a notification goes into one digest per person, a
  // page of people at a time (keyset on user id). A pass killed midway leaves items
  // un-notified; the next pass sends them.
  let created = 0;
  let after = "";
  for (;;) {
    const people = (
      await db
        .selectDistinct({ userId: reminderLedger.userId })
        .from(reminderLedger)
        .where(and(isNull(reminderLedger.notificationId), gt(reminderLedger.userId, after)))
        .orderBy(asc(reminderLedger.userId))
        .limit(DIGEST_PAGE)
    ).map((r) => r.userId);
    if (!people.length) break;
    after = people.at(-1)!;
    created += await digestPage(db, now, settings, channels, people);
    if (people.length < DIGEST_PAGE) break;
  }
  return { items: items.length, notifications: created };
}

/** One page of people: two reads, then the notifications with their ledger marks in one
 *  transaction, then the outbox rows for the notifications that were new. */
async function digestPage(
  db: TenantDb,
  now: Date,
  settings: Awaited<ReturnType<typeof readNotifySettings>>,
  channels: { email: boolean },
  people: string[],
): Promise<number> {
  const [pending, emailRows] = await db.batch([
    db
      .select()
      .from(reminderLedger)
      .where(and(isNull(reminderLedger.notificationId), inArray(reminderLedger.userId, people)))
      .orderBy(asc(reminderLedger.userId), asc(reminderLedger.key)),
    db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, people)),
  ]);
  const emails = new Map(emailRows.map((u) => [u.id, u.email]));
  const byUser = new Map<string, typeof pending>();
  for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
  const digests = [...byUser].map(([userId, list]) => {
    const keys = list.map((l) => l.key).sort();
    return {
      id: newId(),
      userId,
      keys,
      title:
        list.length === 1
          ? list[0]!.text
          : `Việc cần làm (${formatDateVi(now)}): ${list.length} việc`,
      body: list.map((l) => `• ${l.text}`).join("\n"),
      dedupeKey: `digest:${userId}:${keys.join("|")}`.slice(0, 900),
    };
  });
  if (!digests.length) return 0;
  const inserts = chunks(digests, ROWS_PER_INSERT).map((part) =>
    db
      .insert(notifications)
      .values(
        part.map((d) => ({
          id: d.id,
          userId: d.userId,
          kind: "reminder-digest",
          title: d.title,
          body: d.body,
          dedupeKey: d.dedupeKey,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: notifications.id }),
  );
  const marks = digests.map((d) =>
    db
      .update(reminderLedger)
      .set({ notificationId: d.id })
      .where(and(isNull(reminderLedger.notificationId), inArray(reminderLedger.key, d.keys))),
  );
  const results = await db.batch([inserts[0]!, ...inserts.slice(1), ...marks]);
  const inserted = new Set(
    (results.slice(0, inserts.length) as { id: string }[][]).flat().map((r) => r.id),
  );
  const rows = digests
    .filter((d) => inserted.has(d.id))
    .flatMap((d) =>
      outboundRows(
        settings,
        {
          userId: d.userId,
          email: emails.get(d.userId) ?? null,
          notificationId: d.id,
          title: d.title,
          body: d.body,
        },
        now,
        channels,
      ),
    );
  const outs = chunks(rows, ROWS_PER_INSERT).map((part) =>
    db.insert(outbox).values(part).onConflictDoNothing(),
  );
  if (outs.length) await db.batch(outs as [(typeof outs)[number], ...typeof outs]);
  return inserted.size;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
