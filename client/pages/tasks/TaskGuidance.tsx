// The guidance of a task's step, read from its campaign's frozen definition when the member
// opens it (a lazy chunk: the task list itself stays light on a phone). A unit's task links
// to the secretary's view of the cell.
import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import type { MyTask } from "../../api";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import StepGuidance from "./StepGuidance";

export default function TaskGuidance(props: { tenant: string; task: MyTask }) {
  const campaign = createAsync(() => getCampaignDetail(props.tenant, props.task.campaignId));
  return (
    <Show when={campaign()} fallback={<p class="hint">Đang tải hướng dẫn…</p>}>
      {(c) => (
        <>
          <StepGuidance campaign={c()} stepKey={props.task.step} />
          <Show when={!props.task.memberId}>
            <A
              href={`/t/${props.tenant}/dot-sinh-hoat/${props.task.campaignId}/don-vi/${props.task.unitId}`}
            >
              Xem việc của chi bộ, từng bước
            </A>
          </Show>
        </>
      )}
    </Show>
  );
}
