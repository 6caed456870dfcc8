// Members' forms in a campaign. Every change — a draft save, a submit, the cell's confirm or
// return — writes the next version (optimistic concurrency: a stale version gets 409) and
// keeps the old one. A confirmed plan is frozen: its version and a SHA-256 of its content are
// recorded, and any later edit turns it back into a draft that needs confirming again.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Form } from "../../schema/template";
import { members, submissionVersions, submissions, tasks, units } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { canonicalJson, validateFormData } from "../domain/forms";
import { countState } from "../domain/progress";
import { inScope, type Scope } from "../domain/scope";
import { DomainError, invalidBody, notFound } from "../errors";
import { auditInsert, type AuditEntry } from "./audit";
import { inCampaignTargets, memberFormKeys, type Campaign } from "./campaigns";
import { newId } from "./ids";

type Audit = Omit<AuditEntry, "action" | "entity">;
export type SubmissionRow = typeof submissions.$inferSelect;

const contentHash = (data: unknown) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(data))));
const stale = () =>
  new DomainError(
    "VERSION_CONFLICT",
    "Bản kế hoạch đã thay đổi ở nơi khác (máy khác hoặc bí thư). Hãy tải lại bản mới nhất rồi sửa tiếp.",
  );

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

/** The member, if they belong to the campaign's target subtrees; otherwise 404. */
async function memberInCampaign(db: TenantDb, c: Campaign, memberId: string) {
  const [m] = await db
    .select({ id: members.id, unitId: members.unitId, status: members.status, path: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(members.id, memberId));
  if (!m) throw notFound("Không tìm thấy đảng viên.");
  if (!(await inCampaignTargets(db, c.id, m.path)))
    throw notFound("Đảng viên không thuộc đợt sinh hoạt này.");
  return m;
}

async function current(db: TenantDb, campaignId: string, memberId: string, formKey: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(
      and(
        eq(submissions.campaignId, campaignId),
        eq(submissions.memberId, memberId),
        eq(submissions.formKey, formKey),
      ),
    );
  return row ?? null;
}

const requireActive = (c: Campaign) => {
  if (c.status !== "active")
    throw new DomainError(
      "INVALID_STATE",
      c.status === "draft" ? "Đợt sinh hoạt chưa được phát động." : "Đợt sinh hoạt đã kết thúc.",
    );
};

/** Records a version only if the submission row now holds exactly that version — i.e. only
 *  when the write beside it in the batch won. A save that lost a race leaves no trace. */
function versionInsert(
  db: TenantDb,
  v: {
    submissionId: string;
    version: number;
    status: string;
    data: string;
    at: Date;
    actorUserId: string;
    onBehalf: boolean;
    comment: string | null;
  },
) {
  return db.run(sql`INSERT INTO ${submissionVersions} (id, submission_id, version, status, data_json, at, actor_user_id, on_behalf, comment)
    SELECT ${newId()}, ${v.submissionId}, ${v.version}, ${v.status}, ${v.data}, ${v.at.getTime()}, ${v.actorUserId}, ${v.onBehalf ? 1 : 0}, ${v.comment}
    WHERE EXISTS (SELECT 1 FROM ${submissions} WHERE id = ${v.submissionId} AND version = ${v.version})
    ON CONFLICT DO NOTHING`);
}

export interface Actor {
  userId: string;
  /** True when a secretary writes for a member (who has no phone, say). */
  onBehalf: boolean;
}

export async function saveDraft(
  db: TenantDb,
  c: Campaign,
  memberId: string,
  input: { formKey: string; data: unknown; version?: number },
  actor: Actor,
  now: Date,
) {
  requireActive(c);
  const form = memberForm(c, input.formKey);
  const member = await memberInCampaign(db, c, memberId);
  if (
    countState(member.status, c.def.excusals.statuses) === "excused" &&
    !c.def.excusals.voluntarySubmissionAllowed
  )
    throw new DomainError("INVALID_STATE", "Đảng viên thuộc diện miễn trong đợt này.");
  const errors = validateFormData(form, input.data, c.def.lists, "draft");
  if (Object.keys(errors).length) throw invalidBody(errors);
  const existing = await current(db, c.id, memberId, form.key);
  if (
    existing
      ? existing.version !== input.version
      : input.version !== undefined && input.version !== 0
  )
    throw stale();
  const data = JSON.stringify(input.data);
  const version = (existing?.version ?? 0) + 1;
  const id = existing?.id ?? newId();
  const row = {
    formVersion: form.version,
    status: "draft" as const,
    version,
    data,
    enteredBy: actor.onBehalf ? actor.userId : (existing?.enteredBy ?? null),
    updatedAt: now,
  };
  const write = existing
    ? db
        .update(submissions)
        .set(row)
        .where(and(eq(submissions.id, id), eq(submissions.version, existing.version)))
        .returning({ id: submissions.id })
    : db
        .insert(submissions)
        .values({ ...row, id, campaignId: c.id, memberId, formKey: form.key, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: submissions.id });
  const [written] = await db.batch([
    write,
    versionInsert(db, {
      submissionId: id,
      version,
      status: "draft",
      data,
      at: now,
      actorUserId: actor.userId,
      onBehalf: actor.onBehalf,
      comment: null,
    }),
  ]);
  // Lost the race to another save of the same version: that write stands, this one is stale.
  if (!written[0]) throw stale();
  return { id, version, status: "draft" as const, formKey: form.key };
}

async function transition(
  db: TenantDb,
  s: SubmissionRow,
  changes: Partial<SubmissionRow> & { status: SubmissionRow["status"] },
  actor: Actor,
  now: Date,
  comment: string | null,
  extra: Parameters<TenantDb["batch"]>[0][number][] = [],
) {
  const version = s.version + 1;
  const [updated] = await db.batch([
    db
      .update(submissions)
      .set({ ...changes, version, updatedAt: now })
      .where(and(eq(submissions.id, s.id), eq(submissions.version, s.version)))
      .returning({ id: submissions.id }),
    versionInsert(db, {
      submissionId: s.id,
      version,
      status: changes.status,
      data: s.data,
      at: now,
      actorUserId: actor.userId,
      onBehalf: actor.onBehalf,
      comment,
    }),
    ...extra,
  ] as unknown as Parameters<TenantDb["batch"]>[0]);
  if (!(updated as { id: string }[])[0]) throw stale();
  return version;
}

export async function submit(
  db: TenantDb,
  c: Campaign,
  memberId: string,
  formKey: string | undefined,
  actor: Actor,
  now: Date,
) {
  requireActive(c);
  const form = memberForm(c, formKey);
  const s = await current(db, c.id, memberId, form.key);
  if (!s) throw invalidBody({ _: "Chưa có bản nháp để nộp." }, "Chưa có bản nháp để nộp.");
  if (s.status === "submitted" || s.status === "confirmed")
    return { id: s.id, status: s.status, submittedAt: s.submittedAt, version: s.version };
  const errors = validateFormData(form, JSON.parse(s.data), c.def.lists, "submit");
  if (Object.keys(errors).length)
    throw invalidBody(errors, "Còn trường bắt buộc chưa điền hoặc chưa hợp lệ.");
  const version = await transition(
    db,
    s,
    {
      status: "submitted",
      submittedAt: now,
      firstSubmittedAt: s.firstSubmittedAt ?? now,
      enteredBy: actor.onBehalf ? actor.userId : s.enteredBy,
    },
    actor,
    now,
    null,
  );
  return { id: s.id, status: "submitted" as const, submittedAt: now, version };
}

export interface SubmissionAccess {
  /** The reader's member id: authors read their own. */
  memberId: string | null;
  /** Secretary/admin scope: who may read, confirm and return. */
  staffScope: Scope;
}

export async function requireSubmissionFor(
  db: TenantDb,
  id: string,
  access: SubmissionAccess,
  staffOnly = false,
) {
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
  const own = row && !staffOnly && row.s.memberId === access.memberId;
  if (!row || !(own || inScope(access.staffScope, row.path)))
    throw notFound("Không tìm thấy bản kế hoạch.");
  return row;
}

export async function confirm(
  db: TenantDb,
  id: string,
  scope: Scope,
  actor: Actor,
  audit: Audit,
  now: Date,
) {
  const { s } = await requireSubmissionFor(db, id, { memberId: null, staffScope: scope }, true);
  if (s.status !== "submitted")
    throw new DomainError(
      "INVALID_STATE",
      s.status === "confirmed"
        ? "Bản kế hoạch đã được xác nhận."
        : "Chỉ xác nhận được bản kế hoạch đã nộp.",
    );
  const hash = contentHash(JSON.parse(s.data));
  const version = await transition(
    db,
    s,
    {
      status: "confirmed",
      confirmedAt: now,
      confirmedBy: actor.userId,
      confirmedVersion: s.version + 1,
      confirmedHash: hash,
      returnComment: null,
    },
    actor,
    now,
    null,
    [
      db
        .update(tasks)
        .set({ doneAt: now })
        .where(and(eq(tasks.campaignId, s.campaignId), eq(tasks.memberId, s.memberId))),
      auditInsert(
        db,
        {
          ...audit,
          action: "submission.confirm",
          entity: "submission",
          entityId: id,
          after: { version: s.version + 1, hash },
        },
        now,
      ),
    ],
  );
  return { id, status: "confirmed" as const, version, confirmedHash: hash };
}

export async function returnSubmission(
  db: TenantDb,
  id: string,
  comment: string,
  scope: Scope,
  actor: Actor,
  audit: Audit,
  now: Date,
) {
  const { s } = await requireSubmissionFor(db, id, { memberId: null, staffScope: scope }, true);
  if (s.status !== "submitted")
    throw new DomainError(
      "INVALID_STATE",
      "Chỉ trả lại được bản kế hoạch đã nộp và chưa xác nhận.",
    );
  const version = await transition(
    db,
    s,
    { status: "returned", returnComment: comment },
    actor,
    now,
    comment,
    [
      // The comment is about the plan's text: the audit keeps that it happened, not what it said.
      auditInsert(
        db,
        {
          ...audit,
          action: "submission.return",
          entity: "submission",
          entityId: id,
          after: { version: s.version + 1 },
        },
        now,
      ),
    ],
  );
  return { id, status: "returned" as const, version };
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

export async function findMine(
  db: TenantDb,
  c: Campaign,
  memberId: string,
  formKey: string | undefined,
) {
  const form = memberForm(c, formKey);
  return current(db, c.id, memberId, form.key);
}

/** Every version kept of a submission. The texts only when asked for: autosave writes a
 *  version per pause, and a phone on 3G should not download them all to open a form. */
export async function listVersions(db: TenantDb, submissionId: string, withData = false) {
  const rows = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submissionId))
    .orderBy(asc(submissionVersions.version));
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    at: r.at,
    onBehalf: r.onBehalf,
    comment: r.comment,
    ...(withData ? { data: JSON.parse(r.data) as unknown } : {}),
  }));
}
