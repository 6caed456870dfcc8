// Charts for those who would rather look than read (issue 12): completion over time from the
// rollup's daily points (GET …/history), and how many units meet each meeting rule (the
// compliance summary). Inline SVG, no chart library: a lazy chunk of a few KiB. Every chart
// says its figures in words too — an aria-label with the latest figures, and the series as a
// table under "Xem số liệu" (which, like every table, can be saved as Excel).
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { HistoryPoint, MarkStatus } from "../../api-meetings";
import { Cell, Row, RowHead, Table } from "../../components/Table";
import { formatDate } from "../../lib/format";
import { getCampaignHistory } from "./campaigns.data";

const W = 360;
const H = 180;
const PAD = { left: 34, right: 10, top: 10, bottom: 26 };
const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);
/** dd/mm of a point, the axis's words (the year is in the table). */
const dayMonth = (iso: string) => formatDate(iso).slice(0, 5);

/** A saved point: a campaign subtree's (GET …/history) or a directive's subtree's. */
type Point = Pick<HistoryPoint, "computedAt" | "expected" | "submitted" | "confirmed">;

/** The words of one point: "12/03/2026: đã nộp 2/5 (40%), đã xác nhận 0/5 (0%)". */
export function pointText(p: Point) {
  return (
    `${formatDate(p.computedAt)}: đã nộp ${p.submitted}/${p.expected} (${pct(p.submitted, p.expected)}%), ` +
    `đã xác nhận ${p.confirmed}/${p.expected} (${pct(p.confirmed, p.expected)}%)`
  );
}

/** The campaign's completion over time for one subtree (the progress page's unit). */
export default function CompletionChart(props: {
  tenant: string;
  campaignId: string;
  unitId: string;
  label: string;
}) {
  const history = createAsync(() =>
    getCampaignHistory(props.tenant, props.campaignId, props.unitId),
  );
  return (
    <section class="chart" aria-labelledby="completion-title">
      <h3 id="completion-title">Diễn biến tiến độ</h3>
      <Show when={history()} fallback={<p class="muted">Đang tải biểu đồ…</p>}>
        {(h) => <HistoryView id="completion" points={h().points} label={props.label} />}
      </Show>
    </section>
  );
}

/** The daily points as a line chart and, under "Xem số liệu", a table; `id` prefixes the
 *  SVG's title and description ids, so several charts can share a page. Also the chart of a
 *  directive's whole subtree on the parent's page (links/DirectiveChart.tsx). */
export function HistoryView(props: { id: string; points: Point[]; label: string }) {
  return (
    <Show
      when={props.points.length > 0}
      fallback={
        <p class="muted">Chưa có mốc tiến độ nào được lưu; biểu đồ có sau lần tổng hợp đầu.</p>
      }
    >
      <LineChart id={props.id} points={props.points} label={props.label} />
      <details class="chart-data">
        <summary>Xem số liệu</summary>
        <Table
          columns={["Ngày", "Phải nộp", "Đã nộp", "Đã xác nhận", "Tỷ lệ nộp (%)"]}
          rows={props.points}
          caption={`Tiến độ theo ngày: ${props.label}`}
          captionId={`${props.id}-caption`}
          scrollLabel={`${props.id}-caption`}
        >
          {(p) => (
            <Row>
              <RowHead>{formatDate(p.computedAt)}</RowHead>
              <Cell>{p.expected}</Cell>
              <Cell>{p.submitted}</Cell>
              <Cell>{p.confirmed}</Cell>
              <Cell>{String(pct(p.submitted, p.expected)).replace(".", ",")}</Cell>
            </Row>
          )}
        </Table>
      </details>
    </Show>
  );
}

function LineChart(props: { id: string; points: Point[]; label: string }) {
  const t = (p: Point) => Date.parse(p.computedAt);
  const first = () => t(props.points[0]!);
  const last = () => t(props.points.at(-1)!);
  const x = (p: Point) => {
    const span = last() - first();
    const w = W - PAD.left - PAD.right;
    return PAD.left + (span > 0 ? ((t(p) - first()) / span) * w : w / 2);
  };
  const y = (share: number) => PAD.top + (1 - share / 100) * (H - PAD.top - PAD.bottom);
  const line = (key: "submitted" | "confirmed") =>
    props.points.map((p) => `${x(p).toFixed(1)},${y(pct(p[key], p.expected)).toFixed(1)}`);
  const area = () => {
    const pts = line("submitted");
    const base = y(0).toFixed(1);
    return `M${x(props.points[0]!).toFixed(1)},${base} L${pts.join(" L")} L${x(props.points.at(-1)!).toFixed(1)},${base} Z`;
  };
  /** The first and last days, and the middle one when there is room. */
  const ticks = () => {
    const ps = props.points;
    const list = ps.length > 2 ? [ps[0]!, ps[Math.floor((ps.length - 1) / 2)]!, ps.at(-1)!] : ps;
    return [...new Set(list)];
  };
  const summary = () =>
    `Biểu đồ diễn biến tiến độ của ${props.label}, ${props.points.length} mốc từ ` +
    `${formatDate(props.points[0]!.computedAt)} đến ${formatDate(props.points.at(-1)!.computedAt)}. ` +
    `Mới nhất ${pointText(props.points.at(-1)!)}.`;
  return (
    <figure class="chart-figure">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${props.id}-svg-title`}
        aria-describedby={`${props.id}-svg-desc`}
        class="line-chart"
      >
        <title id={`${props.id}-svg-title`}>Tỷ lệ nộp và xác nhận kế hoạch theo ngày</title>
        <desc id={`${props.id}-svg-desc`}>{summary()}</desc>
        <For each={[0, 50, 100]}>
          {(v) => (
            <g class="grid">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 4} y={y(v) + 4} text-anchor="end">
                {v}%
              </text>
            </g>
          )}
        </For>
        <path class="area-submitted" d={area()} />
        <polyline class="line-submitted" points={line("submitted").join(" ")} />
        <polyline class="line-confirmed" points={line("confirmed").join(" ")} />
        <For each={props.points.length <= 31 ? props.points : []}>
          {(p) => (
            <>
              <circle class="dot-submitted" cx={x(p)} cy={y(pct(p.submitted, p.expected))} r="3" />
              <circle class="dot-confirmed" cx={x(p)} cy={y(pct(p.confirmed, p.expected))} r="3" />
            </>
          )}
        </For>
        <For each={ticks()}>
          {(p, i) => (
            <text
              class="tick"
              x={x(p)}
              y={H - 8}
              text-anchor={
                ticks().length === 1
                  ? "middle"
                  : i() === 0
                    ? "start"
                    : i() === ticks().length - 1
                      ? "end"
                      : "middle"
              }
            >
              {dayMonth(p.computedAt)}
            </text>
          )}
        </For>
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        <span class="key key-submitted" /> Đã nộp <span class="key key-confirmed" /> Đã xác nhận
      </figcaption>
    </figure>
  );
}

export type RuleCounts = Record<MarkStatus, number>;

/** One bar per rule: the units that meet it (on time, then late) of all units it applies to. */
export function RuleBars(props: {
  summary: Record<string, RuleCounts>;
  labels: Map<string, string>;
}) {
  const total = (c: RuleCounts) => c.pass + c.late + c.fail + c.pending;
  const width = (n: number, c: RuleCounts) => `${pct(n, total(c))}%`;
  const words = (label: string, c: RuleCounts) =>
    `${label}: ${c.pass + c.late}/${total(c)} đơn vị đạt` +
    (c.late ? ` (${c.late} muộn)` : "") +
    (c.fail ? `, ${c.fail} chưa đạt` : "") +
    (c.pending ? `, ${c.pending} chưa đến hạn` : "");
  return (
    <ul class="rule-bars" aria-label="Số đơn vị đạt từng tiêu chí">
      <For each={Object.entries(props.summary)}>
        {([rule, c]) => (
          <li>
            <span class="rule-bar-name">{props.labels.get(rule) ?? rule}</span>
            <div class="bar" role="img" aria-label={words(props.labels.get(rule) ?? rule, c)}>
              <span class="bar-pass" style={{ width: width(c.pass, c) }} />
              <span class="bar-late" style={{ width: width(c.late, c) }} />
              <span class="bar-fail" style={{ width: width(c.fail, c) }} />
            </div>
            <p class="bar-text" aria-hidden="true">
              Đạt {c.pass + c.late}/{total(c)}
              <Show when={c.late}> · {c.late} muộn</Show>
              <Show when={c.fail}> · {c.fail} chưa đạt</Show>
              <Show when={c.pending}> · {c.pending} chưa đến hạn</Show>
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}
