// /t/:tenant/nhan-loi-moi and /t/:tenant/dat-lai-mat-khau — choose a password from a
// one-time link. The token travels in the URL's #fragment, which browsers never send to a
// server or in a Referer, and is posted once with the new password.
import { createAsync, useLocation, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import PublicHeader from "../../components/PublicHeader";
import { errorText } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { getTenant } from "../login/login.data";
import { MIN_PASSWORD, setPassword, type PasswordMode } from "./set-password.data";
import { Field, PasswordInput } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export default function SetPasswordPage(props: RouteSectionProps) {
  const location = useLocation();
  const slug = () => props.params.tenant ?? "";
  const mode = (): PasswordMode =>
    location.pathname.endsWith("/nhan-loi-moi") ? "accept" : "reset";
  // Read once: the token does not change while the page is open.
  const [token] = createSignal(decodeURIComponent(location.hash.replace(/^#/, "")));
  const tenant = createAsync(() => getTenant(slug()));
  const sub = useSubmission(setPassword);
  // Both boxes: a new password within the server's length rule, marked after a refusal.
  const newPassword = {
    autocomplete: "new-password" as const,
    minLength: MIN_PASSWORD,
    maxLength: 200,
    get invalid() {
      return !!sub.error;
    },
  };
  const title = () => (mode() === "accept" ? "Nhận lời mời" : "Đặt lại mật khẩu");
  useTitle(title);

  return (
    <>
      <PublicHeader />
      <main id="main" tabindex="-1" class="page narrow">
        <p class="eyebrow">{tenant()?.name ?? ""}</p>
        <h1>{title()}</h1>
        <Show
          when={token()}
          fallback={
            <p class="alert" role="alert">
              Đường dẫn không đầy đủ. Hãy mở lại đúng đường dẫn bạn nhận được (cả phần sau dấu #),
              hoặc xin một đường dẫn mới.
            </p>
          }
        >
          <p>
            {mode() === "accept"
              ? "Đặt mật khẩu để tạo tài khoản và đăng nhập."
              : "Đặt mật khẩu mới cho tài khoản của bạn."}
          </p>
          <form action={setPassword.with(slug(), mode(), token())} method="post" class="card stack">
            <Field id="password" label="Mật khẩu mới">
              <PasswordInput name="password" {...newPassword} aria-describedby="password-rule" />
              <p id="password-rule" class="hint">
                Ít nhất {MIN_PASSWORD} ký tự. Không cần chữ hoa hay ký hiệu: một câu dễ nhớ, có dấu
                cách, là mật khẩu tốt.
              </p>
            </Field>
            <Field id="password2" label="Nhập lại mật khẩu">
              <PasswordInput name="password2" {...newPassword} />
            </Field>
            <Alert>{errorText(sub.error)}</Alert>
            <Submit pending={sub.pending} busy="Đang lưu…">
              Lưu mật khẩu và đăng nhập
            </Submit>
          </form>
        </Show>
      </main>
    </>
  );
}
