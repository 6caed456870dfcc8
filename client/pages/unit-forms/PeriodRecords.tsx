// A unit's follow-up on the template's own form, one record per period (a month of the
// monthly review, a half-year or year of a periodic report), each versioned: the periods
// already recorded are listed, a period is picked, and its latest version is edited.
import { A, createAsync, type RouteSectionProps } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { Field, Select } from "../../components/Field";
import type { PlanData } from "../../http";
import { useTitle } from "../../lib/title";
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

/** The kinds of period, each with its label, what a period is called and the words of its
 *  save button before the period ("Lưu nhận xét tháng 03/2026"). */
export const PERIOD_KINDS = {
  /** "YYYY-MM": a month of the monthly review. */
  month: {
    label: (ym: string) => `Tháng ${ym.slice(5, 7)}/${ym.slice(0, 4)}`,
    field: "Tháng",
    noun: "tháng",
    save: "Lưu nhận xét",
  },
  /** "YYYY" or "YYYY-H1" / "YYYY-H2": a year or half-year of a periodic report. */
  report: {
    label: (p: string) =>
      p.length === 4
        ? `Năm ${p}`
        : `${p.endsWith("H1") ? "6 tháng đầu năm" : "6 tháng cuối năm"} ${p.slice(0, 4)}`,
    field: "Kỳ báo cáo",
    noun: "kỳ",
    save: "Lưu báo cáo",
  },
};

/** The page of the definition's follow-up `of` (the monthly review, a periodic report) once
 *  the campaign is read: its records on its form, or `missing` when the definition has none
 *  (the page is titled `untitled` then). */
export default function PeriodRecords(
  props: Omit<Parameters<typeof Records>[0], "form" | "title"> & {
    of: { title: string; formKey?: string | undefined } | undefined;
    untitled: string;
    missing: string;
  },
) {
  useTitle(() => props.of?.title ?? props.untitled);
  const form = () => props.page.formOf(props.of?.formKey);
  return (
    <Show when={props.page.campaign()} fallback={<p class="boot">Đang tải…</p>}>
      <Show when={props.of && form()} fallback={<p class="card">{props.missing}</p>}>
        {(form) => <Records {...props} title={props.of!.title} form={form()} />}
      </Show>
    </Show>
  );
}

function Records(props: {
  page: ReturnType<typeof usePeriodPage>;
  title: string;
  notes?: readonly string[] | undefined;
  form: Form;
  /** The periods that may be recorded, newest first; the first is picked at first. */
  periods: readonly string[];
  kind: keyof typeof PERIOD_KINDS;
  records: readonly PeriodRecord[] | undefined;
  save: (period: string, data: PlanData, version: number) => Promise<{ version: number }>;
  reload: () => void;
}) {
  const [period, setPeriod] = createSignal(props.periods[0] ?? "");
  const kind = () => PERIOD_KINDS[props.kind];
  const current = () => props.records?.find((r) => r.period === period()) ?? null;
  return (
    <>
      <p>
        <A href={props.page.back()}>← Việc của chi bộ</A>
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
            ? props.records!.map((r) => kind().label(r.period)).join(", ")
            : `chưa ${kind().noun} nào`}
          .
        </p>
        <Field id="record-period" label={kind().field}>
          <Select value={period()} onChange={(e) => setPeriod(e.currentTarget.value)}>
            <For each={props.periods}>{(p) => <option value={p}>{kind().label(p)}</option>}</For>
          </Select>
        </Field>
        <Show when={{ key: period(), cur: current(), list: props.records }} keyed>
          {(k) => (
            <UnitFormEditor
              form={props.form}
              lists={props.page.campaign()?.definition.lists ?? []}
              current={k.cur ? { ...k.cur, data: (k.cur.data ?? null) as PlanData | null } : null}
              saveLabel={`${kind().save} ${kind().label(k.key).toLowerCase()}`}
              save={(data, version) => props.save(k.key, data, version)}
              reload={props.reload}
            />
          )}
        </Show>
      </Show>
    </>
  );
}
