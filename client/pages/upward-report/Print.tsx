// /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao-cap-tren/in — the report upward on paper, in
// the administrative layout (print/Page.tsx): the đảng bộ top left, "ĐẢNG CỘNG SẢN VIỆT NAM"
// and the place and date line top right, "Kính gửi" the issuing level, the figures as filled
// in, the narrative, and the signature block of the committee. Outside the shell.
import type { RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { Paper } from "../../components/Paper";
import PlanDocument from "../../components/PlanDocument";
import { useTitle } from "../../lib/title";
import { dateLine, placeName } from "../print/Page";
import { FIGURE_LABELS } from "./Figures";
import { useUpwardReport } from "./upward-report.data";
import "../plan/plan.css";
import "../print/print.css";
import "./upward-report.css";

const upper = (s: string) => s.toLocaleUpperCase("vi");

export default function UpwardReportPrint(props: RouteSectionProps) {
  const { tenant, campaignId, me, report, campaign } = useUpwardReport(props);
  useTitle(() => "Bản in: báo cáo gửi cấp trên");
  return (
    <Show
      when={report() && me() && campaign()}
      fallback={
        <main id="main" tabindex="-1" class="page">
          <p class="boot">Đang tải bản in…</p>
        </main>
      }
    >
      <Paper
        back={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/bao-cao-cap-tren`}
        placeDate={`${placeName(me()!.tenant.name)}, ${dateLine(String(report()!.filedAt ?? new Date().toISOString()))}`}
        issuer={<p class="strong">{upper(me()!.tenant.name)}</p>}
      >
        <h1 class="doc-title">{upper(report()!.form.title)}</h1>
        <p class="doc-intro">
          Thực hiện {report()!.directive.documentNo ?? report()!.directive.name} của{" "}
          {report()!.directive.issuer}. Kính gửi: {report()!.directive.issuer}.
        </p>
        <table class="doc-figures">
          <tbody>
            <For each={FIGURE_LABELS}>
              {([key, label]) => (
                <tr>
                  <th scope="row">{label}</th>
                  <td>{(report()!.figures[key] ?? 0).toLocaleString("vi-VN")}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <PlanDocument
          form={report()!.form as Form}
          lists={campaign()!.definition.lists}
          data={report()!.narrative}
          confirmedAt={null}
          print
        />
        <div class="signatures">
          <div class="sig" />
          <div class="sig">
            <p class="sig-title">T/M ĐẢNG ỦY</p>
            <p class="sig-help">(Ký ghi rõ họ tên)</p>
            <p class="sig-note" />
          </div>
        </div>
      </Paper>
    </Show>
  );
}
