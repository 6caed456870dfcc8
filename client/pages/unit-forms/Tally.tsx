// /t/:tenant/dot-sinh-hoat/:campaignId/tong-hop/:stepKey — how the units in the reader's
// subtree answered the checklists of a step's unit form: per item, how many units answered
// each level ("bao nhiêu chi bộ đã thảo luận biểu hiện 7"), from each unit's latest version.
import { createAsync, type RouteSectionProps } from "@solidjs/router";
import { For, Show } from "solid-js";
import { useTitle } from "../../lib/title";
import { getCampaignDef, getTally } from "./unit-forms.data";
import "../screens.css";
import "./unit-forms.css";

export default function TallyPage(props: RouteSectionProps) {
  const p = () => props.params as Record<string, string>;
  const campaign = createAsync(() => getCampaignDef(p().tenant!, p().campaignId!));
  const tally = createAsync(() => getTally(p().tenant!, p().campaignId!, p().stepKey!));
  const step = () => campaign()?.definition.steps.find((s) => s.key === p().stepKey);
  useTitle(() => "Tổng hợp danh mục");
  return (
    <Show when={tally()} fallback={<p class="boot">Đang tải tổng hợp…</p>}>
      {(t) => (
        <>
          <h1>Tổng hợp danh mục</h1>
          <p class="hint">
            {step()?.title ?? t().stepKey}: <strong class="tally-units">{t().units}</strong> đơn vị
            đã ghi biểu mẫu.
          </p>
          <For each={t().checklists}>
            {(c) => (
              <section class="tally">
                <table class="table tally-table">
                  <caption>Số đơn vị trả lời theo từng nội dung</caption>
                  <thead>
                    <tr>
                      <th scope="col">Nội dung</th>
                      <For each={c.levels}>{(l) => <th scope="col">{l.label}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={c.items}>
                      {(item) => (
                        <tr data-item={item.no}>
                          <th scope="row">
                            {item.no}. {item.text}
                          </th>
                          <For each={c.levels}>
                            {(l) => <td data-level={l.value}>{item.counts[l.value] ?? 0}</td>}
                          </For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </section>
            )}
          </For>
        </>
      )}
    </Show>
  );
}
