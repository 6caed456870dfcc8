// The sign-up form, and the "Chờ xác nhận" state it turns into once the mail is sent.
// Field errors (the client's own checks and the server's 422) sit under their fields.
import { A, createAsync, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { TENANT_KIND_LABELS, TENANT_KINDS } from "../../../schema/vocab/people";
import { Alert } from "../../components/Alert";
import { Field, Input, Select } from "../../components/Field";
import { errorMessage, fieldError } from "../../lib/errors";
import { formatDate, formatTime } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { AdminPasswordField } from "./AdminPassword";
import { getSignupMode, register, type PendingSignup } from "./signup.data";
import { slugProblem, suggestSlug, SLUG_MAX } from "./slug";

export default function SignupForm() {
  const mode = createAsync(() => getSignupMode());
  const sub = useSubmission(register);
  useTitle(() => (sub.result ? "Chờ xác nhận" : "Đăng ký đảng bộ mới"));
  return (
    <Show when={sub.result} fallback={<Form mode={mode()} />}>
      {(pending) => <Pending pending={pending()} />}
    </Show>
  );
}

function Form(props: {
  mode: { mode: string; ready: boolean; message: string | null } | undefined;
}) {
  const sub = useSubmission(register);
  const [slug, setSlug] = createSignal("");
  // Suggested from the name until the person types a code of their own.
  const [slugEdited, setSlugEdited] = createSignal(false);
  const needsPassword = () => props.mode?.mode === "open";
  const err = (name: string) => fieldError(sub.error, name);
  const slugError = () => err("tenant.slug") || (slugEdited() && slug() ? slugProblem(slug()) : "");

  return (
    <>
      <p class="eyebrow">Đăng ký</p>
      <h1>Đăng ký đảng bộ mới</h1>
      <Show
        when={props.mode?.ready !== false}
        fallback={
          <>
            <Alert>{props.mode?.message}</Alert>
            <p>
              <A href="/" class="button">
                Về trang chủ
              </A>
            </p>
          </>
        }
      >
        <p>
          {needsPassword()
            ? "Đảng bộ được tạo ngay, bạn là quản trị viên đầu tiên."
            : "Sau khi đăng ký, hệ thống gửi một đường dẫn xác nhận tới thư điện tử của quản trị viên đầu tiên. Đảng bộ chỉ hoạt động sau khi đường dẫn được mở."}
        </p>
        <form action={register.with(needsPassword())} method="post" class="card stack" novalidate>
          <h2>Đảng bộ</h2>
          <Field id="su-name" label="Tên đảng bộ" required error={err("tenant.name")}>
            <Input
              name="name"
              type="text"
              autocomplete="organization"
              maxLength={200}
              placeholder="Đảng bộ phường Phúc Xá"
              onInput={(e) => {
                if (!slugEdited()) setSlug(suggestSlug(e.currentTarget.value));
              }}
            />
          </Field>
          <Field id="su-kind" label="Loại tổ chức" required error={err("tenant.kind")}>
            <Select name="kind">
              <option value="">— Chọn —</option>
              <For each={TENANT_KINDS}>
                {(k) => <option value={k}>{TENANT_KIND_LABELS[k]}</option>}
              </For>
            </Select>
          </Field>
          <Field
            id="su-slug"
            label="Mã đảng bộ"
            required
            hint={
              <>
                Dùng để vào hệ thống, ví dụ <code>phuong-phuc-xa</code>: 3–{SLUG_MAX} ký tự, chữ
                thường không dấu, chữ số, các chữ nối bằng một dấu gạch ngang.
              </>
            }
            error={slugError()}
          >
            <Input
              name="slug"
              type="text"
              autocapitalize="none"
              autocomplete="off"
              spellcheck={false}
              maxLength={SLUG_MAX}
              value={slug()}
              onInput={(e) => {
                setSlugEdited(true);
                setSlug(e.currentTarget.value.trim().toLowerCase());
              }}
            />
          </Field>
          <h2>Quản trị viên đầu tiên</h2>
          <Field id="su-fullname" label="Họ và tên" required error={err("admin.fullName")}>
            <Input name="fullName" type="text" autocomplete="name" maxLength={200} />
          </Field>
          <Field
            id="su-email"
            label="Thư điện tử"
            required
            hint={needsPassword() ? undefined : "Đường dẫn xác nhận được gửi tới địa chỉ này."}
            error={err("admin.email")}
          >
            <Input
              name="email"
              type="email"
              inputmode="email"
              autocomplete="email"
              autocapitalize="none"
              spellcheck={false}
            />
          </Field>
          <Show when={needsPassword()}>
            <AdminPasswordField id="su-password" error={err("admin.password")} />
          </Show>
          <Alert>{errorMessage(sub.error)}</Alert>
          <button type="submit" class="button primary" disabled={sub.pending || !props.mode}>
            {sub.pending ? "Đang đăng ký…" : "Đăng ký"}
          </button>
        </form>
        <p class="center">
          Đã có đảng bộ? <A href="/">Vào đảng bộ của bạn</A>
        </p>
      </Show>
    </>
  );
}

function Pending(props: { pending: PendingSignup }) {
  return (
    <section aria-labelledby="pending-heading">
      <p class="eyebrow">{props.pending.name}</p>
      <h1 id="pending-heading">Chờ xác nhận</h1>
      <div class="card stack">
        <p role="status">
          Đã gửi thư xác nhận tới <strong>{props.pending.sentTo}</strong>.
        </p>
        <p>
          Mở thư và bấm vào đường dẫn trong thư trước {formatTime(props.pending.expiresAt)} ngày{" "}
          {formatDate(props.pending.expiresAt)} để kích hoạt đảng bộ (mã{" "}
          <code>{props.pending.slug}</code>) và đặt mật khẩu quản trị.
        </p>
        <p class="muted">
          Chưa thấy thư sau vài phút? Hãy xem thư mục Thư rác (Spam). Nếu quá hạn, đảng bộ không
          được tạo và bạn có thể đăng ký lại với cùng mã.
        </p>
      </div>
    </section>
  );
}
