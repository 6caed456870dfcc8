// Reports upward across tenants (issue 11), the parent's side: the inbox of one of its own
// directives, and returning a filing with a comment. Read from the control plane only: the
// reader's approved children now (a revoked link hides that child's reports at once), their
// report heads for this directive and each head's latest filing. Only tenant slugs and names,
// counts and the narrative the child's admin filed for the parent: no person, no plan text,
// and never the child's unfiled draft.
import { and, desc, eq, inArray } from "drizzle-orm";
import {
  tenantLinks,
  tenants,
  upwardReportFilings,
  upwardReports,
} from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";
import { reportDueAt, reportMark } from "../domain/upward-report";
import type { TenantRecord } from "../env";
import { DomainError, notFound, versionConflict } from "../errors";
import { audit } from "./audit";
import { ownDirective } from "./behind";
import type { Ctx } from "./context";
import type { Figures } from "./link-figures";
import { markTenantChanged } from "./tenants";
import { queueOtherSideAudit } from "./links";
import { eqAll } from "./sql";

/** The reader's approved children, now. */
async function approvedChildren(control: ControlDb, reader: TenantRecord) {
  return control
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenantLinks)
    .innerJoin(tenants, eq(tenants.id, tenantLinks.childId))
    .where(and(eq(tenantLinks.parentId, reader.id), eq(tenantLinks.status, "approved")))
    .orderBy(tenants.name);
}

/** Per approved child: its reports for directive `id` (the latest filing of each) with the
 *  on-time mark, or none yet ("pending" before the due instant, "missing" after). */
export async function directiveInbox(
  control: ControlDb,
  { reader, id, now }: { reader: TenantRecord; id: string; now: Date },
) {
  const directive = await ownDirective(control, reader, id);
  const dueAt = reportDueAt(directive);
  const children = await approvedChildren(control, reader);
  const rows = children.length
    ? await control
        .select({ r: upwardReports, f: upwardReportFilings })
        .from(upwardReports)
        .innerJoin(
          upwardReportFilings,
          eqAll(upwardReportFilings, { reportId: upwardReports.id, seq: upwardReports.filings }),
        )
        .where(
          and(
            eq(upwardReports.directiveId, id),
            inArray(
              upwardReports.childId,
              children.map((c) => c.id),
            ),
          ),
        )
        .orderBy(desc(upwardReports.firstFiledAt))
    : [];
  return {
    directive: {
      id,
      name: directive.name,
      documentNo: directive.documentNo,
      dueOn: directive.dueOn,
    },
    dueAt,
    children: children.map((child) => {
      const reports = rows
        .filter((x) => x.r.childId === child.id)
        .map(({ r, f }) => {
          const narrative = JSON.parse(f.narrative) as {
            form: { title: string; fields: unknown[] };
            data: Record<string, unknown>;
          };
          return {
            id: r.id,
            status: r.status,
            version: r.version,
            filings: r.filings,
            firstFiledAt: r.firstFiledAt,
            filedAt: f.filedAt,
            mark: reportMark(r.firstFiledAt, dueAt, now),
            figures: JSON.parse(f.figures) as Figures,
            figuresAt: f.figuresAt,
            form: narrative.form,
            narrative: narrative.data,
            returnedAt: r.returnedAt,
            returnComment: r.returnComment,
          };
        });
      return {
        tenant: { slug: child.slug, name: child.name },
        mark: reports[0]?.mark ?? reportMark(null, dueAt, now),
        reports,
      };
    }),
  };
}

/** The parent's admin returns child `slug`'s filed report for directive `id`, with a comment
 *  the child reads; `version` is the one the inbox showed (409 when it moved). Audited on both
 *  sides: the parent's row at once, the child's through the control plane. */
export async function returnUpwardReport(
  control: ControlDb,
  ctx: Ctx,
  input: { reader: TenantRecord; id: string; slug: string; version: number; comment: string },
) {
  const { reader, now } = { ...input, now: ctx.now };
  const directive = await ownDirective(control, reader, input.id);
  const child = (await approvedChildren(control, reader)).find((c) => c.slug === input.slug);
  if (!child) throw notFound("Không tìm thấy đảng bộ cấp dưới đã liên kết.");
  const heads = await control
    .select()
    .from(upwardReports)
    .where(and(eq(upwardReports.directiveId, directive.id), eq(upwardReports.childId, child.id)));
  const head = heads.find((h) => h.version === input.version) ?? heads[0];
  if (!head || head.filings === 0)
    throw new DomainError("INVALID_STATE", `${child.name} chưa gửi báo cáo.`);
  if (head.version !== input.version) throw versionConflict();
  if (head.status !== "filed")
    throw new DomainError("INVALID_STATE", "Báo cáo đã được trả lại, đang chờ cấp dưới gửi lại.");
  const version = head.version + 1;
  const written = await control
    .update(upwardReports)
    .set({
      status: "returned",
      version,
      returnedAt: now,
      returnComment: input.comment,
      updatedAt: now,
    })
    .where(and(eq(upwardReports.id, head.id), eq(upwardReports.version, head.version)))
    .returning({ id: upwardReports.id });
  if (!written.length) throw versionConflict();
  await queueOtherSideAudit(control, {
    tenantId: child.id,
    action: "upward-report.returned",
    linkId: head.id,
    from: reader,
    at: now,
  });
  await markTenantChanged(control, child.id, now);
  await audit(ctx, {
    action: "upward-report.return",
    entity: "upward_report",
    entityId: head.id,
    after: { version, filing: head.filings, to: { slug: child.slug, name: child.name } },
  });
  return { id: head.id, status: "returned" as const, version };
}
