// The marks a write leaves for the stored progress figures (progress-figures.ts): a row in
// progress_dirty naming a unit whose own counts may have moved, added to the writer's own
// batch so that the mark and the change commit together or not at all. The figures are
// recomputed from the data for each marked unit, so a mark too many costs a little work and
// never a wrong count; a mark missing would be a wrong count — every write path that moves a
// member, a member's status, a plan's state or a roll-call adds one (listed in README).
import { sql, type SQL } from "drizzle-orm";
import { meetingAttendance, meetings, members, progressDirty } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";

/** `when`: a condition (an EXISTS over the row the batch just wrote) that holds only if the
 *  write won, so that a refused write leaves no mark either. */
const won = (when: SQL | undefined) => when ?? sql`1`;

/** Marks `unitIds` (for `campaignId` only, or every campaign). No ids, no mark. */
export function markUnits(
  db: TenantDb,
  unitIds: (string | null)[],
  campaignId?: string,
  when?: SQL,
) {
  const ids = [...new Set(unitIds.filter((u): u is string => !!u))];
  return db.run(sql`INSERT INTO ${progressDirty} (unit_id, campaign_id)
    SELECT value, ${campaignId ?? null} FROM json_each(${JSON.stringify(ids)}) WHERE ${won(when)}`);
}

/** Marks the units `memberIds` belong to when the statement runs (after a move, the new
 *  unit: mark the old one with `markUnits`). */
export function markMembers(db: TenantDb, memberIds: string[], campaignId?: string, when?: SQL) {
  return db.run(sql`INSERT INTO ${progressDirty} (unit_id, campaign_id)
    SELECT DISTINCT ${members.unitId}, ${campaignId ?? null} FROM ${members}
    WHERE ${members.id} IN (SELECT value FROM json_each(${JSON.stringify(memberIds)}))
      AND ${won(when)}`);
}

/** Marks the units of everyone on a meeting's roll-call (its time or its kind changed). */
export function markMeeting(db: TenantDb, meetingId: string, campaignId: string, when?: SQL) {
  return db.run(sql`INSERT INTO ${progressDirty} (unit_id, campaign_id)
    SELECT DISTINCT ${members.unitId}, ${campaignId} FROM ${meetingAttendance}
    JOIN ${members} ON ${members.id} = ${meetingAttendance.memberId}
    WHERE ${meetingAttendance.meetingId} = ${meetingId} AND ${won(when)}`);
}

/** Marks the units of the meetings `memberId` is on the roll-call of (its leadership rank
 *  changed: who "spoke first" is judged by it, compliance-figures.ts). */
export function markAttended(db: TenantDb, memberId: string, when?: SQL) {
  return db.run(sql`INSERT INTO ${progressDirty} (unit_id, campaign_id)
    SELECT DISTINCT ${meetings.unitId}, ${meetings.campaignId} FROM ${meetingAttendance}
    JOIN ${meetings} ON ${meetings.id} = ${meetingAttendance.meetingId}
    WHERE ${meetingAttendance.memberId} = ${memberId} AND ${won(when)}`);
}

/** The unit tree changed (a unit renamed, moved or closed): every campaign's figures are
 *  rebuilt on their next read. */
export const markTree = (db: TenantDb, when?: SQL) =>
  db.run(
    sql`INSERT INTO ${progressDirty} (unit_id, campaign_id) SELECT NULL, NULL WHERE ${won(when)}`,
  );

/** The condition that `table`'s row `id` now holds `version`: the write beside it won. */
export const holds = (table: string, id: string, version: number) =>
  sql`EXISTS (SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} AND version = ${version})`;
