// A notification for every event, to each person concerned: a plan submitted (to the cell's
// secretaries — its deputy when the secretary wrote it), returned (to the author, with the
// comment), confirmed or commented on (to the author), a report filed (to the secretaries of
// the unit above and the admins), a link to another đảng bộ requested, approved or revoked (to
// this side's admins, from the control plane's queue: only the other tenant's name and code
// cross). Each is ONE statement for the event's own batch: the
// recipients are chosen in SQL and the rows are written only when `wrote` holds, so a refused
// or stale write leaves no notification and the event costs no extra round trip.
// What must stay true:
// - the actor never notifies themself, and a disabled account is told nothing;
// - one notification per person per event (the dedupe key is the event's key and the user);
// - titles carry names and the campaign, never plan text; e-mails carry only titles
//   (worker/cron/notice-mail.ts), so a return comment stays inside the app;
// - `mail` records the e-mail owed by the person's choice (users.notify_mode) when they
//   have an address; the cron makes it (at once, or in the day's digest);
// - `hook` marks the notice for the tenant's webhook when one is configured; the cron queues
//   it, titles only (worker/cron/notice-hook.ts).
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem, TenantDb } from "../db/handles";

export type PlanEvent = "submitted" | "returned" | "confirmed" | "commented";

interface Notice {
  kind: string;
  /** The event's key: with the recipient's id, the notification's dedupe key. */
  key: string;
  title: SQL;
  body: SQL | string | null;
  campaignId: string | null;
  /** `SELECT <user id> …`: who is concerned (before the actor and disabled accounts go). */
  recipients: SQL;
  actorUserId: string | null;
}

function noticeInsert(db: TenantDb, n: Notice, now: Date, wrote: SQL): BatchItem {
  return db.run(sql`INSERT INTO notifications
      (id, user_id, kind, title, body, campaign_id, dedupe_key, created_at, mail, hook)
    SELECT lower(hex(randomblob(10))), u.id, ${n.kind}, ${n.title}, ${n.body}, ${n.campaignId},
      ${n.key} || ':' || u.id, ${now.getTime()},
      CASE WHEN u.email IS NULL THEN NULL
        WHEN u.notify_mode = 'email' THEN 'now' WHEN u.notify_mode = 'digest' THEN 'digest' END,
      (SELECT 1 FROM settings WHERE key = 'notify' AND json_extract(value_json, '$.webhookUrl') IS NOT NULL)
    FROM users u
    WHERE u.id IN (${n.recipients}) AND u.disabled_at IS NULL AND u.id IS NOT ${n.actorUserId}
      AND ${wrote}
    ON CONFLICT DO NOTHING`);
}

const campaignName = (campaignId: string) =>
  sql`(SELECT name FROM campaigns WHERE id = ${campaignId})`;

const PLAN_TITLES: Record<Exclude<PlanEvent, "submitted">, string> = {
  returned: "Kế hoạch cá nhân của đồng chí được trả lại để sửa — ",
  confirmed: "Kế hoạch cá nhân của đồng chí đã được chi bộ xác nhận — ",
  commented: "Có góp ý mới về kế hoạch cá nhân của đồng chí — ",
};

/** The notification of an event on a member's plan, for the batch that writes the event. */
export function planNotice(
  db: TenantDb,
  e: {
    event: PlanEvent;
    submissionId: string;
    memberId: string;
    campaignId: string;
    /** The plan's new version, or the comment's id: what makes the event one event. */
    eventId: string | number;
    comment?: string | null;
    actorUserId: string | null;
  },
  now: Date,
  wrote: SQL,
): BatchItem {
  const common = {
    kind: `plan-${e.event}`,
    key: `plan-${e.event}:${e.submissionId}:${e.eventId}`,
    campaignId: e.campaignId,
    actorUserId: e.actorUserId,
  };
  if (e.event === "submitted")
    // The cell's secretaries (the secretary and deputy hold its secretary grant); the author's
    // own account is left out, so a secretary's plan goes to the deputy — or, in a cell with
    // nobody else to confirm it, to the admins, who may.
    return noticeInsert(
      db,
      {
        ...common,
        title: sql`(SELECT full_name FROM members WHERE id = ${e.memberId})
          || ' đã nộp kế hoạch cá nhân — ' || ${campaignName(e.campaignId)}`,
        body: "Chờ chi bộ xác nhận hoặc trả lại.",
        recipients: sql`WITH cell AS (SELECT g.user_id FROM grants g
            WHERE g.role = 'secretary' AND g.unit_id = (SELECT unit_id FROM members WHERE id = ${e.memberId})
              AND NOT EXISTS (SELECT 1 FROM users a WHERE a.id = g.user_id AND a.member_id = ${e.memberId}))
          SELECT user_id FROM cell
          UNION ALL SELECT user_id FROM grants WHERE role = 'admin' AND NOT EXISTS (SELECT 1 FROM cell)`,
      },
      now,
      wrote,
    );
  return noticeInsert(
    db,
    {
      ...common,
      title: sql`${PLAN_TITLES[e.event]} || ${campaignName(e.campaignId)}`,
      body: e.event === "returned" ? `Nhận xét của chi bộ: ${e.comment ?? ""}` : null,
      recipients: sql`SELECT id FROM users WHERE member_id = ${e.memberId}`,
    },
    now,
    wrote,
  );
}

/** The notification of a unit's report upward, to the staff above it: the secretaries of
 *  its parent unit and the tenant's admins. */
export function reportNotice(
  db: TenantDb,
  e: {
    campaignId: string;
    unitId: string;
    reportKey: string;
    version: number;
    actorUserId: string | null;
  },
  now: Date,
  wrote: SQL,
): BatchItem {
  const verb = e.version > 1 ? " đã sửa báo cáo — " : " đã gửi báo cáo — ";
  return noticeInsert(
    db,
    {
      kind: "report-filed",
      key: `report:${e.campaignId}:${e.unitId}:${e.reportKey}:${e.version}`,
      title: sql`(SELECT name FROM units WHERE id = ${e.unitId}) || ${verb}
        || ${campaignName(e.campaignId)}`,
      body: null,
      campaignId: e.campaignId,
      actorUserId: e.actorUserId,
      recipients: sql`SELECT g.user_id FROM grants g
        WHERE g.role = 'admin' OR (g.role = 'secretary'
          AND g.unit_id = (SELECT parent_id FROM units WHERE id = ${e.unitId}))`,
    },
    now,
    wrote,
  );
}

const LINK_TITLES: Record<string, (other: string) => string> = {
  "link.request": (o) => `${o} đề nghị liên kết báo cáo lên đảng bộ: chờ duyệt`,
  "link.approve": (o) => `${o} đã duyệt liên kết: đảng bộ báo cáo lên ${o}`,
  "link.revoke": (o) => `Liên kết với ${o} đã bị hủy`,
};

/** The admins' notification of a link event the other tenant caused (a row of the control
 *  plane's link queue, drained by this tenant's pass: the row's id makes it once). */
export function linkNotice(
  db: TenantDb,
  e: { id: string; action: string; otherSlug: string; otherName: string; at: Date },
): BatchItem {
  const title = (LINK_TITLES[e.action] ?? LINK_TITLES["link.revoke"]!)(
    `${e.otherName} (${e.otherSlug})`,
  );
  return noticeInsert(
    db,
    {
      kind: e.action.replace(".", "-"),
      key: `link:${e.id}`,
      title: sql`${title}`,
      body: null,
      campaignId: null,
      actorUserId: null,
      recipients: sql`SELECT user_id FROM grants WHERE role = 'admin'`,
    },
    e.at,
    sql`1`,
  );
}
