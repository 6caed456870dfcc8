// /t/:tenant/giam-sat/:submissionId — one routed plan, read-only, with the góp ý of the
// supervising organisation and of the chi bộ. The only write is a new góp ý.
import { A, createAsync, useSubmission, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { SubmissionDocument } from "../../components/PlanDocument";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { formatDateTime } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { getPlanComments, getSupervisedPlan, postComment } from "./supervision.data";
import "../screens.css";
import "../plan/plan.css";
import { Field, TextArea } from "../../components/Field";
import { Outcome } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { onResult } from "../../lib/on-result";

const AUTHOR = { "giam-sat": "Tổ chức giám sát", "chi-bo": "Chi bộ" } as const;

export default function SupervisedPlanPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const submissionId = () => props.params.submissionId ?? "";
  const plan = createAsync(() => getSupervisedPlan(tenant(), submissionId()));
  const comments = createAsync(() => getPlanComments(tenant(), submissionId()));
  const sub = useSubmission(postComment, (input) => input[1] === submissionId());
  let formRef: HTMLFormElement | undefined;
  useTitle(() =>
    plan() ? `Kế hoạch của ${plan()!.submission.fullName ?? plan()!.routed?.fullName}` : "Kế hoạch",
  );

  onResult(
    () => sub.result,
    () => formRef?.reset(),
  );

  return (
    <Show when={plan()} fallback={<p class="boot">Đang tải kế hoạch…</p>}>
      {(p) => (
        <div class="plan">
          <p class="back">
            <A href={`/t/${tenant()}/giam-sat`}>← Giám sát</A>
          </p>
          <p class="eyebrow">{p().campaign.name}</p>
          <h1>Kế hoạch của {p().submission.fullName ?? p().routed?.fullName}</h1>
          <p class="plan-meta">
            <Show when={p().routed?.unitName}>
              <span>{p().routed!.unitName}</span>
            </Show>
            <Show when={p().submission.confirmedAt}>
              <span> · Chi bộ xác nhận ngày {formatDate(p().submission.confirmedAt!)}</span>
            </Show>
          </p>
          <SubmissionDocument read={p()} />

          <section class="card" aria-labelledby="comments-title">
            <h2 id="comments-title">Góp ý</h2>
            <Show when={comments()} fallback={<p class="muted">Đang tải góp ý…</p>}>
              {(list) => (
                <Show when={list().length > 0} fallback={<p class="muted">Chưa có góp ý nào.</p>}>
                  <ol class="link-list comments">
                    <For each={list()}>
                      {(c) => (
                        <li>
                          <strong>{AUTHOR[c.authorRole] ?? c.authorRole}</strong>
                          <span class="cell-note">{formatDateTime(c.createdAt)}</span>
                          <p class="quote pre-line">{c.body}</p>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              )}
            </Show>
            <form
              ref={formRef}
              action={postComment.with(tenant(), submissionId())}
              method="post"
              class="stack"
            >
              <Field id="comment-body" label="Góp ý" error={fieldError(sub.error, "body")}>
                <TextArea name="body" rows={4} maxLength={5000} />
              </Field>
              <Submit pending={sub.pending} busy="Đang gửi…">
                Gửi góp ý
              </Submit>
            </form>
            <Outcome
              error={alertUnlessField(sub.error, "body")}
              notice={sub.result && !sub.pending ? "Đã gửi góp ý." : ""}
            />
          </section>
        </div>
      )}
    </Show>
  );
}
