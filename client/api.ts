// A small typed fetch wrapper for the routes the client uses (shared/CONTRACT.md).
//
// Hand-typed on purpose for now: the server will export `type AppType` from worker/app.ts
// for `hc<AppType>` from "hono/client", but it may not exist yet. When it does, these
// functions can keep their signatures and delegate to the typed client.
//
// What must stay true:
// - Cookies only: the session is an HttpOnly cookie; the bearer `token` that login also
//   returns is for scripts and is never stored here (nothing in JS can then leak it).
// - Unsafe methods send `Content-Type: application/json` (the server refuses other types
//   with 415) and rely on the browser's own Origin header for the CSRF check.
// - Every failure becomes an `ApiError` whose `message` is Vietnamese and safe to show.
import type { TemplateDefinition } from "../schema/template";

export type Role = "admin" | "secretary" | "member" | "supervisor" | "viewer";

export interface Grant {
  role: Role;
  /** The unit whose subtree the role covers; null for tenant-wide roles. */
  unitId: string | null;
}

export interface TenantRef {
  slug: string;
  name: string;
}

export interface TenantInfo extends TenantRef {
  kind: string;
}

export interface Me {
  user: { id: string; fullName: string; email: string };
  grants: Grant[];
  /** Promised by the server in /me; CONTRACT.md does not list it yet. */
  tenant?: TenantRef;
}

export interface LoginResult {
  user: { id: string; fullName: string };
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the request never got an answer (offline, timeout). */
    readonly status: number,
    /** The server's machine code, or a client-side one (NETWORK, TIMEOUT, HTTP_<status>). */
    readonly code: string,
    message: string,
    /** Per-field messages for 422 answers. */
    readonly fields: Readonly<Record<string, string>> = {},
    /** Seconds from Retry-After on 429/503, when the server sent it. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** A 3G connection can stall for a long time; give up and say so rather than spin forever. */
const TIMEOUT_MS = 30_000;

/** A roster file of several MB on 3G needs longer than a JSON call. */
const UPLOAD_TIMEOUT_MS = 180_000;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A body sent as is (a file), with its own Content-Type, instead of JSON. */
class FileBody {
  constructor(
    readonly blob: Blob,
    readonly type: string,
  ) {}
}

/** Exported for the lazy API modules (api-*.ts), which keep the entry chunk small. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  const file = body instanceof FileBody ? body : undefined;
  if (file) {
    headers["Content-Type"] = file.type;
    init.body = file.blob;
  } else if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  if (typeof AbortSignal.timeout === "function") {
    init.signal = AbortSignal.timeout(file ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS);
  }

  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === "TimeoutError") {
      throw new ApiError(0, "TIMEOUT", "Máy chủ phản hồi quá lâu. Hãy kiểm tra mạng và thử lại.");
    }
    throw new ApiError(
      0,
      "NETWORK",
      "Không kết nối được với máy chủ. Hãy kiểm tra mạng và thử lại.",
    );
  }

  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    if (data === undefined) {
      throw new ApiError(res.status, "BAD_RESPONSE", "Máy chủ trả lời không đúng định dạng.");
    }
    return data as T;
  }
  throw toApiError(res, data);
}

function toApiError(res: Response, data: unknown): ApiError {
  const retry = Number(res.headers.get("Retry-After"));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const err = isRecord(data) && isRecord(data.error) ? data.error : undefined;
  if (err && typeof err.message === "string" && typeof err.code === "string") {
    const fields: Record<string, string> = {};
    if (isRecord(err.fields)) {
      for (const [k, v] of Object.entries(err.fields)) fields[k] = String(v);
    }
    return new ApiError(res.status, err.code, err.message, fields, retryAfter);
  }
  // No error body: a proxy, an outage, or a route that does not exist (yet).
  const message =
    res.status >= 500
      ? "Máy chủ đang bận hoặc gặp sự cố. Hãy thử lại sau ít phút."
      : res.status === 404
        ? "Không tìm thấy."
        : `Yêu cầu không thành công (mã ${res.status}).`;
  return new ApiError(res.status, `HTTP_${res.status}`, message, {}, retryAfter);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

export const t = (tenant: string) => `/api/t/${encodeURIComponent(tenant)}`;

export function login(tenant: string, email: string, password: string): Promise<LoginResult> {
  return request<LoginResult>("POST", `${t(tenant)}/auth/login`, { email, password });
}

export function logout(tenant: string): Promise<void> {
  return request<void>("POST", `${t(tenant)}/auth/logout`);
}

export function me(tenant: string): Promise<Me> {
  return request<Me>("GET", `${t(tenant)}/me`);
}

/** Public: the đảng bộ's name for the login page. Rejects with status 404 for an unknown slug. */
export async function tenantInfo(slug: string): Promise<TenantInfo> {
  const data = await request<{ tenant: TenantInfo }>(
    "GET",
    `/api/tenants/${encodeURIComponent(slug)}`,
  );
  return data.tenant;
}

/** `?a=1&b=2` from the defined, non-empty values; "" when there are none. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    sp.set(k, v === true ? "1" : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

export const id = (s: string) => encodeURIComponent(s);

// ---- Structure: units ----

export type UnitKind =
  "dang-bo" | "dang-bo-bo-phan" | "dang-bo-co-so" | "chi-bo" | "co-quan" | "doan-the";

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  /** YYYY-MM-DD from which the unit no longer exists; null while it is active. */
  closedOn: string | null;
  depth: number;
  /** Active members of the unit itself, not of its subtree. */
  memberCount: number;
  version: number;
}

export async function listUnits(tenant: string): Promise<Unit[]> {
  return (await request<{ units: Unit[] }>("GET", `${t(tenant)}/units`)).units;
}

export function createUnit(
  tenant: string,
  body: { name: string; kind: UnitKind; parentId?: string },
): Promise<Unit> {
  return request<Unit>("POST", `${t(tenant)}/units`, body);
}

/** Rename and/or move; 409 VERSION_CONFLICT when `version` is stale, 422 MOVE_CYCLE. */
export function updateUnit(
  tenant: string,
  unitId: string,
  body: { name?: string; parentId?: string; version: number },
): Promise<Unit> {
  return request<Unit>("PATCH", `${t(tenant)}/units/${id(unitId)}`, body);
}

export function closeUnit(tenant: string, unitId: string, closedOn: string): Promise<Unit> {
  return request<Unit>("POST", `${t(tenant)}/units/${id(unitId)}/close`, { closedOn });
}

// ---- Members ----

export type MemberStatus =
  "dang-sinh-hoat" | "mien-sinh-hoat" | "tuoi-cao-benh" | "chuyen-den" | "chuyen-di" | "tu-tran";

export interface Member {
  id: string;
  fullName: string;
  birthYear: number | null;
  email: string | null;
  phone: string | null;
  unitId: string;
  position: string | null;
  /** Orders a roster: 1 for the secretary, 2 for the deputy…; larger for everyone else. */
  leadershipRank: number;
  status: MemberStatus;
  statusSince: string | null;
  managedByStandingCommittee: boolean;
  mustPublishPlan: boolean;
  version: number;
}

export type MemberInput = Omit<Member, "id" | "version">;

export interface MemberFilter {
  unitId?: string;
  /** A name search; the server ignores diacritics ("tran" finds "Trần"). */
  q?: string;
  status?: MemberStatus | "";
  includeSubtree?: boolean;
}

export interface StatusChange {
  status: MemberStatus;
  since: string;
  note: string | null;
  at: string;
}

export interface MemberDetail {
  member: Member;
  history: StatusChange[];
  account: { id: string; email: string; disabled: boolean } | null;
}

export async function listMembers(tenant: string, filter: MemberFilter): Promise<Member[]> {
  const query = qs({
    unitId: filter.unitId,
    q: filter.q?.trim(),
    status: filter.status,
    includeSubtree: filter.includeSubtree,
  });
  return (await request<{ members: Member[] }>("GET", `${t(tenant)}/members${query}`)).members;
}

export function getMember(tenant: string, memberId: string): Promise<MemberDetail> {
  return request<MemberDetail>("GET", `${t(tenant)}/members/${id(memberId)}`);
}

export async function createMember(tenant: string, body: MemberInput): Promise<Member> {
  return (await request<{ member: Member }>("POST", `${t(tenant)}/members`, body)).member;
}

/** 409 VERSION_CONFLICT when someone else saved the member since `version` was read. */
export async function updateMember(
  tenant: string,
  memberId: string,
  body: Partial<MemberInput> & { version: number },
): Promise<Member> {
  return (await request<{ member: Member }>("PATCH", `${t(tenant)}/members/${id(memberId)}`, body))
    .member;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Non-empty means nothing was imported. `line` counts the header as line 1. */
  errors: { line: number; message: string }[];
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sends a .csv or .xlsx roster as the raw body. A dry run validates and changes nothing. */
export function importMembers(
  tenant: string,
  file: Blob,
  type: "text/csv" | typeof XLSX_TYPE,
  dryRun: boolean,
): Promise<ImportResult> {
  return request<ImportResult>(
    "POST",
    `${t(tenant)}/members/import${qs({ dryRun })}`,
    new FileBody(file, type),
  );
}

/** For a plain `<a download>`: the browser sends the session cookie itself. */
export function membersExportUrl(tenant: string, format: "csv" | "xlsx", unitId?: string): string {
  return `${t(tenant)}/members/export${qs({ format, unitId })}`;
}

// ---- Invitations and accounts ----

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  unitId: string | null;
  memberId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** The token comes back once; the link built from it is the only way to share it. */
export interface OneTimeLink {
  token: string;
  expiresAt: string;
}

export async function listInvitations(tenant: string): Promise<Invitation[]> {
  return (await request<{ invitations: Invitation[] }>("GET", `${t(tenant)}/invitations`))
    .invitations;
}

export function createInvitation(
  tenant: string,
  body: { memberId?: string; email: string; role: Role; unitId?: string },
): Promise<OneTimeLink & { id: string }> {
  return request<OneTimeLink & { id: string }>("POST", `${t(tenant)}/invitations`, body);
}

export function revokeInvitation(tenant: string, invitationId: string): Promise<void> {
  return request<void>("DELETE", `${t(tenant)}/invitations/${id(invitationId)}`);
}

export interface SignedIn {
  user: { id: string; fullName: string };
}

/** Public: sets the password of an invited person and signs them in (the cookie). */
export function acceptInvitation(
  tenant: string,
  token: string,
  password: string,
): Promise<SignedIn> {
  return request<SignedIn>("POST", `${t(tenant)}/auth/accept`, { token, password });
}

/** Public: sets a new password from a reset link and signs the person in. */
export function resetPassword(tenant: string, token: string, password: string): Promise<SignedIn> {
  return request<SignedIn>("POST", `${t(tenant)}/auth/reset`, { token, password });
}

export interface AccountGrant extends Grant {
  id: string;
}

export interface Account {
  id: string;
  email: string;
  fullName: string;
  memberId: string | null;
  disabledAt: string | null;
  grants: AccountGrant[];
}

export async function listAccounts(tenant: string): Promise<Account[]> {
  return (await request<{ accounts: Account[] }>("GET", `${t(tenant)}/accounts`)).accounts;
}

export function disableAccount(tenant: string, accountId: string): Promise<unknown> {
  return request<unknown>("POST", `${t(tenant)}/accounts/${id(accountId)}/disable`);
}

export function enableAccount(tenant: string, accountId: string): Promise<unknown> {
  return request<unknown>("POST", `${t(tenant)}/accounts/${id(accountId)}/enable`);
}

export function createResetLink(tenant: string, accountId: string): Promise<OneTimeLink> {
  return request<OneTimeLink>("POST", `${t(tenant)}/accounts/${id(accountId)}/reset`);
}

export function addGrant(
  tenant: string,
  accountId: string,
  body: { role: Role; unitId?: string },
): Promise<unknown> {
  return request<unknown>("POST", `${t(tenant)}/accounts/${id(accountId)}/grants`, body);
}

export function removeGrant(tenant: string, accountId: string, grantId: string): Promise<void> {
  return request<void>("DELETE", `${t(tenant)}/accounts/${id(accountId)}/grants/${id(grantId)}`);
}

// ---- Audit log ----

export interface AuditEntry {
  /** Increasing with time; the cursor for older pages. */
  id: number | string;
  at: string;
  actor: { id: string; fullName: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function listAudit(
  tenant: string,
  filter: { entity?: string; before?: number | string; limit?: number },
): Promise<AuditEntry[]> {
  return (await request<{ entries: AuditEntry[] }>("GET", `${t(tenant)}/audit${qs(filter)}`))
    .entries;
}

// ---- Campaigns, tasks and plans ----
//
// The template language is imported for its types only (erased at build): the client never
// ships valibot. Dates arrive as ISO strings (instants) or YYYY-MM-DD (calendar days).

export type TaskStatus = "todo" | "draft" | "submitted" | "returned" | "confirmed" | "done";

export interface MyTask {
  campaignId: string;
  campaignName: string;
  step: string;
  title: string;
  /** The due instant; null for a step the directive gives no date. */
  dueAt: string | null;
  status: TaskStatus;
  /** Set on the member's own form steps: the form the task opens. */
  formKey?: string;
  unitId: string;
  /** Set on the member's own steps; absent on the unit steps of a secretary. */
  memberId?: string;
}

export async function listMyTasks(tenant: string): Promise<MyTask[]> {
  return (await request<{ tasks: MyTask[] }>("GET", `${t(tenant)}/my/tasks`)).tasks;
}

export type CampaignStatus = "draft" | "active" | "closed";

export interface CampaignSummary {
  id: string;
  name: string;
  templateKey: string;
  templateVersion: number;
  documentNo: string | null;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD */
  dueOn: string;
  status: CampaignStatus;
}

export interface CampaignStep {
  key: string;
  title: string;
  owner: "unit" | "member";
  kind: string;
  formKey: string | null;
  dueAt: string | null;
}

export interface CampaignDetail extends CampaignSummary {
  unitIds: string[];
  steps: CampaignStep[];
  /** The template as frozen when the campaign was created. */
  definition: TemplateDefinition;
}

export async function listCampaigns(tenant: string): Promise<CampaignSummary[]> {
  return (await request<{ campaigns: CampaignSummary[] }>("GET", `${t(tenant)}/campaigns`))
    .campaigns;
}

export function requireCampaign(tenant: string, campaignId: string): Promise<CampaignDetail> {
  return request<CampaignDetail>("GET", `${t(tenant)}/campaigns/${id(campaignId)}`);
}

export interface CampaignInput {
  templateKey: string;
  templateVersion?: number;
  name: string;
  documentNo?: string;
  startsOn: string;
  dueOn: string;
  unitIds: string[];
  overrides?: Record<string, string>;
}

/** Creates a draft; 422 with per-field detail. */
export function createCampaign(
  tenant: string,
  body: CampaignInput,
): Promise<{ id: string; status: "draft" }> {
  return request<{ id: string; status: "draft" }>("POST", `${t(tenant)}/campaigns`, body);
}

/** 422 NOT_LAUNCHABLE whose message says what is missing (a list's items, say). */
export function launchCampaign(
  tenant: string,
  campaignId: string,
): Promise<{ id: string; status: "active" }> {
  return request<{ id: string; status: "active" }>(
    "POST",
    `${t(tenant)}/campaigns/${id(campaignId)}/launch`,
  );
}

export function closeCampaign(
  tenant: string,
  campaignId: string,
): Promise<{ id: string; status: "closed" }> {
  return request<{ id: string; status: "closed" }>(
    "POST",
    `${t(tenant)}/campaigns/${id(campaignId)}/close`,
  );
}

export interface Counts {
  expected: number;
  submitted: number;
  confirmed: number;
  onTime: number;
  late: number;
  excused: number;
}

export interface Progress {
  dueAt: string | null;
  /** YYYY-MM-DD: the day members' statuses are read on. */
  evaluatedOn: string;
  totals: Counts;
  /** One row per unit that has members counted, for the unit's own members only. */
  units: (Counts & { unitId: string })[];
}

export function getProgress(
  tenant: string,
  campaignId: string,
  unitId?: string,
): Promise<Progress> {
  return request<Progress>(
    "GET",
    `${t(tenant)}/campaigns/${id(campaignId)}/progress${qs({ unitId })}`,
  );
}

export type SubmissionStatus = "draft" | "submitted" | "returned" | "confirmed";

export interface QueueEntry {
  memberId: string;
  fullName: string;
  unitId: string;
  submission: {
    id: string;
    status: SubmissionStatus;
    version: number;
    submittedAt: string | null;
    enteredOnBehalf: boolean;
  } | null;
}

export interface Queue {
  dueAt: string | null;
  awaitingConfirmation: QueueEntry[];
  missing: QueueEntry[];
  confirmed: QueueEntry[];
  excused: QueueEntry[];
}

export function getQueue(tenant: string, campaignId: string, unitId?: string): Promise<Queue> {
  return request<Queue>("GET", `${t(tenant)}/campaigns/${id(campaignId)}/queue${qs({ unitId })}`);
}

/** Form data, nested as the form is (see schema/template.ts and worker/domain/forms.ts). */
export type PlanData = Record<string, unknown>;

export interface Submission {
  id: string;
  campaignId: string;
  memberId: string;
  /** Present when read by id (GET /submissions/:id). */
  fullName?: string;
  unitId?: string;
  formKey: string;
  formVersion: number;
  status: SubmissionStatus;
  version: number;
  data: PlanData;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  confirmedAt: string | null;
  confirmedVersion: number | null;
  confirmedHash: string | null;
  returnComment: string | null;
  enteredOnBehalf: boolean;
  updatedAt: string;
}

export interface SubmissionVersion {
  version: number;
  status: SubmissionStatus;
  at: string;
  onBehalf: boolean;
  comment: string | null;
  data: PlanData;
}

export interface SubmissionRead {
  submission: Submission | null;
  versions: SubmissionVersion[];
}

export async function getMySubmission(
  tenant: string,
  campaignId: string,
  formKey: string,
): Promise<SubmissionRead> {
  const r = await request<{ submission: Submission | null; versions?: SubmissionVersion[] }>(
    "GET",
    `${t(tenant)}/campaigns/${id(campaignId)}/submissions/mine${qs({ formKey })}`,
  );
  return { submission: r.submission, versions: r.versions ?? [] };
}

/** Whose plan a write is for: the caller's own, or (a secretary) a member's, on their behalf. */
export type PlanOwner = { memberId?: string };

const planPath = (tenant: string, campaignId: string, who: PlanOwner) =>
  `${t(tenant)}/campaigns/${id(campaignId)}/submissions/${
    who.memberId ? `member/${id(who.memberId)}` : "mine"
  }`;

export interface SavedDraft {
  id: string;
  version: number;
  status: "draft";
  formKey: string;
}

/**
 * Saves a draft. `version` is the one the writer started from (omitted only for the very
 * first save); a stale one gets 409 VERSION_CONFLICT. A submitted or confirmed plan that is
 * saved again becomes a draft.
 */
export function savePlan(
  tenant: string,
  campaignId: string,
  who: PlanOwner,
  body: { formKey: string; data: PlanData; version?: number },
): Promise<SavedDraft> {
  return request<SavedDraft>("PUT", planPath(tenant, campaignId, who), body);
}

export interface Submitted {
  id: string;
  status: "submitted" | "confirmed";
  submittedAt: string | null;
  version: number;
}

/** 422 with one message per field path ("tu-duong-ren-luyen.pham-chat"). */
export function submitPlan(
  tenant: string,
  campaignId: string,
  who: PlanOwner,
  formKey: string,
): Promise<Submitted> {
  return request<Submitted>("POST", `${planPath(tenant, campaignId, who)}/submit`, { formKey });
}

export async function getSubmission(
  tenant: string,
  submissionId: string,
): Promise<SubmissionRead & { submission: Submission }> {
  return request<SubmissionRead & { submission: Submission }>(
    "GET",
    `${t(tenant)}/submissions/${id(submissionId)}`,
  );
}

export function confirmSubmission(
  tenant: string,
  submissionId: string,
): Promise<{ id: string; status: "confirmed"; version: number; confirmedHash: string }> {
  return request("POST", `${t(tenant)}/submissions/${id(submissionId)}/confirm`);
}

/** The comment is required (at least 3 characters); the member sees it. */
export function returnSubmission(
  tenant: string,
  submissionId: string,
  comment: string,
): Promise<{ id: string; status: "returned"; version: number }> {
  return request("POST", `${t(tenant)}/submissions/${id(submissionId)}/return`, { comment });
}

// ---- Templates ----

export interface TemplateSummary {
  key: string;
  version: number;
  name: string;
  builtIn: boolean;
  basedOn: string | null;
}

export type TemplateDetail = TemplateDefinition & {
  builtIn: boolean;
  /** Why a campaign on this template cannot be launched yet; empty when it can. */
  launchBlockers: string[];
};

export async function listTemplates(tenant: string): Promise<TemplateSummary[]> {
  return (await request<{ templates: TemplateSummary[] }>("GET", `${t(tenant)}/templates`))
    .templates;
}

export function requireTemplate(tenant: string, key: string): Promise<TemplateDetail> {
  return request<TemplateDetail>("GET", `${t(tenant)}/templates/${id(key)}`);
}

/** 409 CONFLICT (fields.key) when the key is taken. */
export function cloneTemplate(
  tenant: string,
  body: { fromKey: string; key: string; name: string },
): Promise<{ key: string; version: number }> {
  return request<{ key: string; version: number }>("POST", `${t(tenant)}/templates`, body);
}

/**
 * Saves the whole edited definition. 422 lists the problems (fields `problems.N` or a path);
 * 409 VERSION_CONFLICT when someone saved since `version`; 403 for a built-in template.
 */
export function saveTemplate(
  tenant: string,
  key: string,
  body: { version: number; definition: TemplateDefinition },
): Promise<{ key: string; version: number }> {
  return request<{ key: string; version: number }>(
    "PUT",
    `${t(tenant)}/templates/${id(key)}`,
    body,
  );
}

// ---- Notifications (everyone's: the shell shows the unread count) ----

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export async function listNotifications(tenant: string): Promise<Notification[]> {
  return (await request<{ notifications: Notification[] }>("GET", `${t(tenant)}/notifications`))
    .notifications;
}

export function readNotification(tenant: string, notificationId: string): Promise<unknown> {
  return request<unknown>("POST", `${t(tenant)}/notifications/${id(notificationId)}/read`);
}
