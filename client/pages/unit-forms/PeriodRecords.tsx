// A unit's follow-up on the template's own form, one record per period (a month of the
// monthly review, a half-year or year of a periodic report), each versioned: the periods
// already recorded are listed, a period is picked, and its latest version is edited.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Form, TemplateList } from "../../../schema/template";
import { Field, Select } from "../../components/Field";
import type { PlanData } from "../../http";
import UnitFormEditor from "./UnitFormEditor";
import { getCampaignDef } from "./unit-forms.data";

/** What a period page reads first: the route's parameters, the campaign's definition, a form
 *  of the definition by key, and the unit's page to go back to. */
export function usePeriodPage(props: RouteSectionProps) {
  const p = () => props.params as Record<string, string>;
  const campaign = createAsync(() => getCampaignDef(p().tenant!, p().campaignId!));
  const formOf = (key: string | undefined) =>
    campaign()?.definition.forms.find((f) => f.key === key) as Form | undefined;
  const back = () => `/t/${p().tenant}/dot-sinh-hoat/${p().campaignId}/don-vi/${p().unitId}`;
  return { p, campaign, formOf, back };
}

export interface PeriodRecord {
  period: string;
  version: number;
  data: unknown;
  recordedAt: string;
}

export default function PeriodRecords(props: {
  back: string;
  title: string;
  notes?: readonly string[] | undefined;
  form: Form;
  lists: readonly TemplateList[];
  /** The periods that may be recorded, newest first; the first is picked at first. */
  periods: readonly string[];
  label: (period: string) => string;
  /** What a period is called: "Tháng" / "tháng", "Kỳ báo cáo" / "kỳ". */
  field: string;
  noun: string;
  saveLabel: (period: string) => string;
  records: readonly PeriodRecord[] | undefined;
  save: (period: string, data: PlanData, version: number) => Promise<{ version: number }>;
  reload: () => void;
}) {
  const [period, setPeriod] = createSignal(props.periods[0] ?? "");
  const current = () => props.records?.find((r) => r.period === period()) ?? null;
  return (
    <>
      <p>
        <A href={props.back}>← Việc của chi bộ</A>
      </p>
      <h1>{props.title}</h1>
      <Show when={props.notes?.length}>
        <ul class="notes">
          <For each={props.notes}>{(n) => <li>{n}</li>}</For>
        </ul>
      </Show>
      <Show when={props.records} fallback={<p class="boot">Đang tải…</p>}>
        <p class="hint">
          Đã ghi:{" "}
          {props.records!.length
            ? props.records!.map((r) => props.label(r.period)).join(", ")
            : `chưa ${props.noun} nào`}
          .
        </p>
        <Field id="record-period" label={props.field}>
          <Select value={period()} onChange={(e) => setPeriod(e.currentTarget.value)}>
            <For each={props.periods}>{(p) => <option value={p}>{props.label(p)}</option>}</For>
          </Select>
        </Field>
        <Show when={{ key: period(), cur: current(), list: props.records }} keyed>
          {(k) => (
            <UnitFormEditor
              form={props.form}
              lists={props.lists}
              current={k.cur ? { ...k.cur, data: (k.cur.data ?? null) as PlanData | null } : null}
              saveLabel={props.saveLabel(k.key)}
              save={(data, version) => props.save(k.key, data, version)}
              reload={props.reload}
            />
          )}
        </Show>
      </Show>
    </>
  );
}
