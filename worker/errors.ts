// One error shape for the whole API: {error: {code, message, fields?}}. Codes are a closed
// union so clients can switch on them; messages are Vietnamese for people.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env";

export type ErrorCode =
  | "BAD_REQUEST"
  | "INVALID_BODY"
  | "INVALID_JSON"
  | "UNAUTHENTICATED"
  | "INVALID_CREDENTIALS"
  | "FORBIDDEN"
  | "CSRF_ORIGIN"
  | "NOT_FOUND"
  | "TENANT_NOT_FOUND"
  | "TENANT_SUSPENDED"
  | "SLUG_TAKEN"
  | "SLUG_RESERVED"
  | "EMAIL_TAKEN"
  | "VERSION_CONFLICT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "IMPORT_INVALID"
  | "NOT_LAUNCHABLE"
  | "MOVE_CYCLE"
  | "TOKEN_INVALID"
  | "ROLE_SCOPE"
  | "INVALID_STATE"
  | "BUSY"
  | "PROVISIONING_FAILED"
  | "INTERNAL";

export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (message = "Không tìm thấy.") => new AppError(404, "NOT_FOUND", message);
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") =>
  new AppError(403, "FORBIDDEN", message);
export const unauthenticated = () =>
  new AppError(401, "UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
export const invalidBody = (fields: FieldErrors, message = "Dữ liệu gửi lên chưa hợp lệ.") =>
  new AppError(422, "INVALID_BODY", message, fields);

export function errorBody(code: ErrorCode, message: string, fields?: FieldErrors) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** The SQLite result code of a database error, whether it comes straight from libSQL or
 *  wrapped by drizzle (which keeps the LibsqlError as `cause`). Over HTTP, Turso reports only
 *  primary codes ("SQLITE_CONSTRAINT"), so callers match prefixes. */
export function sqliteCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (typeof e.code === "string" && e.code.startsWith("SQLITE_")) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

/** libSQL reports lock contention as SQLITE_BUSY / SQLITE_LOCKED (file) or as a Hrana
 *  error with the same code (HTTP). Either is transient: the client should retry. */
const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(err) ?? "");
export const isConstraintViolation = (err: unknown) =>
  (sqliteCode(err) ?? "").startsWith("SQLITE_CONSTRAINT");

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.fields), err.status);
  }
  if (err instanceof HTTPException) {
    if (err.status === 413)
      return c.json(
        errorBody("PAYLOAD_TOO_LARGE", "Dữ liệu gửi lên quá lớn."),
        413 as ContentfulStatusCode,
      );
    return c.json(
      errorBody("BAD_REQUEST", "Yêu cầu không hợp lệ."),
      err.status as ContentfulStatusCode,
    );
  }
  // A UNIQUE or CHECK constraint met by a write that raced past its route's own check (two
  // clones of one template key at once, say): the request conflicts, it is not a fault.
  if (isConstraintViolation(err))
    return c.json(
      errorBody("CONFLICT", "Dữ liệu trùng với một bản ghi đã có. Hãy tải lại rồi thử lại."),
      409,
    );
  if (isBusy(err)) {
    c.header("Retry-After", "1");
    return c.json(errorBody("BUSY", "Hệ thống đang bận, vui lòng thử lại sau giây lát."), 503);
  }
  // Never echo the error: it may carry SQL or plan text. The request id ties the log line
  // to the report a user sends.
  console.error(`[${c.get("requestId") ?? "-"}] unhandled`, err?.stack ?? err);
  return c.json(errorBody("INTERNAL", "Đã có lỗi hệ thống. Vui lòng thử lại sau."), 500);
}
