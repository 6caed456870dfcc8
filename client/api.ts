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

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body ?? {});
  }
  if (typeof AbortSignal.timeout === "function") init.signal = AbortSignal.timeout(TIMEOUT_MS);

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
