// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/nhan-xet-thang — the unit's monthly
// review on the template's own form ("mặt được / chưa được / yêu cầu báo cáo làm rõ"), one
// record per month, each versioned; the months already recorded are listed.
import { createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { saveMonthlyReview } from "../../api-steps";
import { todayIct } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import PeriodRecords, { usePeriodPage } from "./PeriodRecords";
import { getReviews } from "./unit-forms.data";

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
  const { p, campaign, formOf, back } = usePeriodPage(props);
  const reviews = createAsync(() => getReviews(p().tenant!, p().campaignId!, p().unitId!));
  const mr = () => campaign()?.definition.followUp.monthlyReview;
  const form = () => formOf(mr()?.formKey);
  useTitle(() => mr()?.title ?? "Nhận xét hằng tháng");
  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải…</p>}>
      <Show
        when={mr() && form()}
        fallback={<p class="card">Đợt sinh hoạt này không có biểu mẫu nhận xét hằng tháng.</p>}
      >
        <PeriodRecords
          back={back()}
          title={mr()!.title}
          notes={mr()!.notes}
          form={form()!}
          lists={campaign()!.definition.lists}
          periods={months(campaign()!.startsOn, todayIct().slice(0, 7))}
          label={monthLabel}
          field="Tháng"
          noun="tháng"
          saveLabel={(ym) => `Lưu nhận xét ${monthLabel(ym).toLowerCase()}`}
          records={reviews()?.reviews}
          save={(period, data, version) =>
            saveMonthlyReview(
              p().tenant!,
              { campaignId: p().campaignId!, unitId: p().unitId!, period },
              { version, data },
            )
          }
          reload={() => void revalidate(getReviews.key)}
        />
      </Show>
    </Show>
  );
}
