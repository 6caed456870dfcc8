// /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao-cap-tren — the đảng bộ's report upward for a
// campaign adopted from its parent's directive: the figures (read-only, from the last
// rollup), the narrative on the report form (editable), its status, the on-time mark and the
// parent's comment when it was returned. Saving keeps a draft the parent does not see;
// "Gửi cấp trên" files it. Only the admin writes; a viewer reads.
import { A, revalidate, type RouteSectionProps } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { MARK_CLASS, saveUpwardReport, STATUS_CLASS } from "../../api-upward";
import { REPORT_MARK_LABELS, UPWARD_REPORT_STATUS_LABELS } from "../../../schema/vocab/campaigns";
import { Alert } from "../../components/Alert";
import { formatDateTime, formatDay } from "../../lib/labels";
import { isAdmin } from "../../lib/roles";
import { useTitle } from "../../lib/title";
import UnitFormEditor from "../unit-forms/UnitFormEditor";
import { ReportFigures } from "./Figures";
import { getUpwardReport, useUpwardReport } from "./upward-report.data";

export default function UpwardReportPage(props: RouteSectionProps) {
  const { tenant, campaignId, me, report, campaign } = useUpwardReport(props);
  const [fileNow, setFileNow] = createSignal(false);
  const writable = () => isAdmin(me()?.grants ?? []) && report()?.status !== "filed";
  useTitle(() => "Báo cáo gửi cấp trên");
  return (
    <>
      <p class="back">
        <A href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}`}>← Đợt sinh hoạt</A>
      </p>
      <h1>Báo cáo gửi cấp trên</h1>
      <Show when={report()} fallback={<p class="boot">Đang tải…</p>}>
        {(r) => (
          <>
            <p class="muted">
              Thực hiện {r().directive.documentNo ?? r().directive.name} của {r().directive.issuer}
              {" · "}hạn báo cáo {formatDay(r().directive.dueOn)}
            </p>
            <p>
              <span class={`badge ${STATUS_CLASS[r().status]}`}>
                {UPWARD_REPORT_STATUS_LABELS[r().status]}
              </span>{" "}
              <span class={`badge ${MARK_CLASS[r().mark]}`}>{REPORT_MARK_LABELS[r().mark]}</span>
              <Show when={r().filedAt}>
                {(at) => (
                  <span class="cell-note">
                    {" "}
                    Gửi lần {r().filings} lúc {formatDateTime(at())}.
                  </span>
                )}
              </Show>
            </p>
            <Show when={!r().linked}>
              <Alert>Liên kết với {r().directive.issuer} không còn: không gửi được báo cáo.</Alert>
            </Show>
            <Show when={r().status === "returned" && r().returnComment}>
              <Alert>
                {r().directive.issuer} trả lại
                {r().returnedAt ? ` lúc ${formatDateTime(r().returnedAt!)}` : ""}:{" "}
                {r().returnComment}
              </Alert>
            </Show>
            <p>
              <A href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/bao-cao-cap-tren/in`}>
                Bản in
              </A>
            </p>
            <h2>Số liệu (tự điền, không sửa)</h2>
            <ReportFigures figures={r().figures} at={r().figuresAt} />
            <h2>{r().form.title}</h2>
            <Show
              when={writable() && campaign()}
              fallback={<p class="cell-note">Báo cáo đã gửi: chỉ sửa được khi cấp trên trả lại.</p>}
            >
              <label class="check">
                <input
                  type="checkbox"
                  checked={fileNow()}
                  onChange={(e) => setFileNow(e.currentTarget.checked)}
                />{" "}
                Gửi báo cáo lên {r().directive.issuer} khi lưu
              </label>
              <Show when={r()} keyed>
                {(cur) => (
                  <UnitFormEditor
                    form={cur.form as Form}
                    lists={campaign()!.definition.lists}
                    current={{ version: cur.version, data: cur.narrative }}
                    saveLabel={fileNow() ? "Gửi cấp trên" : "Lưu nháp"}
                    save={async (narrative, version) => {
                      const saved = await saveUpwardReport(tenant(), campaignId(), {
                        version,
                        narrative,
                        file: fileNow(),
                      });
                      setFileNow(false);
                      void revalidate(getUpwardReport.key);
                      return saved;
                    }}
                    reload={() => void revalidate(getUpwardReport.key)}
                  />
                )}
              </Show>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
