// /t/:tenant/giam-sat — the supervisor's list: confirmed plans routed to the supervising
// organisation. Each opens read-only; supervisors change nothing but may add góp ý.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { AsyncList } from "../../components/AsyncList";
import { PageLinks, usePageAfter } from "../../components/PageLinks";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import { getRoutedPlans } from "./supervision.data";
import "../screens.css";

export default function SupervisionPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const after = usePageAfter();
  const page = createAsync(() => getRoutedPlans(tenant(), after()));
  useTitle(() => "Giám sát");

  return (
    <>
      <h1>Giám sát</h1>
      <p class="muted">Kế hoạch đã được chi bộ xác nhận và chuyển đến tổ chức giám sát.</p>
      <AsyncList
        items={page()?.plans}
        empty="Chưa có kế hoạch nào."
        class="link-list supervision-list"
      >
        {(p) => (
          <li>
            <A href={`/t/${tenant()}/giam-sat/${p.submissionId}`}>{p.fullName}</A>
            <span class="cell-note">{[p.position, p.unitName].filter(Boolean).join(" · ")}</span>
            <span class="cell-note">
              {p.campaignName}
              <Show when={p.confirmedAt}> · Xác nhận ngày {formatDate(p.confirmedAt!)}</Show>
            </span>
          </li>
        )}
      </AsyncList>
      <PageLinks next={page()?.next} />
    </>
  );
}
