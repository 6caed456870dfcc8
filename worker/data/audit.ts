// Audit rows are written in the same batch as the change they describe, so the log never
// claims a write that did not happen nor misses one that did.
import { auditLog } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export function auditInsert(db: TenantDb, entry: AuditEntry, at: Date) {
  return db.insert(auditLog).values({
    at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    requestId: entry.requestId ?? null,
  });
}
