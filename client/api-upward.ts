// The API of reports upward across tenants (issue 11): the child's report for a campaign
// adopted from its parent's directive, and the parent's inbox per directive. Types are
// inferred from the routes (client/http.ts).
import type { Body } from "./http";
import { call, id, tenantApi, type Res, type TenantApi } from "./http";

type A = TenantApi;

export type UpwardReport = Res<A["campaigns"][":id"]["upward-report"]["$get"]>;

export function readUpwardReport(tenant: string, campaignId: string): Promise<UpwardReport> {
  const param = { id: id(campaignId) };
  return call(tenantApi(tenant).campaigns[":id"]["upward-report"].$get({ param }));
}

/** 422 with one message per field; 409 VERSION_CONFLICT when `version` is stale, 409
 *  INVALID_STATE while a filed report waits for the parent. */
export function saveUpwardReport(
  tenant: string,
  campaignId: string,
  json: Body<A["campaigns"][":id"]["upward-report"]["$put"]>,
) {
  const param = { id: id(campaignId) };
  return call(tenantApi(tenant).campaigns[":id"]["upward-report"].$put({ param, json }));
}

export type Inbox = Res<A["directives"][":id"]["reports"]["$get"]>;
export type InboxChild = Inbox["children"][number];

export function directiveInbox(tenant: string, directiveId: string): Promise<Inbox> {
  const param = { id: id(directiveId) };
  return call(tenantApi(tenant).directives[":id"].reports.$get({ param }));
}

/** 409 when the report moved since it was read (`version`) or is not filed. */
export function returnReport(
  tenant: string,
  directiveId: string,
  slug: string,
  json: Body<A["directives"][":id"]["reports"][":slug"]["return"]["$post"]>,
) {
  const param = { id: id(directiveId), slug };
  return call(tenantApi(tenant).directives[":id"].reports[":slug"].return.$post({ param, json }));
}

/** The badge colours the on-time mark and the report's status borrow from the plan states
 *  (client/styles/parts.css); their labels are the vocabulary's (schema/vocab/campaigns.ts). */
export const MARK_CLASS: Record<string, string> = {
  "on-time": "s-done",
  late: "s-draft",
  missing: "s-returned",
  pending: "",
};
export const STATUS_CLASS: Record<string, string> = {
  draft: "s-draft",
  filed: "s-submitted",
  returned: "s-returned",
};
