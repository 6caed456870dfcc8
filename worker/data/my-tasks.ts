// "Việc của tôi": what the caller must do, by when — their own steps as a member, and the
// steps of the units they are secretary of — across active campaigns.
import { and, asc, eq, inArray } from "drizzle-orm";
import { completionOf, evidenceOf, meetingStepOf } from "../../schema/template";
import {
  campaigns,
  meetingAttendance,
  meetings,
  members,
  submissions,
  tasks,
  units,
} from "../../schema/tables/tenant";
import type { Scope } from "../domain/scope";
import { hydrateCampaign } from "./campaigns";
import { myYearEndTasks, type YearEndTaskInfo } from "./member-year-end";
import type { Ctx } from "./context";
import { syncTasks } from "./launch";
import { scopeCondition } from "./scope";
import { eqAll } from "./sql";

export async function listMyTasks(
  { db, now }: Pick<Ctx, "db" | "now">,
  input: { memberId: string | null; secretaryScope: Scope },
) {
  const { memberId, secretaryScope } = input;
  const active = (await db.select().from(campaigns).where(eq(campaigns.status, "active"))).map(
    hydrateCampaign,
  );
  if (active.length === 0) return [];
  const ids = active.map((a) => a.id);
  const byId = new Map(active.map((a) => [a.id, a]));
  // A member who joined after launch gets their tasks on first look. Syncing reads the
  // campaign's whole tree, so it runs only for campaigns where the member has no task yet.
  if (memberId) {
    const have = new Set(
      (
        await db
          .selectDistinct({ campaignId: tasks.campaignId })
          .from(tasks)
          .where(and(eq(tasks.memberId, memberId), inArray(tasks.campaignId, ids)))
      ).map((r) => r.campaignId),
    );
    for (const campaign of active)
      if (!have.has(campaign.id)) await syncTasks({ db, now }, { campaign, memberIds: [memberId] });
  }

  const [own, mine, unitTasks] = await Promise.all([
    memberId
      ? db
          .select()
          .from(tasks)
          .where(and(inArray(tasks.campaignId, ids), eq(tasks.memberId, memberId)))
      : [],
    memberId
      ? db
          .select({
            campaignId: submissions.campaignId,
            formKey: submissions.formKey,
            status: submissions.status,
            returnComment: submissions.returnComment,
          })
          .from(submissions)
          .where(eq(submissions.memberId, memberId))
      : [],
    secretaryScope.paths.length
      ? db
          .select({ t: tasks })
          .from(tasks)
          .innerJoin(units, eq(units.id, tasks.unitId))
          .where(
            and(
              inArray(tasks.campaignId, ids),
              eq(tasks.memberId, ""),
              scopeCondition(secretaryScope, units.path),
            ),
          )
          .orderBy(asc(tasks.dueAt))
          .then((rows) => rows.map((r) => r.t))
      : [],
  ]);
  const subOf = new Map(mine.map((s) => [`${s.campaignId}|${s.formKey}`, s]));
  // Excused members (by status now, or from the meeting their step is done by attending) see
  // "Được miễn", not a pending or late task.
  const [me, excusedAt] = memberId
    ? await Promise.all([
        db
          .select({
            status: members.status,
            unit: { id: units.id, kind: units.kind, name: units.name, path: units.path },
          })
          .from(members)
          .innerJoin(units, eq(units.id, members.unitId))
          .where(eq(members.id, memberId)),
        db
          .select({ campaignId: meetings.campaignId, stepKey: meetings.stepKey })
          .from(meetingAttendance)
          .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
          .where(
            and(
              eqAll(meetingAttendance, { memberId, presence: "excused" }),
              inArray(meetings.campaignId, ids),
            ),
          ),
      ])
    : [[], []];
  // The meeting a member's step is done by attending: its next session (time, place, the
  // materials and their Sổ tay link), so the member sees what to read before it. One read.
  const attendSteps = own.flatMap((t) => {
    const campaign = byId.get(t.campaignId)!;
    const step = campaign.def.steps.find((s) => s.key === t.stepKey);
    const m =
      step && completionOf(step) === "meeting-attended" ? meetingStepOf(campaign.def, step) : null;
    return m ? [{ t, meetingStep: m.key }] : [];
  });
  const sessions = attendSteps.length
    ? await db
        .select({
          campaignId: meetings.campaignId,
          unitId: meetings.unitId,
          stepKey: meetings.stepKey,
          session: meetings.session,
          scheduledAt: meetings.scheduledAt,
          place: meetings.place,
          soTayLink: meetings.soTayLink,
          materialsSentAt: meetings.materialsSentAt,
          endedAt: meetings.endedAt,
        })
        .from(meetings)
        .where(
          and(
            inArray(meetings.campaignId, ids),
            inArray(meetings.unitId, [...new Set(attendSteps.map((a) => a.t.unitId))]),
            inArray(meetings.stepKey, [...new Set(attendSteps.map((a) => a.meetingStep))]),
          ),
        )
        .orderBy(asc(meetings.session))
    : [];
  /** The first session not yet over, else the last one. */
  const meetingOf = new Map<string, Omit<(typeof sessions)[number], "campaignId" | "unitId">>();
  for (const { campaignId, unitId, ...m } of sessions) {
    const key = `${campaignId}|${unitId}|${m.stepKey}`;
    const had = meetingOf.get(key);
    if (!had || had.endedAt) meetingOf.set(key, m);
  }
  const attendOf = new Map(attendSteps.map((a) => [a.t.id, a.meetingStep]));
  const myStatus = me[0]?.status ?? null;
  const excusedFrom = new Set(excusedAt.map((r) => `${r.campaignId}|${r.stepKey}`));
  const view = (t: typeof tasks.$inferSelect) => {
    const campaign = byId.get(t.campaignId)!;
    const step = campaign.def.steps.find((s) => s.key === t.stepKey);
    const way = step ? completionOf(step) : null;
    // Only a step done by a member's form follows that form's status.
    const byForm = way === "member-form-submitted" || way === "member-form-confirmed";
    const formKey = t.memberId && byForm ? step?.formKey : undefined;
    const sub = formKey ? subOf.get(`${t.campaignId}|${formKey}`) : undefined;
    const meeting = step && way === "meeting-attended" ? meetingStepOf(campaign.def, step) : null;
    const excused =
      !!t.memberId &&
      !t.doneAt &&
      ((myStatus !== null &&
        (campaign.def.excusals.statuses as readonly string[]).includes(myStatus)) ||
        (!!meeting && excusedFrom.has(`${t.campaignId}|${meeting.key}`)));
    const status = excused
      ? "excused"
      : formKey
        ? (sub?.status ?? "todo")
        : t.doneAt
          ? "done"
          : "todo";
    return {
      campaignId: t.campaignId,
      campaignName: campaign.name,
      step: t.stepKey,
      title: step?.title ?? t.stepKey,
      dueAt: t.dueAt,
      status,
      ...(formKey ? { formKey } : {}),
      // What the cell asked to change, on the screen that tells the member what to do.
      ...(sub?.status === "returned" ? { returnComment: sub.returnComment } : {}),
      kind: step?.kind ?? null,
      // How the step is done, and what an acknowledgement of it must carry.
      completion: way,
      ...(way === "acknowledged" && step ? { evidence: evidenceOf(step) } : {}),
      unitId: t.unitId,
      ...(t.memberId ? { memberId: t.memberId } : {}),
      // For a step done by attending: the meeting's next session, null until it is scheduled.
      ...(attendOf.has(t.id)
        ? { meeting: meetingOf.get(`${t.campaignId}|${t.unitId}|${attendOf.get(t.id)}`) ?? null }
        : {}),
    };
  };
  // The member's own year-end input, in each campaign they have tasks in that asks it, under
  // the unit they are in now (as the save writes and compliance counts: a member who moved
  // records in the new cell).
  const inCampaigns = new Set(own.map((t) => t.campaignId));
  const yearEnd =
    memberId && me[0]
      ? await myYearEndTasks(db, {
          memberId,
          status: me[0].status,
          unit: me[0].unit,
          campaigns: active.filter((c) => inCampaigns.has(c.id)),
        })
      : [];
  // By due time; ties in the order the directive lists its steps.
  const order = (t: { campaignId: string; step: string }) =>
    byId.get(t.campaignId)!.def.steps.findIndex((s) => s.key === t.step);
  const all: (ReturnType<typeof view> & { yearEnd?: YearEndTaskInfo })[] = [
    ...[...own, ...unitTasks].map(view),
    ...yearEnd,
  ];
  return all.sort(
    (a, b) =>
      (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || order(a) - order(b),
  );
}
