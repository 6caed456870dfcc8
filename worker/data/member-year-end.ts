// Each member's own year-end input (worker/domain/year-end.ts), stored like members' other
// records: a step record under the reserved key "~tu-danh-gia-cuoi-nam" with the member's id,
// versioned (409 when stale) and audited. The member records it, or the cell's secretary on
// their behalf (with the member's consent when they have an account of their own); the cell's
// list says who is on time, late, missing or excused; compliance counts each unit in SQL.
import { and, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { eqAll } from "./sql";
import type { YearEndInputBody } from "../../schema/api-steps";
import { ictDate } from "../../schema/rules/deadlines";
import { GONE_STATUSES } from "../../schema/rules/roll";
import { unitMatches, type UnitKind } from "../../schema/template";
import { members, stepRecords } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { countState } from "../domain/progress";
import { ALL_SCOPE } from "../domain/scope";
import {
  MEMBER_YEAR_END_KEY,
  memberYearEnd,
  memberYearEndReason,
  memberYearEndState,
  unitYearEndMark,
  type MemberYearEnd,
  type YearEndCounts,
} from "../domain/year-end";
import { invalidBody, notFound } from "../errors";
import { writeRecordVersion, type StepRecordRow } from "./acknowledgements";
import {
  requireActiveCampaign,
  requireCampaignUnit,
  targetPathsQuery,
  type Campaign,
} from "./campaigns";
import type { Ctx } from "./context";
import { requireMemberInScope } from "./members";
import { requireOnBehalfAllowed } from "./on-behalf";

/** The campaign's member year-end input, if its template asks for one (404 otherwise). */
export function requireMemberYearEnd(c: Campaign): MemberYearEnd {
  const o = memberYearEnd(c.def, c.startsOn);
  if (!o) throw notFound("Đợt sinh hoạt không yêu cầu đảng viên tự đánh giá cuối năm.");
  return o;
}

/** Whether the template's year-end input concerns the unit (its appliesTo, else every unit). */
export const yearEndConcerns = (c: Campaign, unit: { kind: string; name: string }) =>
  unitMatches(c.def.followUp.yearEndRanking?.appliesTo ?? {}, {
    kind: unit.kind as UnitKind,
    name: unit.name,
  });

/**
 * Per unit and member status: how many members, how many first recorded their input before the
 * end of the due day and how many after — one GROUP BY for compliance's batch, its size the
 * number of units. When the campaign asks no member input, a statement that reads no table
 * (most campaigns: no member is read for it). `within`: a condition on the members' unit (a
 * recount of a few units or a page of them reads their members only, by the unit index).
 */
export function yearEndCountsQuery(db: TenantDb, c: Campaign, within?: SQL) {
  const o = memberYearEnd(c.def, c.startsOn);
  if (!o)
    return db.all<YearEndRow>(
      sql`SELECT '' AS unitId, '' AS status, 0 AS n, 0 AS onTime, 0 AS late WHERE 0`,
    );
  const due = o.dueAt.getTime();
  // A member's first record is its version 1, found by the records' unique index per member.
  return db
    .select({
      unitId: members.unitId,
      status: members.status,
      n: sql<number>`count(*)`,
      onTime: sql<number>`coalesce(sum(${stepRecords.createdAt} < ${due}), 0)`,
      late: sql<number>`coalesce(sum(${stepRecords.createdAt} >= ${due}), 0)`,
    })
    .from(members)
    .leftJoin(
      stepRecords,
      and(
        eq(stepRecords.campaignId, c.id),
        eq(stepRecords.stepKey, MEMBER_YEAR_END_KEY),
        eq(stepRecords.unitId, members.unitId),
        eq(stepRecords.memberId, members.id),
        eq(stepRecords.period, ""),
        eq(stepRecords.version, 1),
      ),
    )
    .where(and(notInArray(members.status, [...GONE_STATUSES]), within))
    .groupBy(members.unitId, members.status);
}

type YearEndRow = { unitId: string; status: string; n: number; onTime: number; late: number };

/** The rows of `yearEndCountsQuery` summed per unit under the campaign's excusals, with the
 *  input the campaign owes (dated once a pass, not once a unit). */
export function yearEndCountsByUnit(c: Campaign, rows: YearEndRow[]): YearEndTally {
  const out = new Map<string, YearEndCounts>();
  for (const r of rows) {
    const state = countState(r.status, c.def.excusals.statuses);
    if (state === "gone") continue;
    const n = out.get(r.unitId) ?? { expected: 0, onTime: 0, late: 0, excused: 0 };
    if (state === "excused") n.excused += Number(r.n);
    else {
      n.expected += Number(r.n);
      n.onTime += Number(r.onTime);
      n.late += Number(r.late);
    }
    out.set(r.unitId, n);
  }
  return { owed: memberYearEnd(c.def, c.startsOn), counts: out };
}

export interface YearEndTally {
  owed: MemberYearEnd | null;
  counts: Map<string, YearEndCounts>;
}

/** The unit's compliance mark for its members' year-end input; none when the campaign asks
 *  none, the unit is not concerned, or it has no members. */
export function yearEndUnitMarks(
  c: Campaign,
  unit: { id: string; kind: string; name: string },
  tally: YearEndTally,
  now: Date,
) {
  const o = tally.owed;
  const n = tally.counts.get(unit.id);
  if (!o || !n || !yearEndConcerns(c, unit)) return [];
  return [unitYearEndMark(o, n, now)];
}

const recordView = (
  r: Pick<StepRecordRow, "version" | "data" | "note" | "doneOn" | "createdAt">,
) => ({
  version: r.version,
  level: r.data ? ((JSON.parse(r.data) as { level?: string }).level ?? null) : null,
  note: r.note,
  doneOn: r.doneOn,
  at: r.createdAt,
});

/** The unit's members (gone ones aside) with their year-end input, state and reason: who is
 *  missing in the cell. One read for the members and their records. */
export async function listMemberYearEnd(
  ctx: Pick<Ctx, "db" | "scope" | "now">,
  input: { campaign: Campaign; unitId: string },
) {
  const c = input.campaign;
  const o = requireMemberYearEnd(c);
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const rows = await ctx.db
    .select({
      m: { id: members.id, fullName: members.fullName, status: members.status },
      r: stepRecords,
    })
    .from(members)
    .leftJoin(
      stepRecords,
      // Under the member's current unit, as the save writes and compliance counts: a member
      // who moved records again in the new cell.
      eqAll(stepRecords, {
        memberId: members.id,
        unitId: members.unitId,
        campaignId: c.id,
        stepKey: MEMBER_YEAR_END_KEY,
      }),
    )
    .where(and(eq(members.unitId, unit.id), notInArray(members.status, [...GONE_STATUSES])))
    .orderBy(members.fullName, members.id, desc(stepRecords.version));
  const concerned = yearEndConcerns(c, unit);
  const list = new Map<
    string,
    {
      m: (typeof rows)[number]["m"];
      latest: typeof stepRecords.$inferSelect | null;
      first: Date | null;
    }
  >();
  for (const { m, r } of rows) {
    const had = list.get(m.id);
    if (!had) list.set(m.id, { m, latest: r, first: r?.createdAt ?? null });
    else if (r && had.first && r.createdAt < had.first) had.first = r.createdAt;
  }
  const out = [...list.values()].map(({ m, latest, first }) => {
    const state = memberYearEndState(
      { excused: countState(m.status, c.def.excusals.statuses) === "excused", recordedAt: first },
      o.dueAt,
      ctx.now,
    );
    return {
      memberId: m.id,
      fullName: m.fullName,
      state,
      reason: memberYearEndReason(state, o, first),
      record: latest ? recordView(latest) : null,
    };
  });
  return {
    unitId: unit.id,
    title: o.title,
    dueOn: o.dueOn,
    cite: o.cite,
    concerned,
    members: concerned ? out : [],
  };
}

/** Records a member's year-end input: by the member themselves (`self`: their own account,
 *  whatever their grants), or on their behalf by the cell's secretary (or an admin) within
 *  their scope, through the member's unit (`unitId`). Refused writes leave no trace. */
export async function saveMemberYearEnd(
  ctx: Ctx,
  input: {
    campaign: Campaign;
    memberId: string;
    self: boolean;
    unitId?: string;
    body: YearEndInputBody;
  },
) {
  const c = input.campaign;
  requireActiveCampaign(c);
  const o = requireMemberYearEnd(c);
  const scope = input.self ? ALL_SCOPE : ctx.scope;
  const member = await requireMemberInScope(ctx.db, input.memberId, scope);
  if (input.unitId !== undefined && member.unitId !== input.unitId)
    throw notFound("Không tìm thấy đảng viên trong đơn vị này.");
  const unit = await requireCampaignUnit(
    { db: ctx.db, scope },
    { campaign: c, unitId: member.unitId },
  );
  if (!yearEndConcerns(c, unit) || countState(member.status, c.def.excusals.statuses) === "gone")
    throw invalidBody({ memberId: "Đảng viên này không phải ghi nhận trong đợt." });
  const today = ictDate(ctx.now);
  const doneOn = input.body.doneOn ?? today;
  if (doneOn > today) throw invalidBody({ doneOn: "Ngày thực hiện chưa đến." });
  if (!input.self) await requireOnBehalfAllowed(ctx.db, member.id);
  const key = {
    campaignId: c.id,
    stepKey: MEMBER_YEAR_END_KEY,
    unitId: unit.id,
    memberId: member.id,
    period: "",
  };
  const row = await writeRecordVersion(
    ctx,
    { key, expected: input.body.version },
    {
      ...key,
      doneOn,
      note: input.body.note,
      data: JSON.stringify({ level: input.body.level }),
    },
    // The self-assessment is the member's: the audit keeps that it was made, and by whom.
    (version) => ({
      action: "year-end.member-save",
      entity: "member",
      entityId: member.id,
      after: { campaignId: c.id, version, onBehalf: !input.self },
    }),
  );
  return { memberId: member.id, unitId: unit.id, dueOn: o.dueOn, ...recordView(row) };
}

/** What "Việc của tôi" shows of a year-end input: the document it cites, the latest record. */
export interface YearEndTaskInfo {
  cite: string;
  record: ReturnType<typeof recordView> | null;
}

/** The member's year-end input as tasks in "Việc của tôi": one per active campaign that asks
 *  it and in which the member has tasks (`unit`: theirs now, as the save writes), where the
 *  save would take it — the member not gone, their unit in the campaign's targets and
 *  concerned by its year-end ranking — with its due day, whether it is done, and the latest
 *  record to correct. One read. */
export async function myYearEndTasks(
  db: TenantDb,
  input: {
    memberId: string;
    status: string;
    unit: { id: string; kind: string; name: string; path: string };
    campaigns: Campaign[];
  },
) {
  const { unit } = input;
  const owed = input.campaigns.flatMap((c) => {
    const o = memberYearEnd(c.def, c.startsOn);
    const state = countState(input.status, c.def.excusals.statuses);
    return o && state !== "gone" && yearEndConcerns(c, unit) ? [{ c, o, state }] : [];
  });
  if (!owed.length) return [];
  const ids = owed.map((x) => x.c.id);
  const [rows, targets] = await db.batch([
    db
      .select()
      .from(stepRecords)
      .where(
        and(
          // Under the member's unit, as the save writes (a record left in a former cell is
          // not this one's).
          eqAll(stepRecords, {
            memberId: input.memberId,
            stepKey: MEMBER_YEAR_END_KEY,
            unitId: unit.id,
          }),
          inArray(stepRecords.campaignId, ids),
        ),
      )
      .orderBy(desc(stepRecords.version)),
    targetPathsQuery(db, ids),
  ]);
  return owed
    .filter(({ c }) => targets.some((t) => t.campaignId === c.id && unit.path.startsWith(t.path)))
    .map(({ c, o, state }) => {
      const r = rows.find((x) => x.campaignId === c.id);
      return {
        campaignId: c.id,
        campaignName: c.name,
        step: MEMBER_YEAR_END_KEY,
        title: o.title,
        dueAt: o.dueAt,
        status: r
          ? ("done" as const)
          : state === "excused"
            ? ("excused" as const)
            : ("todo" as const),
        kind: null,
        completion: null,
        unitId: unit.id,
        memberId: input.memberId,
        yearEnd: { cite: o.cite, record: r ? recordView(r) : null } as YearEndTaskInfo,
      };
    });
}
