// The one-page summary table of a unit for a campaign, on A4: a row for the members counted
// in the unit itself and one per unit directly under it (its whole subtree), then the
// total — members, excused, plans submitted, late, confirmed, sessions held. The figures
// are the progress page's for that one unit, read from the server a sheet's worth at a time
// (papers.data.ts getPaperUnit): past 15 units under it (worker/data/unit-paper.ts
// PAPER_ROWS), the others are summed in one row that says how many they are.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/bang-tong-hop/in — staff and viewers.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Counts } from "../../api";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import { formatDate } from "../../lib/format";
import { onBehalfOf } from "../../lib/paper";
import { useTitle } from "../../lib/title";
import { getPaperUnit, signerName } from "./papers.data";

interface Line {
  name: string;
  counts: Counts;
  held: number;
}

const COLUMNS = [
  "Đơn vị",
  "Đảng viên",
  "Được miễn",
  "Đã nộp kế hoạch",
  "Nộp muộn",
  "Đã xác nhận",
  "Buổi sinh hoạt",
];

export default function SummaryPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const unitId = () => props.params.unitId ?? "";
  const paper = createAsync(() => getPaperUnit(tenant(), campaignId(), unitId()));
  useTitle(() => (paper() ? `Bảng tổng hợp · ${paper()!.paper.unit.name}` : "Bảng tổng hợp"));

  return (
    <Show when={paper()} fallback={<PaperPending missing={paper() === null} what="đơn vị" />}>
      {(p) => {
        const f = () => p().paper;
        const unit = () => f().unit;
        const lines = (): Line[] => [
          ...(f().own ? [{ name: `${unit().name} (trực tiếp)`, ...f().own! }] : []),
          ...f().lines,
          ...(f().rest
            ? [{ name: `Các đơn vị khác (${f().rest!.units} đơn vị)`, ...f().rest! }]
            : []),
        ];
        const total = (): Line => ({ name: "Tổng cộng", ...f().totals });
        const cells = (l: Line) => [
          l.counts.expected + l.counts.excused,
          l.counts.excused,
          l.counts.submitted,
          l.counts.late,
          l.counts.confirmed,
          l.held,
        ];
        return (
          <PaperSheet back={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/don-vi/${unit().id}`}>
            <PaperHeader
              superior={f().superior}
              issuer={unit().name}
              issuing={p().issuing}
              date={new Date().toISOString()}
            />
            <h1 class="doc-title">
              BẢNG TỔNG HỢP KẾT QUẢ
              <span class="doc-subtitle">{p().campaign.name}</span>
            </h1>
            <p class="doc-para doc-center">Số liệu đến ngày {formatDate(f().evaluatedOn)}</p>
            <table class="doc-table doc-summary">
              <thead>
                <tr>
                  <For each={COLUMNS}>{(c) => <th scope="col">{c}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={lines()}>{(l) => <SummaryRow line={l} cells={cells(l)} />}</For>
              </tbody>
              <tfoot>
                <SummaryRow line={total()} cells={cells(total())} />
              </tfoot>
            </table>
            <Show when={f().rest}>
              {(r) => (
                <p class="doc-para">
                  Bảng liệt kê {f().lines.length} đơn vị đầu theo tên; {r().units} đơn vị còn lại
                  được cộng chung một dòng.
                </p>
              )}
            </Show>
            <div class="signatures">
              <Signature title="Người lập bảng" />
              <Signature
                onBehalf={onBehalfOf(unit().kind)}
                title="Bí thư"
                name={signerName(p(), unit().id)}
              />
            </div>
          </PaperSheet>
        );
      }}
    </Show>
  );
}

function SummaryRow(props: { line: Line; cells: number[] }) {
  return (
    <tr>
      <th scope="row">{props.line.name}</th>
      <For each={props.cells}>{(n) => <td class="num">{n}</td>}</For>
    </tr>
  );
}
