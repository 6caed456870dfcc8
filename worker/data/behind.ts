// Who is behind on one of a tenant's directives, and a reminder to a behind tenant's admins.
// The list is read from the control plane only: the approved links below the reader (walked
// at read time, one level per round trip), the directives republished from this one, and the
// figures each tenant's cron pushed (rollups). Only tenant slugs and names and counts cross:
// no person, no plan text. A tenant "has adopted" once a campaign from the directive (or from
// its republication by its parent) runs and its figures were pushed: the page shows how fresh.
//
// "Report missing or late": each tenant's report upward to its own parent on the directive
// that parent passed down (upward-reports.ts: due at that directive's due date, judged by the
// first filing).
//
// The reminder is the one place a tenant writes into another's database: after checking in
// the control plane that the target is below the reader through approved links, it opens
// THAT tenant's database (eslint.config.js OPENS_TENANT_DB names this file) and writes an
// in-app notification to each of its admins, an e-mail through its outbox when its settings
// allow, and its audit row. Once a day per tenant and directive (429 otherwise).
import { and, eq, inArray, isNull } from "drizzle-orm";
import { directives, rollups, tenants } from "../../schema/tables/control";
import { dayNumber, formatDateVi, ictDate, lastDayVi } from "../../schema/rules/deadlines";
import { grants, notifications, outbox, users } from "../../schema/tables/tenant";
import { outboundRows } from "../cron/outbox";
import type { BatchItem, ControlDb } from "../db/handles";
import { reportDueAt, reportMark, type ReportMark } from "../domain/upward-report";
import type { Platform, TenantRecord } from "../env";
import { DomainError, notFound } from "../errors";
import { audit, auditInsert } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { ancestorIds, descendantLevels, MAX_DEPTH } from "./links";
import { readNotifySettings } from "./settings";
import { firstFilings } from "./upward-reports";

export interface BehindRow {
  tenant: { slug: string; name: string };
  /** 1: a direct child; 2: a grandchild … */
  depth: number;
  /** The tenant above it (its directive is what this one should adopt). */
  parentSlug: string;
  /** Days since the directive it should adopt was published, when no campaign from it runs. */
  notAdoptedDays: number | null;
  /** People late or overdue in its campaigns from this directive (pushed figures). */
  late: number;
  expected: number;
  submitted: number;
  reportsOnTime: number;
  /** Its report upward on the directive it carries: missing past the due date, or late. */
  report: ReportMark;
  computedAt: Date | null;
  reasons: string[];
}

/** The reader's own directive, or 404 (another tenant's id answers as unknown). */
export async function ownDirective(control: ControlDb, reader: TenantRecord, id: string) {
  const [d] = await control
    .select()
    .from(directives)
    .where(and(eq(directives.id, id), eq(directives.parentId, reader.id)));
  if (!d) throw notFound("Không tìm thấy văn bản chỉ đạo.");
  return d;
}

/** The tenants below `reader` through approved links, level by level, nearest first. */
async function subtree(control: ControlDb, reader: TenantRecord) {
  const levels = await descendantLevels(control, reader.id);
  return levels.flatMap((rows, i) => rows.map((r) => ({ ...r, depth: i + 1 })));
}

/** Every tenant below the reader that should carry directive `id`: a direct child always; a
 *  tenant further down once its parent republished it. Behind ones first, the longest wait
 *  first; tenants on track are left out. */
export async function whoIsBehind(
  control: ControlDb,
  { reader, id, now }: { reader: TenantRecord; id: string; now: Date },
): Promise<{ directiveId: string; rows: BehindRow[]; oldestComputedAt: Date | null }> {
  const top = await ownDirective(control, reader, id);
  const below = await subtree(control, reader);
  if (!below.length) return { directiveId: id, rows: [], oldestComputedAt: null };
  // The directive and its republications, down the tree: one round trip per level.
  const issued = new Map([[top.parentId, top]]);
  const family = new Set([top.id]);
  let want = [top.id];
  for (let i = 0; i < MAX_DEPTH && want.length; i++) {
    const rows = await control.select().from(directives).where(inArray(directives.sourceId, want));
    want = rows.filter((r) => !family.has(r.id)).map((r) => r.id);
    for (const r of rows) {
      family.add(r.id);
      if (!issued.has(r.parentId)) issued.set(r.parentId, r);
    }
  }
  const figures = await control
    .select()
    .from(rollups)
    .where(
      and(
        inArray(
          rollups.childId,
          below.map((b) => b.id),
        ),
        inArray(rollups.directiveId, [...family]),
      ),
    );
  const filed = await firstFilings(
    control,
    below.map((b) => b.id),
    [...family],
  );
  const today = dayNumber(ictDate(now));
  const out: BehindRow[] = [];
  let oldest: Date | null = null;
  for (const t of below) {
    const source = issued.get(t.parentId);
    if (!source) continue; // its parent has not passed the directive down: nothing expected
    const mine = figures.filter((f) => f.childId === t.id);
    const sum = (k: "late" | "expected" | "submitted" | "reportsOnTime") =>
      mine.reduce((s, f) => s + f[k], 0);
    const computedAt = mine.reduce<Date | null>(
      (m, f) => (!m || f.computedAt < m ? f.computedAt : m),
      null,
    );
    if (computedAt && (!oldest || computedAt < oldest)) oldest = computedAt;
    const notAdoptedDays = mine.length
      ? null
      : Math.max(0, today - dayNumber(ictDate(source.createdAt)));
    const late = sum("late");
    const reasons: string[] = [];
    if (notAdoptedDays !== null)
      reasons.push(
        `Chưa triển khai ${source.documentNo ?? source.name} sau ${notAdoptedDays} ngày (ban hành ${formatDateVi(source.createdAt)}).`,
      );
    if (late > 0) reasons.push(`${late} người quá hạn hoặc nộp muộn.`);
    const dueAt = reportDueAt(source);
    const first = filed.get(`${t.id}:${source.id}`);
    const report = reportMark(first, dueAt, now);
    if (report === "missing")
      reasons.push(`Chưa gửi báo cáo lên cấp trên (hạn ${lastDayVi(dueAt)}).`);
    if (report === "late")
      reasons.push(`Gửi báo cáo muộn: ${formatDateVi(first!)}, hạn ${lastDayVi(dueAt)}.`);
    if (!reasons.length) continue;
    out.push({
      tenant: { slug: t.slug, name: t.name },
      depth: t.depth,
      parentSlug: below.find((b) => b.id === t.parentId)?.slug ?? reader.slug,
      notAdoptedDays,
      late,
      expected: sum("expected"),
      submitted: sum("submitted"),
      reportsOnTime: sum("reportsOnTime"),
      report,
      computedAt,
      reasons,
    });
  }
  out.sort((a, b) => (b.notAdoptedDays ?? -1) - (a.notAdoptedDays ?? -1) || b.late - a.late);
  return { directiveId: id, rows: out, oldestComputedAt: oldest };
}

/** The tenant `slug` if it is below `reader` through approved links (at any depth); 404
 *  otherwise, so an unlinked tenant cannot be told from an unknown one. */
async function requireDescendant(control: ControlDb, reader: TenantRecord, slug: string) {
  const [target] = await control.select().from(tenants).where(eq(tenants.slug, slug));
  const notBelow = () => notFound("Không tìm thấy đảng bộ cấp dưới đã liên kết.");
  if (!target || target.id === reader.id || target.status !== "active") throw notBelow();
  if ((await ancestorIds(control, target.id)).includes(reader.id)) return target;
  throw notBelow();
}

/** Sends the reminder to `slug`'s admins about directive `id` (the reader's own). */
export async function remindBehind(
  platform: Platform,
  ctx: Ctx,
  { reader, id, slug }: { reader: TenantRecord; id: string; slug: string },
) {
  const control = platform.control().db;
  const directive = await ownDirective(control, reader, id);
  const target = await requireDescendant(control, reader, slug);
  const { now } = ctx;
  const day = ictDate(now);
  // The only write into another tenant's database: the target was just checked to be below.
  const { db } = platform.tenant(target);
  const admins = await db
    .select({ id: users.id, email: users.email })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(grants.role, "admin"), isNull(users.disabledAt)));
  const key = (userId: string) => `behind:${directive.id}:${day}:${userId}`;
  const [already] = admins.length
    ? await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          inArray(
            notifications.dedupeKey,
            admins.map((a) => key(a.id)),
          ),
        )
        .limit(1)
    : [];
  if (already)
    throw new DomainError(
      "RATE_LIMITED",
      `Đã nhắc ${target.name} về văn bản này hôm nay (${formatDateVi(now)}). Mỗi ngày chỉ nhắc một lần.`,
    );
  const notify = await readNotifySettings(db);
  const title = `${reader.name} nhắc: triển khai ${directive.documentNo ?? directive.name}`;
  const body = `${reader.name} nhắc đảng bộ triển khai và cập nhật tiến độ thực hiện ${directive.name}${directive.documentNo ? ` (${directive.documentNo})` : ""}, hạn ${directive.dueOn.split("-").reverse().join("/")}.`;
  const stmts: BatchItem[] = [];
  for (const a of admins) {
    const notificationId = newId();
    stmts.push(
      db.insert(notifications).values({
        id: notificationId,
        userId: a.id,
        kind: "behind-reminder",
        title,
        body,
        dedupeKey: key(a.id),
        createdAt: now,
      }),
    );
    const out = outboundRows(
      notify,
      { userId: a.id, email: a.email, notificationId, title, body },
      now,
      { email: !!platform.outbound.email },
    ).filter((o) => o.channel === "email");
    if (out.length) stmts.push(db.insert(outbox).values(out).onConflictDoNothing());
  }
  stmts.push(
    auditInsert(
      db,
      {
        actorUserId: null,
        action: "directive.reminded",
        entity: "directive",
        entityId: directive.id,
        after: { from: { slug: reader.slug, name: reader.name }, admins: admins.length },
      },
      now,
    ),
  );
  await db.batch(stmts as [BatchItem, ...BatchItem[]]);
  await audit(ctx, {
    action: "directive.remind",
    entity: "directive",
    entityId: directive.id,
    after: { to: { slug: target.slug, name: target.name } },
  });
  return { tenant: { slug: target.slug, name: target.name }, notified: admins.length };
}
