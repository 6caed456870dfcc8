// Meeting facts as the compliance rules read them, for the pure domain tests: one meeting held
// by the book, which a test then bends one field at a time.
import type { MeetingFacts } from "../../worker/domain/compliance";

/** A meeting that starts on time at `start` and lasts 90 minutes, materials and Sổ tay posted
 *  `leadMs` ahead, held on its own, the vote carried `voteFor` to none. */
export const heldMeeting = (
  start: Date,
  leadMs: number,
  voteFor: number,
  attendance: MeetingFacts["attendance"],
): MeetingFacts => ({
  scheduledAt: start,
  materialsSentAt: new Date(start.getTime() - leadMs),
  soTayPostedAt: new Date(start.getTime() - leadMs),
  startedAt: start,
  endedAt: new Date(start.getTime() + 90 * 60_000),
  mergedWithRegular: false,
  voteFor,
  voteAgainst: 0,
  voteAbstain: 0,
  attendance,
});
