// An account's second factor (TOTP) as stored: the sealed key, the last step a code was
// accepted for, and the recovery code's hash. Each change is one conditional UPDATE, so two
// requests racing with the same code cannot both pass, and its audit row is written in the
// same batch only when the UPDATE changed the row (`changes() = 1`): a refused or no-op write
// leaves no trace. Codes are checked by the caller (worker/auth/totp.ts); this module never
// sees a key in the clear.
import type { AuditAction } from "../../schema/vocab/audit-actions";
import { and, eq, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DomainError } from "../errors";
import { auditInsertIf } from "./audit";
import type { Ctx } from "./context";

export interface TotpState {
  sealedKey: string | null;
  lastStep: number | null;
}

export async function getTotpState(db: TenantDb, userId: string): Promise<TotpState | null> {
  const [row] = await db
    .select({ sealedKey: users.totpKey, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The update is the last statement before its audit row in the batch. */
const changedOne = sql`changes() = 1`;

/** No code of `step` or a later one was accepted yet. */
const unspent = (step: number) => or(isNull(users.totpLastStep), lt(users.totpLastStep, step))!;

/** Turns the factor on with a key the caller has seen a valid code for (at `step`, which is
 *  then spent). Refused when one is already on: a second enrolment must disable first. */
export async function enableTotp(
  ctx: Ctx,
  input: { userId: string; sealedKey: string; recoveryHash: Uint8Array; step: number },
): Promise<void> {
  const { db } = ctx;
  const [updated] = await db.batch([
    db
      .update(users)
      .set({
        totpKey: input.sealedKey,
        totpLastStep: input.step,
        totpRecoveryHash: Buffer.from(input.recoveryHash),
        updatedAt: ctx.now,
      })
      .where(and(eq(users.id, input.userId), isNull(users.totpKey)))
      .returning({ id: users.id }),
    auditInsertIf(
      db,
      { ...ctx.actor, action: "account.two-factor.enable", entity: "user", entityId: input.userId },
      ctx.now,
      changedOne,
    ),
  ]);
  if (!updated.length) throw new DomainError("INVALID_STATE", "Tài khoản đã bật xác thực hai lớp.");
}

/** Spends `step` for the account: true once per step and account, false when a code of this
 *  step (or a later one) was already accepted — a replayed code. */
export async function claimTotpStep(db: TenantDb, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), isNotNull(users.totpKey), unspent(step)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Removes the factor (key, spent step, recovery hash) when `proof` holds for the account's
 *  row, with its audit row `action`; false when it did not (nothing written). */
async function removeFactor(
  ctx: Ctx,
  userId: string,
  action: AuditAction,
  proof: SQL,
): Promise<boolean> {
  const { db } = ctx;
  const [updated] = await db.batch([
    db
      .update(users)
      .set({ totpKey: null, totpLastStep: null, totpRecoveryHash: null, updatedAt: ctx.now })
      .where(and(eq(users.id, userId), isNotNull(users.totpKey), proof))
      .returning({ id: users.id }),
    auditInsertIf(
      db,
      { ...ctx.actor, action, entity: "user", entityId: userId },
      ctx.now,
      changedOne,
    ),
  ]);
  return updated.length === 1;
}

/** Turns the factor off for a code of `step` not spent before; false when it was. */
export const disableTotp = (ctx: Ctx, input: { userId: string; step: number }) =>
  removeFactor(ctx, input.userId, "account.two-factor.disable", unspent(input.step));

/** Signs in with the recovery code instead of a TOTP code: the code works once, and using it
 *  removes the factor (the key may be on a lost phone), so the owner enrols again. */
export const recoverTotp = (ctx: Ctx, input: { userId: string; recoveryHash: Uint8Array }) =>
  removeFactor(
    ctx,
    input.userId,
    "account.two-factor.recover",
    eq(users.totpRecoveryHash, Buffer.from(input.recoveryHash)),
  );
