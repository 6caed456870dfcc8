// Calendar days in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), independent of the
// machine's time zone.
export const ICT_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The ICT calendar date (YYYY-MM-DD) of an instant. */
export function ictDate(instant: Date): string {
  return new Date(instant.getTime() + ICT_OFFSET_MS).toISOString().slice(0, 10);
}
