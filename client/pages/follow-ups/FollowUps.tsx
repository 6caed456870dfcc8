// On the cell's page: the campaign's milestones and year-end input as dated obligations (issue
// 10) — each with its last day, whether the unit recorded it and when, and a short form to
// record it (what was done, the day, a link); the undated peaks ("cao điểm") the directive
// names are listed as guidance. The compliance marks read the same records.
import { createAsync, query, revalidate } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { CampaignDetail } from "../../api";
import { getFollowUps, saveFollowUp, type FollowUps as List } from "../../api-steps";
import { DatedRecordForm } from "../../components/DatedRecordForm";
import { Field, Input } from "../../components/Field";
import { formatDay } from "../../lib/labels";

const getList = query(getFollowUps, "follow-ups");

export default function FollowUps(props: {
  tenant: string;
  campaign: CampaignDetail;
  unitId: string;
}) {
  const list = createAsync(() => getList(props.tenant, props.campaign.id, props.unitId));
  const dated = () => (list()?.followUps ?? []).filter((o) => o.dueOn);
  const peaks = () => props.campaign.definition.followUp.milestones.filter((m) => !m.date && !m.at);
  return (
    <Show when={dated().length || peaks().length}>
      <section class="card" aria-labelledby="follow-ups-title">
        <h2 id="follow-ups-title">Mốc theo dõi</h2>
        <ol class="tasks cell-steps">
          <For each={dated()}>
            {(o) => (
              <Obligation
                tenant={props.tenant}
                campaignId={props.campaign.id}
                unitId={props.unitId}
                o={o}
              />
            )}
          </For>
        </ol>
        <Show when={peaks().length}>
          <h3>Các đợt cao điểm</h3>
          <ul class="notes">
            <For each={peaks()}>{(m) => <li>{m.title}</li>}</For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}

function Obligation(props: {
  tenant: string;
  campaignId: string;
  unitId: string;
  o: List["followUps"][number];
}) {
  const r = () => props.o.record;
  const id = (k: string) => `fu-${props.o.key}-${k}`;
  return (
    <li class="cell-step">
      <p class="task-title">{props.o.title}</p>
      <p class="task-meta">
        <span class="task-due">Hạn: hết ngày {formatDay(props.o.dueOn!)}</span>{" "}
        <span class={`badge ${r() ? "s-done" : "s-todo"}`}>
          {r() ? `Đã ghi nhận ngày ${formatDay(r()!.doneOn ?? "")}` : "Chưa ghi nhận"}
        </span>
      </p>
      <Show when={r()?.note}>
        <p class="hint">{r()!.note}</p>
      </Show>
      <DatedRecordForm
        summary={r() ? "Sửa ghi nhận" : "Ghi nhận đã làm"}
        id={id}
        dayLabel="Ngày thực hiện"
        day={r()?.doneOn}
        submitLabel="Lưu ghi nhận"
        save={async (doneOn, text) => {
          await saveFollowUp(
            props.tenant,
            { campaignId: props.campaignId, unitId: props.unitId, key: props.o.key },
            { version: r()?.version ?? 0, doneOn, note: text("note"), link: text("link") || null },
          );
        }}
        reload={() => revalidate([getList.key, "campaign-compliance"])}
        before={(err) => (
          <Field id={id("note")} label="Việc đã làm" required error={err("note")}>
            <Input name="note" maxLength={2000} value={r()?.note ?? ""} />
          </Field>
        )}
        after={(err) => (
          <Field id={id("link")} label="Đường dẫn (không bắt buộc)" error={err("link")}>
            <Input
              name="link"
              type="url"
              inputmode="url"
              maxLength={1000}
              value={r()?.link ?? ""}
            />
          </Field>
        )}
      />
    </li>
  );
}
