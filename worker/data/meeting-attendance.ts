// The roll-call of a meeting, and what it completes: a member's task for a step done by
// attending (CT 24's "Dự sinh hoạt") is done on the date of the first held session the member
// was present at. Progress counts the same facts (attendanceAsSubmissions): present = done,
// excused absence = excused, unexcused absence = not done.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  completionOf,
  meetingStepOf,
  unitMatches,
  type Step,
  type UnitKind,
} from "../../schema/template";
import {
  campaignUnits,
  meetingAttendance,
  meetings,
  members,
  tasks,
  units,
} from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { subtreeBounds } from "../domain/scope";
import { invalidBody, versionConflict } from "../errors";
import { auditInsertIf } from "./audit";
import { holds, markMembers, markUnits } from "./progress-marks";
import { requireCampaign, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { eqAll } from "./sql";
import { requireMeetingInScope } from "./meetings";

export interface AttendanceEntry {
  memberId: string;
  presence: "present" | "excused" | "absent";
  reason?: string | null;
  isCommittee?: boolean;
  spokeOrder?: number | null;
  role?: string | null;
  presentedPlan?: boolean;
  commentedOn?: boolean;
}

/** Member steps done by attending the meeting of `meetingKey` (004: dv-du-sinh-hoat is dated
 *  on cb-sinh-hoat). */
export const attendSteps = (c: Campaign, meetingKey: string): Step[] =>
  c.def.steps.filter(
    (s) =>
      s.owner === "member" &&
      completionOf(s) === "meeting-attended" &&
      meetingStepOf(c.def, s)?.key === meetingKey,
  );

/** The meeting step an attending step is done at, or null for any other step. */
async function campaignTargetPaths(db: TenantDb, campaignId: string) {
  const rows = await db
    .select({ path: units.path })
    .from(campaignUnits)
    .innerJoin(units, eq(units.id, campaignUnits.unitId))
    .where(eq(campaignUnits.campaignId, campaignId));
  return rows.map((r) => r.path);
}

export function attendedMeetingKey(def: Pick<Campaign["def"], "steps">, step: Step): string | null {
  if (completionOf(step) !== "meeting-attended") return null;
  return meetingStepOf(def, step)?.key ?? null;
}

/** The statements that bring the attending tasks of `members` in line with every session
 *  of the unit's meeting step: done at the first held session they were present at. Bounded
 *  by the roll-call's size. */
export async function attendTaskUpdates(
  db: TenantDb,
  c: Campaign,
  where: { unitId: string; stepKey: string; memberIds: string[] },
  now: Date,
) {
  const steps = attendSteps(c, where.stepKey).map((s) => s.key);
  if (!steps.length || !where.memberIds.length) return [];
  const rows = await db
    .select({ memberId: meetingAttendance.memberId, startedAt: meetings.startedAt })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(
      and(
        eqAll(meetings, { campaignId: c.id, unitId: where.unitId, stepKey: where.stepKey }),
        eq(meetingAttendance.presence, "present"),
        inArray(meetingAttendance.memberId, where.memberIds),
        sql`${meetings.startedAt} <= ${now.getTime()}`,
      ),
    );
  const first = new Map<string, number>();
  for (const r of rows) {
    const at = r.startedAt!.getTime();
    if (!first.has(r.memberId) || at < first.get(r.memberId)!) first.set(r.memberId, at);
  }
  const byTime = new Map<number | null, string[]>();
  for (const id of where.memberIds) {
    const at = first.get(id) ?? null;
    byTime.set(at, [...(byTime.get(at) ?? []), id]);
  }
  return [...byTime].map(([at, ids]) =>
    db
      .update(tasks)
      .set({ doneAt: at === null ? null : new Date(at) })
      .where(
        and(
          eq(tasks.campaignId, c.id),
          inArray(tasks.stepKey, steps),
          inArray(tasks.memberId, ids),
        ),
      ),
  );
}

/** Keys of the template's attendance lines for this unit's meeting step: the roles a
 *  roll-call entry or a guest may name. */
export function attendanceRoles(
  c: Campaign,
  stepKey: string,
  unit: { kind: string; name: string },
) {
  const step = c.def.steps.find((s) => s.key === stepKey);
  const rules = c.def.meetingRules.find((r) => r.key === step?.meetingRulesKey);
  return new Set(
    (rules?.attendance ?? [])
      .filter(
        (a) =>
          a.key &&
          (!a.appliesTo ||
            unitMatches(a.appliesTo, { kind: unit.kind as UnitKind, name: unit.name })),
      )
      .map((a) => a.key!),
  );
}

/** Replaces the roll-call (and speaking order) of a meeting in one transaction. A member
 *  outside the unit is accepted only in a role the template names for this unit's meeting
 *  (the Chủ tịch UBND, a member of a cell, at the UBND's meeting). */
export async function setAttendance(
  ctx: Ctx,
  input: { id: string; version: number; entries: AttendanceEntry[] },
) {
  const { db, actor, now } = ctx;
  const { id } = input;
  const current = await requireMeetingInScope(ctx, id);
  if (current.version !== input.version) throw versionConflict();
  const c = await requireCampaign(db, current.campaignId);
  const ids = [...new Set(input.entries.map((e) => e.memberId))];
  if (ids.length !== input.entries.length)
    throw invalidBody({ entries: "Mỗi đảng viên chỉ điểm danh một lần." });
  const orders = input.entries.flatMap((e) => (e.spokeOrder ? [e.spokeOrder] : []));
  if (new Set(orders).size !== orders.length)
    throw invalidBody({ entries: "Hai người không thể cùng một thứ tự phát biểu." });
  if (input.entries.some((e) => e.spokeOrder && e.presence !== "present"))
    throw invalidBody({ entries: "Chỉ người có mặt mới có thứ tự phát biểu." });
  if (input.entries.some((e) => (e.presentedPlan || e.commentedOn) && e.presence !== "present"))
    throw invalidBody({
      entries: "Chỉ người có mặt mới trình bày kế hoạch và được tập thể góp ý.",
    });
  const [unitRow] = await db
    .select({ path: units.path, kind: units.kind, name: units.name })
    .from(units)
    .where(eq(units.id, current.unitId));
  const roles = attendanceRoles(c, current.stepKey, unitRow!);
  const badRole = input.entries.filter((e) => e.role && !roles.has(e.role));
  if (badRole.length)
    throw invalidBody(
      Object.fromEntries(
        badRole.map((e) => [`entries.${e.memberId}`, "Thành phần này không có trong buổi họp."]),
      ),
    );
  const [lo, hi] = subtreeBounds(unitRow!.path);
  const known = ids.length
    ? await db
        .select({
          id: members.id,
          path: units.path,
          inUnit: sql<number>`${units.path} >= ${lo} AND ${units.path} < ${hi}`,
        })
        .from(members)
        .innerJoin(units, eq(units.id, members.unitId))
        .where(inArray(members.id, ids))
    : [];
  // From outside the unit: only in a named role, and only a member the campaign concerns.
  const targets = await campaignTargetPaths(db, c.id);
  const accepted = new Set(
    known
      .filter(
        (m) =>
          !!Number(m.inUnit) ||
          (!!input.entries.find((e) => e.memberId === m.id)!.role &&
            targets.some((p) => m.path.startsWith(p))),
      )
      .map((m) => m.id),
  );
  const outside = ids.filter((x) => !accepted.has(x));
  if (outside.length)
    throw invalidBody(
      Object.fromEntries(
        outside.map((x) => [`entries.${x}`, "Không phải đảng viên của đơn vị này."]),
      ),
    );
  const rows = input.entries.map((e) => ({
    meetingId: id,
    memberId: e.memberId,
    presence: e.presence,
    reason: e.reason ?? null,
    isCommittee: e.isCommittee ?? false,
    spokeOrder: e.spokeOrder ?? null,
    role: e.role ?? null,
    presentedPlan: e.presentedPlan ?? false,
    commentedOn: e.commentedOn ?? false,
  }));
  // Whoever was on the old roll-call or is on the new one: their attending task may change.
  const touched = [...new Set([...ids, ...current.attendance.map((a) => a.memberId)])];
  // A stale roll-call (409) changes nothing and logs nothing: the old roll-call is cleared
  // only while the meeting still has the version the caller read, and the audit row follows
  // the version bump only when it happened.
  const versionHolds = sql`EXISTS (SELECT 1 FROM ${meetings} WHERE ${meetings.id} = ${id} AND ${meetings.version} = ${input.version})`;
  const [, updated] = await db.batch([
    db.delete(meetingAttendance).where(and(eq(meetingAttendance.meetingId, id), versionHolds)),
    db
      .update(meetings)
      .set({ version: current.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, id), eq(meetings.version, input.version)))
      .returning({ id: meetings.id }),
    auditInsertIf(
      db,
      {
        ...actor,
        action: "meeting.attendance",
        entity: "meeting",
        entityId: id,
        after: { present: rows.filter((r) => r.presence === "present").length, total: rows.length },
      },
      now,
      sql`changes() = 1`,
    ),
    // The new roll-call only after the audit row, itself only after the version bump: a
    // stale call adds no one, not even members the old roll-call did not name.
    ...(rows.length ? [attendanceInsertIf(db, rows, sql`changes() = 1`)] : []),
    // Last, after the audit's changes() check: the stored progress figures of their units.
    markMembers(db, touched, c.id, holds("meetings", id, current.version + 1)),
    // And the meeting's unit's compliance marks (compliance-figures.ts).
    markUnits(db, [current.unitId], c.id, holds("meetings", id, current.version + 1)),
  ] as unknown as Parameters<TenantDb["batch"]>[0]);
  if (!(updated as { id: string }[])[0]) throw versionConflict();
  // After the roll-call is in: the task follows every session's roll-call, not this one's.
  const follow = await attendTaskUpdates(
    db,
    c,
    { unitId: current.unitId, stepKey: current.stepKey, memberIds: touched },
    now,
  );
  if (follow.length) await db.batch(follow as unknown as Parameters<TenantDb["batch"]>[0]);
  return requireMeetingInScope(ctx, id);
}

type AttendanceRow = typeof meetingAttendance.$inferInsert;

/** The roll-call's rows, written only while `when` holds in SQL. */
const attendanceInsertIf = (db: TenantDb, rows: AttendanceRow[], when: SQL) =>
  db.run(sql`INSERT INTO ${meetingAttendance}
    (meeting_id, member_id, presence, reason, is_committee, spoke_order, role, presented_plan,
      commented_on)
    SELECT * FROM (VALUES ${sql.join(
      rows.map(
        (r) =>
          sql`(${r.meetingId}, ${r.memberId}, ${r.presence}, ${r.reason ?? null}, ${r.isCommittee ? 1 : 0}, ${r.spokeOrder ?? null}, ${r.role ?? null}, ${r.presentedPlan ? 1 : 0}, ${r.commentedOn ? 1 : 0})`,
      ),
      sql`, `,
    )})
    WHERE ${when}`);

/**
 * Attendance at a step's meetings in the shape of the submissions table, for progress to
 * count a step done by attending as it counts a form: one row per member called to any
 * session, status "confirmed" when present at a held session (first_submitted_at = its
 * start), else "excused" when excused, else "absent" (not done).
 */
export function attendanceAsSubmissions(c: Campaign, step: Step, now: Date): SQL | null {
  const meetingKey = attendedMeetingKey(c.def, step);
  if (!meetingKey) return null;
  const held = sql`(a.presence = 'present' AND m.started_at <= ${now.getTime()})`;
  return sql`(SELECT m.campaign_id AS campaign_id, a.member_id AS member_id, '' AS form_key,
      CASE WHEN max(${held}) THEN 'confirmed'
        WHEN max(a.presence = 'excused') THEN 'excused' ELSE 'absent' END AS status,
      min(CASE WHEN ${held} THEN m.started_at END) AS first_submitted_at
    FROM ${meetingAttendance} a INNER JOIN ${meetings} m ON m.id = a.meeting_id
    WHERE m.campaign_id = ${c.id} AND m.step_key = ${meetingKey}
    GROUP BY m.campaign_id, a.member_id)`;
}

/** The same facts member by member (the roster's path). */
export async function attendanceByMember(db: TenantDb, c: Campaign, step: Step, now: Date) {
  const q = attendanceAsSubmissions(c, step, now);
  if (!q) return [];
  const rows = await db.all<{
    member_id: string;
    status: string;
    first_submitted_at: number | null;
  }>(sql`SELECT member_id, status, first_submitted_at FROM ${q}`);
  return rows.map((r) => ({
    memberId: r.member_id,
    status: r.status as "confirmed" | "excused" | "absent",
    first: r.first_submitted_at === null ? null : new Date(Number(r.first_submitted_at)),
  }));
}
