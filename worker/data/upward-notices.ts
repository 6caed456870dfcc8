// In-app notices of report-upward events another tenant caused (a child filed; the parent
// returned it), written by this tenant's own cron pass beside the audit rows it drains from
// the control plane (links.ts drainLinkAudit): tenants never write into each other's
// databases for this. The other tenant's name only; once per event and admin.
import { and, eq, isNull } from "drizzle-orm";
import { grants, notifications, users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { newId } from "./ids";

const TITLES: Record<string, (other: string) => string> = {
  "upward-report.filed": (other) => `${other} đã gửi báo cáo lên cấp trên`,
  "upward-report.returned": (other) => `${other} trả lại báo cáo gửi cấp trên`,
};
const BODIES: Record<string, string> = {
  "upward-report.filed": "Xem báo cáo ở trang Cấp trên – cấp dưới, dưới văn bản đã ban hành.",
  "upward-report.returned":
    "Mở trang Báo cáo gửi cấp trên của đợt sinh hoạt để đọc ý kiến, sửa và gửi lại.",
};

/** The notification inserts for this tenant's admins, for the drained rows that are report
 *  events (none for other rows, nor when the tenant has no admin). */
export async function reportNotices(
  db: TenantDb,
  rows: { id: string; action: string; otherName: string; at: Date }[],
) {
  const events = rows.filter((r) => TITLES[r.action]);
  if (!events.length) return [];
  const admins = await db
    .select({ id: users.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(grants.role, "admin"), isNull(users.disabledAt)));
  const values = events.flatMap((e) =>
    admins.map((a) => ({
      id: newId(),
      userId: a.id,
      kind: "upward-report",
      title: TITLES[e.action]!(e.otherName),
      body: BODIES[e.action]!,
      dedupeKey: `upward:${e.id}:${a.id}`,
      createdAt: e.at,
    })),
  );
  return values.length ? [db.insert(notifications).values(values).onConflictDoNothing()] : [];
}
