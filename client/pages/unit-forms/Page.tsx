// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/buoc/:stepKey — the unit's own form of a
// step (CT 24's minutes with the 25 expressions, 003's forum conclusion, 001's action plan),
// with the step's guidance above it and, for a checklist, the link to the counts.
import { A, createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { recordStep } from "../../api-steps";
import { useTitle } from "../../lib/title";
import StepGuidance from "../tasks/StepGuidance";
import UnitFormEditor from "./UnitFormEditor";
import { getCampaignDef, getUnitStepRecords } from "./unit-forms.data";

export default function UnitFormPage(props: RouteSectionProps) {
  const p = () => props.params as Record<string, string>;
  const campaign = createAsync(() => getCampaignDef(p().tenant!, p().campaignId!));
  const records = createAsync(() =>
    getUnitStepRecords(p().tenant!, p().campaignId!, p().stepKey!, p().unitId!),
  );
  const step = () => campaign()?.definition.steps.find((s) => s.key === p().stepKey);
  const form = () => {
    const key = step()?.formKey;
    return campaign()?.definition.forms.find((f) => f.key === key && f.owner === "unit") as
      Form | undefined;
  };
  const hasChecklist = () =>
    !!form()?.fields.some(
      (f) =>
        f.type === "checklist" ||
        (f.type === "section" && f.fields.some((x) => x.type === "checklist")),
    );
  useTitle(() => form()?.title);
  const base = () => `/t/${p().tenant}/dot-sinh-hoat/${p().campaignId}`;
  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải biểu mẫu…</p>}>
      <p>
        <A href={`${base()}/don-vi/${p().unitId}`}>← Việc của chi bộ</A>
      </p>
      <Show
        when={step() && form()}
        fallback={<p class="card">Bước này không có biểu mẫu của đơn vị.</p>}
      >
        <h1>{form()!.title}</h1>
        <p class="hint">Bước: {step()!.title}</p>
        <StepGuidance campaign={campaign()!} stepKey={p().stepKey!} />
        <Show when={hasChecklist()}>
          <p>
            <A href={`${base()}/tong-hop/${p().stepKey}`}>Xem tổng hợp danh mục của các đơn vị</A>
          </p>
        </Show>
        <Show when={records()} keyed fallback={<p class="boot">Đang tải biểu mẫu…</p>}>
          {(r) => (
            <UnitFormEditor
              form={form()!}
              lists={campaign()!.definition.lists}
              current={r.versions[0] ?? null}
              save={async (data, version) => {
                const r = await recordStep(
                  p().tenant!,
                  { campaignId: p().campaignId!, step: p().stepKey!, unitId: p().unitId! },
                  { version, data },
                );
                void revalidate(["my-tasks", "checklist-tally"]);
                return r;
              }}
              reload={() => void revalidate(getUnitStepRecords.key)}
            />
          )}
        </Show>
      </Show>
    </Show>
  );
}
