// Request bodies of sign-in and account creation (split from schema/api.ts, which holds the
// shared field schemas they use). The client may import them too.
import * as v from "valibot";
import { Email, Id } from "./api";
import { normalizeVnPhone, parseLoginName, type LoginName } from "./rules/phone";

const LoginText = v.pipe(v.string("Phải là chuỗi ký tự."), v.trim(), v.maxLength(254));
/** CONTRACT.md's `{email, password}` still works; `login` takes an e-mail or a phone number
 *  (schema/rules/phone.ts), `phone` a phone number. Exactly one of the three. */
export const LoginBody = v.pipe(
  v.strictObject({
    email: v.optional(Email),
    login: v.optional(LoginText),
    phone: v.optional(LoginText),
    password: v.pipe(v.string("Bắt buộc phải có."), v.maxLength(200)),
  }),
  v.forward(
    v.check(
      (b) => [b.email, b.login, b.phone].filter((x) => x !== undefined).length === 1,
      "Nhập thư điện tử hoặc số điện thoại.",
    ),
    ["login"],
  ),
  v.forward(
    v.check(
      (b) => b.login === undefined || parseLoginName(b.login) !== null,
      "Thư điện tử hoặc số điện thoại không hợp lệ.",
    ),
    ["login"],
  ),
  v.forward(
    v.check(
      (b) => b.phone === undefined || normalizeVnPhone(b.phone) !== null,
      "Số điện thoại không hợp lệ (ví dụ 0912 345 678 hoặc +84 912 345 678).",
    ),
    ["phone"],
  ),
);
export type LoginBody = v.InferOutput<typeof LoginBody>;

/** The account a login body names: an e-mail, or a phone in E.164. */
export const loginNameOf = (b: LoginBody): LoginName =>
  b.email !== undefined
    ? { kind: "email", value: b.email }
    : b.phone !== undefined
      ? { kind: "phone", value: normalizeVnPhone(b.phone)! }
      : parseLoginName(b.login!)!;

/** Invitations for every member of a unit's subtree without an account (no unit: the whole
 *  roster, admins only): e-mailed where the roster has an address, a printed slip otherwise. */
export const BulkInvitationBody = v.strictObject({
  unitId: v.optional(Id),
  /** The previous page's `next`. */
  after: v.optional(Id),
});
export const ResetSlipBody = v.strictObject({ memberId: Id });

/** A code from the authenticator app: six digits (spaces allowed, as apps show "123 456"). */
const TotpCode = v.pipe(
  v.string("Bắt buộc phải có."),
  v.transform((s) => s.replace(/\s+/g, "")),
  v.regex(/^\d{6}$/, "Mã xác thực gồm 6 chữ số."),
);
/** Turning the second factor on: the key the server made (base32, as shown) and a first code
 *  from the app, which proves the app holds the key. */
export const TotpEnableBody = v.strictObject({
  key: v.pipe(v.string("Bắt buộc phải có."), v.maxLength(64)),
  code: TotpCode,
});
export type TotpEnableInput = v.InferOutput<typeof TotpEnableBody>;
export const TotpCodeBody = v.strictObject({ code: TotpCode });
export const TotpRecoveryBody = v.strictObject({
  recoveryCode: v.pipe(
    v.string("Bắt buộc phải có."),
    v.maxLength(40),
    v.regex(/^[A-Za-z2-7\s-]{16,}$/, "Mã khôi phục gồm 16 chữ cái và chữ số (như ABCD-EFGH-…)."),
  ),
});
