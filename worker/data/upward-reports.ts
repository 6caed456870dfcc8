// Reports upward across tenants (issue 11), the child's side. For a campaign adopted from its
// parent's directive, the child's admin writes the narrative (the template's report form for
// the tenant's own level, else NARRATIVE_FORM), saves drafts and files it; the figures are
// filled in from the campaign's last rollup (the same counts as progress and compliance).
//
// What crosses to the parent, through the control plane (upward_report_filings): counts, and
// the narrative the child's admin wrote on purpose for the parent — organisational text of
// the đảng bộ, not a member's plan — with the form's labels. No name, no plan text: nothing
// here reads a member or a submission. Drafts stay the child's (the parent reads filings only).
//
// When is it due: at the parent's directive's due date read with its definition's dueRule,
// not at a report step's deadline. The report steps in the templates are inside one tenant
// (chi bộ → đảng ủy, often undated), and a child may set its own campaign's dates earlier;
// the directive's due date is the one date the parent set for every child and no child can
// move. On time means first filed strictly before it (a report corrected after a return keeps
// its first filing, as a unit's report does in followup.ts).
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Form } from "../../schema/template";
import {
  directives,
  linkAuditOutbox,
  tenantLinks,
  tenants,
  upwardReportFilings,
  upwardReports,
} from "../../schema/tables/control";
import { rollupState, rollupUnits, units } from "../../schema/tables/tenant";
import type { UnitKind } from "../../schema/vocab/people";
import type { ControlDb } from "../db/handles";
import { validateFormData } from "../domain/forms";
import { reportDueAt, reportFormFor, reportMark } from "../domain/upward-report";
import type { TenantRecord } from "../env";
import { DomainError, invalidBody, notFound, versionConflict } from "../errors";
import { audit } from "./audit";
import type { Campaign } from "./campaigns";
import type { Ctx } from "./context";
import { isStaleWrite } from "./concurrency";
import { newId } from "./ids";
import { FIELDS, type Figures } from "./link-figures";
import { markTenantChanged } from "./tenants";

/** The tenant's root unit, whose level picks the form the narrative is written on. */
const rootUnitQuery = (ctx: Ctx) =>
  ctx.db
    .select({ kind: units.kind, name: units.name })
    .from(units)
    .where(eq(units.depth, 0))
    .limit(1);

/** The campaign's own figures as of its last rollup: the sum of every unit's own figures (the
 *  same sum the rollup pushes to the parent). */
function campaignFiguresQuery(ctx: Ctx, campaignId: string) {
  const sums = Object.fromEntries(
    FIELDS.map((k) => [k, sql<number>`coalesce(sum(${rollupUnits[k]}), 0)`.mapWith(Number)]),
  ) as { [K in keyof Figures]: ReturnType<typeof sql<number>> };
  return ctx.db
    .select({ ...sums, at: sql<number | null>`max(${rollupState.computedAt})` })
    .from(rollupUnits)
    .leftJoin(rollupState, eq(rollupState.campaignId, rollupUnits.campaignId))
    .where(eq(rollupUnits.campaignId, campaignId));
}

/** What the report reads from the tenant: the form (from the root unit) and the figures, in
 *  one round trip. */
async function tenantSide(ctx: Ctx, c: Campaign) {
  const [[root], [sums]] = await ctx.db.batch([
    rootUnitQuery(ctx),
    campaignFiguresQuery(ctx, c.id),
  ]);
  const form = reportFormFor(c.def, root && { kind: root.kind as UnitKind, name: root.name });
  const { at, ...figures } = sums!;
  return {
    form,
    figures: figures as Figures,
    figuresAt: at === null ? null : new Date(Number(at)),
  };
}

/** The parent's directive the campaign adopted, and whether the link to its issuer still
 *  stands; 404 for a campaign of the tenant's own. */
async function adoptedDirective(control: ControlDb, tenant: TenantRecord, c: Campaign) {
  const none = () => notFound("Đợt sinh hoạt này không thực hiện văn bản của cấp trên.");
  if (!c.directiveId) throw none();
  const [d] = await control
    .select({ d: directives, issuer: tenants.name, linkId: tenantLinks.id })
    .from(directives)
    .innerJoin(tenants, eq(tenants.id, directives.parentId))
    .leftJoin(
      tenantLinks,
      and(
        eq(tenantLinks.parentId, directives.parentId),
        eq(tenantLinks.childId, tenant.id),
        eq(tenantLinks.status, "approved"),
      ),
    )
    .where(eq(directives.id, c.directiveId));
  if (!d) throw none();
  return { ...d.d, issuer: d.issuer, linked: d.linkId !== null };
}

type ReportRow = typeof upwardReports.$inferSelect;

async function currentRow(
  control: ControlDb,
  tenant: TenantRecord,
  campaignId: string,
): Promise<ReportRow | null> {
  const [row] = await control
    .select()
    .from(upwardReports)
    .where(and(eq(upwardReports.childId, tenant.id), eq(upwardReports.campaignId, campaignId)));
  return row ?? null;
}

/** The child's page: the directive, the due date, the figures (read-only), the form and the
 *  working narrative, the status and the parent's return comment. */
export async function readUpwardReport(
  control: ControlDb,
  ctx: Ctx,
  { tenant, campaign }: { tenant: TenantRecord; campaign: Campaign },
) {
  const d = await adoptedDirective(control, tenant, campaign);
  const [row, side] = await Promise.all([
    currentRow(control, tenant, campaign.id),
    tenantSide(ctx, campaign),
  ]);
  return upwardReportView({ campaignId: campaign.id, directive: d, row, ...side, now: ctx.now });
}

/** The child's page from what is already held (pure): the read above and the save's answer
 *  print the same thing from the same parts. */
export function upwardReportView(p: {
  campaignId: string;
  directive: Awaited<ReturnType<typeof adoptedDirective>>;
  row: ReportRow | null;
  form: Form;
  figures: Figures;
  figuresAt: Date | null;
  now: Date;
}) {
  const { directive: d, row } = p;
  const dueAt = reportDueAt(d);
  return {
    campaignId: p.campaignId,
    directive: {
      id: d.id,
      name: d.name,
      documentNo: d.documentNo,
      dueOn: d.dueOn,
      issuer: d.issuer,
    },
    linked: d.linked,
    dueAt,
    form: p.form,
    figures: p.figures,
    figuresAt: p.figuresAt,
    status: row?.status ?? ("draft" as const),
    version: row?.version ?? 0,
    narrative: row ? (JSON.parse(row.narrative) as Record<string, unknown>) : {},
    filings: row?.filings ?? 0,
    firstFiledAt: row?.firstFiledAt ?? null,
    filedAt: row?.filedAt ?? null,
    mark: reportMark(row?.firstFiledAt, dueAt, p.now),
    returnedAt: row?.returnedAt ?? null,
    returnComment: row?.returnComment ?? null,
  };
}

/** Saves the narrative (a draft), or files it to the parent (`file`). Stale version: 409. A
 *  filed report waits for the parent: it changes again only once returned. */
export async function saveUpwardReport(
  control: ControlDb,
  ctx: Ctx,
  input: {
    tenant: TenantRecord;
    campaign: Campaign;
    version: number;
    narrative: Record<string, unknown>;
    file?: boolean;
  },
) {
  const { tenant, campaign: c, now } = { ...input, now: ctx.now };
  if (c.status === "draft")
    throw new DomainError("INVALID_STATE", "Đợt sinh hoạt chưa được phát động.");
  const d = await adoptedDirective(control, tenant, c);
  if (input.file && !d.linked)
    throw new DomainError(
      "INVALID_STATE",
      `Liên kết với ${d.issuer} không còn: không gửi được báo cáo.`,
    );
  const side = await tenantSide(ctx, c);
  const { form } = side;
  const errors = validateFormData(
    form,
    input.narrative,
    c.def.lists,
    input.file ? "submit" : "draft",
  );
  if (Object.keys(errors).length)
    throw invalidBody(errors, "Báo cáo còn trường bắt buộc chưa điền hoặc chưa hợp lệ.");
  const existing = await currentRow(control, tenant, c.id);
  if (isStaleWrite(existing, input.version)) throw versionConflict();
  if (existing?.status === "filed")
    throw new DomainError(
      "INVALID_STATE",
      "Báo cáo đã gửi cấp trên. Chỉ sửa được khi cấp trên trả lại.",
    );
  const narrative = JSON.stringify(input.narrative);
  const id = existing?.id ?? newId();
  const version = (existing?.version ?? 0) + 1;
  const filings = (existing?.filings ?? 0) + (input.file ? 1 : 0);
  const head = {
    status: input.file ? ("filed" as const) : (existing?.status ?? ("draft" as const)),
    version,
    narrative,
    filings,
    updatedAt: now,
    ...(input.file ? { filedAt: now, firstFiledAt: existing?.firstFiledAt ?? now } : {}),
  };
  // Compare-and-set on the version: a concurrent write makes this one write nothing (409).
  const write = existing
    ? control
        .update(upwardReports)
        .set(head)
        .where(and(eq(upwardReports.id, id), eq(upwardReports.version, existing.version)))
        .returning()
    : control
        .insert(upwardReports)
        .values({ id, childId: tenant.id, campaignId: c.id, directiveId: d.id, ...head })
        .onConflictDoNothing()
        .returning();
  const figures = input.file ? side : null;
  // The filing and the parent's audit row are written only when the head moved to this very
  // write (the CAS above won): same version, same instant, same text.
  const won = sql`EXISTS (SELECT 1 FROM ${upwardReports} WHERE id = ${id}
    AND version = ${version} AND filed_at = ${now.getTime()} AND narrative_json = ${narrative})`;
  const filing = figures
    ? [
        control.run(sql`INSERT INTO ${upwardReportFilings}
          (report_id, seq, filed_at, narrative_json, figures_json, figures_at)
          SELECT ${id}, ${filings}, ${now.getTime()},
            ${JSON.stringify({ form: { title: form.title, fields: form.fields }, data: input.narrative })},
            ${JSON.stringify(figures.figures)}, ${figures.figuresAt?.getTime() ?? null}
          WHERE ${won}`),
        control.run(sql`INSERT INTO ${linkAuditOutbox}
          (id, tenant_id, at, action, link_id, other_slug, other_name)
          SELECT ${newId()}, ${d.parentId}, ${now.getTime()}, 'upward-report.filed', ${id},
            ${tenant.slug}, ${tenant.name}
          WHERE ${won}`),
      ]
    : [];
  const [written] = await control.batch([write, ...filing]);
  const row = written[0];
  if (!row) throw versionConflict();
  await audit(ctx, {
    action: input.file ? "upward-report.file" : "upward-report.save",
    entity: "upward_report",
    entityId: id,
    after: { version, filings, directiveId: d.id },
  });
  if (input.file) await markTenantChanged(control, d.parentId, now);
  // The answer from what this save holds (the row as written, the figures and form it read),
  // not a second read of the directive, the row, the root unit and the figures.
  return upwardReportView({ campaignId: c.id, directive: d, row, ...side, now });
}

/** The earliest first filing of each child for each directive (`${childId}:${directiveId}`),
 *  for "who is behind": one statement for any number of children. */
export async function firstFilings(
  control: ControlDb,
  childIds: string[],
  directiveIds: string[],
): Promise<Map<string, Date>> {
  if (!childIds.length || !directiveIds.length) return new Map();
  const rows = await control
    .select({
      childId: upwardReports.childId,
      directiveId: upwardReports.directiveId,
      at: upwardReports.firstFiledAt,
    })
    .from(upwardReports)
    .where(
      and(
        inArray(upwardReports.childId, childIds),
        inArray(upwardReports.directiveId, directiveIds),
        isNotNull(upwardReports.firstFiledAt),
      ),
    );
  const out = new Map<string, Date>();
  for (const r of rows) {
    const key = `${r.childId}:${r.directiveId}`;
    const prev = out.get(key);
    if (r.at && (!prev || r.at < prev)) out.set(key, r.at);
  }
  return out;
}
