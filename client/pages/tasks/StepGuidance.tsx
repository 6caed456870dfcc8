// A step's guidance from the campaign's frozen definition (issue 10, "the client shows the
// directive"): what the step is, by when, how it is done and with what evidence, and for a
// meeting its agenda with presenters, required attendees and guests, the directive's notes
// and the materials to read.
import { For, Show } from "solid-js";
import { completionOf, meetingStepOf, type Step } from "../../../schema/template";
import { COMPLETION_LABELS } from "../../../schema/vocab/campaigns";
import type { CampaignDetail } from "../../api";
import Materials from "../../components/Materials";
import { dueText } from "../../lib/format";
import "../unit-forms/unit-forms.css";

const ATTENDEE_ROLES: Record<string, string> = {
  "chu-tri": "Chủ trì",
  "du-chi-dao": "Dự, chỉ đạo",
  "thanh-phan": "Thành phần",
  "khach-moi": "Khách mời",
};

const CHANNELS: Record<string, string> = {
  "so-tay-dang-vien-dien-tu": "Tài liệu gửi qua Sổ tay đảng viên điện tử",
  "gui-truc-tiep": "Tài liệu gửi trực tiếp",
};

function duration(m: { minDurationMinutes?: number; minDurationDays?: number }): string {
  if (m.minDurationDays)
    return `Thời lượng tối thiểu: ${String(m.minDurationDays).replace(".", ",")} ngày`;
  if (m.minDurationMinutes) return `Thời lượng tối thiểu: ${m.minDurationMinutes} phút`;
  return "";
}

export default function StepGuidance(props: { campaign: CampaignDetail; stepKey: string }) {
  const def = () => props.campaign.definition;
  const step = () => def().steps.find((s) => s.key === props.stepKey) as Step | undefined;
  const due = () => props.campaign.steps.find((s) => s.key === props.stepKey)?.dueAt ?? null;
  /** The meeting the step is, or prepares, or is attended at. */
  const rules = () => {
    const s = step();
    if (!s) return undefined;
    const key = s.meetingRulesKey ?? meetingStepOf(def(), s)?.meetingRulesKey;
    return key ? def().meetingRules.find((m) => m.key === key) : undefined;
  };
  return (
    <Show when={step()}>
      {(s) => (
        <section class="guidance" aria-label={`Hướng dẫn: ${s().title}`}>
          <Show when={s().description}>
            <p class="guidance-description">{s().description}</p>
          </Show>
          <dl class="guidance-facts">
            <dt>Hạn</dt>
            <dd>{due() ? dueText(due()!) : "Văn bản không nêu hạn cụ thể"}</dd>
            <dt>Cách hoàn thành</dt>
            <dd>{COMPLETION_LABELS[completionOf(s())]}</dd>
            <Show when={s().evidence}>
              {(ev) => (
                <>
                  <dt>Minh chứng</dt>
                  <dd>{ev().what}</dd>
                </>
              )}
            </Show>
            <dt>Căn cứ</dt>
            <dd>{s().cite}</dd>
          </dl>
          <Show when={rules()}>
            {(m) => (
              <div class="guidance-meeting">
                <h3>{m().title}</h3>
                <Show when={duration(m())}>
                  <p>{duration(m())}</p>
                </Show>
                <Show when={m().agenda?.length}>
                  <h4>Chương trình</h4>
                  <ol class="agenda">
                    <For each={m().agenda}>
                      {(a) => (
                        <li>
                          {a.title}
                          <Show when={a.presenter}>
                            <span class="presenter"> — Trình bày: {a.presenter}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
                <Show when={m().attendance?.length}>
                  <h4>Thành phần dự</h4>
                  <ul class="attendees">
                    <For each={m().attendance}>
                      {(a) => (
                        <li>
                          <strong>{ATTENDEE_ROLES[a.role] ?? a.role}:</strong> {a.who.join(", ")}
                          <Show when={a.required}> (bắt buộc)</Show>
                          <Show when={a.when}> — {a.when}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
                <Show when={m().materialsChannel || m().materialsLeadDays !== undefined}>
                  <p>
                    {m().materialsChannel ? CHANNELS[m().materialsChannel!] : "Gửi tài liệu"}
                    {m().materialsLeadDays !== undefined
                      ? `, trước ít nhất ${m().materialsLeadDays} ngày`
                      : ""}
                    .
                  </p>
                </Show>
                <Show when={m().notes?.length}>
                  <h4>Lưu ý</h4>
                  <ul class="notes">
                    <For each={m().notes}>{(n) => <li>{n}</li>}</For>
                  </ul>
                </Show>
              </div>
            )}
          </Show>
          <Materials list={def().materials} />
        </section>
      )}
    </Show>
  );
}
