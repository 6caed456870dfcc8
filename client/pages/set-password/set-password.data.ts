// The two public pages that end with a new password and a session: accepting an invitation
// (/t/:tenant/nhan-loi-moi#token) and resetting a password (/t/:tenant/dat-lai-mat-khau#token).
import { action, redirect } from "@solidjs/router";
import { acceptInvitation, resetPassword } from "../../api-admin";

/** The server's rule (DESIGN.md §7): at least 10 characters, no composition rules. */
export const MIN_PASSWORD = 10;

export type PasswordMode = "accept" | "reset";

export const setPassword = action(
  async (tenant: string, mode: PasswordMode, token: string, form: FormData | URLSearchParams) => {
    const password = String(form.get("password") ?? "");
    const again = String(form.get("password2") ?? "");
    if (!token) {
      throw new Error("Đường dẫn thiếu mã. Hãy mở lại đúng đường dẫn bạn nhận được.");
    }
    if ([...password].length < MIN_PASSWORD) {
      throw new Error(`Mật khẩu cần ít nhất ${MIN_PASSWORD} ký tự.`);
    }
    if (password !== again) throw new Error("Hai lần nhập mật khẩu không giống nhau.");
    await (mode === "accept" ? acceptInvitation : resetPassword)(tenant, token, password);
    // Signed in now, possibly as someone else than before: refetch everything.
    throw redirect(`/t/${tenant}`);
  },
  "set-password",
);
