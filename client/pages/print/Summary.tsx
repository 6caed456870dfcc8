// The one-page summary table of a unit for a campaign, on A4: a row for the members counted
// in the unit itself and one per unit directly under it (its whole subtree), then the
// total — members, excused, plans submitted, late, confirmed, sessions held. The figures
// are the progress page's (one page of the tree, never every unit), the sessions the
// campaign's meetings in the caller's scope.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/bang-tong-hop/in — staff and viewers.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { getProgress, type CampaignDetail, type Counts, type Progress } from "../../api";
import { listMeetings, type MeetingSummary } from "../../api-meetings";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import { formatDate } from "../../lib/format";
import { onBehalfOf } from "../../lib/paper";
import { useTitle } from "../../lib/title";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import { buildTree, subtreeIds } from "../../lib/tree";
import { getPaperUnit, signerName, type PaperUnit } from "./papers.data";

interface SummaryPaper {
  campaign: CampaignDetail;
  head: PaperUnit;
  progress: Progress;
  /** Sessions held; empty for a viewer, who does not read meetings. */
  meetings: MeetingSummary[];
}

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
  const paper = createAsync(async (): Promise<SummaryPaper | null> => {
    const [campaign, head, progress, meetings] = await Promise.all([
      getCampaignDetail(tenant(), campaignId()),
      getPaperUnit(tenant(), unitId()),
      getProgress(tenant(), campaignId(), unitId()),
      listMeetings(tenant(), campaignId()).catch((): MeetingSummary[] => []),
    ]);
    return head.unit ? { campaign, head, progress, meetings } : null;
  });
  useTitle(() => (paper() ? `Bảng tổng hợp · ${paper()!.head.unit!.name}` : "Bảng tổng hợp"));

  return (
    <Show when={paper()} fallback={<PaperPending missing={paper() === null} what="đơn vị" />}>
      {(p) => {
        const unit = () => p().head.unit!;
        const held = (ids: Set<string>) =>
          p().meetings.filter((m) => m.startedAt && ids.has(m.unitId)).length;
        const tree = createMemo(() => buildTree(p().head.units));
        const name = (id: string) => tree().byId.get(id)?.name ?? "";
        const lines = (): Line[] =>
          p().progress.units.map((row) =>
            row.unitId === unit().id
              ? {
                  name: `${unit().name} (trực tiếp)`,
                  counts: row,
                  held: held(new Set([row.unitId])),
                }
              : {
                  name: name(row.unitId),
                  counts: row,
                  held: held(subtreeIds(tree(), row.unitId)),
                },
          );
        const total = (): Line => ({
          name: "Tổng cộng",
          counts: p().progress.totals,
          held: held(subtreeIds(tree(), unit().id)),
        });
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
              superior={p().head.superior}
              issuer={unit().name}
              tenantName={p().head.me.tenant.name}
              date={new Date().toISOString()}
            />
            <h1 class="doc-title">
              BẢNG TỔNG HỢP KẾT QUẢ
              <span class="doc-subtitle">{p().campaign.name}</span>
            </h1>
            <p class="doc-para doc-center">
              Số liệu đến ngày {formatDate(p().progress.evaluatedOn)}
            </p>
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
            <div class="signatures">
              <Signature title="Người lập bảng" />
              <Signature
                onBehalf={onBehalfOf(unit().kind)}
                title="Bí thư"
                name={signerName(p().head, unit().id)}
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
