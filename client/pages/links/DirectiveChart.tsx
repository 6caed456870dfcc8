// "Diễn biến tiến độ" under one of this đảng bộ's own directives: its whole subtree's
// completion over time, a point per ICT day (GET /directives/:id/history), drawn by the
// campaign page's chart (campaigns/Charts.tsx), with how fresh the latest point is. Counts
// only: no name or text of another đảng bộ.
import { createAsync } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { formatDateTime } from "../../lib/labels";
import { HistoryView } from "../campaigns/Charts";
import { getDirectiveHistory } from "./links.data";

export function DirectiveChart(props: { tenant: string; directiveId: string; name: string }) {
  // Read when opened: the page lists every directive, most charts are never looked at.
  const [open, setOpen] = createSignal(false);
  const history = createAsync(() =>
    open() ? getDirectiveHistory(props.tenant, props.directiveId) : Promise.resolve(undefined),
  );
  const last = () => history()?.points.at(-1);
  return (
    <details class="behind directive-chart" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Diễn biến tiến độ</summary>
      <Show when={history()} fallback={<p class="muted">Đang tải biểu đồ…</p>}>
        {(h) => (
          <HistoryView
            id={`directive-${props.directiveId}`}
            points={h().points}
            label={`toàn bộ cấp dưới thực hiện “${props.name}”`}
          />
        )}
      </Show>
      <Show when={last()}>
        {(p) => (
          <p class="cell-note">
            Mốc mới nhất lưu lúc {formatDateTime(p().computedAt)}
            <Show when={p().oldestComputedAt}>
              {(at) => <>; số liệu cấp dưới tổng hợp lúc {formatDateTime(at())} (cũ nhất)</>}
            </Show>
            .
          </p>
        )}
      </Show>
    </details>
  );
}
