// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/nhan-xet-thang — the unit's monthly
// review on the template's own form ("mặt được / chưa được / yêu cầu báo cáo làm rõ"), one
// record per month, each versioned; the months already recorded are listed.
import { createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { saveMonthlyReview } from "../../api-steps";
import { todayIct } from "../../lib/labels";
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

export default function MonthlyPage(props: RouteSectionProps) {
  const page = usePeriodPage(props);
  const { p, campaign } = page;
  const reviews = createAsync(() => getReviews(p().tenant!, p().campaignId!, p().unitId!));
  const mr = () => campaign()?.definition.followUp.monthlyReview;
  return (
    <PeriodRecords
      page={page}
      missing="Đợt sinh hoạt này không có biểu mẫu nhận xét hằng tháng."
      of={mr()}
      untitled="Nhận xét hằng tháng"
      notes={mr()!.notes}
      periods={months(campaign()!.startsOn, todayIct().slice(0, 7))}
      kind="month"
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
  );
}
