// The audit log's groups: one person's changes within one clock hour (ICT), over every page
// the screen has loaded, so a group a page boundary cut reads as one
// (schema/rules/audit-groups.ts says where the server ends a page).
import { auditGroupKey } from "../../../schema/rules/audit-groups";
import type { AuditEntry } from "../../api-admin";
import { formatDateTime } from "../../lib/labels";

/** "dd/mm/yyyy HH": entries of one person within one clock hour (ICT) read as one group. */
const hourOf = (e: AuditEntry) => formatDateTime(e.at).slice(0, 13);

/** Consecutive entries of the same person and hour, in the order given (newest first). */
export function groupByPersonAndHour(entries: readonly AuditEntry[]) {
  const groups: { key: string; actor: AuditEntry["actor"]; hour: string; entries: AuditEntry[] }[] =
    [];
  for (const e of entries) {
    const key = auditGroupKey(e.actor?.id ?? null, e.at);
    const last = groups.at(-1);
    if (last?.key === key) last.entries.push(e);
    else groups.push({ key, actor: e.actor, hour: hourOf(e), entries: [e] });
  }
  return groups;
}
