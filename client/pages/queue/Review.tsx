// /t/:tenant/dot-sinh-hoat/:campaignId/xac-nhan/:submissionId — the cell reads one member's
// plan and confirms it, or returns it with a comment the member will see. A confirmed plan
// is frozen on the server (its content hash is recorded).
import {
  A,
  createAsync,
  useNavigate,
  useSubmission,
  type RouteSectionProps,
} from "@solidjs/router";
import { For, Show } from "solid-js";
import { SubmissionDocument } from "../../components/PlanDocument";
import { alertUnlessField, fieldError } from "../../lib/errors";
import { formatDate, TASK_STATUS_LABELS } from "../../lib/format";
import { formatDateTime } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import { decidePlan } from "../campaigns/campaigns.data";
import { getReview } from "../plan/plan.data";
import "../screens.css";
import "../plan/plan.css";
import { Field, TextArea } from "../../components/Field";
import { Alert } from "../../components/Alert";
import { Submit } from "../../components/Submit";
import { onResult } from "../../lib/on-result";

export default function ReviewPage(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  const submissionId = () => props.params.submissionId ?? "";
  const review = createAsync(() => getReview(tenant(), campaignId(), submissionId()));
  const sub = useSubmission(decidePlan, (input) => input[1] === submissionId());
  const navigate = useNavigate();
  const queue = () => `/t/${tenant()}/dot-sinh-hoat/${campaignId()}/xac-nhan`;
  useTitle(() => (review() ? `Kế hoạch của ${review()!.submission.fullName}` : "Kế hoạch"));

  // Done: back to the queue, which says what was done.
  onResult(
    () => sub.result,
    (r) => navigate(queue(), { state: { notice: r.notice } }),
  );

  return (
    <Show when={review()} fallback={<p class="boot">Đang tải kế hoạch…</p>}>
      {(r) => (
        <div class="plan">
          <p class="back">
            <A href={queue()}>← Danh sách xác nhận</A>
          </p>
          <p class="eyebrow">{r().campaign.name}</p>
          <h1>Kế hoạch của {r().submission.fullName}</h1>
          <p class="plan-meta">
            <span class={`badge s-${r().submission.status}`}>
              {TASK_STATUS_LABELS[r().submission.status]}
            </span>
            <Show when={r().unitName}>
              <span> · {r().unitName}</span>
            </Show>
            <Show when={r().submission.submittedAt}>
              <span> · Nộp ngày {formatDate(r().submission.submittedAt!)}</span>
            </Show>
            <Show when={r().submission.enteredOnBehalf}>
              <span> · Bí thư nhập thay</span>
            </Show>
          </p>
          <Show when={r().submission.status === "confirmed"}>
            <div class="callout confirmed" role="note">
              <p class="callout-title">
                Chi bộ đã xác nhận ngày {formatDate(r().submission.confirmedAt ?? "")}.
              </p>
              <Show when={r().confirmation}>
                {(c) => (
                  <>
                    <Show when={c().opinion}>
                      <p class="quote">{c().opinion}</p>
                    </Show>
                    <p>
                      T/M Chi bộ: {c().signerPosition} {c().signerName}
                    </p>
                  </>
                )}
              </Show>
            </div>
          </Show>
          <Show when={r().submission.status === "returned"}>
            <div class="callout returned" role="note">
              <p class="callout-title">Đã trả lại để sửa</p>
              <p class="quote">{r().submission.returnComment}</p>
            </div>
          </Show>
          <Show when={r().submission.status === "draft"}>
            <p class="card">Đảng viên đang sửa bản này (bản nháp): chưa xác nhận được.</p>
          </Show>

          <SubmissionDocument read={r()} />
          <p>
            <A
              href={`/t/${tenant()}/dot-sinh-hoat/${campaignId()}/xac-nhan/${submissionId()}/in`}
              class="button small"
            >
              Xem bản in
            </A>
          </p>

          <Show when={r().submission.status === "submitted"}>
            <section class="card decide" aria-labelledby="decide-title">
              <h2 id="decide-title">Ý kiến của chi bộ</h2>
              <form
                action={decidePlan.with(tenant(), submissionId(), r().submission.fullName ?? "")}
                method="post"
              >
                <input type="hidden" name="op" value="confirm" />
                <Field id="confirm-opinion" label="Nhận xét của chi bộ (không bắt buộc)">
                  <TextArea name="opinion" rows={3} maxLength={2000} />
                </Field>
                <Submit pending={sub.pending} busy="Đang ghi…">
                  Xác nhận
                </Submit>
                <p class="hint">
                  Xác nhận thì nội dung được giữ nguyên; nếu đảng viên sửa sau đó, chi bộ cần xác
                  nhận lại.
                </p>
              </form>
              <form
                action={decidePlan.with(tenant(), submissionId(), r().submission.fullName ?? "")}
                method="post"
                class="stack return-form"
              >
                <input type="hidden" name="op" value="return" />
                <Field
                  id="return-comment"
                  label="Góp ý khi trả lại (bắt buộc)"
                  error={fieldError(sub.error, "comment")}
                >
                  <TextArea name="comment" rows={3} maxLength={2000} />
                </Field>
                <Submit pending={sub.pending} class="button">
                  Trả lại để sửa
                </Submit>
              </form>
              <Alert>{alertUnlessField(sub.error, "comment")}</Alert>
            </section>
          </Show>

          <Show when={r().versions.length > 0}>
            <details class="history">
              <summary>Lịch sử ({r().versions.length} lần ghi)</summary>
              <ol class="link-list">
                <For each={[...r().versions].reverse()}>
                  {(v) => (
                    <li>
                      {formatDateTime(v.at)} — {TASK_STATUS_LABELS[v.status]}
                      {v.onBehalf ? " (bí thư nhập thay)" : ""}
                      <Show when={v.comment}>: “{v.comment}”</Show>
                    </li>
                  )}
                </For>
              </ol>
            </details>
          </Show>
        </div>
      )}
    </Show>
  );
}
