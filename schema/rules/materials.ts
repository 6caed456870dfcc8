// "Materials N days before the meeting" (004: tài liệu gửi trước ít nhất 3 ngày), on one time
// base for the compliance marks, the secretary's reminders and the screens: instants, with N
// days as N × 24 hours before the meeting's instant (ICT has no DST, so this is also N
// calendar days in Asia/Ho_Chi_Minh at the same time of day).
import { addDays } from "./deadlines";

/** The last instant materials may be sent for a meeting at `meetingAt`. */
export function materialsDueAt(meetingAt: Date, leadDays: number): Date {
  return addDays(meetingAt, -leadDays);
}

/** Sent in time: no later than `leadDays` whole days before the meeting. */
export function materialsInTime(sentAt: Date, meetingAt: Date, leadDays: number): boolean {
  return sentAt.getTime() <= materialsDueAt(meetingAt, leadDays).getTime();
}
