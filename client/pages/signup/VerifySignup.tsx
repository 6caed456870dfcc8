// /dang-ky/xac-nhan#token — the link in the sign-up mail. The token travels in the #fragment,
// which browsers never send to a server or in a Referer; it is posted once with the admin's
// new password, which activates the đảng bộ and signs the admin in.
import { A, useLocation, useSubmission } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../../components/Alert";
import { Field, Input } from "../../components/Field";
import { errorCode, errorMessage, fieldError } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { AdminPasswordField } from "./AdminPassword";
import { confirmSignup } from "./signup.data";

export default function VerifySignup() {
  const location = useLocation();
  // Read once: the token does not change while the page is open.
  const [token] = createSignal(decodeURIComponent(location.hash.replace(/^#/, "")));
  const sub = useSubmission(confirmSignup);
  useTitle(() => "Xác nhận đăng ký");
  const err = (name: string) => fieldError(sub.error, name);
  return (
    <>
      <p class="eyebrow">Đăng ký đảng bộ mới</p>
      <h1>Xác nhận đăng ký</h1>
      <Show
        when={token()}
        fallback={
          <p class="alert" role="alert">
            Đường dẫn không đầy đủ. Hãy mở lại đúng đường dẫn trong thư xác nhận (cả phần sau dấu
            #).
          </p>
        }
      >
        <p>Đặt mật khẩu quản trị để kích hoạt đảng bộ và đăng nhập.</p>
        <form action={confirmSignup.with(token())} method="post" class="card stack" novalidate>
          <AdminPasswordField id="password" error={err("password")} />
          <Field id="password2" label="Nhập lại mật khẩu" required error={err("password2")}>
            <Input name="password2" type="password" autocomplete="new-password" maxLength={200} />
          </Field>
          <Alert>{errorMessage(sub.error)}</Alert>
          <Show when={errorCode(sub.error) === "TOKEN_INVALID"}>
            <p>
              <A href="/dang-ky" class="button">
                Đăng ký lại
              </A>
            </p>
          </Show>
          <button type="submit" class="button primary" disabled={sub.pending}>
            {sub.pending ? "Đang kích hoạt…" : "Kích hoạt và đăng nhập"}
          </button>
        </form>
      </Show>
    </>
  );
}
