// /t/:tenant/dot-sinh-hoat/:campaignId/don-vi/:unitId/bao-cao-dinh-ky/:reportKey — the unit's
// periodic report on the template's form (003's 6-monthly report to the Đảng ủy), one record
// per half-year or year from the campaign's start, each versioned.
import { createAsync, revalidate, type RouteSectionProps } from "@solidjs/router";
import { savePeriodicReport } from "../../api-steps";
import { formatDate } from "../../lib/format";
import { formatDay, todayIct } from "../../lib/labels";
import PeriodRecords, { PERIOD_KINDS, usePeriodPage } from "./PeriodRecords";
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

const periodLabel = PERIOD_KINDS.report.label;

export default function PeriodicPage(props: RouteSectionProps) {
  const page = usePeriodPage(props);
  const { p, campaign } = page;
  const reports = createAsync(() =>
    getPeriodic(p().tenant!, p().campaignId!, p().reportKey!, p().unitId!),
  );
  const report = () =>
    campaign()?.definition.followUp.periodicReports.find((r) => r.key === p().reportKey);
  return (
    <PeriodRecords
      page={page}
      missing="Đợt sinh hoạt này không có báo cáo định kỳ này."
      of={report()}
      untitled="Báo cáo định kỳ"
      notes={[
        `Gửi: ${report()!.to}.`,
        // Each period's report, by when it was first sent: on time or late.
        ...(reports()?.reports ?? []).map(
          (r) =>
            `${periodLabel(r.period)}: nộp ngày ${formatDate(r.firstAt)} — ${r.onTime ? "đúng hạn" : "muộn"} (hạn hết ngày ${formatDay(r.dueOn)}).`,
        ),
      ]}
      periods={periods(report()!.every, campaign()!.startsOn, todayIct())}
      kind="report"
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
  );
}
