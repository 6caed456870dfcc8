// The login's second step, shown when the account has a second factor on: the six-digit code
// from the authenticator app, or (when the phone is lost) the recovery code shown at
// enrolment, which signs in once and turns the second factor off.
import { useSubmission, type Action } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../../components/Alert";
import { ExactInput, Field, OneTimeCodeInput } from "../../components/Field";
import { Submit } from "../../components/Submit";
import { distinctErrorText } from "../../lib/errors";

export default function CodeStep(props: {
  slug: string;
  action: Action<[string, FormData], never>;
}) {
  const sub = useSubmission(props.action);
  const [recovery, setRecovery] = createSignal(false);
  return (
    <form action={props.action.with(props.slug)} method="post" class="card stack">
      <h2>Xác thực hai lớp</h2>
      <Show
        when={recovery()}
        fallback={
          <>
            <p>Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiện.</p>
            <Field id="code" label="Mã xác thực">
              <OneTimeCodeInput aria-invalid={sub.error ? "true" : undefined} />
            </Field>
          </>
        }
      >
        <p>
          Nhập mã khôi phục đã lưu khi bật xác thực hai lớp. Mã chỉ dùng được một lần; sau khi đăng
          nhập, xác thực hai lớp sẽ tắt và bạn nên bật lại.
        </p>
        <Field id="recoveryCode" label="Mã khôi phục">
          <ExactInput
            name="recoveryCode"
            autocomplete="off"
            autocapitalize="characters"
            invalid={!!sub.error}
          />
        </Field>
      </Show>
      <Alert>{distinctErrorText(sub.error)}</Alert>
      <Submit pending={sub.pending} busy="Đang kiểm tra…">
        Xác nhận
      </Submit>
      <button type="button" class="button ghost small" onClick={() => setRecovery(!recovery())}>
        {recovery() ? "Dùng mã từ ứng dụng xác thực" : "Không có điện thoại? Dùng mã khôi phục"}
      </button>
    </form>
  );
}
