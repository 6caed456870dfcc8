// A member's own form in a campaign, written by the member or by a secretary for them
// (marked so): drafts saved with optimistic concurrency, then submitted once complete.
import { eq } from "drizzle-orm";
import type { Form } from "../../schema/template";
import { campaignUnits, members, submissions, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { validateFormData } from "../domain/forms";
import { countState } from "../domain/progress";
import { DomainError, invalidBody, notFound } from "../errors";
import { memberFormKeys, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { isStaleWrite } from "./concurrency";
import { holds, markMembers } from "./progress-marks";
import { newId } from "./ids";
import { requireOnBehalfAllowed } from "./on-behalf";
import { planNotice } from "./event-notices";
import {
  currentSubmission,
  noticeOf,
  staleSubmission,
  transition,
  versionInsert,
} from "./submissions";
import { casWrite, eqAll } from "./sql";

/** Whose form, on which campaign, and whether a secretary writes it for the member. */
export interface DraftTarget {
  campaign: Campaign;
  memberId: string;
  /** True when a secretary writes for a member: one without an active account, or who
   *  consented (on-behalf.ts). */
  onBehalf: boolean;
}

function memberForm(c: Campaign, formKey: string | undefined): Form {
  const keys = memberFormKeys(c.def);
  if (!formKey) {
    if (keys.length !== 1)
      throw invalidBody({
        formKey: `Đợt này có ${keys.length} biểu mẫu: cần ghi rõ formKey (${keys.join(", ")}).`,
      });
    formKey = keys[0];
  }
  const form = c.def.forms.find((f) => f.key === formKey);
  if (!form || !keys.includes(formKey!))
    throw invalidBody({ formKey: "Đợt sinh hoạt không có biểu mẫu này cho đảng viên." });
  return form;
}

/** In one round trip: the member (404 unless in the campaign's target subtrees) and their
 *  current form, whose version the save is checked against. */
async function loadForSave(db: TenantDb, c: Campaign, memberId: string, formKey: string) {
  const [found, targets, current] = await db.batch([
    db
      .select({ id: members.id, unitId: members.unitId, status: members.status, path: units.path })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(eq(members.id, memberId)),
    db
      .select({ path: units.path })
      .from(campaignUnits)
      .innerJoin(units, eq(units.id, campaignUnits.unitId))
      .where(eq(campaignUnits.campaignId, c.id)),
    db
      .select()
      .from(submissions)
      .where(eqAll(submissions, { campaignId: c.id, memberId, formKey })),
  ]);
  const member = found[0];
  if (!member) throw notFound("Không tìm thấy đảng viên.");
  if (!targets.some((t) => member.path.startsWith(t.path)))
    throw notFound("Đảng viên không thuộc đợt sinh hoạt này.");
  return { member, existing: current[0] ?? null };
}

const requireActive = (c: Campaign) => {
  if (c.status !== "active")
    throw new DomainError(
      "INVALID_STATE",
      c.status === "draft" ? "Đợt sinh hoạt chưa được phát động." : "Đợt sinh hoạt đã kết thúc.",
    );
};

export async function saveDraft(
  { db, actor, now }: Ctx,
  input: DraftTarget & { formKey: string; data: unknown; version?: number },
) {
  const { campaign: c, memberId } = input;
  requireActive(c);
  const form = memberForm(c, input.formKey);
  // Two round trips in all (three on a member's behalf): the member, the targets and the
  // current version read together; then the row and its version written together, the row
  // only if still at the version read (a concurrent save makes this one a 409 with no trace).
  const { member, existing } = await loadForSave(db, c, memberId, form.key);
  if (input.onBehalf) await requireOnBehalfAllowed(db, memberId);
  if (
    countState(member.status, c.def.excusals.statuses) === "excused" &&
    !c.def.excusals.voluntarySubmissionAllowed
  )
    throw new DomainError("INVALID_STATE", "Đảng viên thuộc diện miễn trong đợt này.");
  const errors = validateFormData(form, input.data, c.def.lists, "draft");
  if (Object.keys(errors).length) throw invalidBody(errors);
  if (isStaleWrite(existing, input.version)) throw staleSubmission();
  const data = JSON.stringify(input.data);
  const version = (existing?.version ?? 0) + 1;
  const id = existing?.id ?? newId();
  const row = {
    formVersion: form.version,
    status: "draft" as const,
    version,
    data,
    enteredBy: input.onBehalf ? actor.actorUserId : (existing?.enteredBy ?? null),
    updatedAt: now,
  };
  const write = casWrite(db, submissions, existing, row, {
    ...row,
    id,
    campaignId: c.id,
    memberId,
    formKey: form.key,
    createdAt: now,
  });
  const [written] = await db.batch([
    write,
    versionInsert(db, {
      submissionId: id,
      version,
      status: "draft",
      data,
      at: now,
      actorUserId: actor.actorUserId,
      onBehalf: input.onBehalf,
      comment: null,
    }),
    // A draft over a plan in the cell's hands takes it back: the unit's figures move.
    markMembers(
      db,
      existing && existing.status !== "draft" ? [memberId] : [],
      c.id,
      holds("submissions", id, version),
    ),
  ]);
  // Lost the race to another save of the same version: that write stands, this one is stale.
  if (!written[0]) throw staleSubmission();
  return { id, version, status: "draft" as const, formKey: form.key };
}

export async function submit(ctx: Ctx, input: DraftTarget & { formKey?: string }) {
  const { campaign: c, memberId } = input;
  requireActive(c);
  const form = memberForm(c, input.formKey);
  if (input.onBehalf) await requireOnBehalfAllowed(ctx.db, memberId);
  const s = await currentSubmission(ctx.db, { campaignId: c.id, memberId, formKey: form.key });
  if (!s) throw invalidBody({ _: "Chưa có bản nháp để nộp." }, "Chưa có bản nháp để nộp.");
  if (s.status === "submitted" || s.status === "confirmed")
    return { id: s.id, status: s.status, submittedAt: s.submittedAt, version: s.version };
  const errors = validateFormData(form, JSON.parse(s.data), c.def.lists, "submit");
  if (Object.keys(errors).length)
    throw invalidBody(errors, "Còn trường bắt buộc chưa điền hoặc chưa hợp lệ.");
  const { now, actor } = ctx;
  const version = await transition(ctx, {
    submission: s,
    changes: {
      status: "submitted",
      submittedAt: now,
      firstSubmittedAt: s.firstSubmittedAt ?? now,
      enteredBy: input.onBehalf ? actor.actorUserId : s.enteredBy,
    },
    onBehalf: input.onBehalf,
    extra: (wrote) => [planNotice(ctx.db, noticeOf(s, "submitted", actor.actorUserId), now, wrote)],
  });
  return { id: s.id, status: "submitted" as const, submittedAt: now, version };
}

/** The member's own form in the campaign (null before the first save). */
export async function findMine(
  db: TenantDb,
  input: { campaign: Campaign; memberId: string; formKey?: string },
) {
  const form = memberForm(input.campaign, input.formKey);
  return currentSubmission(db, {
    campaignId: input.campaign.id,
    memberId: input.memberId,
    formKey: form.key,
  });
}
