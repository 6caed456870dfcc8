// The figures of a report upward, read-only: the same counts as progress and compliance,
// filled in from the campaign's last rollup. Shown to the child and, as filed, to the parent.
import { For, Show } from "solid-js";
import type { UpwardReport } from "../../api-upward";
import { formatDateTime } from "../../lib/labels";
import "./upward-report.css";

export const FIGURE_LABELS: [keyof UpwardReport["figures"], string][] = [
  ["expected", "Đảng viên phải thực hiện"],
  ["submitted", "Đã nộp kế hoạch"],
  ["confirmed", "Chi bộ đã xác nhận"],
  ["onTime", "Đúng hạn"],
  ["late", "Muộn hoặc quá hạn"],
  ["excused", "Được miễn"],
  ["meetingsHeld", "Buổi sinh hoạt đã tổ chức"],
  ["meetingsCompliant", "Buổi sinh hoạt đúng quy định"],
  ["reportsOnTime", "Báo cáo của đơn vị đúng hạn"],
];

export function ReportFigures(props: {
  figures: UpwardReport["figures"];
  at: string | Date | null | undefined;
}) {
  return (
    <>
      <dl class="figures">
        <For each={FIGURE_LABELS}>
          {([key, label]) => (
            <>
              <dt>{label}</dt>
              <dd>{(props.figures[key] ?? 0).toLocaleString("vi-VN")}</dd>
            </>
          )}
        </For>
      </dl>
      <p class="cell-note">
        <Show when={props.at} fallback="Số liệu chưa được tổng hợp lần nào.">
          {(at) => <>Số liệu tổng hợp lúc {formatDateTime(at())}.</>}
        </Show>
      </p>
    </>
  );
}
