// Members' forms in a campaign. Every change — a draft save, a submit, the cell's confirm or
// return — writes the next version (optimistic concurrency: a stale version gets 409) and
// keeps the old one. Drafts and submitting are in submission-drafts.ts, the cell's review in
// submission-review.ts; this module holds the record, its versions and the one way to move
// it to its next version.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { submissionVersions, submissions } from "../../schema/tables/tenant";
import type { BatchItem, TenantDb } from "../db/handles";
import { DomainError } from "../errors";
import type { Ctx } from "./context";
import type { PlanEvent } from "./event-notices";
import { newId } from "./ids";
import { markMembers } from "./progress-marks";
import { eqAll } from "./sql";

export type SubmissionRow = typeof submissions.$inferSelect;
export type { BatchItem } from "../db/handles";

export const staleSubmission = () =>
  new DomainError(
    "VERSION_CONFLICT",
    "Bản kế hoạch đã thay đổi ở nơi khác (máy khác hoặc bí thư). Hãy tải lại bản mới nhất rồi sửa tiếp.",
  );

/** Records a version only if the submission row now holds exactly that version — i.e. only
 *  when the write beside it in the batch won. A save that lost a race leaves no trace. */
export function versionInsert(
  db: TenantDb,
  v: {
    /** Given when the caller must know whether this row was written (see `transition`). */
    id?: string;
    submissionId: string;
    version: number;
    status: string;
    data: string;
    at: Date;
    actorUserId: string | null;
    onBehalf: boolean;
    comment: string | null;
  },
) {
  return db.run(sql`INSERT INTO ${submissionVersions} (id, submission_id, version, status, data_json, at, actor_user_id, on_behalf, comment)
    SELECT ${v.id ?? newId()}, ${v.submissionId}, ${v.version}, ${v.status}, ${v.data}, ${v.at.getTime()}, ${v.actorUserId}, ${v.onBehalf ? 1 : 0}, ${v.comment}
    WHERE EXISTS (SELECT 1 FROM ${submissions} WHERE id = ${v.submissionId} AND version = ${v.version})
    ON CONFLICT DO NOTHING`);
}

/** Moves `s` to its next version with `changes`, in one batch with `extra` writes (tasks,
 *  audit); a concurrent change in between makes it stale. Returns the new version. The
 *  extra writes take `wrote`, true in SQL only when this transition's version row was
 *  written: a stale transition answers 409 and must leave no task, confirmation or audit row
 *  behind (the batch commits whatever did not match). */
export async function transition(
  { db, actor, now }: Ctx,
  input: {
    submission: SubmissionRow;
    changes: Partial<SubmissionRow> & { status: SubmissionRow["status"] };
    onBehalf: boolean;
    comment?: string | null;
    extra?: (wrote: SQL) => BatchItem[];
  },
) {
  const { submission: s, changes } = input;
  const version = s.version + 1;
  const versionId = newId();
  const wrote = sql`EXISTS (SELECT 1 FROM ${submissionVersions} WHERE ${submissionVersions.id} = ${versionId})`;
  const [updated] = await db.batch([
    db
      .update(submissions)
      .set({ ...changes, version, updatedAt: now })
      .where(and(eq(submissions.id, s.id), eq(submissions.version, s.version)))
      .returning({ id: submissions.id }),
    versionInsert(db, {
      id: versionId,
      submissionId: s.id,
      version,
      status: changes.status,
      data: s.data,
      at: now,
      actorUserId: actor.actorUserId,
      onBehalf: input.onBehalf,
      comment: input.comment ?? null,
    }),
    ...(input.extra?.(wrote) ?? []),
    // The plan's state moves the member's unit's stored progress figures.
    markMembers(db, [s.memberId], s.campaignId, wrote),
  ] as unknown as Parameters<TenantDb["batch"]>[0]);
  if (!(updated as { id: string }[])[0]) throw staleSubmission();
  return version;
}

/** What a plan's notification needs of the plan moving to its next version. */
export const noticeOf = (s: SubmissionRow, event: PlanEvent, actorUserId: string | null) => ({
  event,
  submissionId: s.id,
  memberId: s.memberId,
  campaignId: s.campaignId,
  eventId: s.version + 1,
  actorUserId,
});

export async function currentSubmission(
  db: TenantDb,
  key: { campaignId: string; memberId: string; formKey: string },
) {
  const [row] = await db.select().from(submissions).where(eqAll(submissions, key));
  return row ?? null;
}

export function submissionView(
  s: SubmissionRow,
  extra: { fullName?: string; unitId?: string } = {},
) {
  return {
    id: s.id,
    campaignId: s.campaignId,
    memberId: s.memberId,
    ...extra,
    formKey: s.formKey,
    formVersion: s.formVersion,
    status: s.status,
    version: s.version,
    data: JSON.parse(s.data) as unknown,
    submittedAt: s.submittedAt,
    firstSubmittedAt: s.firstSubmittedAt,
    confirmedAt: s.confirmedAt,
    confirmedVersion: s.confirmedVersion,
    confirmedHash: s.confirmedHash,
    returnComment: s.returnComment,
    enteredOnBehalf: s.enteredBy !== null,
    updatedAt: s.updatedAt,
  };
}

/** Every version kept of a submission. The texts only when asked for: autosave writes a
 *  version per pause, and a phone on 3G should not download them all to open a form. */
export async function listVersions(
  db: TenantDb,
  input: { submissionId: string; withData: boolean },
) {
  const rows = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, input.submissionId))
    .orderBy(asc(submissionVersions.version));
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    at: r.at,
    onBehalf: r.onBehalf,
    comment: r.comment,
    ...(input.withData ? { data: JSON.parse(r.data) as unknown } : {}),
  }));
}
