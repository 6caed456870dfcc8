// /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao-cap-tren/in — the đảng bộ's report upward on
// paper, in the administrative layout (components/Paper.tsx): the đảng bộ as issuer, the
// place (its own: the adopted definition's `issuing` is its parent's) and date of its filing, "Kính gửi" the issuing level, the figures as filled in, the
// narrative, and the committee's signature block. Outside the shell.
import type { RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { PaperHeader, PaperPending, PaperSheet, Signature } from "../../components/Paper";
import PlanDocument from "../../components/PlanDocument";
import { upper } from "../../lib/paper";
import { useTitle } from "../../lib/title";
import { FIGURE_LABELS } from "./Figures";
import { issuingOf } from "../../../schema/rules/issuing";
import { useUpwardReport } from "./upward-report.data";
import "../plan/plan.css";
import "./upward-report.css";

export default function UpwardReportPrint(props: RouteSectionProps) {
  const { tenant, campaignId, me, report, campaign } = useUpwardReport(props);
  useTitle(() => "Bản in: báo cáo gửi cấp trên");
  return (
    <Show
      when={report() && me() && campaign()}
      fallback={<PaperPending missing={false} what="báo cáo" />}
    >
      <PaperSheet back={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/bao-cao-cap-tren`}>
        <PaperHeader
          superior=""
          issuing={issuingOf(me()!.tenant.name)}
          date={report()!.filedAt ?? new Date()}
        />
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
          <Signature onBehalf="T/M ĐẢNG ỦY" title="Bí thư" />
        </div>
      </PaperSheet>
    </Show>
  );
}
