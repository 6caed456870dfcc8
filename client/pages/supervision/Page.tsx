// /t/:tenant/giam-sat — the supervisor's list: confirmed plans routed to the supervising
// organisation. Each opens read-only; supervisors change nothing but may add góp ý.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { getRoutedPlans } from "./supervision.data";
import "../screens.css";

export default function SupervisionPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const plans = createAsync(() => getRoutedPlans(tenant()));
  useTitle(() => "Giám sát");

  return (
    <>
      <h1>Giám sát</h1>
      <p class="muted">Kế hoạch đã được chi bộ xác nhận và chuyển đến tổ chức giám sát.</p>
      <Show when={plans()} fallback={<p class="boot">Đang tải…</p>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="card">Chưa có kế hoạch nào.</p>}>
            <ul class="link-list supervision-list">
              <For each={list()}>
                {(p) => (
                  <li>
                    <A href={`/t/${tenant()}/giam-sat/${p.submissionId}`}>{p.fullName}</A>
                    <span class="cell-note">
                      {[p.position, p.unitName].filter(Boolean).join(" · ")}
                    </span>
                    <span class="cell-note">
                      {p.campaignName}
                      <Show when={p.confirmedAt}>
                        {" "}
                        · Xác nhận ngày {formatDate(p.confirmedAt!)}
                      </Show>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </>
  );
}
