// The audit log reads one person's changes within one clock hour (ICT) as one group. The
// server ends a page on a group's edge by this key, and the client groups by it, so the two
// never disagree about where a group ends.

const HOUR = 3_600_000;
/** ICT is UTC+7 all year; its hours start on UTC's, so the offset only names the hour. */
const ICT = 7 * HOUR;

/** The group an entry belongs to: its actor (or the system) and its hour in ICT. */
export function auditGroupKey(actorUserId: string | null, at: Date | string | number): string {
  const hour = Math.floor((new Date(at).getTime() + ICT) / HOUR);
  return `${actorUserId ?? "-"}|${hour}`;
}

/**
 * How many of `rows` (one more than a page, newest first) the page shows so that it ends on a
 * group's edge: the trailing rows of a group the next row continues are left for the next
 * page. A group that fills the whole page still pages (it continues on the next one), so a
 * page is never longer than `limit` nor empty while rows remain.
 */
export function pageEndOnGroup<T>(rows: readonly T[], limit: number, key: (row: T) => string) {
  if (rows.length <= limit) return rows.length;
  const open = key(rows[limit]!);
  let end = limit;
  while (end > 0 && key(rows[end - 1]!) === open) end--;
  return end === 0 ? limit : end;
}
