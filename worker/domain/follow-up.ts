// Follow-up as dated obligations: the monthly review (000 Bước 4, 003 §3.4) is owed for every
// month after the step it starts from, each by the end of its month (ICT); a unit's mark says
// which months it did and which it missed.
import { addDaysIct, dayNumber, dueInstant } from "../../schema/rules/deadlines";
import {
  unitMatches,
  type AppliesTo,
  type TemplateDefinition,
  type UnitForMatch,
} from "../../schema/template";
import type { Mark } from "./compliance";

/** The reserved step key the monthly reviews are stored under (not a valid template key, so
 *  never a step's). */
export const MONTHLY_REVIEW_KEY = "~nhan-xet-hang-thang";

const monthOf = (isoDate: string) => isoDate.slice(0, 7);
function nextMonth(ym: string): string {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The months owed, from the month after `anchor` (YYYY-MM-DD) through `today`'s month. */
export function monthsOwed(anchor: string, today: string): string[] {
  const out: string[] = [];
  for (let m = nextMonth(monthOf(anchor)); m <= monthOf(today); m = nextMonth(m)) out.push(m);
  return out;
}

/** mm/yyyy, as the screens print a month. */
const vi = (ym: string) => `${ym.slice(5)}/${ym.slice(0, 4)}`;

/** One mark per unit: every finished month reviewed passes; a missed one fails; before the
 *  first month ends, pending. */
export function monthlyReviewMark(
  title: string,
  done: ReadonlySet<string>,
  anchor: string,
  today: string,
): Mark {
  const rule = "monthly-review";
  const label = `Theo dõi: ${title}`;
  const owed = monthsOwed(anchor, today);
  const finished = owed.filter((m) => m < monthOf(today));
  const missed = finished.filter((m) => !done.has(m));
  const count = owed.filter((m) => done.has(m)).length;
  if (missed.length)
    return {
      rule,
      label,
      status: "fail",
      reason: `Chưa nhận xét tháng ${missed.map(vi).join(", ")} (đã làm ${count}/${owed.length} tháng).`,
    };
  if (finished.length === 0 && count === 0)
    return {
      rule,
      label,
      status: "pending",
      reason: owed.length
        ? `Nhận xét tháng ${vi(owed[0]!)} trong tháng.`
        : `Bắt đầu từ tháng ${vi(nextMonth(monthOf(anchor)))}.`,
    };
  return { rule, label, status: "pass", reason: `Đã nhận xét ${count}/${owed.length} tháng.` };
}

/** The reserved step key a periodic report is stored under. */
export const periodicReportKey = (reportKey: string) => `~bao-cao-dinh-ky:${reportKey}`;

export type Every = "6-thang" | "hang-nam";

/** The period a day falls in: "YYYY-H1"/"YYYY-H2" (6-monthly) or "YYYY" (yearly). */
export const periodOf = (every: Every, isoDate: string) =>
  every === "hang-nam"
    ? isoDate.slice(0, 4)
    : `${isoDate.slice(0, 4)}-H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;

const nextPeriod = (every: Every, p: string) => {
  const y = Number(p.slice(0, 4));
  if (every === "hang-nam") return String(y + 1);
  return p.endsWith("H1") ? `${y}-H2` : `${y + 1}-H1`;
};

/** Every period from the one `from` falls in through the one `today` falls in. */
export function periodsOwed(every: Every, from: string, today: string): string[] {
  const out: string[] = [];
  const last = periodOf(every, today);
  for (let p = periodOf(every, from); p <= last; p = nextPeriod(every, p)) out.push(p);
  return out;
}

/** One mark per unit and report: a report for each finished period (due by its last day). */
export function periodicReportMark(
  report: { key: string; title: string; every: Every },
  done: ReadonlySet<string>,
  from: string,
  today: string,
): Mark {
  const rule = `periodic-report:${report.key}`;
  const label = `Báo cáo định kỳ: ${report.title}`;
  const owed = periodsOwed(report.every, from, today);
  const current = periodOf(report.every, today);
  const missed = owed.filter((p) => p < current && !done.has(p));
  const count = owed.filter((p) => done.has(p)).length;
  if (missed.length)
    return { rule, label, status: "fail", reason: `Chưa báo cáo kỳ ${missed.join(", ")}.` };
  if (owed.every((p) => p === current) && count === 0)
    return { rule, label, status: "pending", reason: `Báo cáo kỳ ${current} trước khi hết kỳ.` };
  return { rule, label, status: "pass", reason: `Đã báo cáo ${count}/${owed.length} kỳ.` };
}

/** The reserved step keys a milestone (1-based) and the year-end input are recorded under. */
export const milestoneKey = (n: number) => `~moc:${n}`;
export const YEAR_END_KEY = "~xep-loai-cuoi-nam";

/** The day a milestone is owed by: its own date, moved with the campaign (a campaign started
 *  on the document's day keeps the document's date); or the last day of the half-year or year
 *  it names, in the campaign's year; null for an undated peak. */
export function milestoneDueOn(
  m: { date?: string; at?: "giua-nam" | "cuoi-nam" },
  dates: { templateStart: string; campaignStart: string },
): string | null {
  if (m.date)
    return addDaysIct(m.date, dayNumber(dates.campaignStart) - dayNumber(dates.templateStart));
  if (m.at) return yearEndOn(dates.campaignStart, m.at);
  return null;
}

/** 30/6 or 31/12 of the year `isoDate` falls in. */
export const yearEndOn = (isoDate: string, at: "giua-nam" | "cuoi-nam" = "cuoi-nam") =>
  `${isoDate.slice(0, 4)}-${at === "giua-nam" ? "06-30" : "12-31"}`;

export interface Obligation {
  /** In URLs: "moc-1"… for the milestones, "xep-loai-cuoi-nam" for the year-end input. */
  key: string;
  /** The reserved step key its records are stored under. */
  stepKey: string;
  title: string;
  /** The last day it is owed (YYYY-MM-DD); null for an undated peak, which is guidance. */
  dueOn: string | null;
  appliesTo: AppliesTo;
  cite: string;
}

/** The campaign's milestones and year-end input, each dated for this campaign. */
export function followUpObligations(
  def: Pick<TemplateDefinition, "followUp" | "schedule">,
  campaignStart: string,
): Obligation[] {
  const f = def.followUp;
  const dates = { templateStart: def.schedule.startsOn, campaignStart };
  return [
    ...f.milestones.map((m, i) => ({
      key: `moc-${i + 1}`,
      stepKey: milestoneKey(i + 1),
      title: m.title,
      dueOn: milestoneDueOn(m, dates),
      appliesTo: m.appliesTo ?? {},
      cite: m.cite,
    })),
    ...(f.yearEndRanking
      ? [
          {
            key: "xep-loai-cuoi-nam",
            stepKey: YEAR_END_KEY,
            title: `Đầu vào xếp loại cuối năm: ${f.yearEndRanking.input}`,
            dueOn: yearEndOn(campaignStart),
            appliesTo: f.yearEndRanking.appliesTo ?? {},
            cite: f.yearEndRanking.cite,
          },
        ]
      : []),
  ];
}

/** One follow-up a unit owes around a day, for the reminder day. */
export interface DueFollowUp {
  /** Unique within the campaign and unit: "nhan-xet:2022-04", "bao-cao-dinh-ky:k:2022-H1"… */
  key: string;
  title: string;
  dueAt: Date;
  done: boolean;
}

const lastDayOfMonth = (ym: string) => {
  const [y, m] = ym.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
/** The last day of a period ("YYYY-H1", "YYYY-H2"; a year "YYYY" ends on 31/12). */
export const periodEnd = (p: string) =>
  p.endsWith("H1") ? `${p.slice(0, 4)}-06-30` : `${p.slice(0, 4)}-12-31`;

/** What the unit owes of the follow-up around `today`: this month's review and the last one,
 *  each periodic report's current and last period, the dated milestones and the year-end
 *  input — each due by the end of its day, with whether `has` finds its record. */
export function followUpDue(
  def: Pick<TemplateDefinition, "followUp" | "schedule">,
  o: {
    campaignStart: string;
    reviewAnchor: string;
    unit: UnitForMatch;
    today: string;
    has: (stepKey: string, period: string) => boolean;
  },
): DueFollowUp[] {
  const out: DueFollowUp[] = [];
  const f = def.followUp;
  const due = (day: string) => dueInstant("den-het-ngay", day);
  if (f.monthlyReview?.formKey && unitMatches(f.monthlyReview.appliesTo, o.unit))
    for (const ym of monthsOwed(o.reviewAnchor, o.today).slice(-2))
      out.push({
        key: `nhan-xet:${ym}`,
        title: `${f.monthlyReview.title} (tháng ${vi(ym)})`,
        dueAt: due(lastDayOfMonth(ym)),
        done: o.has(MONTHLY_REVIEW_KEY, ym),
      });
  for (const r of f.periodicReports)
    if (r.formKey && unitMatches(r.from, o.unit))
      for (const p of periodsOwed(r.every, o.campaignStart, o.today).slice(-2))
        out.push({
          key: `bao-cao-dinh-ky:${r.key}:${p}`,
          title: `${r.title} (kỳ ${p})`,
          dueAt: due(periodEnd(p)),
          done: o.has(periodicReportKey(r.key), p),
        });
  for (const x of followUpObligations(def, o.campaignStart))
    if (x.dueOn && unitMatches(x.appliesTo, o.unit))
      out.push({ key: x.key, title: x.title, dueAt: due(x.dueOn), done: o.has(x.stepKey, "") });
  return out;
}
