// Request bodies of the public API as valibot schemas. The server validates with them and
// the OpenAPI document is generated from them; the client may import them too.
import * as v from "valibot";

export const TENANT_KINDS = [
  "quan-uy",
  "huyen-uy",
  "tinh-uy",
  "thanh-uy",
  "dang-uy-phuong",
  "dang-uy-xa",
  "dang-uy-so",
  "dang-uy-khoi",
  "dang-uy-co-so",
  "khac",
] as const;

export const Email = v.pipe(
  v.string("Bắt buộc phải có."),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254),
  v.email("Địa chỉ thư điện tử không hợp lệ."),
);
export const Password = v.pipe(
  v.string("Bắt buộc phải có."),
  v.minLength(10, "Mật khẩu cần ít nhất 10 ký tự."),
  v.maxLength(200, "Mật khẩu tối đa 200 ký tự."),
);
export const PersonName = v.pipe(
  v.string("Bắt buộc phải có."),
  v.trim(),
  v.minLength(2, "Họ tên cần ít nhất 2 ký tự."),
  v.maxLength(120, "Họ tên tối đa 120 ký tự."),
);
export const Slug = v.pipe(
  v.string("Bắt buộc phải có."),
  v.regex(
    /^[a-z0-9-]{3,40}$/,
    "Mã đảng bộ gồm 3–40 ký tự: chữ thường không dấu, số và dấu gạch ngang.",
  ),
);

export const SignupBody = v.strictObject({
  tenant: v.strictObject({
    slug: Slug,
    name: v.pipe(
      v.string("Bắt buộc phải có."),
      v.trim(),
      v.minLength(3, "Tên đảng bộ cần ít nhất 3 ký tự."),
      v.maxLength(200, "Tên đảng bộ tối đa 200 ký tự."),
    ),
    kind: v.picklist(TENANT_KINDS, "Loại tổ chức không hợp lệ."),
  }),
  admin: v.strictObject({ email: Email, password: Password, fullName: PersonName }),
});
export type SignupBody = v.InferOutput<typeof SignupBody>;

export const LoginBody = v.strictObject({
  email: Email,
  password: v.pipe(v.string("Bắt buộc phải có."), v.maxLength(200)),
});
export type LoginBody = v.InferOutput<typeof LoginBody>;
