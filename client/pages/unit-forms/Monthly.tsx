// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/nhan-xet-thang — the unit's monthly
// review on the template's own form ("mặt được / chưa được / yêu cầu báo cáo làm rõ"), one
// record per month, each versioned; the months already recorded are listed.
import { A, createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Form } from "../../../schema/template";
import { saveMonthlyReview } from "../../api-steps";
import { Field, Select } from "../../components/Field";
import { todayIct } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import UnitFormEditor from "./UnitFormEditor";
import { getCampaignDef, getReviews } from "./unit-forms.data";

/** "YYYY-MM" from the campaign's start to this month, newest first. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let i = 0; i < 120; i++) {
    const ym = `${y}-${String(m).padStart(2, "0")}`;
    if (ym > to) break;
    out.unshift(ym);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

const monthLabel = (ym: string) => `Tháng ${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

export default function MonthlyPage(props: RouteSectionProps) {
  const p = () => props.params as Record<string, string>;
  const campaign = createAsync(() => getCampaignDef(p().tenant!, p().campaignId!));
  const reviews = createAsync(() => getReviews(p().tenant!, p().campaignId!, p().unitId!));
  const [period, setPeriod] = createSignal(todayIct().slice(0, 7));
  const mr = () => campaign()?.definition.followUp.monthlyReview;
  const form = () =>
    campaign()?.definition.forms.find((f) => f.key === mr()?.formKey) as Form | undefined;
  const choices = () => (campaign() ? months(campaign()!.startsOn, todayIct().slice(0, 7)) : []);
  const current = () => reviews()?.reviews.find((r) => r.period === period()) ?? null;
  useTitle(() => mr()?.title ?? "Nhận xét hằng tháng");
  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải…</p>}>
      <p>
        <A href={`/t/${p().tenant}/dot-sinh-hoat/${p().campaignId}/don-vi/${p().unitId}`}>
          ← Việc của chi bộ
        </A>
      </p>
      <Show
        when={mr() && form()}
        fallback={<p class="card">Đợt sinh hoạt này không có biểu mẫu nhận xét hằng tháng.</p>}
      >
        <h1>{mr()!.title}</h1>
        <Show when={mr()!.notes?.length}>
          <ul class="notes">
            <For each={mr()!.notes}>{(n) => <li>{n}</li>}</For>
          </ul>
        </Show>
        <Show when={reviews()} fallback={<p class="boot">Đang tải…</p>}>
          <p class="hint">
            Đã ghi:{" "}
            {reviews()!.reviews.length
              ? reviews()!
                  .reviews.map((r) => monthLabel(r.period))
                  .join(", ")
              : "chưa tháng nào"}
            .
          </p>
          <Field id="review-month" label="Tháng">
            <Select value={period()} onChange={(e) => setPeriod(e.currentTarget.value)}>
              <For each={choices()}>{(ym) => <option value={ym}>{monthLabel(ym)}</option>}</For>
            </Select>
          </Field>
          <Show when={{ key: period(), cur: current(), list: reviews() }} keyed>
            {(k) => (
              <UnitFormEditor
                form={form()!}
                lists={campaign()!.definition.lists}
                current={
                  k.cur
                    ? { ...k.cur, data: (k.cur.data ?? null) as Record<string, unknown> | null }
                    : null
                }
                saveLabel={`Lưu nhận xét ${monthLabel(k.key).toLowerCase()}`}
                save={(data, version) =>
                  saveMonthlyReview(
                    p().tenant!,
                    { campaignId: p().campaignId!, unitId: p().unitId!, period: k.key },
                    { version, data },
                  )
                }
                reload={() => void revalidate(getReviews.key)}
              />
            )}
          </Show>
        </Show>
      </Show>
    </Show>
  );
}
