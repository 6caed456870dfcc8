// Meetings of a campaign's units: scheduled, recorded during the meeting (on a phone), and
// judged against the template's meeting rules. A meeting belongs to a unit-owned step of kind
// "meeting"; recording its materials and its start marks the matching tasks done.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { unitMatches, type Step, type UnitKind } from "../../schema/template";
import { meetingAttendance, meetings, members, tasks, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { inScope, subtreeBounds } from "../domain/scope";
import { DomainError, invalidBody, notFound, versionConflict } from "../errors";
import { auditInsert } from "./audit";
import { requireCampaign, requireCampaignUnit, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";

export type MeetingRow = typeof meetings.$inferSelect;

/** Steps that prepare a meeting carry its rules too, but are not meetings themselves. */
const PREPARATION = new Set(["prepare-meeting", "send-materials", "notify-leaders"]);

/** Steps that are held as a meeting (the cell's conference, 003's vote on the resolution…)
 *  and concern a unit of this kind and name: unit steps with meeting rules. */
export const meetingSteps = (c: Campaign, unit: { kind: string; name: string }): Step[] =>
  c.def.steps.filter(
    (s) =>
      s.owner === "unit" &&
      !!s.meetingRulesKey &&
      !PREPARATION.has(s.kind) &&
      unitMatches(s.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }),
  );

export interface MeetingInput {
  unitId: string;
  stepKey: string;
  scheduledAt?: Date | null;
  place?: string | null;
  format?: string | null;
}

export async function createMeeting(ctx: Ctx, input: MeetingInput & { campaign: Campaign }) {
  const { db, actor, now } = ctx;
  const c = input.campaign;
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt không còn diễn ra.");
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const step = meetingSteps(c, unit).find((s) => s.key === input.stepKey);
  if (!step) throw invalidBody({ stepKey: "Bước này không phải buổi sinh hoạt của đơn vị này." });
  const row = {
    id: newId(),
    campaignId: c.id,
    unitId: unit.id,
    stepKey: step.key,
    scheduledAt: input.scheduledAt ?? null,
    place: input.place ?? null,
    format: input.format ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const [inserted] = await db.batch([
    db.insert(meetings).values(row).onConflictDoNothing().returning({ id: meetings.id }),
    auditInsert(
      db,
      {
        ...actor,
        action: "meeting.create",
        entity: "meeting",
        entityId: row.id,
        after: { unitId: unit.id, stepKey: step.key },
      },
      now,
    ),
  ]);
  if (!inserted[0]) throw new DomainError("CONFLICT", "Đơn vị đã có lịch cho buổi sinh hoạt này.");
  return requireMeetingInScope(ctx, row.id);
}

export async function requireMeetingInScope({ db, scope }: Pick<Ctx, "db" | "scope">, id: string) {
  const [row] = await db
    .select({ m: meetings, path: units.path, unitName: units.name })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .where(eq(meetings.id, id));
  if (!row || !inScope(scope, row.path)) throw notFound("Không tìm thấy buổi sinh hoạt.");
  const attendance = await db
    .select({
      a: meetingAttendance,
      fullName: members.fullName,
      leadershipRank: members.leadershipRank,
    })
    .from(meetingAttendance)
    .innerJoin(members, eq(members.id, meetingAttendance.memberId))
    .where(eq(meetingAttendance.meetingId, id))
    .orderBy(asc(members.leadershipRank), asc(members.searchName));
  return {
    ...row.m,
    unitName: row.unitName,
    guests: row.m.guests ? (JSON.parse(row.m.guests) as unknown[]) : [],
    attendance: attendance.map((x) => ({
      ...x.a,
      fullName: x.fullName,
      leadershipRank: x.leadershipRank,
    })),
  };
}

export interface MeetingPatch {
  version: number;
  scheduledAt?: Date | null;
  place?: string | null;
  format?: string | null;
  materialsSentAt?: Date | null;
  soTayLink?: string | null;
  soTayPostedAt?: Date | null;
  startedAt?: Date | null;
  endedAt?: Date | null;
  mergedWithRegular?: boolean | null;
  minutesSecretary?: string | null;
  guests?: { name: string; organisation?: string }[];
  minutes?: string | null;
  vote?: { for: number; against: number; abstain: number } | null;
}

/** Records what happened at the meeting; the steps it completes (the meeting itself, the
 *  materials sent before it) are marked done in the same batch. */
export async function updateMeeting(ctx: Ctx, input: { id: string; patch: MeetingPatch }) {
  const { db, actor, now } = ctx;
  const { id, patch } = input;
  const current = await requireMeetingInScope(ctx, id);
  const c = await requireCampaign(db, current.campaignId);
  if (current.version !== patch.version) throw versionConflict();
  const { version: _v, vote, guests, ...fields } = patch;
  const next = {
    ...fields,
    ...(guests !== undefined ? { guests: JSON.stringify(guests) } : {}),
    ...(vote !== undefined
      ? {
          voteFor: vote?.for ?? null,
          voteAgainst: vote?.against ?? null,
          voteAbstain: vote?.abstain ?? null,
        }
      : {}),
  };
  const endedAt = next.endedAt !== undefined ? next.endedAt : current.endedAt;
  const startedAt = next.startedAt !== undefined ? next.startedAt : current.startedAt;
  if (startedAt && endedAt && endedAt < startedAt)
    throw invalidBody({ endedAt: "Giờ kết thúc phải sau giờ bắt đầu." });
  // Steps this meeting completes: the meeting itself once it started; preparing and sending
  // materials once they were sent.
  const sent =
    (next.materialsSentAt ?? current.materialsSentAt) ||
    (next.soTayPostedAt ?? current.soTayPostedAt);
  const done = c.def.steps
    .filter((s) =>
      s.key === current.stepKey
        ? !!startedAt
        : (s.kind === "send-materials" || s.kind === "prepare-meeting") &&
          s.due.kind === "relative" &&
          !!sent &&
          relatedTo(c, s, current.stepKey),
    )
    .map((s) => s.key);
  const [updated] = await db.batch([
    db
      .update(meetings)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, id), eq(meetings.version, patch.version)))
      .returning({ id: meetings.id }),
    db
      .update(tasks)
      .set({ doneAt: sql`coalesce(${tasks.doneAt}, ${now.getTime()})` })
      .where(
        and(
          eq(tasks.campaignId, c.id),
          eq(tasks.unitId, current.unitId),
          eq(tasks.memberId, ""),
          inArray(tasks.stepKey, done.length ? done : [""]),
        ),
      ),
    // The minutes are the cell's record, not a member's plan: the audit keeps which fields
    // changed, not the minutes' text.
    auditInsert(
      db,
      {
        ...actor,
        action: "meeting.update",
        entity: "meeting",
        entityId: id,
        after: { fields: Object.keys(patch).filter((k) => k !== "version") },
      },
      now,
    ),
  ]);
  if (!updated[0]) throw versionConflict();
  return requireMeetingInScope(ctx, id);
}

/** Whether `step`'s deadline is anchored, directly or through other steps, on `meetingKey`. */
function relatedTo(c: Campaign, step: Step, meetingKey: string): boolean {
  const seen = new Set<string>();
  for (let s: Step | undefined = step; s && s.due.kind === "relative" && !seen.has(s.key);) {
    seen.add(s.key);
    if (s.due.toStep === meetingKey) return true;
    const anchor: string = s.due.toStep;
    s = c.def.steps.find((x) => x.key === anchor);
  }
  return false;
}

export interface AttendanceEntry {
  memberId: string;
  presence: "present" | "excused" | "absent";
  reason?: string | null;
  isCommittee?: boolean;
  spokeOrder?: number | null;
}

/** Replaces the roll-call (and speaking order) of a meeting in one transaction. */
export async function setAttendance(
  ctx: Ctx,
  input: { id: string; version: number; entries: AttendanceEntry[] },
) {
  const { db, actor, now } = ctx;
  const { id } = input;
  const current = await requireMeetingInScope(ctx, id);
  if (current.version !== input.version) throw versionConflict();
  const ids = [...new Set(input.entries.map((e) => e.memberId))];
  if (ids.length !== input.entries.length)
    throw invalidBody({ entries: "Mỗi đảng viên chỉ điểm danh một lần." });
  const orders = input.entries.flatMap((e) => (e.spokeOrder ? [e.spokeOrder] : []));
  if (new Set(orders).size !== orders.length)
    throw invalidBody({ entries: "Hai người không thể cùng một thứ tự phát biểu." });
  if (input.entries.some((e) => e.spokeOrder && e.presence !== "present"))
    throw invalidBody({ entries: "Chỉ người có mặt mới có thứ tự phát biểu." });
  const [unitRow] = await db
    .select({ path: units.path })
    .from(units)
    .where(eq(units.id, current.unitId));
  const [lo, hi] = subtreeBounds(unitRow!.path);
  const inUnit = ids.length
    ? await db
        .select({ id: members.id })
        .from(members)
        .innerJoin(units, eq(units.id, members.unitId))
        .where(and(inArray(members.id, ids), sql`${units.path} >= ${lo} AND ${units.path} < ${hi}`))
    : [];
  const outside = ids.filter((x) => !inUnit.some((m) => m.id === x));
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
  }));
  const [updated] = await db.batch([
    db
      .update(meetings)
      .set({ version: current.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, id), eq(meetings.version, input.version)))
      .returning({ id: meetings.id }),
    db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, id)),
    ...(rows.length ? [db.insert(meetingAttendance).values(rows)] : []),
    auditInsert(
      db,
      {
        ...actor,
        action: "meeting.attendance",
        entity: "meeting",
        entityId: id,
        after: { present: rows.filter((r) => r.presence === "present").length, total: rows.length },
      },
      now,
    ),
  ] as unknown as Parameters<TenantDb["batch"]>[0]);
  if (!(updated as { id: string }[])[0]) throw versionConflict();
  return requireMeetingInScope(ctx, id);
}

export async function listMeetings({ db, scope }: Pick<Ctx, "db" | "scope">, c: Campaign) {
  const rows = await db
    .select({ m: meetings, path: units.path, unitName: units.name })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .where(eq(meetings.campaignId, c.id));
  return rows
    .filter((r) => inScope(scope, r.path))
    .map((r) => ({
      id: r.m.id,
      unitId: r.m.unitId,
      unitName: r.unitName,
      stepKey: r.m.stepKey,
      scheduledAt: r.m.scheduledAt,
      startedAt: r.m.startedAt,
      endedAt: r.m.endedAt,
      version: r.m.version,
    }));
}
