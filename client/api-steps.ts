// The API of steps done by a record: an acknowledgement with its evidence (the plan posted, the
// copy sent upward…) or the unit's own form. Kept out of api.ts so that it lands only in the
// chunks of the screens that use it. Types are inferred from the routes (client/http.ts).
import { call, id, tenantApi, type Body, type TenantApi } from "./http";

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
