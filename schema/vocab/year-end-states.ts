// Where a member stands with their own year-end input (worker/domain/year-end.ts).
export const YEAR_END_STATE_LABELS = {
  "on-time": "Đúng hạn",
  late: "Muộn",
  missing: "Chưa có",
  pending: "Chưa ghi nhận",
  excused: "Được miễn",
} as const;
export type YearEndState = keyof typeof YEAR_END_STATE_LABELS;
