// What a tenant archive holds: every tenant table but the few that hold secrets or messages
// in flight, each listed here with its reason. tests/routes/archive.test.ts fails when a
// table is added to schema/tables without being named in one of the two lists, so a new
// table cannot leave (or stay behind) by accident.

/** The archive format this code writes and the newest it reads. */
export const ARCHIVE_FORMAT = "shct-tenant-archive";
export const ARCHIVE_VERSION = 1;

/** Rows per JSON-lines part: one keyset page when exporting, one insert batch when importing. */
export const PART_ROWS = 2000;

export interface ExportedTable {
  table: string;
  /** Rewrites a row before it leaves (removes a secret inside a JSON value). */
  redact?: (row: Record<string, unknown>) => Record<string, unknown>;
}

/** Columns that never leave, whatever table they are in: password hashes, TOTP secrets,
 *  token hashes. Matched by name so a secret column added later is dropped too. */
export const SECRET_COLUMN = /password|secret|totp|token|otp_/i;

/** The notify setting carries the webhook's signing secret inside its JSON value. */
function redactSettings(row: Record<string, unknown>) {
  if (row.key !== "notify" || typeof row.value_json !== "string") return row;
  const value = JSON.parse(row.value_json) as Record<string, unknown>;
  if (value.webhookSecret != null) value.webhookSecret = null;
  return { ...row, value_json: JSON.stringify(value) };
}

/** In the order they are written and read back: parents before what refers to them. */
export const EXPORTED: readonly ExportedTable[] = [
  { table: "units" },
  { table: "members" },
  { table: "member_status_history" },
  // Without password_hash (SECRET_COLUMN): after an import every account signs in again
  // through a reset link or slip, except the admin who imported (worker/data/archive/import.ts).
  { table: "users" },
  { table: "grants" },
  { table: "on_behalf_consents" },
  { table: "templates" },
  { table: "campaigns" },
  { table: "campaign_units" },
  { table: "tasks" },
  { table: "submissions" },
  { table: "submission_versions" },
  { table: "plan_confirmations" },
  { table: "reviews" },
  { table: "reports" },
  { table: "comments" },
  { table: "meetings" },
  { table: "meeting_attendance" },
  { table: "step_records" },
  { table: "notifications" },
  { table: "reminder_ledger" },
  { table: "settings", redact: redactSettings },
  { table: "progress_snapshots" },
  { table: "rollup_units" },
  { table: "rollup_state" },
  { table: "directive_history" },
  { table: "audit_log" },
];

/** Tenant tables that stay behind, and why. */
export const EXCLUDED: Readonly<Record<string, string>> = {
  sessions: "phiên đăng nhập: băm bí mật của thiết bị, chỉ có nghĩa trên máy chủ đã cấp",
  account_tokens: "liên kết dùng một lần (mời, đặt lại mật khẩu): chỉ lưu băm của bí mật",
  outbox: "thư và webhook đang chờ gửi: mang liên kết dùng một lần, gửi lại sẽ thành trùng",
  // The dashboard's stored figures are derived: without their state row the first read
  // after an import recounts them from the members and plans that came in.
  progress_figures: "số liệu tiến độ tính sẵn: tính lại từ dữ liệu ở lần xem đầu tiên",
  progress_figure_state: "mốc của số liệu tính sẵn: thiếu nó, số liệu được tính lại",
  progress_dirty: "dấu đơn vị cần tính lại: chỉ có nghĩa với số liệu tính sẵn trên máy này",
};

/** Tables of SQLite and the migrator, never tenant data. */
export const INTERNAL_TABLES = new Set(["__drizzle_migrations", "sqlite_sequence"]);

export const exportedNames = new Set(EXPORTED.map((t) => t.table));

/** References the import checks before it commits: every value of `column` (when not null
 *  and not '') names a row of `ref`. The tables carry no SQL foreign keys, so this is where a
 *  hand-edited or spliced archive is caught. */
export const REFERENCES: readonly [
  table: string,
  column: string,
  ref: string,
  refColumn: string,
][] = [
  ["units", "parent_id", "units", "id"],
  ["members", "unit_id", "units", "id"],
  ["member_status_history", "member_id", "members", "id"],
  ["users", "member_id", "members", "id"],
  ["grants", "user_id", "users", "id"],
  ["grants", "unit_id", "units", "id"],
  ["on_behalf_consents", "member_id", "members", "id"],
  ["campaign_units", "campaign_id", "campaigns", "id"],
  ["campaign_units", "unit_id", "units", "id"],
  ["tasks", "campaign_id", "campaigns", "id"],
  ["tasks", "unit_id", "units", "id"],
  ["tasks", "member_id", "members", "id"],
  ["submissions", "campaign_id", "campaigns", "id"],
  ["submissions", "member_id", "members", "id"],
  ["submission_versions", "submission_id", "submissions", "id"],
  ["plan_confirmations", "submission_id", "submissions", "id"],
  ["reviews", "campaign_id", "campaigns", "id"],
  ["reviews", "member_id", "members", "id"],
  ["reports", "campaign_id", "campaigns", "id"],
  ["reports", "unit_id", "units", "id"],
  ["comments", "submission_id", "submissions", "id"],
  ["meetings", "campaign_id", "campaigns", "id"],
  ["meetings", "unit_id", "units", "id"],
  ["meeting_attendance", "meeting_id", "meetings", "id"],
  ["meeting_attendance", "member_id", "members", "id"],
  ["step_records", "campaign_id", "campaigns", "id"],
  ["step_records", "unit_id", "units", "id"],
  ["step_records", "member_id", "members", "id"],
  ["step_records", "by_user_id", "users", "id"],
  ["notifications", "user_id", "users", "id"],
  ["progress_snapshots", "campaign_id", "campaigns", "id"],
  ["rollup_units", "campaign_id", "campaigns", "id"],
  ["rollup_state", "campaign_id", "campaigns", "id"],
];
