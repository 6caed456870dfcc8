// "What I must do, by when" (DESIGN.md §5): the caller's tasks grouped by campaign, each with
// its due date (red once overdue) and its state. A form task opens the form; any other task
// opens its campaign; a task done by acknowledgement takes its evidence in place. Shared by the home screen and /t/:tenant/viec-cua-toi.
import { A, createAsync } from "@solidjs/router";
import { createMemo, createSignal, For, lazy, Show } from "solid-js";
import { describeDue } from "../../../schema/rules/deadlines";
import type { MyTask } from "../../api";
import { dueText, formatDate, formatTime, isOverdue, TASK_STATUS_LABELS } from "../../lib/format";
import { ownDraftAt } from "../../lib/drafts";
import { getMyTasks } from "./tasks.data";

/** The evidence form, fetched only when a task is done by acknowledgement. */
const Acknowledge = lazy(() => import("./Acknowledge"));
/** The member's own year-end input form, fetched only for that task. */
const YearEndForm = lazy(() => import("../follow-ups/YearEndForm"));
/** The step's guidance, fetched only when the task's "Hướng dẫn" is opened. */
const TaskGuidance = lazy(() => import("./TaskGuidance"));

interface Group {
  campaignId: string;
  campaignName: string;
  tasks: { task: MyTask; firstOfForm: boolean }[];
}

/** Groups in the order of their most urgent task (the server sorts tasks by due time). */
function groupByCampaign(tasks: readonly MyTask[]): Group[] {
  const groups = new Map<string, Group>();
  const seenForms = new Set<string>();
  for (const task of tasks) {
    let g = groups.get(task.campaignId);
    if (!g) {
      g = { campaignId: task.campaignId, campaignName: task.campaignName, tasks: [] };
      groups.set(task.campaignId, g);
    }
    const formId = task.formKey && task.memberId ? `${task.campaignId}|${task.formKey}` : "";
    const firstOfForm = !!formId && !seenForms.has(formId);
    if (formId) seenForms.add(formId);
    g.tasks.push({ task, firstOfForm });
  }
  return [...groups.values()];
}

export function taskHref(tenant: string, task: MyTask): string {
  const base = `/t/${tenant}/dot-sinh-hoat/${task.campaignId}`;
  return task.formKey && task.memberId ? `${base}/ke-hoach/${task.formKey}` : base;
}

export default function TaskList(props: { tenant: string; headingLevel: 2 | 3 }) {
  const answer = createAsync(() => getMyTasks(props.tenant));
  const tasks = () => answer()?.tasks;
  const groups = createMemo(() => groupByCampaign(tasks() ?? []));
  return (
    <Show when={tasks()} fallback={<p class="boot">Đang tải việc của bạn…</p>}>
      <Show
        when={groups().length > 0}
        fallback={
          <p class="card">Hiện bạn không có việc nào trong các đợt sinh hoạt đang diễn ra.</p>
        }
      >
        <For each={groups()}>
          {(g) => (
            <section class="task-group" aria-labelledby={`tg-${g.campaignId}`}>
              {props.headingLevel === 2 ? (
                <h2 id={`tg-${g.campaignId}`}>{g.campaignName}</h2>
              ) : (
                <h3 id={`tg-${g.campaignId}`}>{g.campaignName}</h3>
              )}
              <ul class="tasks">
                <For each={g.tasks}>
                  {({ task, firstOfForm }) => (
                    <TaskItem
                      tenant={props.tenant}
                      task={task}
                      showComment={firstOfForm}
                      draftAt={
                        firstOfForm
                          ? ownDraftAt(
                              props.tenant,
                              answer()!.userId,
                              task.campaignId,
                              task.formKey!,
                            )
                          : null
                      }
                    />
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      </Show>
    </Show>
  );
}

function TaskItem(props: {
  tenant: string;
  task: MyTask;
  showComment: boolean;
  /** When the draft of this form kept on the device was last edited, if there is one. */
  draftAt: number | null;
}) {
  const [guidance, setGuidance] = createSignal(false);
  const overdue = () => isOverdue(props.task);
  // The year-end input is owed through its last day: "đến hết ngày 31/12/…".
  const when = (at: string) =>
    props.task.yearEnd ? describeDue("den-het-ngay", new Date(at)) : dueText(at);
  const due = () =>
    props.task.dueAt === null
      ? "Không có hạn cụ thể"
      : overdue()
        ? `Quá hạn (hạn ${when(props.task.dueAt)})`
        : `Hạn: ${when(props.task.dueAt)}`;
  return (
    <li>
      <A href={taskHref(props.tenant, props.task)} class="task" classList={{ overdue: overdue() }}>
        <span class="task-title">{props.task.title}</span>
        <span class="task-meta">
          <span class="task-due">{due()}</span>
          <span class={`badge s-${props.task.status}`}>
            {TASK_STATUS_LABELS[props.task.status]}
          </span>
          <Show when={!props.task.memberId}>
            <span class="task-unit">Việc của chi bộ</span>
          </Show>
        </span>
      </A>
      <Show when={props.draftAt}>
        {(at) => (
          <p class="task-draft">
            Bản nháp lưu trên máy này lúc {formatTime(new Date(at()))} {formatDate(new Date(at()))}
          </p>
        )}
      </Show>
      <Show when={props.task.meeting}>{(m) => <NextMeeting meeting={m()} />}</Show>
      <Show
        when={props.task.yearEnd}
        fallback={
          <details class="guidance-toggle" onToggle={(e) => setGuidance(e.currentTarget.open)}>
            <summary>Hướng dẫn</summary>
            <Show when={guidance()}>
              <TaskGuidance tenant={props.tenant} task={props.task} />
            </Show>
          </details>
        }
      >
        {(ye) => (
          <>
            <p class="hint">Căn cứ: {ye().cite}</p>
            <Show when={props.task.status !== "excused"}>
              <YearEndForm
                tenant={props.tenant}
                campaignId={props.task.campaignId}
                unitId={props.task.unitId}
                record={ye().record}
                revalidates={["my-tasks"]}
              />
            </Show>
          </>
        )}
      </Show>
      <Show when={props.task.completion === "acknowledged" && props.task.status === "todo"}>
        <Acknowledge tenant={props.tenant} task={props.task} />
      </Show>
      <Show when={props.showComment && props.task.returnComment}>
        {(comment) => (
          <p class="task-comment">
            <strong>Góp ý của chi bộ:</strong> {comment()}
          </p>
        )}
      </Show>
    </li>
  );
}

/** The meeting a member attends: when, where, and the materials to read before it. */
function NextMeeting(props: { meeting: NonNullable<MyTask["meeting"]> }) {
  const m = () => props.meeting;
  return (
    <div class="next-meeting">
      <p>
        <strong>Buổi sinh hoạt:</strong>{" "}
        {m().scheduledAt
          ? `${formatTime(m().scheduledAt!)} ngày ${formatDate(m().scheduledAt!)}`
          : "chưa có lịch"}
        <Show when={m().place}>{(place) => <>, tại {place()}</>}</Show>
        <Show when={m().endedAt}> (đã diễn ra)</Show>
      </p>
      <Show
        when={m().soTayLink}
        fallback={
          <Show when={m().materialsSentAt}>
            <p>Tài liệu đã gửi ngày {formatDate(m().materialsSentAt!)}.</p>
          </Show>
        }
      >
        {(link) => (
          <p>
            <a href={link()} target="_blank" rel="noopener noreferrer">
              Tài liệu trên Sổ tay đảng viên điện tử
            </a>
          </p>
        )}
      </Show>
    </div>
  );
}
