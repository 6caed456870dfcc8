// Invitations for a whole unit subtree (or the whole roster) in one request: every member on
// the roll without an account and without a live invitation gets one. Where the roster has an
// e-mail (and e-mail leaves this deployment), a link goes out through the outbox, so delivery
// is retried by the cron rather than waited for here; otherwise a printed slip: a short code,
// the phone number it signs in with, and the URL the client draws as a QR code. A member with
// neither an e-mail nor a valid phone cannot sign in yet: they are listed for the secretary.
//
// Pages of PAGE members (by id, `after` the previous page's last): memory and the one batch
// stay bounded on a 500,000-member roster. Calling again makes no duplicates, because a live
// invitation excludes its member; a slip's code is shown once (only its hash is kept), so a
// lost slip is reprinted by revoking its invitation and calling again.
import { and, asc, eq, gt, gte, inArray, isNull, lt, notExists, type SQL } from "drizzle-orm";
import { normalizeVnPhone } from "../../schema/rules/phone";
import { formatDateVi } from "../../schema/rules/deadlines";
import { ON_ROLL_STATUSES } from "../../schema/rules/roll";
import { accountTokens, members, outbox, units, users } from "../../schema/tables/tenant";
import { nextSendTime } from "../domain/reminders";
import { subtreeBounds } from "../domain/scope";
import { DomainError } from "../errors";
import { audit } from "./audit";
import type { Ctx } from "./context";
import { newId } from "./ids";
import { invitationRow } from "./invitations";
import { readNotifySettings } from "./settings";
import type { BatchItem } from "./submissions";
import { formatShortCode, hashToken } from "./tokens";
import { requireUnitInScope } from "./units";

export const BULK_PAGE = 200;

export interface BulkInvitationInput {
  /** The subtree; absent: the whole roster (admins only). */
  unitId?: string;
  /** The last member id of the previous page. */
  after?: string;
  byAdmin: boolean;
  /** Whether this deployment has an e-mail transport (worker/mail). */
  emailTransport: boolean;
  tenantName: string;
  /** The page that redeems a token or a code, e.g. https://…/t/<slug>/nhan-loi-moi#<token>. */
  acceptUrl: (token: string) => string;
}

export interface InvitationSlip {
  invitationId: string;
  memberId: string;
  fullName: string;
  unitName: string;
  /** What the member signs in with: the phone in E.164, or the e-mail when it cannot leave. */
  login: string;
  code: string;
  url: string;
  expiresAt: Date;
}

export interface BulkInvitationResult {
  emailed: { invitationId: string; memberId: string; fullName: string; email: string }[];
  slips: InvitationSlip[];
  /** On the roll, without an account, but with neither an e-mail nor a valid phone. */
  unreachable: { memberId: string; fullName: string; unitName: string }[];
  /** Pass as `after` for the next page; null when this was the last. */
  next: string | null;
}

export async function inviteRoster(
  ctx: Ctx,
  input: BulkInvitationInput,
): Promise<BulkInvitationResult> {
  const { db, now } = ctx;
  if (!input.unitId && !input.byAdmin)
    throw new DomainError("ROLE_SCOPE", "Bí thư chỉ mời được đảng viên trong chi bộ của mình.", {
      unitId: "Bắt buộc phải có.",
    });
  const unit = input.unitId ? await requireUnitInScope(db, input.unitId, ctx.scope) : null;
  const conditions: SQL[] = [
    inArray(members.status, ON_ROLL_STATUSES),
    notExists(db.select({ x: users.id }).from(users).where(eq(users.memberId, members.id))),
    notExists(
      db
        .select({ x: accountTokens.id })
        .from(accountTokens)
        .where(
          and(
            eq(accountTokens.memberId, members.id),
            eq(accountTokens.kind, "invite"),
            isNull(accountTokens.usedAt),
            isNull(accountTokens.revokedAt),
            gt(accountTokens.expiresAt, now),
          ),
        ),
    ),
  ];
  if (unit) {
    const [lo, hi] = subtreeBounds(unit.path);
    conditions.push(gte(units.path, lo), lt(units.path, hi));
  }
  if (input.after) conditions.push(gt(members.id, input.after));
  const page = await db
    .select({
      id: members.id,
      fullName: members.fullName,
      email: members.email,
      phone: members.phone,
      unitId: members.unitId,
      unitName: units.name,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(...conditions))
    .orderBy(asc(members.id))
    .limit(BULK_PAGE + 1);
  const more = page.length > BULK_PAGE;
  const rows = page.slice(0, BULK_PAGE);

  const settings = await readNotifySettings(db);
  const emailOn = input.emailTransport && settings.email;
  const sendAt = nextSendTime(now, settings.quietHours);
  const result: BulkInvitationResult = {
    emailed: [],
    slips: [],
    unreachable: [],
    next: more ? rows.at(-1)!.id : null,
  };
  const made = rows.flatMap((m) => {
    const byEmail = emailOn && m.email !== null;
    const phone = m.phone ? normalizeVnPhone(m.phone) : null;
    if (!byEmail && !phone && !m.email) {
      result.unreachable.push({ memberId: m.id, fullName: m.fullName, unitName: m.unitName });
      return [];
    }
    const inv = invitationRow(ctx, {
      email: m.email,
      role: "member",
      unitId: m.unitId,
      memberId: m.id,
      short: !byEmail,
    });
    return [{ m, byEmail, login: phone ?? m.email!, ...inv }];
  });
  await redrawTakenCodes(ctx, made);

  const writes = made.flatMap(({ m, byEmail, login, row, token }): BatchItem[] => {
    const url = input.acceptUrl(token);
    if (!byEmail) {
      result.slips.push({
        invitationId: row.id,
        memberId: m.id,
        fullName: m.fullName,
        unitName: m.unitName,
        login,
        code: formatShortCode(token),
        url,
        expiresAt: row.expiresAt,
      });
      return [db.insert(accountTokens).values(row)];
    }
    result.emailed.push({
      invitationId: row.id,
      memberId: m.id,
      fullName: m.fullName,
      email: m.email!,
    });
    const mail = invitationMail(input.tenantName, m.fullName, url, row.expiresAt);
    return [
      db.insert(accountTokens).values(row),
      // The link is in the payload until the cron sends it: the outbox is the tenant's own
      // database, and the invitation dies with its 7 days either way.
      db.insert(outbox).values({
        id: newId(),
        channel: "email",
        recipient: m.email!,
        payload: JSON.stringify(mail),
        idempotencyKey: `invite:${row.id}`,
        nextAttemptAt: sendAt,
        createdAt: now,
      }),
    ];
  });
  if (writes.length)
    await db.batch([
      audit(ctx, {
        action: "invitation.bulk",
        entity: "unit",
        entityId: unit?.id ?? null,
        after: { emailed: result.emailed.length, slips: result.slips.length },
      }),
      ...writes,
    ]);
  return result;
}

/** Two live short codes must differ (31⁸ codes; a whole roster makes a clash likely enough
 *  over time): a code whose hash is already stored is drawn again. */
async function redrawTakenCodes(
  ctx: Ctx,
  made: { row: { tokenHash: string; short: boolean }; token: string }[],
) {
  const short = made.filter((x) => x.row.short);
  for (let round = 0; short.length && round < 3; round++) {
    const taken = new Set(
      (
        await ctx.db
          .select({ h: accountTokens.tokenHash })
          .from(accountTokens)
          .where(
            inArray(
              accountTokens.tokenHash,
              short.map((x) => x.row.tokenHash),
            ),
          )
      ).map((r) => r.h),
    );
    const clash = short.filter((x) => taken.has(x.row.tokenHash));
    if (!clash.length) return;
    for (const x of clash) {
      const fresh = invitationRow(ctx, {
        email: null,
        role: "member",
        unitId: null,
        memberId: null,
        short: true,
      });
      x.token = fresh.token;
      x.row.tokenHash = hashToken(fresh.token);
    }
    short.splice(0, short.length, ...clash);
  }
}

function invitationMail(tenantName: string, fullName: string, url: string, expiresAt: Date) {
  return {
    subject: `Mời tạo tài khoản sinh hoạt chính trị — ${tenantName}`,
    text: [
      `Kính gửi đồng chí ${fullName},`,
      "",
      `${tenantName} mời đồng chí tạo tài khoản để làm kế hoạch và theo dõi các đợt sinh hoạt chính trị.`,
      `Mở đường dẫn sau để đặt mật khẩu (dùng được một lần, đến hết ngày ${formatDateVi(new Date(expiresAt.getTime() - 1))}):`,
      url,
      "",
      "Nếu đồng chí không chờ thư này, xin bỏ qua.",
    ].join("\n"),
  };
}
