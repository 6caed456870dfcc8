// /t/:tenant/bao-mat — the account's own security: the second factor (TOTP). Turning it on
// shows a key for the authenticator app (as an otpauth:// link and as text to type in), asks
// for a first code, then shows the recovery code once. Turning it off needs a current code.
import { createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { Alert } from "../../components/Alert";
import { Field, OneTimeCodeInput } from "../../components/Field";
import { Submit } from "../../components/Submit";
import { distinctErrorText } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { confirmTwoFactor, getTwoFactor, startTwoFactor, turnOffTwoFactor } from "./security.data";

/** Groups of four, as authenticator apps show keys typed in by hand. */
const grouped = (key: string) => key.match(/.{1,4}/g)?.join(" ") ?? key;

function CodeInput() {
  return (
    <Field id="code" label="Mã 6 chữ số từ ứng dụng">
      <OneTimeCodeInput />
    </Field>
  );
}

export default function SecurityPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const enabled = createAsync(() => getTwoFactor(slug()));
  const started = useSubmission(startTwoFactor);
  const confirmed = useSubmission(confirmTwoFactor);
  const off = useSubmission(turnOffTwoFactor);
  useTitle(() => "Bảo mật tài khoản");

  return (
    <>
      <h1>Bảo mật tài khoản</h1>
      <section class="card stack" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">Xác thực hai lớp</h2>
        <p>
          Khi bật, mỗi lần đăng nhập cần thêm mã 6 chữ số từ một ứng dụng xác thực trên điện thoại
          (Google Authenticator, Microsoft Authenticator…). Nên bật cho tài khoản quản trị.
        </p>
        <Show when={confirmed.result?.recoveryCode}>
          {(code) => (
            <div class="stack" role="status">
              <p>
                <strong>Đã bật xác thực hai lớp.</strong> Hãy chép hoặc in mã khôi phục dưới đây và
                cất nơi an toàn. Mã chỉ hiện một lần; dùng nó để đăng nhập khi mất điện thoại.
              </p>
              <p class="recovery-code">
                <code>{code()}</code>
              </p>
            </div>
          )}
        </Show>
        <Show when={enabled() !== undefined && !confirmed.result}>
          <Show
            when={!enabled()}
            fallback={
              <form action={turnOffTwoFactor.with(slug())} method="post" class="stack">
                <p>
                  Đang <strong>bật</strong>. Để tắt, nhập một mã hiện tại từ ứng dụng.
                </p>
                <CodeInput />
                <Alert>{distinctErrorText(off.error)}</Alert>
                <Submit pending={off.pending} busy="Đang tắt…" class="button">
                  Tắt xác thực hai lớp
                </Submit>
              </form>
            }
          >
            <Show
              when={started.result?.setup}
              fallback={
                <form action={startTwoFactor.with(slug())} method="post">
                  <Alert>{distinctErrorText(started.error)}</Alert>
                  <Submit pending={started.pending} busy="Đang tạo khóa…">
                    Bật xác thực hai lớp
                  </Submit>
                </form>
              }
            >
              {(setup) => (
                <form
                  action={confirmTwoFactor.with(slug(), setup().key)}
                  method="post"
                  class="stack"
                >
                  <ol>
                    <li>
                      Trên điện thoại, mở ứng dụng xác thực và chọn thêm tài khoản. Nếu mở trang này
                      trên điện thoại, bấm{" "}
                      <a href={setup().uri} rel="noopener">
                        liên kết thêm vào ứng dụng
                      </a>
                      .
                    </li>
                    <li>
                      Hoặc chọn nhập khóa bằng tay và gõ khóa:{" "}
                      <code class="totp-key">{grouped(setup().key)}</code> (loại: theo thời gian).
                    </li>
                    <li>Nhập mã 6 chữ số ứng dụng hiện ra để xác nhận.</li>
                  </ol>
                  <details>
                    <summary>Địa chỉ otpauth (để chép)</summary>
                    <p>
                      <code class="break">{setup().uri}</code>
                    </p>
                  </details>
                  <CodeInput />
                  <Alert>{distinctErrorText(confirmed.error)}</Alert>
                  <Submit pending={confirmed.pending} busy="Đang xác nhận…">
                    Xác nhận và bật
                  </Submit>
                </form>
              )}
            </Show>
          </Show>
        </Show>
        <Show when={off.result?.off}>
          <p role="status">Đã tắt xác thực hai lớp.</p>
        </Show>
      </section>
    </>
  );
}
