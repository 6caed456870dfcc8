// Reads of the audit log /t/:tenant/nhat-ky, one page of entries per call, newest first.
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { listAudit, type AuditEntry } from "../../api-admin";

export const AUDIT_PAGE = 50;

export const getAudit = query(
  (tenant: string, entity: string, before: number | string | undefined): Promise<AuditEntry[]> =>
    listAudit(tenant, { entity: entity || undefined, before, limit: AUDIT_PAGE }),
  "audit",
);

export const entityParam = (query: Partial<Record<string, string | string[]>>): string => {
  const v = query["doi-tuong"];
  return (Array.isArray(v) ? v[0] : v) ?? "";
};

export function preloadAudit(args: RoutePreloadFuncArgs): Promise<unknown> {
  return getAudit(args.params.tenant ?? "", entityParam(args.location.query), undefined);
}
