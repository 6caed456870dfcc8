// Role grants on accounts (admin only). A role other than admin names the unit whose subtree
// it covers; nobody removes their own admin role.
import { and, eq, sql } from "drizzle-orm";
import { grants } from "../../schema/tables/tenant";
import { ALL_SCOPE } from "../domain/scope";
import type { Role } from "../env";
import { DomainError, notFound } from "../errors";
import { requireUser } from "./accounts";
import { audit, auditInsertIf } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { requireUnitInScope } from "./units";

export async function addGrant(ctx: Ctx, input: { userId: string; role: Role; unitId?: string }) {
  const { db, now } = ctx;
  const { userId } = input;
  await requireUser(db, userId);
  const unitId = input.role === "admin" ? null : (input.unitId ?? null);
  if (input.role !== "admin") {
    if (!unitId)
      throw new DomainError("INVALID_BODY", "Cần chọn đơn vị cho vai trò này.", {
        unitId: "Bắt buộc phải có.",
      });
    await requireUnitInScope(db, unitId, ALL_SCOPE);
  }
  const id = newId();
  const [inserted] = await db.batch([
    db
      .insert(grants)
      .values({ id, userId, role: input.role, unitId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: grants.id }),
    auditInsertIf(
      db,
      {
        ...ctx.actor,
        action: "grant.add",
        entity: "user",
        entityId: userId,
        after: { role: input.role, unitId },
      },
      now,
      sql`EXISTS (SELECT 1 FROM ${grants} WHERE ${grants.id} = ${id})`,
    ),
  ]);
  if (!inserted[0]) throw new DomainError("CONFLICT", "Tài khoản đã có vai trò này.");
  return { id, role: input.role, unitId };
}

export async function removeGrant(
  ctx: Ctx,
  { userId, grantId }: { userId: string; grantId: string },
) {
  const { db } = ctx;
  const [grant] = await db
    .select()
    .from(grants)
    .where(and(eq(grants.id, grantId), eq(grants.userId, userId)));
  if (!grant) throw notFound("Không tìm thấy vai trò.");
  if (grant.role === "admin" && userId === ctx.actor.actorUserId)
    throw new DomainError("RULE_VIOLATION", "Bạn không thể tự bỏ quyền quản trị của mình.");
  await db.batch([
    db.delete(grants).where(eq(grants.id, grantId)),
    audit(ctx, {
      action: "grant.remove",
      entity: "user",
      entityId: userId,
      before: { role: grant.role, unitId: grant.unitId },
    }),
  ]);
}
