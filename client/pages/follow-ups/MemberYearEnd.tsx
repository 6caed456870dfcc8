// On the cell's page: each member's own year-end input (issue 10) — who recorded it on time,
// late, who is missing and who is excused, with the rule's figure — and, for a member who
// cannot record it themselves, the secretary's form to record it on their behalf.
import { createAsync, query } from "@solidjs/router";
import { For, Show } from "solid-js";
import { YEAR_END_STATE_LABELS, type YearEndState } from "../../../schema/vocab/campaigns";
import { getMemberYearEnd } from "../../api-steps";
import { formatDay } from "../../lib/labels";
import YearEndForm from "./YearEndForm";

const getList = query(getMemberYearEnd, "member-year-end");

/** How each state's badge looks: late in amber, missing in red. */
const STATE_BADGES: Record<YearEndState, string> = {
  "on-time": "s-done",
  late: "s-draft",
  missing: "s-returned",
  pending: "",
  excused: "",
};

export default function MemberYearEnd(props: {
  tenant: string;
  campaignId: string;
  unitId: string;
}) {
  const list = createAsync(() => getList(props.tenant, props.campaignId, props.unitId));
  const missing = () =>
    (list()?.members ?? []).filter((m) => m.state === "missing" || m.state === "pending").length;
  return (
    <Show when={list()?.concerned && list()}>
      {(l) => (
        <section class="card" aria-labelledby="year-end-title">
          <h2 id="year-end-title">Đảng viên tự đánh giá cuối năm</h2>
          <p>{l().title}</p>
          <p class="hint">
            Hạn: hết ngày {formatDay(l().dueOn)} ({l().cite}). Còn {missing()} đồng chí chưa ghi
            nhận.
          </p>
          <ul class="tasks cell-steps">
            <For each={l().members}>
              {(m) => (
                <li class="cell-step">
                  <p class="task-title">{m.fullName}</p>
                  <p class="task-meta">
                    <span class={`badge ${STATE_BADGES[m.state]}`}>
                      {YEAR_END_STATE_LABELS[m.state]}
                    </span>{" "}
                    <span class="hint">{m.reason}</span>
                  </p>
                  <Show when={m.state !== "excused"}>
                    <YearEndForm
                      tenant={props.tenant}
                      campaignId={props.campaignId}
                      unitId={props.unitId}
                      memberId={m.memberId}
                      forName={m.fullName}
                      record={m.record}
                      revalidates={[getList.key, "campaign-compliance", "my-tasks"]}
                    />
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </Show>
  );
}
