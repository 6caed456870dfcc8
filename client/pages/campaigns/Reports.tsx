// "Báo cáo lên cấp trên" on the campaign page: a secretary fills in and sends the reports of
// their own unit (forms drawn from the campaign's definition, with the plan form's field
// components); admins and viewers see which units reported, and whether on time.
// A lazy chunk of its own: a member who opens the campaign page never loads it.
import { A, createAsync, query, revalidate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { CampaignDetail, Grant, PlanData } from "../../api";
import { ApiError } from "../../api";
import type { MarkStatus } from "../../api-meetings";
import { listReports, submitReport, type UnitReport } from "../../api-parents";
import { errorMessage } from "../../lib/errors";
import { dueText, formatDate } from "../../lib/format";
import { focusTarget, pathKey, setAt } from "../../lib/plan";
import { FormFields, type FormCtx } from "../plan/fields";
import "../plan/plan.css";
import { Table, Row, RowHead, Cell } from "../../components/Table";
import { Outcome } from "../../components/Alert";

export const getReports = query(
  (tenant: string, campaignId: string) => listReports(tenant, campaignId),
  "campaign-reports",
);

/** The report's A4 paper, with the product's figures filled in (pages/print/Report.tsx). */
const reportPaper = (tenant: string, campaignId: string, r: UnitReport) =>
  `/t/${tenant}/dot-sinh-hoat/${campaignId}/bao-cao/${r.unitId}/${r.reportKey}/in`;

export const REPORT_STATUS: Readonly<Record<MarkStatus, string>> = {
  pass: "Đã nộp đúng hạn",
  late: "Nộp muộn",
  fail: "Chưa nộp",
  pending: "Chưa đến hạn",
};

export function ReportsSection(props: {
  tenant: string;
  campaign: CampaignDetail;
  grants: readonly Grant[];
}) {
  // The section is an extra: a failed read hides it rather than the whole campaign page.
  const reports = createAsync(() =>
    getReports(props.tenant, props.campaign.id).catch((): UnitReport[] => []),
  );
  const ownUnits = () =>
    new Set(props.grants.filter((g) => g.role === "secretary" && g.unitId).map((g) => g.unitId!));
  const mine = () => (reports() ?? []).filter((r) => ownUnits().has(r.unitId));
  const watches = () => props.grants.some((g) => g.role === "admin" || g.role === "viewer");
  const reads = () => props.grants.some((g) => g.role === "admin");

  return (
    <Show when={(reports() ?? []).length > 0}>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">Báo cáo lên cấp trên</h2>
        <For each={mine()}>
          {(r) => <ReportForm tenant={props.tenant} campaign={props.campaign} report={r} />}
        </For>
        <Show when={watches()}>
          <Table
            columns={["Đơn vị", "Báo cáo", "Hạn", "Tình trạng"]}
            rows={reports()}
            stacked
            scrollLabel="reports-title"
          >
            {(r) => (
              <Row>
                <RowHead>{r.unitName}</RowHead>
                <Cell>
                  {/* A viewer is not shown what reports say, so has no paper to print. */}
                  <Show when={reads()} fallback={r.title}>
                    <A href={reportPaper(props.tenant, props.campaign.id, r)}>{r.title}</A>
                  </Show>
                  <span class="cell-note">Gửi {r.to}</span>
                </Cell>
                <Cell>{r.dueAt ? dueText(r.dueAt) : "Không có hạn cụ thể"}</Cell>
                <Cell>
                  <span class={`badge k-${r.mark.status}`}>
                    {REPORT_STATUS[r.mark.status] ?? r.mark.status}
                  </span>
                  <Show when={r.submittedAt}>
                    <span class="cell-note">Nộp ngày {formatDate(r.submittedAt!)}</span>
                  </Show>
                </Cell>
              </Row>
            )}
          </Table>
        </Show>
      </section>
    </Show>
  );
}

function ReportForm(props: { tenant: string; campaign: CampaignDetail; report: UnitReport }) {
  const def = () => props.campaign.definition;
  const form = () => {
    const key = def().reports.find((x) => x.key === props.report.reportKey)?.formKey;
    return key ? (def().forms.find((f) => f.key === key) ?? null) : null;
  };
  // A copy the fields write into; the server's copy stays as loaded until it answers.
  const data: PlanData = structuredClone(props.report.data ?? {});
  const [tick, setTick] = createSignal(0);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [notice, setNotice] = createSignal("");
  const idBase = `report-${props.report.unitId}-${props.report.reportKey}`;

  const ctx = (f: NonNullable<ReturnType<typeof form>>): FormCtx => ({
    form: f,
    lists: def().lists,
    data,
    tick,
    confirmedAt: () => null,
    set(path, value) {
      setAt(data, path, value);
      const key = pathKey(path);
      if (errors()[key]) {
        const next = { ...errors() };
        delete next[key];
        setErrors(next);
      }
      setTick((t) => t + 1);
      setNotice("");
    },
    error(path) {
      return errors()[typeof path === "string" ? path : pathKey(path)] ?? "";
    },
  });

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    setNotice("");
    try {
      await submitReport(props.tenant, props.campaign.id, props.report.unitId, {
        reportKey: props.report.reportKey,
        data,
        ...(props.report.version > 0 ? { version: props.report.version } : {}),
      });
      setErrors({});
      setNotice("Đã nộp báo cáo.");
      await revalidate(getReports.keyFor(props.tenant, props.campaign.id));
    } catch (err) {
      setError(err);
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors({ ...fields });
      const first = Object.keys(fields)[0];
      if (first) queueMicrotask(() => focusTarget(first)?.focus());
    } finally {
      setPending(false);
    }
  };

  return (
    <form class="card stack report-form" aria-labelledby={`${idBase}-title`} onSubmit={send}>
      <h3 id={`${idBase}-title`}>
        {props.report.title} — {props.report.unitName}
      </h3>
      <p class="muted">
        Gửi {props.report.to}
        {props.report.dueAt ? ` · ${dueText(props.report.dueAt)}` : ""}
        {" · "}
        <span class={`badge k-${props.report.mark.status}`}>
          {REPORT_STATUS[props.report.mark.status] ?? props.report.mark.status}
        </span>
        <Show when={props.report.submittedAt}>
          {" "}
          (nộp ngày {formatDate(props.report.submittedAt!)})
        </Show>
      </p>
      <p>
        <A href={reportPaper(props.tenant, props.campaign.id, props.report)}>
          In báo cáo (số liệu điền sẵn)
        </A>
      </p>
      <Show when={form()} fallback={<p class="hint">Báo cáo này không có biểu mẫu để điền.</p>}>
        {(f) => <FormFields ctx={ctx(f())} />}
      </Show>
      <button type="submit" class="button primary" disabled={pending()}>
        {pending() ? "Đang nộp…" : props.report.submittedAt ? "Nộp lại báo cáo" : "Nộp báo cáo"}
      </button>
      <Outcome error={errorMessage(error())} notice={notice()} />
    </form>
  );
}
