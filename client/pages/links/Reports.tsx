// "Báo cáo của cấp dưới" under one of this đảng bộ's own directives: per linked child, its
// report upward with the on-time mark (due at the directive's due date), the figures and the
// narrative as filed, and the admin's "Trả lại" with a comment. Tenant names, counts and the
// narrative written for this level only: no person, no plan text.
import { createAsync, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import { MARK_CLASS, STATUS_CLASS, type InboxChild } from "../../api-upward";
import { REPORT_MARK_LABELS, UPWARD_REPORT_STATUS_LABELS } from "../../../schema/vocab/campaigns";
import type { Form } from "../../../schema/template";
import type { PlanData } from "../../http";
import { Outcome } from "../../components/Alert";
import PlanDocument from "../../components/PlanDocument";
import { Field, TextArea } from "../../components/Field";
import { Submit } from "../../components/Submit";
import { errorMessage, fieldError } from "../../lib/errors";
import { formatDateTime } from "../../lib/labels";
import { ReportFigures } from "../upward-report/Figures";
import { getInbox, returnToChild } from "./reports.data";

export function ReportsInbox(props: { tenant: string; directiveId: string; admin: boolean }) {
  const inbox = createAsync(() => getInbox(props.tenant, props.directiveId));
  const filed = () => inbox()?.children.filter((c) => c.reports.length).length ?? 0;
  return (
    <details class="reports-inbox">
      <summary>
        Báo cáo của cấp dưới
        <Show when={inbox()}>
          {" "}
          ({filed()}/{inbox()!.children.length})
        </Show>
      </summary>
      <Show
        when={inbox()?.children.length}
        fallback={<p class="muted">Chưa có đảng bộ cấp dưới nào đã liên kết.</p>}
      >
        <ul class="link-list">
          <For each={inbox()!.children}>{(child) => <InboxItem {...props} child={child} />}</For>
        </ul>
      </Show>
    </details>
  );
}

function InboxItem(props: {
  tenant: string;
  directiveId: string;
  admin: boolean;
  child: InboxChild;
}) {
  const sent = useSubmission(returnToChild, ([, , slug]) => slug === props.child.tenant.slug);
  const report = () => props.child.reports[0];
  return (
    <li>
      <strong>{props.child.tenant.name}</strong>{" "}
      <span class={`badge ${MARK_CLASS[props.child.mark]}`}>
        {REPORT_MARK_LABELS[props.child.mark]}
      </span>
      <Show when={report()}>
        {(r) => (
          <>
            {" "}
            <span class={`badge ${STATUS_CLASS[r().status]}`}>
              {UPWARD_REPORT_STATUS_LABELS[r().status]}
            </span>
            <p class="cell-note">
              Gửi lần {r().filings} lúc {formatDateTime(r().filedAt)}
              <Show when={r().returnComment}>; đã trả lại: {r().returnComment}</Show>
            </p>
            <ReportFigures figures={r().figures} at={r().figuresAt} />
            <PlanDocument
              form={r().form as Form}
              lists={[]}
              data={r().narrative as PlanData}
              confirmedAt={null}
            />
            <Show when={props.admin && r().status === "filed"}>
              <form
                action={returnToChild.with(
                  props.tenant,
                  props.directiveId,
                  props.child.tenant.slug,
                  r().version,
                )}
                method="post"
                class="stack"
              >
                <Field
                  id={`ret-${props.child.tenant.slug}`}
                  label="Ý kiến khi trả lại"
                  error={fieldError(sent.error, "comment")}
                >
                  <TextArea name="comment" rows={2} maxLength={2000} />
                </Field>
                <Submit pending={sent.pending} busy="Đang trả lại…" class="button small">
                  Trả lại
                </Submit>
              </form>
            </Show>
          </>
        )}
      </Show>
      <Outcome error={errorMessage(sent.error)} notice={sent.result?.notice} />
    </li>
  );
}
