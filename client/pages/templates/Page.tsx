// /t/:tenant/mau — the campaign templates: the built-ins from the directives (read-only, to
// clone) and the đảng bộ's own copies (to edit: lists' items, name, description).
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show, type JSX } from "solid-js";
import { useTitle } from "../../lib/title";
import CloneForm from "./CloneForm";
import { getTemplates } from "./templates.data";
import "../screens.css";

export default function TemplatesPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const templates = createAsync(() => getTemplates(tenant()));
  const builtIns = () => (templates() ?? []).filter((t) => t.builtIn);
  const own = () => (templates() ?? []).filter((t) => !t.builtIn);
  const nameOf = (key: string | null) =>
    (templates() ?? []).find((t) => t.key === key)?.name ?? key ?? "";
  useTitle(() => "Mẫu đợt sinh hoạt");
  return (
    <>
      <h1>Mẫu đợt sinh hoạt</h1>
      <p class="muted">
        Mẫu có sẵn lấy từ các văn bản hướng dẫn và không sửa được. Hãy nhân bản rồi bổ sung bản sao
        theo văn bản của đảng bộ (ví dụ: nhập nội dung các biểu hiện) trước khi tạo đợt.
      </p>
      <Show when={templates()} fallback={<p class="boot">Đang tải…</p>}>
        <section aria-labelledby="own-templates">
          <h2 id="own-templates">Mẫu của đảng bộ</h2>
          <Show when={own().length > 0} fallback={<p class="card">Chưa có mẫu riêng nào.</p>}>
            <ul class="cards">
              <For each={own()}>
                {(t) => (
                  <TemplateCard tenant={tenant()} template={t}>
                    <p class="muted">
                      Khóa {t.key} · phiên bản {t.version}
                      <Show when={t.basedOn}> · nhân bản từ “{nameOf(t.basedOn)}”</Show>
                    </p>
                  </TemplateCard>
                )}
              </For>
            </ul>
          </Show>
        </section>
        <section aria-labelledby="builtin-templates">
          <h2 id="builtin-templates">Mẫu có sẵn</h2>
          <ul class="cards">
            <For each={builtIns()}>
              {(t) => (
                <TemplateCard tenant={tenant()} template={t}>
                  <p class="muted">Khóa {t.key}</p>
                  <details>
                    <summary>Nhân bản mẫu này</summary>
                    <CloneForm tenant={tenant()} fromKey={t.key} fromName={t.name} />
                  </details>
                </TemplateCard>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}

/** A template's card: its name linking to the editor, then what the list says of it. */
function TemplateCard(props: {
  tenant: string;
  template: { key: string; name: string };
  children: JSX.Element;
}) {
  return (
    <li class="card">
      <A href={`/t/${props.tenant}/mau/${props.template.key}`} class="campaign-name">
        {props.template.name}
      </A>
      {props.children}
    </li>
  );
}
