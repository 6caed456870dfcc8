// Steps done by acknowledgement (the copy sent to Ban Tuyên giáo, the plan posted at work, the
// schedule told to the UVTV…) or by the unit's own form (the action plan, the draft
// resolution): the unit's secretary — or the member, for a member's step — records it with
// what the step's evidence spec asks. Each save is a new version (stale: 409), audited, and
// completes the step's task; nothing else completes it (schema/vocab/campaigns.ts).
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { StepRecordBody } from "../../schema/api-steps";
import { ictDate } from "../../schema/rules/deadlines";
import { completionOf, evidenceOf, type Step } from "../../schema/template";
import { stepRecords, tasks, units } from "../../schema/tables/tenant";
import { COMPLETION_LABELS, EVIDENCE_PART_LABELS } from "../../schema/vocab/campaigns";
import type { BatchItem, TenantDb } from "../db/handles";
import { validateFormData } from "../domain/forms";
import { inScope } from "../domain/scope";
import { invalidBody, notFound, versionConflict } from "../errors";
import { auditInsertIf, type AuditEntry } from "./audit";
import { markUnits } from "./progress-marks";
import { requireActiveCampaign, requireCampaignUnit, type Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { eqAll } from "./sql";
import { markDone } from "./step-completion";

type NewRecordFields = Omit<typeof stepRecords.$inferInsert, "id" | "byUserId" | "createdAt">;
type RecordKey = {
  campaignId: string;
  stepKey: string;
  unitId: string;
  memberId: string;
  period?: string;
};
export type StepRecordRow = typeof stepRecords.$inferSelect;

/** The step, if the campaign has it and it is done by a record the given owner makes. */
function recordableStep(c: Campaign, stepKey: string, owner: Step["owner"]): Step {
  const step = c.def.steps.find((s) => s.key === stepKey);
  if (!step) throw notFound("Đợt sinh hoạt không có bước này.");
  if (step.owner !== owner)
    throw invalidBody(
      { stepKey: owner === "unit" ? "Bước này do đảng viên làm." : "Bước này do đơn vị làm." },
      `Bước «${step.title}» do ${step.owner === "unit" ? "đơn vị" : "đảng viên"} làm.`,
    );
  const way = completionOf(step);
  if (way !== "acknowledged" && way !== "unit-form-submitted" && !meetingForm(c, step))
    throw invalidBody(
      { stepKey: `Bước này hoàn thành khi: ${COMPLETION_LABELS[way]}.` },
      `Bước «${step.title}» hoàn thành khi: ${COMPLETION_LABELS[way]} — không ghi nhận trực tiếp.`,
    );
  return step;
}

/** The unit's own record form of a meeting step (CT 24's minutes with the 25 expressions,
 *  003's forum conclusion): filled by the secretary, though the meeting completes the step. */
const meetingForm = (c: Campaign, step: Step) =>
  completionOf(step) === "meeting-held" && step.formKey
    ? (c.def.forms.find((f) => f.key === step.formKey && f.owner === "unit") ?? null)
    : null;

/** Whether saving the record completes the step's task (a meeting's minutes do not). */
const recordCompletes = (step: Step) =>
  ["acknowledged", "unit-form-submitted"].includes(completionOf(step));

/** The parts the step asks for that the body lacks, as field errors; the form's errors for a
 *  step done by the unit's form. */
function missingEvidence(c: Campaign, step: Step, body: StepRecordBody, today: string) {
  const errors: Record<string, string> = {};
  const has = (s: string | null | undefined) => !!s && s.trim().length > 0;
  if (body.doneOn && body.doneOn > today) errors.doneOn = "Ngày thực hiện chưa đến.";
  if (completionOf(step) === "unit-form-submitted" || meetingForm(c, step)) {
    const form = c.def.forms.find((f) => f.key === step.formKey);
    if (!body.data) errors.data = "Cần điền biểu mẫu của bước.";
    else if (form)
      for (const [k, m] of Object.entries(validateFormData(form, body.data, c.def.lists, "submit")))
        errors[`data.${k}`] = m;
    return errors;
  }
  if (body.data) errors.data = "Bước này không có biểu mẫu để điền.";
  if (!body.doneOn) errors.doneOn = "Cần ghi ngày thực hiện.";
  for (const part of evidenceOf(step).needs) {
    if (part === "note" && !has(body.note)) errors.note = "Cần ghi nội dung đã làm.";
    if (part === "place" && !has(body.place)) errors.place = "Cần ghi địa điểm.";
    if (part === "link" && !has(body.link)) errors.link = "Cần có đường dẫn.";
    if (part === "file" && !has(body.fileRef))
      errors.fileRef = "Cần ghi số hiệu hoặc tên văn bản, tệp lưu.";
    if (part === "link-or-file" && !has(body.link) && !has(body.fileRef))
      errors.link = `Cần có ${EVIDENCE_PART_LABELS[part].toLowerCase()}.`;
  }
  return errors;
}

/** The latest version recorded under `key`, 0 when none is. */
async function currentVersion(db: TenantDb, key: RecordKey): Promise<number> {
  const [row] = await db
    .select({ version: stepRecords.version })
    .from(stepRecords)
    .where(eqAll(stepRecords, key))
    .orderBy(desc(stepRecords.version))
    .limit(1);
  return row?.version ?? 0;
}

/** Writes `fields` as the version after `expected` of the step record under `key`, in one
 *  batch with what follows from it and its audit row (`entry` of the new version), both only
 *  if the row was written. `expected` is the version the writer read: stale (409) when it is
 *  not the latest, or when a concurrent write took the next one first. */
export async function writeRecordVersion<F extends Omit<NewRecordFields, "version">>(
  { db, actor, now }: Pick<Ctx, "db" | "actor" | "now">,
  { key, expected }: { key: RecordKey; expected: number },
  fields: F,
  entry: (version: number) => Omit<AuditEntry, "actorUserId" | "requestId">,
  follows: (wrote: SQL) => BatchItem[] = () => [],
) {
  if ((await currentVersion(db, key)) !== expected) throw versionConflict();
  const version = expected + 1;
  const row = { id: newId(), ...fields, version, byUserId: actor.actorUserId, createdAt: now };
  const wrote = sql`EXISTS (SELECT 1 FROM ${stepRecords} WHERE ${stepRecords.id} = ${row.id})`;
  const [inserted] = await db.batch([
    db.insert(stepRecords).values(row).onConflictDoNothing().returning({ id: stepRecords.id }),
    ...follows(wrote),
    // The unit's compliance marks (compliance-figures.ts): its first record of a step is
    // what "on time" judges, its periods what the monthly review and periodic reports count.
    markUnits(db, [row.unitId], row.campaignId, wrote),
    auditInsertIf(db, { ...actor, ...entry(version) }, now, wrote),
  ]);
  if (!inserted[0]) throw versionConflict();
  return row;
}

async function write(
  { db, actor, now }: Ctx,
  c: Campaign,
  step: Step,
  key: RecordKey,
  body: StepRecordBody,
) {
  requireActiveCampaign(c);
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(eqAll(tasks, key)).limit(1);
  if (!task)
    throw invalidBody(
      { stepKey: "Bước này không có trong việc của đơn vị hoặc đảng viên này." },
      `Bước «${step.title}» không dành cho ${key.memberId ? "đồng chí" : "đơn vị này"} trong đợt.`,
    );
  const today = ictDate(now);
  const errors = missingEvidence(c, step, body, today);
  if (Object.keys(errors).length)
    throw invalidBody(errors, `Bước «${step.title}» chưa đủ minh chứng: ${evidenceOf(step).what}.`);
  const doneOn = body.doneOn ?? today;
  const row = await writeRecordVersion(
    { db, actor, now },
    { key, expected: body.version },
    {
      ...key,
      period: "",
      doneOn,
      place: body.place ?? null,
      note: body.note ?? null,
      link: body.link ?? null,
      fileRef: body.fileRef ?? null,
      data: body.data ? JSON.stringify(body.data) : null,
    },
    // The note and the form are the unit's record: the audit keeps that it was made.
    (version) => ({
      action: version === 1 ? "step.record" : "step.correct",
      entity: "step",
      entityId: `${c.id}:${key.unitId}:${key.memberId}:${step.key}`,
      after: { version, doneOn },
    }),
    // Done when first recorded; a correction keeps that moment (as a corrected report does).
    (wrote) => [markDone(db, now, eq(tasks.id, recordCompletes(step) ? task.id : ""), wrote)],
  );
  return view(row);
}

const view = (r: StepRecordRow) => ({
  stepKey: r.stepKey,
  unitId: r.unitId,
  memberId: r.memberId || null,
  version: r.version,
  doneOn: r.doneOn,
  place: r.place,
  note: r.note,
  link: r.link,
  fileRef: r.fileRef,
  data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : null,
  recordedAt: r.createdAt,
});

/** A unit's step, recorded by its secretary (or an admin) within scope. */
export async function recordUnitStep(
  ctx: Ctx,
  input: { campaign: Campaign; stepKey: string; unitId: string; body: StepRecordBody },
) {
  const c = input.campaign;
  const unit = await requireCampaignUnit(ctx, { campaign: c, unitId: input.unitId });
  const step = recordableStep(c, input.stepKey, "unit");
  const key = { campaignId: c.id, stepKey: step.key, unitId: unit.id, memberId: "" };
  return write(ctx, c, step, key, input.body);
}

/** A member's own step (the plan posted at work, the copy sent upward). */
export async function recordOwnStep(
  ctx: Ctx,
  input: { campaign: Campaign; stepKey: string; memberId: string; body: StepRecordBody },
) {
  const c = input.campaign;
  const step = recordableStep(c, input.stepKey, "member");
  const [task] = await ctx.db
    .select({ unitId: tasks.unitId })
    .from(tasks)
    .where(eqAll(tasks, { campaignId: c.id, stepKey: step.key, memberId: input.memberId }))
    .limit(1);
  if (!task)
    throw invalidBody(
      { stepKey: "Bước này không dành cho đồng chí trong đợt." },
      `Bước «${step.title}» không dành cho đồng chí trong đợt.`,
    );
  const key = {
    campaignId: c.id,
    stepKey: step.key,
    unitId: task.unitId,
    memberId: input.memberId,
  };
  return write(ctx, c, step, key, input.body);
}

/** A unit of the campaign (404 otherwise) and its records under `key`, newest version first
 *  unless `order` says otherwise. */
export async function unitRecordRows(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; unitId: string },
  key: { stepKey: string; memberId?: string },
  order: SQL[] = [desc(stepRecords.version)],
) {
  const unit = await requireCampaignUnit(ctx, { campaign: input.campaign, unitId: input.unitId });
  const rows = await ctx.db
    .select()
    .from(stepRecords)
    .where(eqAll(stepRecords, { campaignId: input.campaign.id, unitId: unit.id, ...key }))
    .orderBy(...order);
  return { unit, rows };
}

/** Every version of a unit's record of a step, newest first. */
export async function unitStepRecords(
  ctx: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; stepKey: string; unitId: string },
) {
  const { unit, rows } = await unitRecordRows(ctx, input, {
    stepKey: input.stepKey,
    memberId: "",
  });
  return { stepKey: input.stepKey, unitId: unit.id, versions: rows.map(view) };
}

/** When each unit first recorded each step: what compliance judges on time against. */
export function firstRecords(db: TenantDb, campaignId: string, where?: SQL) {
  return db
    .select({
      unitId: stepRecords.unitId,
      stepKey: stepRecords.stepKey,
      at: sql<number>`min(${stepRecords.createdAt})`,
    })
    .from(stepRecords)
    .where(and(eq(stepRecords.campaignId, campaignId), eq(stepRecords.memberId, ""), where))
    .groupBy(stepRecords.unitId, stepRecords.stepKey);
}

/**
 * How the units in the reader's subtree answered the checklists of a step's unit form (CT 24's
 * 25 expressions in the cells' minutes, 003's 27): per item, how many units answered each
 * level, from each unit's latest version — "how many cells discussed expression 7".
 */
export async function checklistTally(
  { db, scope }: Pick<Ctx, "db" | "scope">,
  input: { campaign: Campaign; stepKey: string },
) {
  const c = input.campaign;
  const step = c.def.steps.find((s) => s.key === input.stepKey);
  const form = step?.formKey ? c.def.forms.find((f) => f.key === step.formKey) : undefined;
  if (!step || !form || form.owner !== "unit")
    throw notFound("Bước này không có biểu mẫu của đơn vị.");
  const rows = await db
    .select({ unitId: stepRecords.unitId, data: stepRecords.data, path: units.path })
    .from(stepRecords)
    .innerJoin(units, eq(units.id, stepRecords.unitId))
    .where(eqAll(stepRecords, { campaignId: c.id, stepKey: step.key, memberId: "" }))
    .orderBy(desc(stepRecords.version));
  const latest = new Map<string, Record<string, unknown>>();
  for (const r of rows)
    if (!latest.has(r.unitId) && inScope(scope, r.path) && r.data)
      latest.set(r.unitId, JSON.parse(r.data) as Record<string, unknown>);
  const checklists = form.fields.flatMap((f) =>
    f.type === "section"
      ? f.fields.filter((x) => x.type === "checklist").map((x) => ({ path: [f.key, x.key], x }))
      : f.type === "checklist"
        ? [{ path: [f.key], x: f }]
        : [],
  );
  const at = (data: unknown, path: string[]) =>
    path.reduce<unknown>(
      (o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined),
      data,
    );
  return {
    stepKey: step.key,
    formKey: form.key,
    units: latest.size,
    checklists: checklists.map(({ path, x }) => {
      const list = c.def.lists.find((l) => l.key === x.listKey);
      const groups = (list?.groups ?? []).filter((g) => !x.groups || x.groups.includes(g.key));
      return {
        field: path.join("."),
        listKey: x.listKey,
        levels: x.levels,
        items: groups.flatMap((g) =>
          g.items.map((item) => {
            const counts = Object.fromEntries(x.levels.map((l) => [l.value, 0]));
            for (const data of latest.values()) {
              const level = (at(data, [...path, g.key, String(item.no)]) as { level?: string })
                ?.level;
              if (level && level in counts) counts[level]!++;
            }
            return { group: g.key, no: item.no, text: item.text, counts };
          }),
        ),
      };
    }),
  };
}
