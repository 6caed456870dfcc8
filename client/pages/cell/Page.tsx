// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId — the secretary's view of the cell:
// step by step, what is left for the unit, each with how it is done, the evidence it needs,
// the directive's guidance, and the action that does it (record the evidence, fill the unit
// form, record the meeting, confirm the plans, file the report).
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import type { CampaignDetail, MyTask } from "../../api";
import { dueText, isOverdue, TASK_STATUS_LABELS } from "../../lib/format";
import { useTitle } from "../../lib/title";
import FollowUps from "../follow-ups/FollowUps";
import MemberYearEnd from "../follow-ups/MemberYearEnd";
import Acknowledge from "../tasks/Acknowledge";
import StepGuidance from "../tasks/StepGuidance";
import { getMyTasks } from "../tasks/tasks.data";
import { getCampaignDef } from "../unit-forms/unit-forms.data";
import "../unit-forms/unit-forms.css";

export default function CellPage(props: RouteSectionProps) {
  const p = () => props.params as Record<string, string>;
  const campaign = createAsync(() => getCampaignDef(p().tenant!, p().campaignId!));
  const tasks = createAsync(() => getMyTasks(p().tenant!));
  const mine = createMemo(() =>
    (tasks()?.tasks ?? []).filter(
      (t) => t.campaignId === p().campaignId && t.unitId === p().unitId && !t.memberId,
    ),
  );
  const left = () => mine().filter((t) => t.status === "todo");
  const done = () => mine().filter((t) => t.status !== "todo");
  const base = () => `/t/${p().tenant}/dot-sinh-hoat/${p().campaignId}`;
  const monthly = () => campaign()?.definition.followUp.monthlyReview;
  /** Periodic reports on the template's forms (003's 6-monthly). */
  const periodic = () =>
    campaign()?.definition.followUp.periodicReports.filter((r) => r.formKey) ?? [];
  useTitle(() => "Việc của chi bộ");
  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải việc của chi bộ…</p>}>
      <Show when={tasks()} fallback={<p class="boot">Đang tải việc của chi bộ…</p>}>
        <h1>Việc của chi bộ</h1>
        <p class="hint">
          {campaign()!.name} — còn {left().length} trên {mine().length} việc.
        </p>
        <p>
          <A href={`${base()}/don-vi/${p().unitId}/bang-tong-hop/in`}>
            In bảng tổng hợp của đơn vị
          </A>
        </p>
        <Show when={monthly()}>
          {(m) => (
            <p>
              <A class="button" href={`${base()}/don-vi/${p().unitId}/nhan-xet-thang`}>
                {m().title}
              </A>
            </p>
          )}
        </Show>
        <For each={periodic()}>
          {(r) => (
            <p>
              <A class="button" href={`${base()}/don-vi/${p().unitId}/bao-cao-dinh-ky/${r.key}`}>
                {r.title}
              </A>
            </p>
          )}
        </For>
        <FollowUps tenant={p().tenant!} campaign={campaign()!} unitId={p().unitId!} />
        <Show when={campaign()!.definition.followUp.yearEndRanking?.members}>
          <MemberYearEnd tenant={p().tenant!} campaignId={p().campaignId!} unitId={p().unitId!} />
        </Show>
        <Show
          when={mine().length > 0}
          fallback={<p class="card">Đồng chí không có việc của chi bộ này trong đợt.</p>}
        >
          <h2>Còn phải làm</h2>
          <Show when={left().length} fallback={<p class="card">Chi bộ đã làm xong mọi bước.</p>}>
            <ol class="tasks cell-steps">
              <For each={left()}>
                {(t) => (
                  <CellStep task={t} campaign={campaign()!} tenant={p().tenant!} base={base()} />
                )}
              </For>
            </ol>
          </Show>
          <Show when={done().length}>
            <h2>Đã xong</h2>
            <ul class="tasks cell-steps done">
              <For each={done()}>
                {(t) => (
                  <li>
                    <span class="task-title">{t.title}</span>{" "}
                    <span class={`badge s-${t.status}`}>{TASK_STATUS_LABELS[t.status]}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
    </Show>
  );
}

function CellStep(props: { task: MyTask; campaign: CampaignDetail; tenant: string; base: string }) {
  const t = () => props.task;
  const step = () => props.campaign.definition.steps.find((s) => s.key === t().step);
  const unitForm = () => {
    const key = step()?.formKey;
    return (
      !!key && props.campaign.definition.forms.some((f) => f.key === key && f.owner === "unit")
    );
  };
  const action = (): { href: string; label: string } | null => {
    const formHref = `${props.base}/don-vi/${t().unitId}/buoc/${t().step}`;
    switch (t().completion) {
      case "unit-form-submitted":
        return { href: formHref, label: "Điền biểu mẫu của chi bộ" };
      case "meeting-held":
        return unitForm()
          ? { href: formHref, label: "Ghi biên bản, nội dung sinh hoạt" }
          : { href: props.base, label: "Ghi cuộc họp" };
      case "meeting-scheduled":
      case "materials-sent":
        return { href: props.base, label: "Ghi cuộc họp (lịch, tài liệu)" };
      case "all-plans-confirmed":
        return { href: `${props.base}/xac-nhan`, label: "Xác nhận kế hoạch của đảng viên" };
      case "report-filed":
        return { href: props.base, label: "Nộp báo cáo" };
      default:
        return null;
    }
  };
  return (
    <li class="cell-step" classList={{ overdue: isOverdue(t()) }}>
      <p class="task-title">{t().title}</p>
      <p class="task-meta">
        <span class="task-due">
          {t().dueAt ? `Hạn: ${dueText(t().dueAt!)}` : "Không có hạn cụ thể"}
        </span>{" "}
        <span class={`badge s-${t().status}`}>{TASK_STATUS_LABELS[t().status]}</span>
      </p>
      <details class="guidance-toggle">
        <summary>Hướng dẫn của bước</summary>
        <StepGuidance campaign={props.campaign} stepKey={t().step} />
      </details>
      <Show when={action()}>
        {(a) => (
          <A class="button primary" href={a().href}>
            {a().label}
          </A>
        )}
      </Show>
      <Show when={t().completion === "acknowledged"}>
        <Acknowledge tenant={props.tenant} task={t()} />
      </Show>
    </li>
  );
}
