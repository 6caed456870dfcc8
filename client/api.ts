// The API calls the client makes, on Hono's typed client (client/http.ts). Response types are
// inferred from the server's routes (worker/app.ts, imported for its types only), so a change
// of shape there fails to compile here. The names exported below are the shapes the screens
// talk about; none is written by hand.
//
// The screens' vocabularies (roles, unit kinds, statuses) come from schema/api.ts as types
// only: the client never ships valibot.
import type { Body } from "./http";
import {
  api,
  call,
  id,
  t,
  tenantApi,
  type PlanData,
  type Res,
  type Stored,
  type TenantApi,
} from "./http";

export { ApiError, call, id, t, tenantApi, type PlanData } from "./http";

type A = TenantApi;

import type { MemberStatus } from "../schema/vocab";
export type { MemberStatus, Role, UnitKind } from "../schema/vocab";

export type Me = Res<A["me"]["$get"]>;
export type Grant = Me["grants"][number];
export type TenantRef = Me["tenant"];
export type TenantInfo = Res<(typeof api.tenants)[":slug"]["$get"]>["tenant"];

/** `login` is an e-mail or a phone number, however typed (schema/rules/phone.ts). */
export function login(tenant: string, login: string, password: string) {
  return call(tenantApi(tenant).auth.login.$post({ json: { login, password } }));
}

export function logout(tenant: string) {
  return call(tenantApi(tenant).auth.logout.$post());
}

export function me(tenant: string): Promise<Me> {
  return call(tenantApi(tenant).me.$get());
}

/** Public: the đảng bộ's name for the login page. Rejects with status 404 for an unknown slug. */
export async function tenantInfo(slug: string): Promise<TenantInfo> {
  return (await call(api.tenants[":slug"].$get({ param: { slug: id(slug) } }))).tenant;
}

// ---- Structure: units ----

export type Unit = Res<A["units"]["$get"]>["units"][number];

export async function listUnits(tenant: string): Promise<Unit[]> {
  return (await call(tenantApi(tenant).units.$get())).units;
}

export function createUnit(tenant: string, body: Body<A["units"]["$post"]>) {
  return call(tenantApi(tenant).units.$post({ json: body }));
}

export type UnitPatch = Body<A["units"][":id"]["$patch"]>;

/** Rename and/or move; 409 VERSION_CONFLICT when `version` is stale, 422 MOVE_CYCLE. */
export function updateUnit(tenant: string, unitId: string, body: UnitPatch) {
  return call(tenantApi(tenant).units[":id"].$patch({ param: { id: id(unitId) }, json: body }));
}

export function closeUnit(tenant: string, unitId: string, closedOn: string) {
  return call(
    tenantApi(tenant).units[":id"].close.$post({ param: { id: id(unitId) }, json: { closedOn } }),
  );
}

// ---- Members ----

export type Member = Res<A["members"]["$get"]>["members"][number];
/** What a member is created from (the form's fields). */
export type MemberInput = Body<A["members"]["$post"]>;
export type MemberDetail = Res<A["members"][":id"]["$get"]>;

export interface MemberFilter {
  unitId?: string;
  /** A name search; the server ignores diacritics ("tran" finds "Trần"). */
  q?: string;
  status?: MemberStatus | "";
  includeSubtree?: boolean;
}

export async function listMembers(tenant: string, filter: MemberFilter): Promise<Member[]> {
  const query = {
    unitId: filter.unitId || undefined,
    q: filter.q?.trim() || undefined,
    status: filter.status || undefined,
    includeSubtree: filter.includeSubtree ? ("1" as const) : undefined,
  };
  return (await call(tenantApi(tenant).members.$get({ query }))).members;
}

export function getMember(tenant: string, memberId: string): Promise<MemberDetail> {
  return call(tenantApi(tenant).members[":id"].$get({ param: { id: id(memberId) } }));
}

export async function createMember(tenant: string, body: MemberInput): Promise<Member> {
  return (await call(tenantApi(tenant).members.$post({ json: body }))).member;
}

/** 409 VERSION_CONFLICT when someone else saved the member since `version` was read. */
export async function updateMember(
  tenant: string,
  memberId: string,
  body: Body<A["members"][":id"]["$patch"]>,
): Promise<Member> {
  const req = tenantApi(tenant).members[":id"].$patch({ param: { id: id(memberId) }, json: body });
  return (await call(req)).member;
}

export type ImportResult = Res<A["members"]["import"]["$post"]>;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sends a .csv or .xlsx roster as the raw body. A dry run validates and changes nothing. */
export function importMembers(
  tenant: string,
  file: Blob,
  type: "text/csv" | typeof XLSX_TYPE,
  dryRun: boolean,
): Promise<ImportResult> {
  return call(
    tenantApi(tenant).members.import.$post(
      { query: { dryRun: dryRun ? "1" : undefined } },
      { headers: { "Content-Type": type }, init: { body: file } },
    ),
  );
}

/** For a plain `<a download>`: the browser sends the session cookie itself. */
export function membersExportUrl(tenant: string, format: "csv" | "xlsx", unitId?: string): string {
  // Not the typed client's $url: it builds an absolute URL, and this is a same-origin link.
  const query = new URLSearchParams({ format, ...(unitId ? { unitId } : {}) });
  return `${t(tenant)}/members/export?${query}`;
}

// ---- Campaigns, tasks and plans ----
//
// The template language is imported for its types only (erased at build). Dates arrive as
// ISO strings (instants) or YYYY-MM-DD (calendar days).

/** A task is "todo" or "done", or follows its plan's submission once there is one. */
export type TaskStatus = "todo" | "done" | "excused" | SubmissionStatus;
export type MyTask = Stored<Res<A["my"]["tasks"]["$get"]>["tasks"][number], "status", TaskStatus>;

/** The caller's tasks, and whose they are (the drafts kept on the device are per user). */
export async function listMyTasks(tenant: string): Promise<{ tasks: MyTask[]; userId: string }> {
  const res = await call(tenantApi(tenant).my.tasks.$get());
  return { tasks: res.tasks as MyTask[], userId: res.userId };
}

export type CampaignSummary = Res<A["campaigns"]["$get"]>["campaigns"][number];
export type CampaignStatus = CampaignSummary["status"];
export type CampaignDetail = Res<A["campaigns"][":id"]["$get"]>;
export type CampaignStep = CampaignDetail["steps"][number];

export async function listCampaigns(tenant: string): Promise<CampaignSummary[]> {
  return (await call(tenantApi(tenant).campaigns.$get())).campaigns;
}

export function requireCampaign(tenant: string, campaignId: string): Promise<CampaignDetail> {
  return call(tenantApi(tenant).campaigns[":id"].$get({ param: { id: id(campaignId) } }));
}

export type CampaignInput = Body<A["campaigns"]["$post"]>;

/** Creates a draft; 422 with per-field detail. */
export function createCampaign(tenant: string, body: CampaignInput) {
  return call(tenantApi(tenant).campaigns.$post({ json: body }));
}

/** 422 NOT_LAUNCHABLE whose message says what is missing (a list's items, say). */
export function launchCampaign(tenant: string, campaignId: string) {
  return call(tenantApi(tenant).campaigns[":id"].launch.$post({ param: { id: id(campaignId) } }));
}

export function closeCampaign(tenant: string, campaignId: string) {
  return call(tenantApi(tenant).campaigns[":id"].close.$post({ param: { id: id(campaignId) } }));
}

export type Progress = Res<A["campaigns"][":id"]["progress"]["$get"]>;
export type Counts = Progress["totals"];

/** One unit's figures for its one-page papers: the progress page's rows, a sheet's worth. */
export type UnitPaper = Res<A["campaigns"][":id"]["units"][":unitId"]["paper"]["$get"]>;

export function getUnitPaper(tenant: string, campaignId: string, unitId: string) {
  return call(
    tenantApi(tenant).campaigns[":id"].units[":unitId"].paper.$get({
      param: { id: id(campaignId), unitId: id(unitId) },
    }),
  );
}

export function getProgress(tenant: string, campaignId: string, unitId?: string) {
  return call(
    tenantApi(tenant).campaigns[":id"].progress.$get({
      param: { id: id(campaignId) },
      query: { unitId: unitId || undefined },
    }),
  );
}

export type Queue = Res<A["campaigns"][":id"]["queue"]["$get"]>;
export type QueueEntry = Queue["missing"][number];
export type SubmissionStatus = NonNullable<QueueEntry["submission"]>["status"];

export function getQueue(tenant: string, campaignId: string, unitId?: string): Promise<Queue> {
  return call(
    tenantApi(tenant).campaigns[":id"].queue.$get({
      param: { id: id(campaignId) },
      query: { unitId: unitId || undefined },
    }),
  );
}

type Mine = Res<A["campaigns"][":id"]["submissions"]["mine"]["$get"]>;
type ById = Res<A["submissions"][":id"]["$get"]>;
export type Submission = Stored<NonNullable<Mine["submission"]>, "data", PlanData>;
export type SubmissionVersion = Stored<
  Stored<ById["versions"][number], "data", PlanData>,
  "status",
  SubmissionStatus
>;
/** The caller's own plan of a form: null before the first save. */
export type SubmissionRead = { submission: Submission | null; versions: SubmissionVersion[] };
/** A plan read by id, with its member's name and unit. */
export type SubmissionDetail = Stored<
  ById,
  "submission",
  Stored<ById["submission"], "data", PlanData>
> &
  Pick<SubmissionRead, "versions">;

export async function getMySubmission(
  tenant: string,
  campaignId: string,
  formKey: string,
): Promise<SubmissionRead> {
  const r = await call(
    tenantApi(tenant).campaigns[":id"].submissions.mine.$get({
      param: { id: id(campaignId) },
      query: { formKey },
    }),
  );
  const versions = "versions" in r ? (r.versions ?? []) : [];
  return { submission: r.submission, versions } as SubmissionRead;
}

/** Whose plan a write is for: the caller's own, or (a secretary) a member's, on their behalf. */
export type PlanOwner = { memberId?: string };

/**
 * Saves a draft. `version` is the one the writer started from (omitted only for the very
 * first save); a stale one gets 409 VERSION_CONFLICT. A submitted or confirmed plan that is
 * saved again becomes a draft.
 */
export function savePlan(
  tenant: string,
  campaignId: string,
  who: PlanOwner,
  json: { formKey: string; data: PlanData; version?: number },
) {
  const s = tenantApi(tenant).campaigns[":id"].submissions;
  const param = { id: id(campaignId) };
  return who.memberId
    ? call(s.member[":memberId"].$put({ param: { ...param, memberId: id(who.memberId) }, json }))
    : call(s.mine.$put({ param, json }));
}

/** 422 with one message per field path ("tu-duong-ren-luyen.pham-chat"). */
export function submitPlan(tenant: string, campaignId: string, who: PlanOwner, formKey: string) {
  const s = tenantApi(tenant).campaigns[":id"].submissions;
  const param = { id: id(campaignId) };
  const json = { formKey };
  return who.memberId
    ? call(
        s.member[":memberId"].submit.$post({
          param: { ...param, memberId: id(who.memberId) },
          json,
        }),
      )
    : call(s.mine.submit.$post({ param, json }));
}

export function getSubmission(tenant: string, submissionId: string): Promise<SubmissionDetail> {
  const param = { id: id(submissionId) };
  const req = tenantApi(tenant).submissions[":id"].$get({ param, query: {} });
  return call(req) as Promise<SubmissionDetail>;
}

/** The cell's opinion goes on the printed plan under "T/M CHI BỘ". */
export function confirmSubmission(tenant: string, submissionId: string, opinion?: string) {
  return call(
    tenantApi(tenant).submissions[":id"].confirm.$post({
      param: { id: id(submissionId) },
      json: opinion ? { opinion } : {},
    }),
  );
}

/** The comment is required (at least 3 characters); the member sees it. */
export function returnSubmission(tenant: string, submissionId: string, comment: string) {
  return call(
    tenantApi(tenant).submissions[":id"].return.$post({
      param: { id: id(submissionId) },
      json: { comment },
    }),
  );
}

// ---- Notifications (everyone's: the shell shows the unread count) ----

export type Notification = Res<A["notifications"]["$get"]>["notifications"][number];

export async function listNotifications(tenant: string): Promise<Notification[]> {
  return (await call(tenantApi(tenant).notifications.$get())).notifications;
}

export function readNotification(tenant: string, notificationId: string) {
  return call(
    tenantApi(tenant).notifications[":id"].read.$post({ param: { id: id(notificationId) } }),
  );
}
