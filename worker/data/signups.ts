// Sign-up modes and the e-mailed verification of a new đảng bộ (SIGNUP=open|verify|closed).
// With `verify` the tenant is provisioned whole but `pending`: unreachable by slug, its slug
// held for PENDING_TTL_MS, until its first admin follows a single-use link. The link's token
// is only ever stored as a hash, in the control plane; the admin's address stays in the
// tenant's own database. What must stay true: no tenant is left that nobody can activate — no
// e-mail transport refuses before anything is made, and a mail that cannot be sent undoes it.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { SignupBody, VerifySignupBody } from "../../schema/api";
import { signupVerifications, tenants } from "../../schema/tables/control";
import { users } from "../../schema/tables/tenant";
import { hashPassword } from "../auth/password";
import { throttleKey, type Limit } from "../auth/throttle";
import type { Platform, TenantRecord } from "../env";
import { DomainError, invalidBody, provisioningFailed } from "../errors";
import { isPermanentMailError } from "../mail";
import { discardStaleTenants, discardTenant, PENDING_TTL_MS, provisionTenant } from "./tenants";
import { hashToken, newToken } from "./tokens";

export const SIGNUP_MODES = ["open", "verify", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** The operator's setting; unset means `verify`. An unknown value closes sign-up rather than
 *  guess: a typo must not open the platform to anyone. */
export function signupMode(raw: string | undefined): SignupMode {
  const value = (raw ?? "").trim().toLowerCase();
  if (!value) return "verify";
  return (SIGNUP_MODES as readonly string[]).includes(value) ? (value as SignupMode) : "closed";
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sign-ups per client address per day, over the hourly SIGNUP_LIMIT (an office behind one
 *  NAT may register a few đảng bộ in a day, nobody needs dozens). */
export const SIGNUP_DAY_LIMIT: Limit = { max: 20, windowMs: DAY_MS };
/** Verification mails per e-mail address per day: nobody can use the form to flood an
 *  inbox. Counted only when a mail is sent (SIGNUP=verify). */
export const SIGNUP_EMAIL_DAY_LIMIT: Limit = { max: 3, windowMs: DAY_MS };

export const signupEmailKey = (email: string) => throttleKey("signup-email", email.toLowerCase());
export const signupDayKey = (address: string) => throttleKey("signup-day", address);

export const signupClosed = () =>
  new DomainError(
    "SIGNUP_CLOSED",
    "Hệ thống hiện không nhận đăng ký đảng bộ mới. Vui lòng liên hệ người vận hành hệ thống.",
  );

export const signupNeedsEmail = () =>
  new DomainError(
    "SIGNUP_UNAVAILABLE",
    "Chưa đăng ký được: đăng ký cần xác nhận qua thư điện tử nhưng hệ thống chưa cấu hình gửi thư. " +
      "Người vận hành cần đặt SMTP_URL (hoặc MAIL_API_URL) hoặc đặt SIGNUP=open.",
  );

export interface PendingSignup {
  tenant: { slug: string; name: string };
  sentTo: string;
  expiresAt: Date;
}

const mailText = (name: string, fullName: string, link: string) =>
  [
    `Kính gửi đồng chí ${fullName},`,
    "",
    `Đồng chí vừa đăng ký "${name}" trên hệ thống Sinh hoạt chính trị.`,
    "Để kích hoạt đảng bộ và đặt mật khẩu quản trị, mở đường dẫn sau (dùng được một lần, trong 24 giờ):",
    "",
    link,
    "",
    "Nếu đồng chí không đăng ký, hãy bỏ qua thư này: đảng bộ sẽ không được tạo.",
  ].join("\n");

/** Provisions a `pending` tenant and mails its first admin the link `linkFor(token)`. */
export async function startSignup(
  platform: Platform,
  input: SignupBody,
  linkFor: (token: string) => string,
): Promise<PendingSignup> {
  const send = platform.outbound.email;
  if (!send) throw signupNeedsEmail();
  const { tenant, adminUserId } = await provisionTenant(platform, input, { pending: true });
  const control = platform.control().db;
  const now = platform.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PENDING_TTL_MS);
  try {
    await control.insert(signupVerifications).values({
      tokenHash: hashToken(token),
      tenantId: tenant.id,
      userId: adminUserId,
      expiresAt,
      createdAt: now,
    });
    await send({
      to: input.admin.email,
      subject: `Xác nhận đăng ký ${tenant.name}`,
      text: mailText(tenant.name, input.admin.fullName, linkFor(token)),
      idempotencyKey: `signup-${tenant.id}`,
    });
  } catch (err) {
    await discardTenant(platform, tenant).catch((e) => console.error("signup cleanup", e));
    if (isPermanentMailError(err))
      throw invalidBody(
        { "admin.email": "Không gửi được thư tới địa chỉ này." },
        "Không gửi được thư xác nhận tới địa chỉ này. Hãy kiểm tra lại địa chỉ thư điện tử.",
      );
    console.error("signup mail failed", err);
    throw provisioningFailed("Chưa gửi được thư xác nhận, vui lòng thử lại sau ít phút.", 60);
  }
  return { tenant: { slug: tenant.slug, name: tenant.name }, sentTo: input.admin.email, expiresAt };
}

const linkInvalid = () =>
  new DomainError(
    "TOKEN_INVALID",
    "Đường dẫn xác nhận đã hết hạn hoặc đã được dùng. Nếu đảng bộ chưa được kích hoạt, hãy đăng ký lại.",
  );

/** Follows the link: sets the admin's password (if not set at sign-up) and activates the
 *  tenant. The link is claimed by one conditional UPDATE, so it works once. */
export async function verifySignup(
  platform: Platform,
  { token, password }: VerifySignupBody,
): Promise<{ tenant: TenantRecord; adminUserId: string }> {
  const control = platform.control().db;
  const now = platform.now();
  const tokenHash = hashToken(token);
  const live = and(
    eq(signupVerifications.tokenHash, tokenHash),
    isNull(signupVerifications.usedAt),
    gt(signupVerifications.expiresAt, now),
  );
  const [row] = await control.select().from(signupVerifications).where(live).limit(1);
  if (!row) throw linkInvalid();
  const [tenant] = await control.select().from(tenants).where(eq(tenants.id, row.tenantId));
  if (!tenant || tenant.status !== "pending") throw linkInvalid();
  const { db } = platform.tenant(tenant);
  const [admin] = await db.select().from(users).where(eq(users.id, row.userId));
  if (!admin) throw linkInvalid();
  if (!admin.passwordHash && !password)
    throw invalidBody({ password: "Hãy đặt mật khẩu để đăng nhập." }, "Cần đặt mật khẩu.");
  const passwordHash = password ? await hashPassword(password) : null;
  const [claimed] = await control
    .update(signupVerifications)
    .set({ usedAt: now })
    .where(live)
    .returning();
  if (!claimed) throw linkInvalid();
  if (passwordHash)
    await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, admin.id));
  const [active] = await control
    .update(tenants)
    .set({ status: "active", updatedAt: now })
    .where(and(eq(tenants.id, tenant.id), eq(tenants.status, "pending")))
    .returning();
  if (!active) throw linkInvalid();
  return { tenant: active, adminUserId: admin.id };
}

/** Removes sign-ups whose link expired unused (for the scheduled pass; a new sign-up for the
 *  same slug also reclaims it). */
export const purgeExpiredSignups = (platform: Platform): Promise<number> =>
  discardStaleTenants(platform, "pending", PENDING_TTL_MS);
