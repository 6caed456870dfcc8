// The typed client's transport: every call to the API goes through `send` (the fetch the
// typed client uses) and `call` (which turns the answer into its body or an ApiError).
//
// What must stay true:
// - Cookies only: the session is an HttpOnly cookie; the bearer `token` that login also
//   returns is for scripts and is never stored here (nothing in JS can then leak it).
// - Unsafe methods send `Content-Type: application/json` (the server refuses other types
//   with 415) and rely on the browser's own Origin header for the CSRF check; a write
//   without a body sends `{}`.
// - Every failure becomes an `ApiError` whose `message` is Vietnamese and safe to show.
import { hc, type ClientResponse, type InferRequestType } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { AppType, tenantRoutes } from "../worker/app";

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

/** The fetch under the typed client. A Blob body is an upload (a roster file). */
const send: typeof fetch = async (input, init = {}) => {
  const method = (init.method ?? "GET").toUpperCase();
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  let body = init.body;
  const upload = body instanceof Blob;
  if (method !== "GET" && body == null) {
    headers.set("Content-Type", "application/json");
    body = "{}";
  }
  const signal =
    typeof AbortSignal.timeout === "function"
      ? AbortSignal.timeout(upload ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS)
      : undefined;
  try {
    return await fetch(input, {
      ...init,
      method,
      headers,
      body,
      signal,
      credentials: "same-origin",
    });
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
};

/** The public routes (/api/...), typed from the server's own route table. */
export const api = hc<AppType>("/", { fetch: send }).api;

export const t = (tenant: string) => `/api/t/${encodeURIComponent(tenant)}`;

/** The routes of one đảng bộ (/api/t/:tenant/...). */
export const tenantApi = (tenant: string) => hc<typeof tenantRoutes>(t(tenant), { fetch: send });
export type TenantApi = ReturnType<typeof tenantApi>;

/** Form data, nested as the form is (see schema/template.ts and worker/domain/forms.ts). */
export type PlanData = Record<string, unknown>;

/**
 * The server types stored JSON (a plan's data, a meeting's guests) as JSONValue: it cannot
 * know a form's shape. The client reads it as what the form wrote; this is the one place
 * that says so.
 */
export type Stored<T, K extends PropertyKey, V> = T extends unknown
  ? Omit<T, K> & { [P in K]: V }
  : never;

/** The body of a successful answer of a typed-client response. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends SuccessStatusCode
      ? S extends 204
        ? undefined
        : T
      : never
    : never;

/** What a typed-client method resolves to when it succeeds. */
export type Res<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

/** The JSON body a typed-client method takes. */
export type Body<F> = InferRequestType<F> extends { json: infer J } ? J : never;

/** Awaits a typed-client call: its body on success, an ApiError otherwise. */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<Ok<R>> {
  const res: Response = (await request) as unknown as Response;
  if (res.status === 204) return undefined as Ok<R>;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    if (data === undefined) {
      throw new ApiError(res.status, "BAD_RESPONSE", "Máy chủ trả lời không đúng định dạng.");
    }
    return data as Ok<R>;
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

export const id = (s: string) => encodeURIComponent(s);
