// Tenants in the control plane, and provisioning: a tenant row, its own database, its
// schema, its root unit and first admin — all or nothing. A sign-up awaiting its e-mailed
// link is provisioned `pending` (worker/data/signups.ts) and holds its slug for PENDING_TTL_MS.
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { forgetTenant } from "../db/tenant-cache";
import { migrations } from "../../schema/migrations";
import { signupVerifications, tenants } from "../../schema/tables/control";
import { grants, units, users } from "../../schema/tables/tenant";
import type { SignupBody } from "../../schema/api";
import { hashPassword } from "../auth/password";
import type { ControlDb } from "../db/handles";
import { migrate } from "../db/migrate";
import type { Platform, TenantRecord } from "../env";
import { DomainError, invalidBody, isConstraintViolation, provisioningFailed } from "../errors";
import { auditInsert } from "./audit";
import { newId } from "./ids";

/** Slugs that would collide with routes, hosts or staff roles. */
export const RESERVED_SLUGS = new Set([
  "api",
  "admin",
  "www",
  "static",
  "assets",
  "app",
  "auth",
  "login",
  "logout",
  "signup",
  "dang-nhap",
  "dang-ky",
  "root",
  "system",
  "operator",
  "mail",
  "smtp",
  "help",
  "status",
  "cdn",
  "docs",
  "public",
  "health",
  "t",
  "tenant",
  "tenants",
  "null",
  "undefined",
]);

/** Words of letters and digits joined by single hyphens: the request schema admits any run
 *  of [a-z0-9-], so `---`, `-abc` or `a--b` are refused here, where every tenant is made. */
const SLUG_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkSlugShape(slug: string): void {
  if (SLUG_SHAPE.test(slug)) return;
  const message =
    "Mã đảng bộ không được bắt đầu hay kết thúc bằng dấu gạch ngang, " +
    "cũng không có hai dấu gạch ngang liền nhau.";
  throw invalidBody({ "tenant.slug": message }, message);
}

export async function findTenantBySlug(db: ControlDb, slug: string): Promise<TenantRecord | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row ?? null;
}

/** An active tenant by slug; a missing, suspended or half-provisioned one is not found. */
export async function requireActiveTenant(db: ControlDb, slug: string): Promise<TenantRecord> {
  const t = await findTenantBySlug(db, slug);
  if (!t || t.status !== "active")
    throw new DomainError("TENANT_NOT_FOUND", "Không tìm thấy đảng bộ này.");
  return t;
}

export async function setTenantSchemaVersion(db: ControlDb, id: string, version: number) {
  await db
    .update(tenants)
    .set({ schemaVersion: version })
    .where(and(eq(tenants.id, id), lt(tenants.schemaVersion, version)));
}

/** The mark a successful write leaves: the tenant is due at once (next_due_at lowered to
 *  `now`). A no-op — no row written — when it is due already, so a busy tenant costs one
 *  indexed read per write request. Only ever for the request's own tenant. */
export async function markTenantChanged(db: ControlDb, id: string, now: Date): Promise<void> {
  const t = now.getTime();
  await db
    .update(tenants)
    .set({ nextDueAt: t })
    .where(and(eq(tenants.id, id), or(isNull(tenants.nextDueAt), gt(tenants.nextDueAt, t))));
}

/** Where a walk over due tenants stopped: the last (next_due_at, id) it returned. */
export interface DueCursor {
  dueAt: number;
  id: string;
}

/** One page of the active tenants due by `now`, in (next_due_at, id) order after `after`:
 *  an index range (tenants_due_idx) that reads no idle tenant's row. */
export async function dueTenantsPage(
  db: ControlDb,
  now: Date,
  after: DueCursor | null,
  limit: number,
): Promise<{ tenants: TenantRecord[]; next: DueCursor | null }> {
  const rows = await db
    .select()
    .from(tenants)
    .where(
      and(
        eq(tenants.status, "active"),
        lte(tenants.nextDueAt, now.getTime()),
        after
          ? sql`(${tenants.nextDueAt}, ${tenants.id}) > (${after.dueAt}, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(tenants.nextDueAt), asc(tenants.id))
    .limit(limit);
  const last = rows.at(-1);
  return {
    tenants: rows,
    next: rows.length === limit && last ? { dueAt: last.nextDueAt!, id: last.id } : null,
  };
}

/** Active tenants by id (a Queue batch's), in one read. */
export async function activeTenantsByIds(db: ControlDb, ids: string[]): Promise<TenantRecord[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(tenants)
    .where(and(eq(tenants.status, "active"), inArray(tenants.id, ids)));
}

/** How long a `pending` sign-up holds its slug: the life of its e-mailed link. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

const pendingExpired = (t: TenantRecord, now: Date) =>
  t.status === "pending" && t.createdAt.getTime() + PENDING_TTL_MS <= now.getTime();

/** Removes a tenant that never became active: its database, its row, its links. */
export async function discardTenant(platform: Platform, t: Pick<TenantRecord, "id" | "dbUrl">) {
  const control = platform.control().db;
  await platform.provisioner.destroy(t.id, t.dbUrl);
  await control.batch([
    control.delete(signupVerifications).where(eq(signupVerifications.tenantId, t.id)),
    control.delete(tenants).where(eq(tenants.id, t.id)),
  ]);
  forgetTenant(t.id);
}

/** Discards every tenant still in `status` (never made active) whose row is older than
 *  `ageMs`: a signup that crashed midway, or one whose e-mailed link expired unused. */
export async function discardStaleTenants(
  platform: Platform,
  status: "provisioning" | "pending",
  ageMs: number,
): Promise<number> {
  const cutoff = new Date(platform.now().getTime() - ageMs);
  const stale = await platform
    .control()
    .db.select({ id: tenants.id, dbUrl: tenants.dbUrl })
    .from(tenants)
    .where(and(eq(tenants.status, status), lt(tenants.createdAt, cutoff)));
  for (const t of stale) await discardTenant(platform, t);
  return stale.length;
}

export interface Provisioned {
  tenant: TenantRecord;
  adminUserId: string;
  rootUnitId: string;
}

export async function provisionTenant(
  platform: Platform,
  input: SignupBody,
  opts: { allowReserved?: boolean; pending?: boolean } = {},
): Promise<Provisioned> {
  const { slug, name, kind } = input.tenant;
  checkSlugShape(slug);
  if (!opts.pending && !input.admin.password)
    throw invalidBody({ "admin.password": "Bắt buộc phải có." }, "Cần đặt mật khẩu.");
  if (!opts.allowReserved && RESERVED_SLUGS.has(slug))
    throw new DomainError(
      "SLUG_RESERVED",
      "Mã đảng bộ này được hệ thống giữ lại, hãy chọn mã khác.",
      {
        "tenant.slug": "Mã này không dùng được.",
      },
    );
  const control = platform.control().db;
  const now = platform.now();
  const id = newId();
  const slugTaken = () =>
    new DomainError("SLUG_TAKEN", "Mã đảng bộ đã được dùng.", {
      "tenant.slug": "Mã đảng bộ đã được dùng.",
    });
  const existing = await findTenantBySlug(control, slug);
  // A sign-up nobody confirmed in time gives its slug back to the next one who asks.
  if (existing && pendingExpired(existing, now)) await discardTenant(platform, existing);
  else if (existing) throw slugTaken();
  try {
    // The row claims the slug first (UNIQUE), so two signups racing for it cannot both
    // make a database.
    await control.insert(tenants).values({
      id,
      slug,
      name,
      kind,
      status: "provisioning",
      dbUrl: "",
      createdAt: now,
      updatedAt: now,
    });
  } catch (err) {
    if (isConstraintViolation(err)) throw slugTaken();
    throw err;
  }
  let dbUrl = "";
  try {
    dbUrl = await platform.provisioner.create(id);
    const handle = platform.tenant({ id, dbUrl });
    const version = await migrate(handle.client, migrations.tenant);
    const passwordHash = input.admin.password ? await hashPassword(input.admin.password) : null;
    const rootUnitId = newId();
    const adminUserId = newId();
    const { db } = handle;
    await db.batch([
      db.insert(units).values({
        id: rootUnitId,
        name,
        kind: "dang-bo",
        parentId: null,
        path: `/${rootUnitId}/`,
        depth: 0,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(users).values({
        id: adminUserId,
        email: input.admin.email,
        fullName: input.admin.fullName,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      }),
      db
        .insert(grants)
        .values({ id: newId(), userId: adminUserId, role: "admin", unitId: null, createdAt: now }),
      auditInsert(
        db,
        {
          actorUserId: adminUserId,
          action: "tenant.signup",
          entity: "tenant",
          entityId: id,
          after: { slug, name, kind },
        },
        now,
      ),
    ]);
    const [tenant] = await control
      .update(tenants)
      .set({
        status: opts.pending ? "pending" : "active",
        dbUrl,
        schemaVersion: version,
        updatedAt: now,
      })
      .where(eq(tenants.id, id))
      .returning();
    return { tenant: tenant!, adminUserId, rootUnitId };
  } catch (err) {
    await platform.provisioner
      .destroy(id, dbUrl)
      .catch((e) => console.error("provisioning cleanup", e));
    await control.delete(tenants).where(eq(tenants.id, id));
    if (err instanceof DomainError) throw err;
    console.error("provisioning failed", err);
    throw provisioningFailed("Chưa tạo được đảng bộ, vui lòng thử lại sau.", 5);
  }
}
