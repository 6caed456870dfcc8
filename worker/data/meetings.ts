// Meetings of a campaign's units: scheduled, recorded during the meeting (on a phone), and
// judged against the template's meeting rules. A meeting belongs to a unit-owned step of kind
// "meeting"; recording it completes the steps whose declared way it is (its time and place,
// its materials, its start: worker/domain/step-completion.ts).
import { and, asc, eq, sql } from "drizzle-orm";
import { completionOf, unitMatches, type Step, type UnitKind } from "../../schema/template";
import { meetingAttendance, meetings, members, units } from "../../schema/tables/tenant";
import type { MergeKind } from "../../schema/vocab/campaigns";
import type { TenantDb } from "../db/handles";
import { inScope } from "../domain/scope";
import { stepsDoneByMeeting } from "../domain/step-completion";
import { DomainError, invalidBody, notFound, versionConflict } from "../errors";
import { auditInsert, auditInsertIf } from "./audit";
import { holds, markMeeting, markUnits } from "./progress-marks";
import {
  requireCampaign,
  requireActiveCampaign,
  requireCampaignUnit,
  type Campaign,
} from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { attendanceRoles, attendTaskUpdates } from "./meeting-attendance";
import { completeUnitSteps } from "./step-completion";

export type MeetingRow = typeof meetings.$inferSelect;

/** Steps that are held as a meeting (the cell's conference, 003's vote on the resolution…)
 *  and concern a unit of this kind and name: unit steps with meeting rules. */
export const meetingSteps = (c: Campaign, unit: { kind: string; name: string }): Step[] =>
  c.def.steps.filter(
    (s) =>
      s.owner === "unit" &&
      !!s.meetingRulesKey &&
      completionOf(s) === "meeting-held" &&
      unitMatches(s.appliesTo, { kind: unit.kind as UnitKind, name: unit.name }),
  );

export interface MeetingInput {
  unitId: string;
  stepKey: string;
  /** 1 (the default) for the step's first meeting; 2, 3… for further sessions. */
  session?: number;
  scheduledAt?: Date | null;
  place?: string | null;
  format?: string | null;
}

export async function createMeeting(ctx: Ctx, input: MeetingInput & { campaign: Campaign }) {
  const { db, actor, now } = ctx;
  const c = input.campaign;
  requireActiveCampaign(c);
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const step = meetingSteps(c, unit).find((s) => s.key === input.stepKey);
  if (!step) throw invalidBody({ stepKey: "Bước này không phải buổi sinh hoạt của đơn vị này." });
  checkFormat(c, step, input.format);
  const session = input.session ?? 1;
  const row = {
    id: newId(),
    campaignId: c.id,
    unitId: unit.id,
    stepKey: step.key,
    session,
    scheduledAt: input.scheduledAt ?? null,
    place: input.place ?? null,
    format: input.format ?? null,
    createdAt: now,
    updatedAt: now,
  };
  // The audit row and the marks are written only if the meeting was (no session taken).
  const created = sql`EXISTS (SELECT 1 FROM ${meetings} WHERE ${meetings.id} = ${row.id})`;
  const [inserted] = await db.batch([
    db.insert(meetings).values(row).onConflictDoNothing().returning({ id: meetings.id }),
    auditInsertIf(
      db,
      {
        ...actor,
        action: "meeting.create",
        entity: "meeting",
        entityId: row.id,
        after: { unitId: unit.id, stepKey: step.key },
      },
      now,
      created,
    ),
    // A meeting created with its time and place completes the steps that schedule it.
    completeUnitSteps(
      db,
      {
        campaignId: c.id,
        unitId: unit.id,
        stepKeys: stepsDoneByMeeting(c.def, {
          ...row,
          materialsSentAt: null,
          soTayLink: null,
          soTayPostedAt: null,
          startedAt: null,
        }),
      },
      now,
    ),
    // The unit's compliance marks (compliance-figures.ts).
    markUnits(db, [unit.id], c.id, created),
  ]);
  if (!inserted[0])
    throw new DomainError(
      "CONFLICT",
      session === 1
        ? "Đơn vị đã có lịch cho buổi sinh hoạt này."
        : `Đơn vị đã có lịch cho buổi thứ ${session} của bước này.`,
    );
  return requireMeetingInScope(ctx, row.id);
}

export async function requireMeetingInScope({ db, scope }: Pick<Ctx, "db" | "scope">, id: string) {
  const [row] = await db
    .select({ m: meetings, path: units.path, unitName: units.name, unitKind: units.kind })
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
    unitKind: row.unitKind,
    mergedWith: row.m.mergedWith ? (JSON.parse(row.m.mergedWith) as MergeKind[]) : null,
    guests: row.m.guests ? (JSON.parse(row.m.guests) as Guest[]) : [],
    agenda: row.m.agenda ? (JSON.parse(row.m.agenda) as AgendaCovered[]) : [],
    attendance: attendance.map((x) => ({
      ...x.a,
      fullName: x.fullName,
      leadershipRank: x.leadershipRank,
    })),
  };
}

/** A template agenda item covered at the meeting (1-based), and who presented it. */
export interface AgendaCovered {
  no: number;
  presenter?: string | null;
}

/** Someone from outside the roll-call, in the template's attendance line `role` if any. */
export interface Guest {
  name: string;
  organisation?: string;
  role?: string;
}

/** A format must be one the template offers, where it offers a choice (002). */
function checkFormat(c: Campaign, step: Step, format: string | null | undefined) {
  const formats = c.def.meetingRules.find((r) => r.key === step.meetingRulesKey)?.formats;
  if (format && formats?.length && !formats.some((f) => f.value === format))
    throw invalidBody({
      format: `Hình thức phải là một trong: ${formats.map((f) => f.label).join("; ")}.`,
    });
}

/** Agenda items are the template's own, each recorded once. */
function checkAgenda(c: Campaign, step: Step, agenda: AgendaCovered[]) {
  const items = c.def.meetingRules.find((r) => r.key === step.meetingRulesKey)?.agenda ?? [];
  const bad = agenda.flatMap((a, i) =>
    a.no > items.length || agenda.findIndex((b) => b.no === a.no) !== i ? [i] : [],
  );
  if (bad.length)
    throw invalidBody(
      Object.fromEntries(
        bad.map((i) => [
          `agenda.${i}.no`,
          items.length
            ? `Chương trình chỉ có ${items.length} nội dung, mỗi nội dung ghi một lần.`
            : "Văn bản không nêu chương trình cho buổi này.",
        ]),
      ),
    );
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
  mergedWith?: MergeKind[] | null;
  minutesSecretary?: string | null;
  agenda?: AgendaCovered[] | null;
  guests?: Guest[];
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
  const { version: _v, vote, guests, mergedWith, agenda, ...fields } = patch;
  const step = c.def.steps.find((s) => s.key === current.stepKey)!;
  if (fields.format !== undefined) checkFormat(c, step, fields.format);
  if (agenda) checkAgenda(c, step, agenda);
  if (guests?.some((g) => g.role)) {
    const roles = attendanceRoles(c, current.stepKey, {
      kind: current.unitKind,
      name: current.unitName,
    });
    const bad = guests.flatMap((g, i) => (g.role && !roles.has(g.role) ? [i] : []));
    if (bad.length)
      throw invalidBody(
        Object.fromEntries(
          bad.map((i) => [`guests.${i}.role`, "Thành phần này không có trong buổi họp."]),
        ),
      );
  }
  const next = {
    ...fields,
    ...(guests !== undefined ? { guests: JSON.stringify(guests) } : {}),
    ...(agenda !== undefined
      ? { agenda: agenda === null ? null : JSON.stringify(agenda.sort((a, b) => a.no - b.no)) }
      : {}),
    // The two answers stay one: the list, or the screen's "riêng" / "ghép thường kỳ".
    ...(mergedWith !== undefined
      ? {
          mergedWith: mergedWith === null ? null : JSON.stringify([...new Set(mergedWith)]),
          mergedWithRegular: mergedWith === null ? null : mergedWith.includes("thuong-ky"),
        }
      : fields.mergedWithRegular !== undefined
        ? {
            mergedWith:
              fields.mergedWithRegular === null
                ? null
                : JSON.stringify(fields.mergedWithRegular ? ["thuong-ky"] : []),
          }
        : {}),
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
  // A meeting is recorded as held only once it has happened: a start or an end still ahead
  // of now would show it held (and "Đạt") before anyone met.
  const ahead = (d: Date | null | undefined) => !!d && d.getTime() > now.getTime();
  if (ahead(next.startedAt) || ahead(next.endedAt))
    throw invalidBody(
      {
        ...(ahead(next.startedAt) ? { startedAt: "Giờ bắt đầu chưa đến." } : {}),
        ...(ahead(next.endedAt) ? { endedAt: "Giờ kết thúc chưa đến." } : {}),
      },
      "Chưa đến giờ: không thể ghi buổi sinh hoạt là đã diễn ra trước khi nó bắt đầu.",
    );
  // Steps this meeting completes, each by its declared way: the meeting once it started, the
  // steps preparing it once it is scheduled or its materials went out.
  const pick = <K extends keyof typeof next & keyof typeof current>(k: K) =>
    next[k] !== undefined ? next[k] : current[k];
  const done = stepsDoneByMeeting(c.def, {
    stepKey: current.stepKey,
    scheduledAt: pick("scheduledAt") ?? null,
    place: pick("place") ?? null,
    materialsSentAt: pick("materialsSentAt") ?? null,
    soTayLink: pick("soTayLink") ?? null,
    soTayPostedAt: pick("soTayPostedAt") ?? null,
    startedAt: startedAt ?? null,
  });
  const [updated] = await db.batch([
    db
      .update(meetings)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(and(eq(meetings.id, id), eq(meetings.version, patch.version)))
      .returning({ id: meetings.id }),
    // A roll-call counts for a step only once its meeting has started.
    markMeeting(db, id, c.id, holds("meetings", id, current.version + 1)),
    // The unit's compliance marks (compliance-figures.ts).
    markUnits(db, [current.unitId], c.id, holds("meetings", id, current.version + 1)),
    completeUnitSteps(db, { campaignId: c.id, unitId: current.unitId, stepKeys: done }, now),
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
  // A new start moves the attending members' tasks (done on the first session they attended).
  const follow =
    next.startedAt !== undefined
      ? await attendTaskUpdates(
          db,
          c,
          {
            unitId: current.unitId,
            stepKey: current.stepKey,
            memberIds: current.attendance.map((a) => a.memberId),
          },
          now,
        )
      : [];
  if (follow.length) await db.batch(follow as unknown as Parameters<TenantDb["batch"]>[0]);
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
      session: r.m.session,
      scheduledAt: r.m.scheduledAt,
      startedAt: r.m.startedAt,
      endedAt: r.m.endedAt,
      version: r.m.version,
    }));
}
