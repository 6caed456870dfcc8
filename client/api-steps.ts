// The API of steps done by a record: an acknowledgement with its evidence (the plan posted, the
// copy sent upward…) or the unit's own form. Kept out of api.ts so that it lands only in the
// chunks of the screens that use it. Types are inferred from the routes (client/http.ts).
import {
  call,
  id,
  tenantApi,
  type Body,
  type PlanData,
  type Res,
  type Stored,
  type TenantApi,
} from "./http";

type Steps = TenantApi["campaigns"][":id"]["steps"][":stepKey"];
export type StepRecordInput = Body<Steps["mine"]["$put"]>;

/** Records a task's step: the member's own through `mine`, a unit's through its unit. 409
 *  when someone recorded it meanwhile; 422 naming each piece of evidence missing. */
export async function recordStep(
  tenant: string,
  task: { campaignId: string; step: string; unitId: string; memberId?: string },
  json: StepRecordInput,
) {
  const steps = tenantApi(tenant).campaigns[":id"].steps[":stepKey"];
  const param = { id: id(task.campaignId), stepKey: task.step };
  return task.memberId
    ? call(steps.mine.$put({ param, json }))
    : call(steps.units[":unitId"].$put({ param: { ...param, unitId: id(task.unitId) }, json }));
}

export type UnitStepRecords = Stored<
  Res<Steps["units"][":unitId"]["$get"]>,
  "versions",
  (Res<Steps["units"][":unitId"]["$get"]>["versions"][number] & { data: PlanData | null })[]
>;
export type ChecklistTally = Res<Steps["checklist"]["$get"]>;

const stepParam = (campaignId: string, stepKey: string) => ({ id: id(campaignId), stepKey });

/** Every version of a unit's record of a step (its form's answers), newest first. */
export async function getUnitStep(
  tenant: string,
  campaignId: string,
  stepKey: string,
  unitId: string,
): Promise<UnitStepRecords> {
  const steps = tenantApi(tenant).campaigns[":id"].steps[":stepKey"];
  const param = { ...stepParam(campaignId, stepKey), unitId: id(unitId) };
  return (await call(steps.units[":unitId"].$get({ param }))) as UnitStepRecords;
}

/** Per checklist item, how many units of the reader's subtree answered each level. */
export function getChecklistTally(
  tenant: string,
  campaignId: string,
  stepKey: string,
): Promise<ChecklistTally> {
  const steps = tenantApi(tenant).campaigns[":id"].steps[":stepKey"];
  return call(steps.checklist.$get({ param: stepParam(campaignId, stepKey) }));
}

type Reviews = TenantApi["campaigns"][":id"]["monthly-reviews"];
export type MonthlyReviews = Res<Reviews[":unitId"]["$get"]>;

/** The unit's monthly reviews on the campaign's form, every month recorded. */
export function getMonthlyReviews(
  tenant: string,
  campaignId: string,
  unitId: string,
): Promise<MonthlyReviews> {
  const r = tenantApi(tenant).campaigns[":id"]["monthly-reviews"];
  return call(r[":unitId"].$get({ param: { id: id(campaignId), unitId: id(unitId) } }));
}

/** Saves one month's review ("YYYY-MM"); 409 when someone saved that month meanwhile. */
export function saveMonthlyReview(
  tenant: string,
  input: { campaignId: string; unitId: string; period: string },
  json: { version: number; data: PlanData },
) {
  const r = tenantApi(tenant).campaigns[":id"]["monthly-reviews"];
  const param = { id: id(input.campaignId), unitId: id(input.unitId), period: input.period };
  return call(r[":unitId"][":period"].$put({ param, json }));
}

type FollowUpsApi = TenantApi["campaigns"][":id"]["follow-ups"];
export type FollowUps = Res<FollowUpsApi[":unitId"]["$get"]>;
export type FollowUpInput = Body<FollowUpsApi[":unitId"][":followUpKey"]["$put"]>;

/** The unit's milestones and year-end input, with their days and records. */
export function getFollowUps(tenant: string, campaignId: string, unitId: string) {
  const r = tenantApi(tenant).campaigns[":id"]["follow-ups"];
  return call(r[":unitId"].$get({ param: { id: id(campaignId), unitId: id(unitId) } }));
}

/** Records one of them; 409 when someone recorded it meanwhile. */
export function saveFollowUp(
  tenant: string,
  input: { campaignId: string; unitId: string; key: string },
  json: FollowUpInput,
) {
  const r = tenantApi(tenant).campaigns[":id"]["follow-ups"];
  const param = { id: id(input.campaignId), unitId: id(input.unitId), followUpKey: input.key };
  return call(r[":unitId"][":followUpKey"].$put({ param, json }));
}

export type MemberYearEndList = Res<FollowUpsApi[":unitId"]["members"]["$get"]>;
export type YearEndInput = Body<FollowUpsApi["mine"]["$put"]>;

/** The unit's members and their own year-end input: on time, late, missing or excused. */
export function getMemberYearEnd(tenant: string, campaignId: string, unitId: string) {
  const r = tenantApi(tenant).campaigns[":id"]["follow-ups"];
  return call(r[":unitId"].members.$get({ param: { id: id(campaignId), unitId: id(unitId) } }));
}

/** Records a member's year-end input: their own (no `memberId`), or for a member of the unit
 *  by its secretary. 409 when someone recorded it meanwhile. */
export function saveYearEndInput(
  tenant: string,
  input: { campaignId: string; unitId: string; memberId?: string },
  json: YearEndInput,
) {
  const r = tenantApi(tenant).campaigns[":id"]["follow-ups"];
  if (!input.memberId) return call(r.mine.$put({ param: { id: id(input.campaignId) }, json }));
  const param = {
    id: id(input.campaignId),
    unitId: id(input.unitId),
    memberId: id(input.memberId),
  };
  return call(r[":unitId"].members[":memberId"].$put({ param, json }));
}

type Periodic = TenantApi["campaigns"][":id"]["periodic-reports"][":reportKey"];
export type PeriodicReports = Res<Periodic[":unitId"]["$get"]>;

/** The unit's periodic report on the campaign's form, every period recorded. */
export function getPeriodicReports(
  tenant: string,
  campaignId: string,
  reportKey: string,
  unitId: string,
): Promise<PeriodicReports> {
  const r = tenantApi(tenant).campaigns[":id"]["periodic-reports"][":reportKey"];
  return call(r[":unitId"].$get({ param: { id: id(campaignId), reportKey, unitId: id(unitId) } }));
}

/** Files one period's report ("YYYY-H1", "YYYY-H2", "YYYY"); 409 when saved meanwhile. */
export function savePeriodicReport(
  tenant: string,
  input: { campaignId: string; reportKey: string; unitId: string; period: string },
  json: { version: number; data: PlanData },
) {
  const r = tenantApi(tenant).campaigns[":id"]["periodic-reports"][":reportKey"];
  const param = {
    id: id(input.campaignId),
    reportKey: input.reportKey,
    unitId: id(input.unitId),
    period: input.period,
  };
  return call(r[":unitId"][":period"].$put({ param, json }));
}
