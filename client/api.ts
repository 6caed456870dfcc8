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

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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

const t = (tenant: string) => `/api/t/${encodeURIComponent(tenant)}`;

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
function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || v === false) continue;
    sp.set(k, v === true ? "1" : String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

const id = (s: string) => encodeURIComponent(s);

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
