// /t/:tenant — the signed-in shell: who and where the user is, the main areas, sign-out.
// Child routes render inside <main>. The nav shows the areas the user's roles open.
//
// The Suspense around the child keeps the current page on screen while the next one (a
// lazy chunk, its first reads) loads: navigation runs in a transition.
import {
  A,
  createAsync,
  useIsRouting,
  useSubmission,
  type RouteSectionProps,
} from "@solidjs/router";
import { For, Show, Suspense, type JSX } from "solid-js";
import { areasFor } from "../../lib/areas";
import { roleLabels } from "../../lib/format";
import { getMeOrOffline, getNotifications, signOut } from "./shell.data";
import { Submit } from "../../components/Submit";

export default function ShellPage(props: RouteSectionProps) {
  const slug = () => props.params.tenant ?? "";
  const me = createAsync(() => getMeOrOffline(slug()));
  const out = useSubmission(signOut);
  // A failed read only hides the count: the header must never break over it.
  const notes = createAsync(() => getNotifications(slug()).catch(() => []));
  const unread = () => (notes() ?? []).filter((n) => !n.readAt).length;
  const routing = useIsRouting();
  const base = () => `/t/${slug()}`;

  return (
    <Show
      when={me()}
      fallback={
        me() === null ? (
          <OfflineShell base={base()}>{props.children}</OfflineShell>
        ) : (
          <main id="main" tabindex="-1" class="page" aria-busy="true">
            <p class="boot">Đang tải…</p>
          </main>
        )
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
                <Submit pending={out.pending} class="button small ghost">
                  Đăng xuất
                </Submit>
              </form>
            </div>
            <p class="notif-link">
              <A href={`${base()}/thong-bao`}>
                Thông báo ({unread()})<span class="visually-hidden"> chưa đọc</span>
              </A>{" "}
              · <A href={`${base()}/bao-mat`}>Bảo mật tài khoản</A>
            </p>
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
            <ul
              style={{
                "--cols": String(Math.min(areasFor(m().grants).length, 3)),
                "--cols-wide": String(areasFor(m().grants).length),
              }}
            >
              <For each={areasFor(m().grants)}>
                {(a) => (
                  <li>
                    <A href={`${base()}/${a.path}`}>{a.label}</A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
          {/* While the next page (its chunk, its first reads) loads, the current one stays:
              this bar says that something is happening. */}
          <div class="route-progress" hidden={!routing()} aria-hidden="true" />
          <main id="main" tabindex="-1" class="page" aria-busy={routing() ? "true" : undefined}>
            <Suspense fallback={<p class="boot">Đang tải…</p>}>{props.children}</Suspense>
          </main>
        </>
      )}
    </Show>
  );
}

/** No network: the task list the service worker kept, and the drafts kept on this device. */
function OfflineShell(props: { base: string; children: JSX.Element }) {
  return (
    <>
      <header class="shell-header">
        <p role="status" class="alert">
          Không có kết nối mạng. Đang hiển thị việc đã tải lần trước; bản nháp vẫn được giữ trên máy
          này và sẽ gửi khi có mạng.
        </p>
      </header>
      <nav class="shell-nav" aria-label="Các mục chính">
        <ul style={{ "--cols": "1", "--cols-wide": "1" }}>
          <li>
            <A href={`${props.base}/viec-cua-toi`}>Việc của tôi</A>
          </li>
        </ul>
      </nav>
      <main id="main" tabindex="-1" class="page">
        <Suspense fallback={<p class="boot">Đang tải…</p>}>{props.children}</Suspense>
      </main>
    </>
  );
}
