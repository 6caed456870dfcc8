// Which member statuses are still on the roll. A member transferred out or deceased is gone:
// absent from counts, roll-calls and rosters on screen, though its history stays.
import { MEMBER_STATUSES, type MemberStatus } from "../vocab/people";

export const GONE_STATUSES = ["chuyen-di", "tu-tran"] as const satisfies readonly MemberStatus[];
export type GoneStatus = (typeof GONE_STATUSES)[number];

/** Statuses that are members still on the roll (not transferred out, not deceased). */
export const ON_ROLL_STATUSES: Exclude<MemberStatus, GoneStatus>[] = MEMBER_STATUSES.filter(
  (s): s is Exclude<MemberStatus, GoneStatus> => !isGone(s),
);

export function isGone(status: string): boolean {
  return (GONE_STATUSES as readonly string[]).includes(status);
}
