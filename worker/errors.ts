// One error shape for the whole API: {error: {code, message, fields?}}. Codes are a closed
// union so clients can switch on them; messages are Vietnamese for people.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type * as v from "valibot";
import type { AppEnv } from "./env";

/** Every machine code the API answers with, and the one HTTP status each maps to. The table
 *  is the only place a status is chosen: data and domain code throw `DomainError(code, …)`
 *  and know nothing of HTTP. */
export const STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  TOKEN_INVALID: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  /** The password was accepted; the session still owes its second factor (TOTP). */
  TWO_FACTOR_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_ORIGIN: 403,
  ROLE_SCOPE: 403,
  TENANT_SUSPENDED: 403,
  /** SIGNUP=closed: the operator takes no new đảng bộ. */
  SIGNUP_CLOSED: 403,
  NOT_FOUND: 404,
  TENANT_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  SLUG_RESERVED: 409,
  EMAIL_TAKEN: 409,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  /** The entity's current state forbids the change (a launched campaign, a confirmed plan). */
  INVALID_STATE: 409,
  /** An archive is imported only into a tenant that holds nothing but what sign-up made. */
  TENANT_NOT_EMPTY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_BODY: 422,
  IMPORT_INVALID: 422,
  NOT_LAUNCHABLE: 422,
  MOVE_CYCLE: 422,
  /** The request is well-formed but a rule of the domain refuses it (close a unit that still
   *  has members, move the root). */
  RULE_VIOLATION: 422,
  /** A change to a section of an adopted directive that a level above locked. */
  SECTION_LOCKED: 422,
  /** A second-factor code that is wrong, expired, or already used in its 30-second step. */
  TOTP_INVALID: 422,
  TOTP_REPLAYED: 422,
  /** A tenant archive that is damaged, truncated or inconsistent (checksums, counts, references). */
  ARCHIVE_DAMAGED: 422,
  /** A file that is not this product's tenant archive. */
  ARCHIVE_FOREIGN: 422,
  /** An archive of a newer format or a newer database than this server reads. */
  ARCHIVE_TOO_NEW: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BUSY: 503,
  PROVISIONING_FAILED: 503,
  /** SIGNUP=verify without an e-mail transport: the operator must configure one. */
  SIGNUP_UNAVAILABLE: 503,
  /** No sealing key configured (SEAL_KEY / TENANT_TOKEN_KEY): a second factor cannot be kept. */
  TWO_FACTOR_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof STATUS;

export type FieldErrors = Record<string, string>;

/** A refusal with a machine code and a Vietnamese message safe to show. No HTTP status:
 *  `STATUS` maps the code at the edge, so the cron and the API read the same errors. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): ContentfulStatusCode {
    return STATUS[this.code];
  }
}

export const notFound = (message = "Không tìm thấy.") => new DomainError("NOT_FOUND", message);
export const forbidden = (message = "Bạn không có quyền thực hiện thao tác này.") =>
  new DomainError("FORBIDDEN", message);
export const unauthenticated = () =>
  new DomainError("UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
export const twoFactorRequired = () =>
  new DomainError(
    "TWO_FACTOR_REQUIRED",
    "Cần nhập mã xác thực hai lớp (từ ứng dụng xác thực) để hoàn tất đăng nhập.",
  );
export const invalidBody = (fields: FieldErrors, message = "Dữ liệu gửi lên chưa hợp lệ.") =>
  new DomainError("INVALID_BODY", message, fields);
/** Making or announcing a tenant failed for a passing reason: the caller may retry in `seconds`. */
export const provisioningFailed = (message: string, seconds: number) =>
  new DomainError("PROVISIONING_FAILED", message, undefined, { "Retry-After": String(seconds) });
export const versionConflict = () =>
  new DomainError(
    "VERSION_CONFLICT",
    "Dữ liệu đã được người khác thay đổi. Hãy tải lại rồi sửa tiếp.",
  );

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
  if (err instanceof DomainError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.fields), STATUS[err.code]);
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

// Valibot's issues as per-field Vietnamese messages, for 422 answers and for saved
// definitions checked by the data layer (a template).
function issueMessage(issue: v.BaseIssue<unknown>): string {
  // A schema's own message (always Vietnamese here) wins; valibot's defaults are English.
  if (issue.message && !/^Invalid /.test(issue.message)) return issue.message;
  // A missing key is reported by the object schema holding it (any object kind, strict or
  // not), with no input: that is a required field, not an unknown one; so is an emptied text.
  if (issue.input === undefined || issue.type === "non_empty") return "Bắt buộc phải có.";
  const req = (issue as { requirement?: unknown }).requirement;
  switch (issue.type) {
    case "min_length":
      return `Cần ít nhất ${String(req)} ký tự.`;
    case "max_length":
      return `Tối đa ${String(req)} ký tự.`;
    case "min_value":
      return `Không được nhỏ hơn ${String(req)}.`;
    case "max_value":
      return `Không được lớn hơn ${String(req)}.`;
    case "email":
      return "Địa chỉ thư điện tử không hợp lệ.";
    case "picklist":
    case "enum":
    case "literal":
    case "variant":
    case "union":
      return "Giá trị không nằm trong danh sách cho phép.";
    case "regex":
      return "Không đúng định dạng.";
    case "integer":
      return "Phải là số nguyên.";
    case "strict_object":
    case "never":
      // An unknown key (valibot expects `never` there); a value that is no object at all is
      // of the wrong type.
      return issue.expected === "never" ? "Trường này không được phép." : "Sai kiểu dữ liệu.";
    default:
      return "Sai kiểu dữ liệu.";
  }
}

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path?.map((p) => String(p.key)).join(".") || "_";
    fields[path] ??= issueMessage(issue);
  }
  return fields;
}
