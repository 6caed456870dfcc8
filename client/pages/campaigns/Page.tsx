// /t/:tenant/dot-sinh-hoat — the đảng bộ's campaigns with their state. An admin creates a
// new one here; drafts are shown to admins only (nobody else has anything to do in them).
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatDay } from "../../lib/labels";
import { isAdmin } from "../../lib/roles";
import { useTitle } from "../../lib/title";
import { getMe } from "../shell/shell.data";
import { getCampaigns } from "./campaigns.data";
import { CAMPAIGN_STATUS_LABELS } from "./steps";
import "../screens.css";

export default function CampaignsPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const me = createAsync(() => getMe(tenant()));
  const campaigns = createAsync(() => getCampaigns(tenant()));
  const admin = () => isAdmin(me()?.grants ?? []);
  const shown = () => (campaigns() ?? []).filter((c) => admin() || c.status !== "draft");
  useTitle(() => "Đợt sinh hoạt");
  return (
    <>
      <div class="page-head">
        <h1>Đợt sinh hoạt</h1>
        <Show when={admin()}>
          <A href={`/t/${tenant()}/dot-sinh-hoat/moi`} class="button small">
            Tạo đợt mới
          </A>
        </Show>
      </div>
      <Show when={campaigns()} fallback={<p class="boot">Đang tải…</p>}>
        <Show when={shown().length > 0} fallback={<p class="card">Chưa có đợt sinh hoạt nào.</p>}>
          <ul class="cards campaign-list">
            <For each={shown()}>
              {(c) => (
                <li class="card">
                  <A href={`/t/${tenant()}/dot-sinh-hoat/${c.id}`} class="campaign-name">
                    {c.name}
                  </A>
                  <p class="muted">
                    <Show when={c.documentNo}>Số {c.documentNo} · </Show>
                    Từ {formatDay(c.startsOn)} đến {formatDay(c.dueOn)}
                  </p>
                  <p>
                    <span class={`badge c-${c.status}`}>{CAMPAIGN_STATUS_LABELS[c.status]}</span>
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </>
  );
}
