// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/bao-cao-dinh-ky/:reportKey — the unit's
// periodic report on the template's form (003's 6-monthly report to the Đảng ủy), one record
// per half-year or year from the campaign's start, each versioned.
import { createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { Show } from "solid-js";
import { savePeriodicReport } from "../../api-steps";
import { formatDate } from "../../lib/format";
import { formatDay, todayIct } from "../../lib/labels";
import { useTitle } from "../../lib/title";
import PeriodRecords, { usePeriodPage } from "./PeriodRecords";
import { getPeriodic } from "./unit-forms.data";

/** The periods from the campaign's start through today's, newest first. */
function periods(every: "6-thang" | "hang-nam", from: string, today: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(today.slice(0, 4)); y++)
    if (every === "hang-nam") out.unshift(String(y));
    else
      for (const h of ["H1", "H2"] as const) {
        const start = `${y}-${h === "H1" ? "01" : "07"}-01`;
        const end = `${y}-${h === "H1" ? "06-30" : "12-31"}`;
        if (end >= from && start <= today) out.unshift(`${y}-${h}`);
      }
  return out;
}

const periodLabel = (p: string) =>
  p.length === 4
    ? `Năm ${p}`
    : `${p.endsWith("H1") ? "6 tháng đầu năm" : "6 tháng cuối năm"} ${p.slice(0, 4)}`;

export default function PeriodicPage(props: RouteSectionProps) {
  const { p, campaign, formOf, back } = usePeriodPage(props);
  const reports = createAsync(() =>
    getPeriodic(p().tenant!, p().campaignId!, p().reportKey!, p().unitId!),
  );
  const report = () =>
    campaign()?.definition.followUp.periodicReports.find((r) => r.key === p().reportKey);
  const form = () => formOf(report()?.formKey);
  useTitle(() => report()?.title ?? "Báo cáo định kỳ");
  return (
    <Show when={campaign()} fallback={<p class="boot">Đang tải…</p>}>
      <Show
        when={report() && form()}
        fallback={<p class="card">Đợt sinh hoạt này không có báo cáo định kỳ này.</p>}
      >
        <PeriodRecords
          back={back()}
          title={report()!.title}
          notes={[
            `Gửi: ${report()!.to}.`,
            // Each period's report, by when it was first sent: on time or late.
            ...(reports()?.reports ?? []).map(
              (r) =>
                `${periodLabel(r.period)}: nộp ngày ${formatDate(r.firstAt)} — ${r.onTime ? "đúng hạn" : "muộn"} (hạn hết ngày ${formatDay(r.dueOn)}).`,
            ),
          ]}
          form={form()!}
          lists={campaign()!.definition.lists}
          periods={periods(report()!.every, campaign()!.startsOn, todayIct())}
          label={periodLabel}
          field="Kỳ báo cáo"
          noun="kỳ"
          saveLabel={(period) => `Lưu báo cáo ${periodLabel(period).toLowerCase()}`}
          records={reports()?.reports}
          save={(period, data, version) =>
            savePeriodicReport(
              p().tenant!,
              {
                campaignId: p().campaignId!,
                reportKey: p().reportKey!,
                unitId: p().unitId!,
                period,
              },
              { version, data },
            )
          }
          reload={() => void revalidate(getPeriodic.key)}
        />
      </Show>
    </Show>
  );
}
