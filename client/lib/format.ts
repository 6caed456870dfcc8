// Display helpers. Every date shown is a calendar date in Asia/Ho_Chi_Minh (DESIGN.md §3),
// whatever the phone's own time zone is, written dd/mm/yyyy.
import { describeDue } from "../../schema/rules/deadlines";
import { ROLE_LABELS } from "../../schema/vocab/roles";
import { TASK_STATUS_LABELS, type TaskStatus } from "../../schema/vocab/tasks";

export { ROLE_LABELS, TASK_STATUS_LABELS };

/** The options of a calendar date and of a time of day, for `ictParts`. */
export const DAY_PARTS = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
export const TIME_PARTS = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * Reads an instant's parts in ICT, or null for a value that is not a date. Built from parts
 * rather than trusting a locale's pattern: phones ship trimmed ICU data.
 */
export function ictParts(
  options: Intl.DateTimeFormatOptions,
): (iso: string | number | Date) => Record<string, string> | null {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", ...options });
  return (iso) => {
    const d = iso instanceof Date ? iso : new Date(iso);
    if (Number.isNaN(d.getTime())) return null;
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(d)) p[part.type] = part.value;
    return p;
  };
}

const dateParts = ictParts(DAY_PARTS);
const timeParts = ictParts(TIME_PARTS);

/** dd/mm/yyyy in ICT; "" for a value that is not a date. */
export function formatDate(iso: string | number | Date): string {
  const p = dateParts(iso);
  return p ? `${p.day}/${p.month}/${p.year}` : "";
}

/** HH:MM in ICT, for "Đã lưu lúc 14:05". */
export function formatTime(iso: string | number | Date): string {
  const p = timeParts(iso);
  return p ? `${p.hour}:${p.minute}` : "";
}

/**
 * "trước ngày D" for a due instant, worded by the shared rule (schema/rules/deadlines.ts).
 * Every due instant is a day's start in ICT ("trước ngày D" is D 00:00; "đến hết ngày D" is
 * D+1 00:00), so this wording is exact for both rules.
 */
export const dueText = (dueAt: string | Date): string =>
  describeDue("truoc-ngay", dueAt instanceof Date ? dueAt : new Date(dueAt));

/** Past its due instant and still in the member's (or unit's) hands. */
export function isOverdue(
  task: { dueAt: string | null; status: TaskStatus },
  now = Date.now(),
): boolean {
  const open = task.status === "todo" || task.status === "draft" || task.status === "returned";
  return open && task.dueAt !== null && now >= new Date(task.dueAt).getTime();
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** The distinct roles of a user's grants, as Vietnamese labels in a fixed order. */
export function roleLabels(grants: readonly { role: string }[]): string[] {
  const order = Object.keys(ROLE_LABELS);
  const roles = [...new Set(grants.map((g) => g.role))];
  roles.sort((a, b) => rank(order, a) - rank(order, b));
  return roles.map(roleLabel);
}

function rank(order: string[], role: string): number {
  const i = order.indexOf(role);
  return i < 0 ? order.length : i;
}
