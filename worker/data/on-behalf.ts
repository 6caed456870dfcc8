// Entry on behalf: a cell's secretary writes and submits the plan of a member who cannot
// (no phone, no account). A member who signs in themselves writes their own plan; a
// secretary may write it for them only with their consent, which the member gives or
// withdraws from their own account. The consent row says who gave it, when and how.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { onBehalfConsents, users } from "../../schema/tables/tenant";
import type { TenantDb } from "../db/handles";
import { DomainError } from "../errors";
import { auditInsert } from "./audit";
import type { Ctx } from "./context";

/** Refuses a write on behalf of a member who has an active account (one that can sign in:
 *  not disabled, its invitation accepted) and has not consented. One query. */
export async function requireOnBehalfAllowed(db: TenantDb, memberId: string): Promise<void> {
  const [row] = await db
    .select({ consent: onBehalfConsents.memberId })
    .from(users)
    .leftJoin(onBehalfConsents, eq(onBehalfConsents.memberId, users.memberId))
    .where(
      and(eq(users.memberId, memberId), isNull(users.disabledAt), isNotNull(users.passwordHash)),
    )
    .limit(1);
  if (row && !row.consent)
    throw new DomainError(
      "RULE_VIOLATION",
      "Đảng viên này có tài khoản riêng và chưa đồng ý cho bí thư nhập thay: hãy để đảng viên tự viết, hoặc đảng viên bật «Đồng ý cho bí thư nhập thay» trong tài khoản của mình.",
    );
}

export async function getOnBehalfConsent(db: TenantDb, memberId: string) {
  const [row] = await db
    .select()
    .from(onBehalfConsents)
    .where(eq(onBehalfConsents.memberId, memberId));
  return row ?? null;
}

/** The member (signed in as themselves) gives or withdraws consent. Idempotent: setting
 *  what already holds writes nothing and logs nothing. */
export async function setOnBehalfConsent(ctx: Ctx, input: { memberId: string; consent: boolean }) {
  const { db, actor, now } = ctx;
  const current = await getOnBehalfConsent(db, input.memberId);
  if (input.consent === (current !== null)) return consentView(current);
  const entry = {
    ...actor,
    entity: "member",
    entityId: input.memberId,
  };
  if (input.consent) {
    const row = {
      memberId: input.memberId,
      givenBy: actor.actorUserId!,
      means: "member-account" as const,
      givenAt: now,
    };
    await db.batch([
      db.insert(onBehalfConsents).values(row).onConflictDoNothing(),
      auditInsert(db, { ...entry, action: "member.consent-on-behalf", after: row }, now),
    ]);
    return consentView(row);
  }
  await db.batch([
    db.delete(onBehalfConsents).where(eq(onBehalfConsents.memberId, input.memberId)),
    auditInsert(
      db,
      { ...entry, action: "member.withdraw-consent-on-behalf", before: current },
      now,
    ),
  ]);
  return consentView(null);
}

const consentView = (row: typeof onBehalfConsents.$inferSelect | null) => ({
  consent: row !== null,
  givenAt: row?.givenAt ?? null,
  means: row?.means ?? null,
});
