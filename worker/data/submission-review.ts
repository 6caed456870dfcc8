// The cell's side of a member's plan: who may read it, confirm it (its content frozen: the
// version and a SHA-256 of it are recorded, and a later edit needs confirming again; the
// cell's opinion and who signed for the cell are kept with it) or return it with a comment.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { desc, eq, sql } from "drizzle-orm";
import { ROLE_LABELS } from "../../schema/vocab/roles";
import { members, planConfirmations, submissions, units, users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { canonicalJson } from "../../schema/rules/canonical";
import { ALL_SCOPE, inScope, type Scope } from "../domain/scope";
import type { Grant, Role } from "../env";
import { DomainError, notFound } from "../errors";
import { auditInsertIf } from "./audit";
import { requireCampaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { confirmationCompletes } from "./step-completion";
import { planNotice } from "./event-notices";
import { noticeOf, transition, type SubmissionRow } from "./submissions";
import { routedPlans } from "./supervision";
import { eqAll } from "./sql";

const contentHash = (data: unknown) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(data))));

export interface SubmissionAccess {
  /** The reader's member id: authors read their own. */
  memberId: string | null;
  /** Secretary/admin scope: who may read, confirm and return. */
  staffScope: Scope;
  /** Staff only: the author's own access does not count (confirming one's own plan). */
  staffOnly?: boolean;
}

export async function requireSubmissionFor(db: TenantDb, id: string, access: SubmissionAccess) {
  const [row] = await db
    .select({
      s: submissions,
      path: units.path,
      unitId: members.unitId,
      fullName: members.fullName,
    })
    .from(submissions)
    .innerJoin(members, eq(members.id, submissions.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(submissions.id, id));
  const own = row && !access.staffOnly && row.s.memberId === access.memberId;
  if (!row || !(own || inScope(access.staffScope, row.path)))
    throw notFound("Không tìm thấy bản kế hoạch.");
  return row;
}

/** Who may read a submission: its author, staff whose scope covers the author, and the
 *  supervisors the confirmed plan is routed to. Anyone else gets 404. */
export async function requireReadableSubmission(
  db: TenantDb,
  id: string,
  reader: SubmissionAccess & { grants: Grant[] },
) {
  try {
    return await requireSubmissionFor(db, id, reader);
  } catch (err) {
    if (!reader.grants.some((g) => g.role === "supervisor")) throw err;
    const routed = await routedPlans(db, reader.grants, { submissionId: id });
    if (routed.plans.length === 0) throw err;
    return requireSubmissionFor(db, id, { memberId: null, staffScope: ALL_SCOPE });
  }
}

const staffOnly = (ctx: Ctx) => ({ memberId: null, staffScope: ctx.scope, staffOnly: true });

export interface ConfirmInput {
  /** The cell's opinion, printed under the plan ("Ý kiến của chi bộ"). */
  opinion?: string;
  /** The role the signer acts in, for the position when the roster records none. */
  signerRole?: Extract<Role, "admin" | "secretary">;
}

export interface ConfirmationView {
  version: number;
  opinion: string;
  signerName: string;
  signerPosition: string;
  confirmedAt: Date;
}

/** Who signs "T/M CHI BỘ": the account's member on the roster (name and position that day),
 *  or the account itself. */
async function signerOf(db: TenantDb, userId: string | null) {
  if (!userId) return null;
  const [row] = await db
    .select({
      memberId: users.memberId,
      userName: users.fullName,
      memberName: members.fullName,
      position: members.position,
    })
    .from(users)
    .leftJoin(members, eq(members.id, users.memberId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The cell confirms a submitted plan. Nobody confirms their own: the secretary's plan is
 *  confirmed by the cell's deputy (phó bí thư: an account holding the cell's secretary grant,
 *  told apart on paper by the roster's position) or by an admin. */
export async function confirm(ctx: Ctx, id: string, input: ConfirmInput = {}) {
  const { db, actor, now } = ctx;
  const [{ s, unitId }, signer] = await Promise.all([
    requireSubmissionFor(db, id, staffOnly(ctx)),
    signerOf(db, actor.actorUserId),
  ]);
  const campaign = await requireCampaign(db, s.campaignId);
  if (signer?.memberId && signer.memberId === s.memberId)
    throw new DomainError(
      "FORBIDDEN",
      "Không tự xác nhận kế hoạch của mình: phó bí thư chi bộ hoặc quản trị xác nhận kế hoạch này.",
    );
  if (s.status !== "submitted")
    throw new DomainError(
      "INVALID_STATE",
      s.status === "confirmed"
        ? "Bản kế hoạch đã được xác nhận."
        : "Chỉ xác nhận được bản kế hoạch đã nộp.",
    );
  const hash = contentHash(JSON.parse(s.data));
  const confirmation: ConfirmationView = {
    version: s.version + 1,
    opinion: input.opinion ?? "",
    signerName: signer?.memberName ?? signer?.userName ?? "",
    signerPosition: signer?.position ?? ROLE_LABELS[input.signerRole ?? "secretary"],
    confirmedAt: now,
  };
  const version = await transition(ctx, {
    submission: s,
    changes: {
      status: "confirmed",
      confirmedAt: now,
      confirmedBy: actor.actorUserId,
      confirmedVersion: s.version + 1,
      confirmedHash: hash,
      returnComment: null,
    },
    onBehalf: false,
    extra: (wrote) => [
      // Only the steps this confirmation is the way of (schema/vocab/campaigns.ts): not the
      // member's posting or sending a copy, which are done and evidenced on their own.
      ...confirmationCompletes(
        db,
        campaign.def,
        { campaignId: s.campaignId, unitId, memberId: s.memberId, formKey: s.formKey },
        now,
        wrote,
      ),
      db.run(sql`INSERT INTO ${planConfirmations}
        (id, submission_id, version, opinion, confirmed_by, signer_name, signer_position, created_at)
        SELECT ${newId()}, ${id}, ${confirmation.version}, ${confirmation.opinion},
          ${actor.actorUserId ?? ""}, ${confirmation.signerName}, ${confirmation.signerPosition},
          ${now.getTime()}
        WHERE ${wrote}`),
      planNotice(db, noticeOf(s, "confirmed", actor.actorUserId), now, wrote),
      // The opinion is about the plan's text: the audit keeps who signed, not what they wrote.
      auditInsertIf(
        db,
        {
          ...actor,
          action: "submission.confirm",
          entity: "submission",
          entityId: id,
          after: { version: s.version + 1, hash, signerPosition: confirmation.signerPosition },
        },
        now,
        wrote,
      ),
    ],
  });
  return { id, status: "confirmed" as const, version, confirmedHash: hash, confirmation };
}

/** The cell's confirmation of the version now confirmed; null when the plan is not (or no
 *  longer) confirmed. */
export async function getConfirmation(
  db: TenantDb,
  s: Pick<SubmissionRow, "id" | "status" | "confirmedVersion">,
): Promise<ConfirmationView | null> {
  if (s.status !== "confirmed" || s.confirmedVersion === null) return null;
  const [row] = await db
    .select()
    .from(planConfirmations)
    .where(eqAll(planConfirmations, { submissionId: s.id, version: s.confirmedVersion }))
    .orderBy(desc(planConfirmations.createdAt))
    .limit(1);
  return row
    ? {
        version: row.version,
        opinion: row.opinion,
        signerName: row.signerName,
        signerPosition: row.signerPosition,
        confirmedAt: row.createdAt,
      }
    : null;
}

export async function returnSubmission(ctx: Ctx, input: { id: string; comment: string }) {
  const { db, actor, now } = ctx;
  const { id, comment } = input;
  const { s } = await requireSubmissionFor(db, id, staffOnly(ctx));
  if (s.status !== "submitted")
    throw new DomainError(
      "INVALID_STATE",
      "Chỉ trả lại được bản kế hoạch đã nộp và chưa xác nhận.",
    );
  const version = await transition(ctx, {
    submission: s,
    changes: { status: "returned", returnComment: comment },
    onBehalf: false,
    comment,
    extra: (wrote) => [
      planNotice(db, { ...noticeOf(s, "returned", actor.actorUserId), comment }, now, wrote),
      // The comment is about the plan's text: the audit keeps that it happened, not what it said.
      auditInsertIf(
        db,
        {
          ...actor,
          action: "submission.return",
          entity: "submission",
          entityId: id,
          after: { version: s.version + 1 },
        },
        now,
        wrote,
      ),
    ],
  });
  return { id, status: "returned" as const, version };
}
