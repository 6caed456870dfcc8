// Parent and child tenants. A child's admin asks to report to a parent; the parent's admin
// approves; either may revoke. Across a link only aggregates travel (the rollups table): no
// name, no plan text, ever. A parent may publish a directive its linked children adopt.
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { directives, rollups, tenantLinks, tenants } from "../../schema/tables/control";
import type { ControlDb } from "../db/handles";
import type { TenantRecord } from "../env";
import { DomainError, notFound } from "../errors";
import { newId } from "./ids";

/** Who acts across tenants: the calling tenant and the instant of the request. */
export interface LinkActor {
  tenant: TenantRecord;
  now: Date;
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
        eq(tenantLinks.childId, child.id),
        eq(tenantLinks.parentId, parent.id),
        inArray(tenantLinks.status, ["pending", "approved"]),
      ),
    );
  if (existing[0]) throw new DomainError("CONFLICT", "Đã có yêu cầu liên kết với đảng bộ này.");
  // A cycle (the parent already reports to this child, directly) would let figures loop.
  const reverse = await control
    .select()
    .from(tenantLinks)
    .where(
      and(
        eq(tenantLinks.childId, parent.id),
        eq(tenantLinks.parentId, child.id),
        eq(tenantLinks.status, "approved"),
      ),
    );
  if (reverse[0])
    throw new DomainError("INVALID_BODY", "Đảng bộ này đang báo cáo cho đảng bộ của bạn.", {
      parentSlug: "Liên kết ngược.",
    });
  const row = {
    id: newId(),
    childId: child.id,
    parentId: parent.id,
    status: "pending" as const,
    requestedAt: now,
  };
  await control.insert(tenantLinks).values(row);
  return { id: row.id, status: row.status };
}

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

export async function approveLink(
  control: ControlDb,
  { tenant: parent, now, id }: LinkActor & { id: string },
) {
  const link = await linkOf(control, parent, id);
  if (link.parentId !== parent.id)
    throw new DomainError("FORBIDDEN", "Chỉ đảng bộ cấp trên duyệt được liên kết.");
  if (link.status !== "pending")
    throw new DomainError("INVALID_STATE", "Liên kết không còn chờ duyệt.");
  await control
    .update(tenantLinks)
    .set({ status: "approved", approvedAt: now })
    .where(eq(tenantLinks.id, id));
  return { id, status: "approved" as const };
}

export async function revokeLink(
  control: ControlDb,
  { tenant, now, id }: LinkActor & { id: string },
) {
  const link = await linkOf(control, tenant, id);
  if (link.status === "revoked") return { id, status: "revoked" as const };
  await control.batch([
    control
      .update(tenantLinks)
      .set({ status: "revoked", revokedAt: now })
      .where(eq(tenantLinks.id, id)),
    // What the child pushed leaves with the link.
    control.delete(rollups).where(eq(rollups.childId, link.childId)),
  ]);
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

/** Aggregates of the approved children: no names, no plan text — only counts. */
export async function childrenProgress(control: ControlDb, parent: TenantRecord) {
  const children = await control
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenantLinks)
    .innerJoin(tenants, eq(tenants.id, tenantLinks.childId))
    .where(and(eq(tenantLinks.parentId, parent.id), eq(tenantLinks.status, "approved")));
  const rows = children.length
    ? await control
        .select()
        .from(rollups)
        .where(
          inArray(
            rollups.childId,
            children.map((c) => c.id),
          ),
        )
    : [];
  const directiveNames = new Map(
    (
      await control
        .select({ id: directives.id, name: directives.name })
        .from(directives)
        .where(eq(directives.parentId, parent.id))
    ).map((d) => [d.id, d.name]),
  );
  return children.map((c) => ({
    tenant: { slug: c.slug, name: c.name },
    campaigns: rows
      .filter((r) => r.childId === c.id)
      .map((r) => ({
        name: r.name,
        templateKey: r.templateKey,
        directiveId: r.directiveId,
        directiveName: r.directiveId ? (directiveNames.get(r.directiveId) ?? null) : null,
        expected: r.expected,
        submitted: r.submitted,
        confirmed: r.confirmed,
        onTime: r.onTime,
        late: r.late,
        excused: r.excused,
        meetingsHeld: r.meetingsHeld,
        meetingsCompliant: r.meetingsCompliant,
        reportsOnTime: r.reportsOnTime,
        computedAt: r.computedAt,
      })),
  }));
}

export async function publishDirective(
  control: ControlDb,
  input: LinkActor & {
    name: string;
    documentNo?: string;
    templateKey: string;
    definition: unknown;
    lockedSections: string[];
    startsOn: string;
    dueOn: string;
  },
) {
  const { tenant: parent, now } = input;
  const row = {
    id: newId(),
    parentId: parent.id,
    name: input.name,
    documentNo: input.documentNo ?? null,
    templateKey: input.templateKey,
    definition: JSON.stringify(input.definition),
    lockedSections: JSON.stringify(input.lockedSections),
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    createdAt: now,
  };
  await control.insert(directives).values(row);
  return { id: row.id };
}

/** Directives this tenant may see: its own, and those of parents it is approved under. */
export async function visibleDirectives(control: ControlDb, tenant: TenantRecord) {
  const parentIds = (
    await control
      .select({ id: tenantLinks.parentId })
      .from(tenantLinks)
      .where(and(eq(tenantLinks.childId, tenant.id), eq(tenantLinks.status, "approved")))
  ).map((p) => p.id);
  const rows = await control
    .select()
    .from(directives)
    .where(inArray(directives.parentId, [tenant.id, ...parentIds]))
    .orderBy(desc(directives.createdAt));
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    documentNo: d.documentNo,
    templateKey: d.templateKey,
    startsOn: d.startsOn,
    dueOn: d.dueOn,
    lockedSections: JSON.parse(d.lockedSections) as string[],
    own: d.parentId === tenant.id,
    definition: JSON.parse(d.definition) as unknown,
  }));
}

/** A parent's directive this tenant may adopt (not its own); otherwise 404. */
export async function requireAdoptableDirective(
  control: ControlDb,
  { tenant, id }: { tenant: TenantRecord; id: string },
) {
  const directive = (await visibleDirectives(control, tenant)).find((d) => d.id === id && !d.own);
  if (!directive) throw notFound("Không tìm thấy văn bản chỉ đạo.");
  return directive;
}
