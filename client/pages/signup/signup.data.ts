// Sign-up's reads and writes: the operator's mode (GET /api/signup), registering
// (POST /api/signup) and following the e-mailed link (POST /api/signup/verify).
import { action, query, redirect } from "@solidjs/router";
import { ApiError, api, call } from "../../http";
import type { TenantKind } from "../../../schema/vocab/people";
import { slugProblem } from "./slug";

export const getSignupMode = query(() => call(api.signup.$get()), "signup-mode");

/** What the page shows once a verification mail has gone out. */
export interface PendingSignup {
  slug: string;
  name: string;
  sentTo: string;
  expiresAt: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** Checks the client can make without asking, with the server's field names, so the errors
 *  land next to the same fields as the server's 422. */
function localProblems(form: FormData, needsPassword: boolean): Record<string, string> {
  const fields: Record<string, string> = {};
  if ([...text(form, "name")].length < 3)
    fields["tenant.name"] = "Tên đảng bộ cần ít nhất 3 ký tự.";
  if (!text(form, "kind")) fields["tenant.kind"] = "Hãy chọn loại tổ chức.";
  const slug = slugProblem(text(form, "slug"));
  if (slug) fields["tenant.slug"] = slug;
  if (!text(form, "fullName")) fields["admin.fullName"] = "Hãy nhập họ và tên.";
  if (!text(form, "email")) fields["admin.email"] = "Hãy nhập địa chỉ thư điện tử.";
  if (needsPassword && [...String(form.get("password") ?? "")].length < 10)
    fields["admin.password"] = "Mật khẩu cần ít nhất 10 ký tự.";
  return fields;
}

export const register = action(
  async (needsPassword: boolean, form: FormData): Promise<PendingSignup> => {
    const fields = localProblems(form, needsPassword);
    if (Object.keys(fields).length)
      throw new ApiError(422, "INVALID_BODY", "Hãy sửa các ô được đánh dấu.", fields);
    const password = String(form.get("password") ?? "");
    const res = await call(
      api.signup.$post({
        json: {
          tenant: {
            name: text(form, "name"),
            kind: text(form, "kind") as TenantKind,
            slug: text(form, "slug"),
          },
          admin: {
            fullName: text(form, "fullName"),
            email: text(form, "email"),
            ...(needsPassword ? { password } : {}),
          },
        },
      }),
    );
    // SIGNUP=open: made and signed in already.
    if (!("status" in res)) throw redirect(`/t/${res.tenant.slug}`);
    return { ...res.tenant, sentTo: res.sentTo, expiresAt: res.expiresAt };
  },
  "signup",
);

export const confirmSignup = action(async (token: string, form: FormData) => {
  const password = String(form.get("password") ?? "");
  if ([...password].length < 10)
    throw new ApiError(422, "INVALID_BODY", "Mật khẩu chưa hợp lệ.", {
      password: "Mật khẩu cần ít nhất 10 ký tự.",
    });
  if (password !== String(form.get("password2") ?? ""))
    throw new ApiError(422, "INVALID_BODY", "Mật khẩu chưa hợp lệ.", {
      password2: "Hai lần nhập mật khẩu không giống nhau.",
    });
  const res = await call(api.signup.verify.$post({ json: { token, password } }));
  // Signed in by the cookie the answer set: straight into the new đảng bộ.
  throw redirect(`/t/${res.tenant.slug}`);
}, "signup-verify");
