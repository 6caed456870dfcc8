// Parent and child tenants. A child's admin asks to report to a parent; the parent's admin
// approves; either may revoke. Approved links form a tree: a child has at most one approved
// parent (a second approval is refused — changing parent is explicit: revoke the old link,
// then the new parent approves), and no tenant is its own ancestor at any depth. Across a
// link only aggregates travel (the rollups table): no name, no plan text, ever. Each link
// event is audited on both sides with the other tenant's slug and name only: the acting
// tenant's row at once, the other's through the control plane (linkAuditOutbox).
import type { AuditAction } from "../../schema/vocab/audit-actions";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { eqAll } from "./sql";
import { linkAuditOutbox, rollups, tenantLinks, tenants } from "../../schema/tables/control";
import type { BatchItem, ControlDb, TenantDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { DomainError, notFound } from "../errors";
import { audit, auditInsert } from "./audit";
import type { Ctx } from "./context";
import { linkNotice } from "./event-notices";
import { newId } from "./ids";
import { markTenantChanged } from "./tenants";
import { reportNotices } from "./upward-notices";

/** Who acts across tenants: the calling tenant, its request's context (for its own audit
 *  row) and the instant of the request. */
export interface LinkActor {
  tenant: TenantRecord;
  now: Date;
  ctx?: Ctx;
}

/** Deepest chain walked upward: far beyond any real hierarchy (Trung ương → tỉnh → huyện →
 *  xã → chi bộ), it bounds the walk should the data ever hold a loop. */
export const MAX_DEPTH = 32;

/** The tenants above `tenantId` through approved links, nearest first. */
export async function ancestorIds(control: ControlDb, tenantId: string): Promise<string[]> {
  const out: string[] = [];
  let cur = tenantId;
  for (let i = 0; i < MAX_DEPTH; i++) {
    const [up] = await control
      .select({ parentId: tenantLinks.parentId })
      .from(tenantLinks)
      .where(and(eq(tenantLinks.childId, cur), eq(tenantLinks.status, "approved")))
      .limit(1);
    if (!up || out.includes(up.parentId)) break;
    out.push(up.parentId);
    cur = up.parentId;
  }
  return out;
}

/** The tenants below `tenantId` through approved links, one array a level, nearest first
 *  (each row names the parent it hangs from); a loop in the data is walked once. */
export async function descendantLevels(control: ControlDb, tenantId: string) {
  type Row = { id: string; parentId: string; slug: string; name: string };
  const levels: Row[][] = [];
  const seen = new Set([tenantId]);
  let frontier = [tenantId];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
    const rows = (
      await control
        .select({
          id: tenants.id,
          parentId: tenantLinks.parentId,
          slug: tenants.slug,
          name: tenants.name,
        })
        .from(tenantLinks)
        .innerJoin(tenants, eq(tenants.id, tenantLinks.childId))
        .where(and(inArray(tenantLinks.parentId, frontier), eq(tenantLinks.status, "approved")))
    ).filter((r) => !seen.has(r.id));
    for (const r of rows) seen.add(r.id);
    if (rows.length) levels.push(rows);
    frontier = rows.map((r) => r.id);
  }
  return levels;
}

/** Refuses a link child → parent that would close a loop: the parent, or one of the tenants
 *  above it, is the child. */
async function refuseCycle(control: ControlDb, childId: string, parentId: string) {
  if (parentId === childId || (await ancestorIds(control, parentId)).includes(childId))
    throw new DomainError(
      "RULE_VIOLATION",
      "Đảng bộ này đang ở cấp dưới của đảng bộ của bạn: liên kết sẽ tạo vòng.",
      { parentSlug: "Liên kết vòng." },
    );
}

export async function requestLink(
  control: ControlDb,
  { tenant: child, now, parentSlug }: LinkActor & { parentSlug: string },
) {
  const [parent] = await control
    .select()
    .from(tenants)
    .where(and(eq(tenants.slug, parentSlug), eq(tenants.status, "active")));
  if (!parent)
    throw new DomainError("TENANT_NOT_FOUND", "Không tìm thấy đảng bộ cấp trên với mã này.", {
      parentSlug: "Không tìm thấy.",
    });
  if (parent.id === child.id)
    throw new DomainError("INVALID_BODY", "Không thể báo cáo cho chính mình.", {
      parentSlug: "Không hợp lệ.",
    });
  const existing = await control
    .select()
    .from(tenantLinks)
    .where(
      and(
        eqAll(tenantLinks, { childId: child.id, parentId: parent.id }),
        inArray(tenantLinks.status, ["pending", "approved"]),
      ),
    );
  if (existing[0]) throw new DomainError("CONFLICT", "Đã có yêu cầu liên kết với đảng bộ này.");
  await refuseCycle(control, child.id, parent.id);
  const row = {
    id: newId(),
    childId: child.id,
    parentId: parent.id,
    status: "pending" as const,
    requestedAt: now,
  };
  // The parent's admins hear of the request through the parent's own pass (drainLinkAudit).
  await control.batch([
    control.insert(tenantLinks).values(row),
    queueOtherSideAudit(control, {
      tenantId: parent.id,
      action: "link.request",
      linkId: row.id,
      from: child,
      at: now,
    }),
  ]);
  await markTenantChanged(control, parent.id, now);
  return { id: row.id, status: row.status };
}

/** A row for the other tenant's audit log (and notices), written by that tenant's own pass
 *  (drainLinkAudit): a link event, or a report upward filed or returned (its id in `linkId`). */
export const queueOtherSideAudit = (
  control: ControlDb,
  row: {
    tenantId: string;
    action: string;
    linkId: string;
    from: Pick<TenantRecord, "slug" | "name">;
    at: Date;
  },
) =>
  control.insert(linkAuditOutbox).values({
    id: newId(),
    tenantId: row.tenantId,
    at: row.at,
    action: row.action,
    linkId: row.linkId,
    otherSlug: row.from.slug,
    otherName: row.from.name,
  });

/** The link if this tenant is one of its two ends; otherwise 404. */
async function linkOf(control: ControlDb, tenant: TenantRecord, id: string) {
  const [link] = await control
    .select()
    .from(tenantLinks)
    .where(
      and(
        eq(tenantLinks.id, id),
        or(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.parentId, tenant.id)),
      ),
    );
  if (!link) throw notFound("Không tìm thấy liên kết.");
  return link;
}

/** The acting side's audit row (in its own database, with its actor) and the other side's
 *  row queued in the control plane. Both name only the other tenant. */
async function auditBothSides(
  control: ControlDb,
  { tenant, now, ctx }: LinkActor,
  link: { id: string; childId: string; parentId: string },
  action: "link.approve" | "link.revoke",
) {
  const otherId = link.childId === tenant.id ? link.parentId : link.childId;
  const [other] = await control
    .select({ slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, otherId));
  if (ctx)
    await audit(ctx, {
      action,
      entity: "tenant_link",
      entityId: link.id,
      after: { other: { slug: other?.slug, name: other?.name } },
    });
  await queueOtherSideAudit(control, {
    tenantId: otherId,
    action,
    linkId: link.id,
    from: tenant,
    at: now,
  });
  // The other tenant's pass drains that row (and a child pushes to its new parent): due now.
  await markTenantChanged(control, otherId, now);
}

export async function approveLink(control: ControlDb, actor: LinkActor & { id: string }) {
  const { tenant: parent, now, id } = actor;
  const link = await linkOf(control, parent, id);
  if (link.parentId !== parent.id)
    throw new DomainError("FORBIDDEN", "Chỉ đảng bộ cấp trên duyệt được liên kết.");
  if (link.status !== "pending")
    throw new DomainError("INVALID_STATE", "Liên kết không còn chờ duyệt.");
  const [current] = await control
    .select({ id: tenantLinks.id })
    .from(tenantLinks)
    .where(and(eq(tenantLinks.childId, link.childId), eq(tenantLinks.status, "approved")));
  const secondParent = () =>
    new DomainError(
      "CONFLICT",
      "Đảng bộ này đang báo cáo cho một đảng bộ cấp trên khác. Muốn đổi cấp trên, cấp dưới hủy liên kết cũ trước.",
    );
  if (current) throw secondParent();
  await refuseCycle(control, link.childId, link.parentId);
  try {
    await control
      .update(tenantLinks)
      .set({ status: "approved", approvedAt: now })
      .where(and(eq(tenantLinks.id, id), eq(tenantLinks.status, "pending")));
  } catch (err) {
    // The partial unique index refuses a second approved parent that raced past the check.
    const e = err as { message?: string; cause?: { message?: string } };
    if (/UNIQUE constraint failed/i.test(`${e?.message} ${e?.cause?.message}`))
      throw secondParent();
    throw err;
  }
  await auditBothSides(control, actor, link, "link.approve");
  return { id, status: "approved" as const };
}

export async function revokeLink(control: ControlDb, actor: LinkActor & { id: string }) {
  const { tenant, now, id } = actor;
  const link = await linkOf(control, tenant, id);
  if (link.status === "revoked") return { id, status: "revoked" as const };
  const revoke = control
    .update(tenantLinks)
    .set({ status: "revoked", revokedAt: now })
    .where(eq(tenantLinks.id, id));
  // What the child pushed leaves with its approved link (a pending request carried nothing,
  // and the child may report elsewhere meanwhile). Readers walk current links anyway, so the
  // whole branch below leaves every level above at once.
  if (link.status === "approved")
    await control.batch([revoke, control.delete(rollups).where(eq(rollups.childId, link.childId))]);
  else await revoke;
  if (link.status === "approved") await auditBothSides(control, actor, link, "link.revoke");
  return { id, status: "revoked" as const };
}

export async function listLinks(control: ControlDb, tenant: TenantRecord) {
  const rows = await control
    .select({ l: tenantLinks, child: { slug: tenants.slug, name: tenants.name } })
    .from(tenantLinks)
    .innerJoin(tenants, eq(tenants.id, tenantLinks.childId))
    .where(or(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.parentId, tenant.id)))
    .orderBy(desc(tenantLinks.requestedAt));
  const parentIds = rows.map((r) => r.l.parentId);
  const parents = parentIds.length
    ? await control
        .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
        .from(tenants)
        .where(inArray(tenants.id, parentIds))
    : [];
  const view = (r: (typeof rows)[number]) => {
    const p = parents.find((x) => x.id === r.l.parentId)!;
    return {
      id: r.l.id,
      status: r.l.status,
      requestedAt: r.l.requestedAt,
      approvedAt: r.l.approvedAt,
      child: r.child,
      parent: { slug: p.slug, name: p.name },
    };
  };
  return {
    asChild: rows.filter((r) => r.l.childId === tenant.id).map(view),
    asParent: rows.filter((r) => r.l.parentId === tenant.id).map(view),
  };
}

/** Moves the link events another tenant caused into this tenant's audit log, with a
 *  notification to its admins (the cron pass of this tenant). Insert first, then delete: a
 *  pass dying between the two repeats audit rows at worst, never loses one, and the
 *  notifications are keyed by the event so none repeats. */
export async function drainLinkAudit(db: TenantDb, control: ControlDb, tenant: TenantRecord) {
  const rows = await control
    .select()
    .from(linkAuditOutbox)
    .where(eq(linkAuditOutbox.tenantId, tenant.id))
    .limit(200);
  if (!rows.length) return 0;
  const stmts: BatchItem[] = [
    ...rows.flatMap((r): BatchItem[] => [
      auditInsert(
        db,
        {
          actorUserId: null,
          // Written by auditBothSides and the reports upward (upward-reports.ts, their id in
          // `linkId`) from their own codes only.
          action: r.action as AuditAction,
          entity: r.action.startsWith("upward-report.") ? "upward_report" : "tenant_link",
          entityId: r.linkId,
          after: { other: { slug: r.otherSlug, name: r.otherName } },
        },
        r.at,
      ),
      // A link requested, approved or revoked tells this tenant's admins (event-notices.ts).
      ...(r.action.startsWith("link.") ? [linkNotice(db, r)] : []),
    ]),
    // A child's filing or a parent's return also tells this tenant's admins.
    ...(await reportNotices(db, rows)),
  ];
  await db.batch(stmts as [BatchItem, ...BatchItem[]]);
  await control.delete(linkAuditOutbox).where(
    inArray(
      linkAuditOutbox.id,
      rows.map((r) => r.id),
    ),
  );
  return rows.length;
}
