// Reads of the audit log /t/:tenant/nhat-ky, one page of entries per call, newest first,
// filtered by what changed, by whom, and in which unit's subtree.
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { listAudit, type AuditEntry } from "../../api-admin";

/** One page of the log; `next` is where the older page starts, null on the last. */
export interface AuditPage {
  entries: AuditEntry[];
  next: number | null;
}

export const AUDIT_PAGE = 50;

export interface AuditFilter {
  entity: string;
  actor: string;
  unitId: string;
}

export const getAudit = query(
  (tenant: string, filter: AuditFilter, before: number | string | undefined): Promise<AuditPage> =>
    listAudit(tenant, {
      entity: filter.entity || undefined,
      actor: filter.actor || undefined,
      unitId: filter.unitId || undefined,
      before,
      limit: AUDIT_PAGE,
    }),
  "audit",
);

const one = (query: Partial<Record<string, string | string[]>>, key: string): string => {
  const v = query[key];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};

/** The filter in the address: ?doi-tuong=…&nguoi=…&don-vi=… */
export const filterParam = (query: Partial<Record<string, string | string[]>>): AuditFilter => ({
  entity: one(query, "doi-tuong"),
  actor: one(query, "nguoi"),
  unitId: one(query, "don-vi"),
});

export function preloadAudit(args: RoutePreloadFuncArgs): Promise<unknown> {
  return getAudit(args.params.tenant ?? "", filterParam(args.location.query), undefined);
}
