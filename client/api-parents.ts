// The API of supervision (routed plans, góp ý), reports upward, and the links between parent
// and child đảng bộ with their directives. Kept out of api.ts so that it lands in the lazy
// chunks of the screens that use it. Types are inferred from the routes (client/http.ts).
import type { Body } from "./http";
import { call, id, tenantApi, type PlanData, type Res, type Stored, type TenantApi } from "./http";

type A = TenantApi;

// ---- Supervision ----

export type RoutedPlans = Res<A["supervision"]["plans"]["$get"]>;
export type RoutedPlan = RoutedPlans["plans"][number];

/** A page of the routed plans: from `after` (the last page's `next`), or one plan by `id`. */
export function listRoutedPlans(
  tenant: string,
  query: { after?: string; id?: string } = {},
): Promise<RoutedPlans> {
  return call(tenantApi(tenant).supervision.plans.$get({ query }));
}

type CommentRow = Res<A["submissions"][":id"]["comments"]["$get"]>["comments"][number];
/** The server stores the author's role as text; it writes only these two. */
export type PlanComment = Stored<CommentRow, "authorRole", "giam-sat" | "chi-bo">;

export async function listComments(tenant: string, submissionId: string): Promise<PlanComment[]> {
  const param = { id: id(submissionId) };
  const { comments } = await call(tenantApi(tenant).submissions[":id"].comments.$get({ param }));
  return comments as PlanComment[];
}

/** 422 (fields.body) for fewer than 2 characters. */
export function addComment(tenant: string, submissionId: string, body: string) {
  const param = { id: id(submissionId) };
  return call(tenantApi(tenant).submissions[":id"].comments.$post({ param, json: { body } }));
}

// ---- Reports upward ----

type ReportRow = Res<A["campaigns"][":id"]["reports"]["$get"]>["reports"][number];
/** `data` is absent for viewers. */
export type UnitReport = Omit<ReportRow, "data"> & { data?: PlanData | null };

export async function listReports(tenant: string, campaignId: string): Promise<UnitReport[]> {
  const param = { id: id(campaignId) };
  const { reports } = await call(tenantApi(tenant).campaigns[":id"].reports.$get({ param }));
  return reports as UnitReport[];
}

/** 422 with one message per field path; 409 VERSION_CONFLICT when `version` is stale. */
export function submitReport(
  tenant: string,
  campaignId: string,
  unitId: string,
  json: Body<A["campaigns"][":id"]["reports"][":unitId"]["$put"]>,
) {
  const param = { id: id(campaignId), unitId: id(unitId) };
  return call(tenantApi(tenant).campaigns[":id"].reports[":unitId"].$put({ param, json }));
}

// ---- Links between đảng bộ ----

export type Links = Res<A["links"]["$get"]>;
export type TenantLink = Links["asChild"][number];

export function listLinks(tenant: string): Promise<Links> {
  return call(tenantApi(tenant).links.$get());
}

export function requestLink(tenant: string, parentSlug: string) {
  return call(tenantApi(tenant).links.$post({ json: { parentSlug } }));
}

export function approveLink(tenant: string, linkId: string) {
  return call(tenantApi(tenant).links[":id"].approve.$post({ param: { id: id(linkId) } }));
}

export function revokeLink(tenant: string, linkId: string) {
  return call(tenantApi(tenant).links[":id"].revoke.$post({ param: { id: id(linkId) } }));
}

export type ChildProgress = Res<A["children"]["progress"]["$get"]>["children"][number];
export type ChildCampaign = ChildProgress["campaigns"][number];

export async function childrenProgress(tenant: string): Promise<ChildProgress[]> {
  return (await call(tenantApi(tenant).children.progress.$get())).children;
}

export type Directive = Res<A["directives"]["$get"]>["directives"][number];

export async function listDirectives(tenant: string): Promise<Directive[]> {
  return (await call(tenantApi(tenant).directives.$get())).directives;
}

export function publishDirective(tenant: string, json: Body<A["directives"]["$post"]>) {
  return call(tenantApi(tenant).directives.$post({ json }));
}

export type AdoptBody = Body<A["directives"][":id"]["adopt"]["$post"]>;

/** 422 SECTION_LOCKED (`definition.<section>`) or INVALID_BODY (`dueOn`, `overrides.<step>`)
 *  name the field; the adapted campaign is a draft. */
export function adoptDirective(tenant: string, directiveId: string, json: AdoptBody) {
  const param = { id: id(directiveId) };
  return call(tenantApi(tenant).directives[":id"].adopt.$post({ param, json }));
}

/** Who is behind on one of this đảng bộ's directives: tenant names and counts only. */
export type Behind = Res<A["directives"][":id"]["behind"]["$get"]>;
export type BehindRow = Behind["rows"][number];

export function directiveBehind(tenant: string, directiveId: string): Promise<Behind> {
  const param = { id: id(directiveId) };
  return call(tenantApi(tenant).directives[":id"].behind.$get({ param }));
}

/** 429 RATE_LIMITED when this child was reminded of this directive today; 404 off the tree. */
export function remindBehind(tenant: string, directiveId: string, slug: string) {
  const param = { id: id(directiveId), slug };
  return call(tenantApi(tenant).directives[":id"].behind[":slug"].remind.$post({ param }));
}

/** One of this đảng bộ's directives over time: a point per ICT day of its whole subtree's
 *  totals (counts only), written by this đảng bộ's own cron pass. */
export type DirectiveHistory = Res<A["directives"][":id"]["history"]["$get"]>;

export function directiveHistory(tenant: string, directiveId: string): Promise<DirectiveHistory> {
  const param = { id: id(directiveId) };
  return call(tenantApi(tenant).directives[":id"].history.$get({ param }));
}

export type CampaignEdit = Body<A["campaigns"][":id"]["$patch"]>;

/** A draft's own edit from `version`: 409 VERSION_CONFLICT when stale; for an adopted draft,
 *  422 SECTION_LOCKED (`definition.<section>`) or INVALID_BODY (`dueOn`, `overrides.<step>`). */
export function editCampaign(tenant: string, campaignId: string, json: CampaignEdit) {
  const param = { id: id(campaignId) };
  return call(tenantApi(tenant).campaigns[":id"].$patch({ param, json }));
}
