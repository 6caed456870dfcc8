// Meetings of a campaign's units: scheduled, recorded during the meeting (on a phone), and
// judged against the template's meeting rules. A meeting belongs to a unit-owned step of kind
// "meeting"; recording its materials and its start marks the matching tasks done.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { unitMatches, type Step, type UnitKind } from "../../schema/template";
import {
  meetingAttendance,
  meetings,
  members,
  reports,
  tasks,
  units,
} from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import {
  meetingMarks,
  reportMark,
  summariseMarks,
  type AttendanceFacts,
  type Mark,
} from "../domain/compliance";
import { inScope, subtreeBounds, type Scope } from "../domain/scope";
import { DomainError, invalidBody, notFound, versionConflict } from "../errors";
import { auditInsert, type AuditEntry } from "./audit";
import { campaignUnitIds, inCampaignTargets, stepDueDates, type Campaign } from "./campaigns";
import { newId } from "./ids";
import { requireUnitInScope } from "./units";

type Audit = Omit<AuditEntry, "action" | "entity">;
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

/** The unit, if it is in both the caller's scope and the campaign's target subtrees. */
async function campaignUnit(db: TenantDb, c: Campaign, unitId: string, scope: Scope) {
  const unit = await requireUnitInScope(db, unitId, scope);
  if (!(await inCampaignTargets(db, c.id, unit.path)))
    throw notFound("Đơn vị không thuộc đợt sinh hoạt này.");
  return unit;
}

export interface MeetingInput {
  unitId: string;
  stepKey: string;
  scheduledAt?: Date | null;
  place?: string | null;
  format?: string | null;
}

export async function createMeeting(
  db: TenantDb,
  c: Campaign,
  input: MeetingInput,
  scope: Scope,
  audit: Audit,
  now: Date,
) {
  if (c.status !== "active")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt không còn diễn ra.");
  const unit = await campaignUnit(db, c, input.unitId, scope);
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
        ...audit,
        action: "meeting.create",
        entity: "meeting",
        entityId: row.id,
        after: { unitId: unit.id, stepKey: step.key },
      },
      now,
    ),
  ]);
  if (!inserted[0]) throw new DomainError("CONFLICT", "Đơn vị đã có lịch cho buổi sinh hoạt này.");
  return requireMeetingInScope(db, row.id, scope);
}

export async function requireMeetingInScope(db: TenantDb, id: string, scope: Scope) {
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

export async function updateMeeting(
  db: TenantDb,
  c: Campaign,
  id: string,
  patch: MeetingPatch,
  scope: Scope,
  audit: Audit,
  now: Date,
) {
  const current = await requireMeetingInScope(db, id, scope);
  if (current.campaignId !== c.id) throw notFound("Không tìm thấy buổi sinh hoạt.");
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
        ...audit,
        action: "meeting.update",
        entity: "meeting",
        entityId: id,
        after: { fields: Object.keys(patch).filter((k) => k !== "version") },
      },
      now,
    ),
  ]);
  if (!updated[0]) throw versionConflict();
  return requireMeetingInScope(db, id, scope);
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
  db: TenantDb,
  id: string,
  input: { version: number; entries: AttendanceEntry[] },
  scope: Scope,
  audit: Audit,
  now: Date,
) {
  const current = await requireMeetingInScope(db, id, scope);
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
        ...audit,
        action: "meeting.attendance",
        entity: "meeting",
        entityId: id,
        after: { present: rows.filter((r) => r.presence === "present").length, total: rows.length },
      },
      now,
    ),
  ] as unknown as Parameters<TenantDb["batch"]>[0]);
  if (!(updated as { id: string }[])[0]) throw versionConflict();
  return requireMeetingInScope(db, id, scope);
}

export async function listMeetings(db: TenantDb, c: Campaign, scope: Scope) {
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

export interface UnitCompliance {
  unitId: string;
  unitName: string;
  marks: (Mark & { step?: string; report?: string })[];
}

/** Each target unit's marks against its campaign's meeting rules and reports upward,
 *  within the reader's scope (and the `unitId` subtree if given). */
export async function campaignCompliance(
  db: TenantDb,
  c: Campaign,
  scope: Scope,
  now: Date,
  unitId?: string,
  onlyUnits?: string[],
) {
  const due = stepDueDates(c);
  const targetIds = await campaignUnitIds(db, c.id);
  const all = await db.select().from(units);
  const targets = all.filter((u) => targetIds.includes(u.id));
  let within = all.filter(
    (u) => targets.some((t) => u.path.startsWith(t.path)) && inScope(scope, u.path) && !u.closedOn,
  );
  if (unitId) {
    const root = await requireUnitInScope(db, unitId, scope);
    within = within.filter((u) => u.path.startsWith(root.path));
  }
  if (onlyUnits) {
    const only = new Set(onlyUnits);
    within = within.filter((u) => only.has(u.id));
  }
  const [meetingRows, attendanceRows, reportRows] = await Promise.all([
    db.select().from(meetings).where(eq(meetings.campaignId, c.id)),
    db
      .select({ a: meetingAttendance, rank: members.leadershipRank })
      .from(meetingAttendance)
      .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
      .innerJoin(members, eq(members.id, meetingAttendance.memberId))
      .where(eq(meetings.campaignId, c.id)),
    db
      .select({
        unitId: reports.unitId,
        reportKey: reports.reportKey,
        submittedAt: reports.submittedAt,
      })
      .from(reports)
      .where(eq(reports.campaignId, c.id)),
  ]);
  const out: UnitCompliance[] = [];
  for (const unit of within) {
    const marks: UnitCompliance["marks"] = [];
    for (const step of meetingSteps(c, unit)) {
      const rules = c.def.meetingRules.find((r) => r.key === step.meetingRulesKey);
      if (!rules) continue;
      const m = meetingRows.find((x) => x.unitId === unit.id && x.stepKey === step.key);
      const attendance: AttendanceFacts[] = m
        ? attendanceRows
            .filter((x) => x.a.meetingId === m.id)
            .map((x) => ({
              memberId: x.a.memberId,
              presence: x.a.presence,
              isCommittee: x.a.isCommittee,
              spokeOrder: x.a.spokeOrder,
              leadershipRank: x.rank,
            }))
        : [];
      const facts = m ? { ...m, attendance } : null;
      for (const mark of meetingMarks(rules, facts, due[step.key] ?? null, now))
        marks.push({ ...mark, rule: `${step.key}:${mark.rule}`, step: step.key });
    }
    for (const report of c.def.reports) {
      if (!unitMatches(report.from, { kind: unit.kind as UnitKind, name: unit.name })) continue;
      const r = reportRows.find((x) => x.unitId === unit.id && x.reportKey === report.key);
      const mark = reportMark(
        report.title,
        r?.submittedAt ?? null,
        due[report.stepKey] ?? null,
        now,
      );
      marks.push({ ...mark, rule: `report:${report.key}`, report: report.key });
    }
    if (marks.length) out.push({ unitId: unit.id, unitName: unit.name, marks });
  }
  return { units: out, summary: summariseMarks(out.map((u) => u.marks)) };
}
