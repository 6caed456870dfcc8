// On the campaign page, for those who follow it: the secretary's way into the cell's work,
// step by step, and the checklist counts of each step done on a unit form with a checklist
// ("bao nhiêu chi bộ đã thảo luận biểu hiện 7").
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { CampaignDetail, Grant } from "../../api";

export default function CampaignLinks(props: {
  tenant: string;
  campaign: CampaignDetail;
  grants: readonly Grant[];
}) {
  const base = () => `/t/${props.tenant}/dot-sinh-hoat/${props.campaign.id}`;
  const cells = () => [
    ...new Set(
      props.grants.filter((g) => g.role === "secretary" && g.unitId).map((g) => g.unitId!),
    ),
  ];
  const tallies = () => {
    const def = props.campaign.definition;
    return def.steps.filter((s) => {
      const form = def.forms.find((f) => f.key === s.formKey && f.owner === "unit");
      return !!form?.fields.some(
        (f) =>
          f.type === "checklist" ||
          (f.type === "section" && f.fields.some((x) => x.type === "checklist")),
      );
    });
  };
  return (
    <Show when={cells().length || tallies().length}>
      <section aria-labelledby="cell-work-title">
        <h2 id="cell-work-title">Việc của đơn vị</h2>
        <ul class="links">
          <For each={cells()}>
            {(unitId) => (
              <li>
                <A href={`${base()}/don-vi/${unitId}`}>Việc của chi bộ, từng bước</A>
              </li>
            )}
          </For>
          <For each={tallies()}>
            {(s) => (
              <li>
                <A href={`${base()}/tong-hop/${s.key}`}>Tổng hợp danh mục: {s.title}</A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
