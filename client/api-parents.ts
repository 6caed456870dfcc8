// The API of supervision (routed plans, góp ý), reports upward, and the links between parent
// and child đảng bộ with their directives. Kept out of api.ts so that it lands in the lazy
// chunks of the screens that use it. Shapes follow worker/routes/supervision.ts,
// worker/routes/submissions.ts, worker/routes/campaigns.ts and worker/routes/links.ts.
import { request, t, id, type PlanData } from "./api";
import type { MarkStatus } from "./api-meetings";

// ---- Supervision ----

export interface RoutedPlan {
  submissionId: string;
  campaignId: string;
  campaignName: string;
  memberId: string;
  fullName: string;
  position: string | null;
  unitName: string;
  formKey: string;
  confirmedAt: string | null;
}

export async function listRoutedPlans(tenant: string): Promise<RoutedPlan[]> {
  return (await request<{ plans: RoutedPlan[] }>("GET", `${t(tenant)}/supervision/plans`)).plans;
}

export interface PlanComment {
  id: string;
  authorRole: "giam-sat" | "chi-bo";
  body: string;
  createdAt: string;
}

export async function listComments(tenant: string, submissionId: string): Promise<PlanComment[]> {
  return (
    await request<{ comments: PlanComment[] }>(
      "GET",
      `${t(tenant)}/submissions/${id(submissionId)}/comments`,
    )
  ).comments;
}

/** 422 (fields.body) for fewer than 2 characters. */
export function addComment(tenant: string, submissionId: string, body: string): Promise<unknown> {
  return request("POST", `${t(tenant)}/submissions/${id(submissionId)}/comments`, { body });
}

// ---- Reports upward ----

export interface UnitReport {
  unitId: string;
  unitName: string;
  reportKey: string;
  title: string;
  to: string;
  dueAt: string | null;
  submittedAt: string | null;
  version: number;
  /** Absent for viewers. */
  data?: PlanData | null;
  mark: { status: MarkStatus; reason: string };
}

export async function listReports(tenant: string, campaignId: string): Promise<UnitReport[]> {
  return (
    await request<{ reports: UnitReport[] }>(
      "GET",
      `${t(tenant)}/campaigns/${id(campaignId)}/reports`,
    )
  ).reports;
}

/** 422 with one message per field path; 409 VERSION_CONFLICT when `version` is stale. */
export function submitReport(
  tenant: string,
  campaignId: string,
  unitId: string,
  body: { reportKey: string; data: PlanData; version?: number },
): Promise<unknown> {
  return request("PUT", `${t(tenant)}/campaigns/${id(campaignId)}/reports/${id(unitId)}`, body);
}

// ---- Links between đảng bộ ----

export type LinkStatus = "pending" | "approved" | "revoked" | string;

export interface TenantLink {
  id: string;
  status: LinkStatus;
  requestedAt: string;
  approvedAt: string | null;
  child: { slug: string; name: string };
  parent: { slug: string; name: string };
}

export function listLinks(
  tenant: string,
): Promise<{ asChild: TenantLink[]; asParent: TenantLink[] }> {
  return request("GET", `${t(tenant)}/links`);
}

export function requestLink(tenant: string, parentSlug: string): Promise<unknown> {
  return request("POST", `${t(tenant)}/links`, { parentSlug });
}

export function approveLink(tenant: string, linkId: string): Promise<unknown> {
  return request("POST", `${t(tenant)}/links/${id(linkId)}/approve`);
}

export function revokeLink(tenant: string, linkId: string): Promise<unknown> {
  return request("POST", `${t(tenant)}/links/${id(linkId)}/revoke`);
}

export interface ChildCampaign {
  name: string;
  directiveName: string | null;
  expected: number;
  submitted: number;
  confirmed: number;
  late: number;
  excused: number;
  computedAt: string;
}

export interface ChildProgress {
  tenant: { slug: string; name: string };
  campaigns: ChildCampaign[];
}

export async function childrenProgress(tenant: string): Promise<ChildProgress[]> {
  return (await request<{ children: ChildProgress[] }>("GET", `${t(tenant)}/children/progress`))
    .children;
}

export interface Directive {
  id: string;
  name: string;
  documentNo: string | null;
  templateKey: string;
  startsOn: string;
  dueOn: string;
  lockedSections: string[];
  /** True for one this đảng bộ published; false for a parent's. */
  own: boolean;
}

export async function listDirectives(tenant: string): Promise<Directive[]> {
  return (await request<{ directives: Directive[] }>("GET", `${t(tenant)}/directives`)).directives;
}

export function publishDirective(
  tenant: string,
  body: { templateKey: string; name: string; documentNo?: string; startsOn: string; dueOn: string },
): Promise<{ id: string }> {
  return request("POST", `${t(tenant)}/directives`, body);
}

export function adoptDirective(
  tenant: string,
  directiveId: string,
  unitIds: string[],
): Promise<{ id: string }> {
  return request("POST", `${t(tenant)}/directives/${id(directiveId)}/adopt`, { unitIds });
}
