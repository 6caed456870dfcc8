// /t/:tenant/dang-nhap — sign in to one đảng bộ.
//
// The form renders at once and does not wait for the đảng bộ's name: on a slow line the user
// can already type. No <Suspense> above this page, so reading `tenant()` while it loads
// gives undefined instead of hiding the form.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import PublicHeader from "../../components/PublicHeader";
import { errorText } from "../../lib/errors";
import { useTitle } from "../../lib/title";
import { getTenant, signIn, verifyCode } from "./login.data";
import CodeStep from "./CodeStep";
import { ExactInput, Field, PasswordInput } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";

export default function LoginPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const tenant = createAsync(() => getTenant(slug()));
  const sub = useSubmission(signIn);
  useTitle(() => (tenant() ? `Đăng nhập · ${tenant()!.name}` : "Đăng nhập"));

  return (
    <>
      <PublicHeader />
      <main id="main" tabindex="-1" class="page narrow">
        <Show
          when={tenant() !== null}
          fallback={
            <>
              <h1>Không tìm thấy đảng bộ</h1>
              <p>
                Không có đảng bộ nào mang mã <strong>{slug()}</strong>. Hãy kiểm tra lại mã với văn
                phòng cấp ủy.
              </p>
              <p>
                <A href="/" class="button">
                  Nhập lại mã đảng bộ
                </A>
              </p>
            </>
          }
        >
          <p class="eyebrow">Đăng nhập</p>
          <h1 aria-busy={tenant() === undefined ? "true" : undefined}>
            {tenant()?.name ?? "Đang tải tên đảng bộ…"}
          </h1>

          <Show
            when={!sub.result?.twoFactor}
            fallback={<CodeStep slug={slug()} action={verifyCode} />}
          >
            <form action={signIn.with(slug())} method="post" class="card stack">
              {/* One field for both: the server tells an e-mail (it has an @) from a phone
                  number, however it is spaced (0912 345 678, +84 912 345 678). */}
              <Field
                id="login"
                label="Thư điện tử hoặc số điện thoại"
                hint="Ví dụ: ten@example.vn hoặc 0912 345 678"
              >
                <ExactInput
                  name="login"
                  type="text"
                  autocomplete="username"
                  autocapitalize="none"
                  spellcheck={false}
                  invalid={!!sub.error}
                />
              </Field>
              <Field id="password" label="Mật khẩu">
                <PasswordInput
                  name="password"
                  autocomplete="current-password"
                  invalid={!!sub.error}
                />
              </Field>
              {/* The server's message, then any per-field detail of a 422 (e.g. a malformed address). */}
              <Alert>{errorText(sub.error)}</Alert>
              <Submit pending={sub.pending} busy="Đang đăng nhập…">
                Đăng nhập
              </Submit>
            </form>
          </Show>

          <p class="center">
            <A href={`/t/${slug()}/cong-khai`}>Kế hoạch công khai</A>
          </p>
          <p class="center">
            <A href="/">Đảng bộ khác</A>
          </p>
        </Show>
      </main>
    </>
  );
}
