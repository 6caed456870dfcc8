// /t/:tenant — the signed-in shell: who and where the user is, the main areas, sign-out.
// Child routes render inside <main>.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { AREAS } from "../../lib/areas";
import { roleLabels } from "../../lib/format";
import { getMe, signOut } from "./shell.data";

export default function ShellPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const me = createAsync(() => getMe(slug()));
  const out = useSubmission(signOut);
  const base = () => `/t/${slug()}`;

  return (
    <Show
      when={me()}
      fallback={
        <main id="main" tabindex="-1" class="page" aria-busy="true">
          <p class="boot">Đang tải…</p>
        </main>
      }
    >
      {(m) => (
        <>
          <header class="shell-header">
            <div class="shell-bar">
              <A href={base()} end class="brand">
                {m().tenant.name}
              </A>
              <form action={signOut.with(slug())} method="post">
                <button type="submit" class="button small ghost" disabled={out.pending}>
                  Đăng xuất
                </button>
              </form>
            </div>
            <p class="greeting">
              Xin chào, <strong>{m().user.fullName}</strong>
            </p>
            <p class="roles">
              <span class="visually-hidden">Vai trò: </span>
              {roleLabels(m().grants).join(" · ") || "Chưa được phân quyền"}
            </p>
            <Show when={out.error}>
              <p role="alert" class="alert">
                {out.error?.message}
              </p>
            </Show>
          </header>
          <nav class="shell-nav" aria-label="Các mục chính">
            <ul>
              {AREAS.map((a) => (
                <li>
                  <A href={`${base()}/${a.path}`}>{a.label}</A>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" tabindex="-1" class="page">
            {props.children}
          </main>
        </>
      )}
    </Show>
  );
}
