// The unit's report upward for a campaign (the template's report form), on A4: the figures
// the product holds, filled in — plans of the unit's subtree (expected, excused, submitted,
// late, confirmed), sessions held, and each rule's compliance across the subtree — and
// the report form's text as the unit wrote it (blank lines to write in where it has not).
// Signed "T/M CHI BỘ / BÍ THƯ"; "Nơi nhận" names the body it goes to.
//
// /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao/:unitId/:reportKey/in — staff of the unit.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getCompliance, type Compliance } from "../../api-meetings";
import { listReports, type UnitReport } from "../../api-parents";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import PlanDocument from "../../components/PlanDocument";
import { numberLine, onBehalfOf } from "../../lib/paper";
import { useTitle } from "../../lib/title";
import { MARK_LABELS } from "../meeting/Sections";
import { getPaperUnit, signerName, type PaperUnit } from "./papers.data";
import "../plan/plan.css";

interface ReportPaper {
  report: UnitReport;
  head: PaperUnit;
  compliance: Compliance;
}

const MARKS = ["pass", "late", "fail", "pending"] as const;

export default function ReportPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const unitId = () => props.params.unitId ?? "";
  const paper = createAsync(async (): Promise<ReportPaper | null> => {
    // The figures are the unit's paper figures (its whole subtree, sessions held included):
    // read for this unit from the server, never from the unit list.
    const [reports, head, compliance] = await Promise.all([
      listReports(tenant(), campaignId()),
      getPaperUnit(tenant(), campaignId(), unitId()),
      getCompliance(tenant(), campaignId(), unitId()),
    ]);
    const report = reports.find(
      (r) => r.unitId === unitId() && r.reportKey === props.params.reportKey,
    );
    return report && head ? { report, head, compliance } : null;
  });
  useTitle(() => (paper() ? `Bản in: ${paper()!.report.title}` : "Bản in báo cáo"));

  return (
    <Show when={paper()} fallback={<PaperPending missing={paper() === null} what="báo cáo" />}>
      {(p) => {
        const r = () => p().report;
        const t = () => p().head.paper.totals.counts;
        const kind = () => p().head.paper.unit.kind;
        const campaign = () => p().head.campaign;
        const def = () => campaign().definition;
        const form = () => {
          const key = def().reports.find((x) => x.key === r().reportKey)?.formKey;
          return def().forms.find((f) => f.key === key);
        };
        const rules = () => {
          const labels = p().compliance.labels;
          return Object.entries(p().compliance.summary).map(([rule, n]) => ({
            label: labels[rule] ?? rule,
            n,
          }));
        };
        const figures = () =>
          [
            ["Đảng viên phải viết kế hoạch", t().expected],
            ["Đảng viên được miễn", t().excused],
            ["Đã nộp kế hoạch", t().submitted],
            ["Trong đó nộp muộn", t().late],
            ["Đã được chi bộ xác nhận", t().confirmed],
            ["Chưa nộp", Math.max(0, t().expected - t().submitted)],
            ["Buổi sinh hoạt đã tổ chức", p().head.paper.totals.held],
          ] as const;
        return (
          <PaperSheet back={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}`}>
            <PaperHeader
              superior={p().head.paper.superior}
              issuer={r().unitName}
              number={numberLine("BC", kind())}
              issuing={p().head.issuing}
              date={r().submittedAt ?? new Date().toISOString()}
            />
            <h1 class="doc-title">
              BÁO CÁO
              <span class="doc-subtitle">{r().title}</span>
            </h1>
            <p class="doc-para doc-center">
              (thực hiện {campaign().name}
              {campaign().documentNo ? `, ${campaign().documentNo}` : ""})
            </p>
            <p class="doc-para doc-center">Kính gửi: {r().to}</p>

            <h2 class="doc-h2">I. Kết quả thực hiện (số liệu)</h2>
            <table class="doc-table">
              <thead>
                <tr>
                  <th scope="col">Nội dung</th>
                  <th scope="col">Số lượng</th>
                </tr>
              </thead>
              <tbody>
                <For each={figures()}>
                  {([label, n]) => (
                    <tr>
                      <th scope="row">{label}</th>
                      <td class="num">{n}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={rules().length}>
              <p class="doc-para">Việc thực hiện các yêu cầu của văn bản (số đơn vị):</p>
              <table class="doc-table">
                <thead>
                  <tr>
                    <th scope="col">Yêu cầu</th>
                    <For each={MARKS}>{(k) => <th scope="col">{MARK_LABELS[k]}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={rules()}>
                    {(x) => (
                      <tr>
                        <th scope="row">{x.label}</th>
                        <For each={MARKS}>{(k) => <td class="num">{x.n[k]}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>

            <h2 class="doc-h2">II. Đánh giá, kiến nghị</h2>
            <Show when={form()} fallback={<p class="doc-para doc-write">……………………………………………………</p>}>
              {(f) => (
                <PlanDocument
                  form={f()}
                  lists={def().lists}
                  data={r().data ?? {}}
                  confirmedAt={null}
                  print
                />
              )}
            </Show>

            <div class="signatures">
              <div class="sig sig-recipients">
                <p class="strong">Nơi nhận:</p>
                <p>- {r().to},</p>
                <p>- Lưu.</p>
              </div>
              <Signature
                onBehalf={onBehalfOf(kind())}
                title="Bí thư"
                name={signerName(p().head, unitId())}
              />
            </div>
          </PaperSheet>
        );
      }}
    </Show>
  );
}
