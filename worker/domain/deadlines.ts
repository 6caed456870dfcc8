/**
 * Deadlines as the directives write them, turned into instants. Pure: no I/O, no clock, and no
 * dependence on the machine's time zone — ICT is UTC+7 all year (no DST), so a calendar date in
 * ICT is plain arithmetic on UTC.
 *
 * DESIGN.md §3: "Trước ngày D" is due at D 00:00 ICT (D-1 17:00 UTC); "đến hết ngày D" at
 * D+1 00:00 ICT. The two rules are two wordings of a midnight: "trước ngày 10/4" and "đến hết
 * ngày 9/4" are the same instant, and `describeDue` words an instant either way.
 */
import type { DueRule, Step, TemplateDefinition } from "../../schema/template";

const DAY_MS = 86_400_000;
const ICT_OFFSET_MS = 7 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DueDateErrorCode = "INVALID_DATE" | "UNKNOWN_STEP" | "CYCLE" | "UNDATED_ANCHOR";

/** A template or campaign whose deadlines cannot be computed; the message is Vietnamese. */
export class DueDateError extends Error {
  constructor(
    readonly code: DueDateErrorCode,
    message: string,
    readonly steps: readonly string[] = [],
  ) {
    super(message);
    this.name = "DueDateError";
  }
}

/** Days since 1970-01-01 of a real calendar date, or an error naming it. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return t / DAY_MS;
    }
  }
  throw new DueDateError("INVALID_DATE", `Ngày «${date}» không hợp lệ (cần dạng YYYY-MM-DD).`);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a deadline falls due. */
export function dueInstant(rule: DueRule, dateYYYYMMDD: string): Date {
  const midnightIct = dayNumber(dateYYYYMMDD) * DAY_MS - ICT_OFFSET_MS;
  return new Date(rule === "truoc-ngay" ? midnightIct : midnightIct + DAY_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in ICT. */
export function ictDate(instant: Date): string {
  return new Date(instant.getTime() + ICT_OFFSET_MS).toISOString().slice(0, 10);
}

/** dd/mm/yyyy in ICT, as official papers print dates. */
export function formatDateVi(instant: Date): string {
  const [y, m, d] = ictDate(instant).split("-");
  return `${d}/${m}/${y}`;
}

export function addDaysIct(dateYYYYMMDD: string, days: number): string {
  return fromDayNumber(dayNumber(dateYYYYMMDD) + days);
}

/** Whole days later (earlier when negative); exact because ICT has no DST. */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** Done in time: strictly before the due instant ("trước ngày 10/4" ends at 10/4 00:00 ICT). */
export function isOnTime(dueAt: Date, doneAt: Date): boolean {
  return doneAt.getTime() < dueAt.getTime();
}

/** The date D such that dueInstant(rule, D) is this instant's deadline day (inverse). */
export function dueDateFor(rule: DueRule, instant: Date): string {
  // An instant that is not a midnight belongs to the day it falls in.
  const day = ictDate(new Date(instant.getTime() - 1));
  return rule === "truoc-ngay" ? addDaysIct(day, 1) : day;
}

/** "trước ngày 10/04/2022" or "đến hết ngày 09/04/2022". */
export function describeDue(rule: DueRule, instant: Date): string {
  const [y, m, d] = dueDateFor(rule, instant).split("-");
  return `${rule === "truoc-ngay" ? "trước ngày" : "đến hết ngày"} ${d}/${m}/${y}`;
}

/** The wording a step's deadline is shown with, and the rule an override date is read with. */
export function stepRule(
  def: Pick<TemplateDefinition, "schedule">,
  step: Pick<Step, "due">,
): DueRule {
  switch (step.due.kind) {
    case "absolute":
    case "relative":
      return step.due.rule;
    case "campaign-end":
      return step.due.rule ?? def.schedule.dueRule;
    case "undated":
      return "den-het-ngay";
  }
}

export type CampaignDates = {
  startsOn: string;
  /** Read with the template's schedule.dueRule ("trước ngày 10/4/2022" → "2022-04-10"). */
  dueOn: string;
  /** A date per step key, read with the step's own rule (stepRule), e.g. the day a meeting is held. */
  overrides?: Record<string, string>;
};

/**
 * Due instants of every dated step of a campaign on this template. Relative steps follow their
 * anchor, overridden or not, so moving a meeting moves its materials and plans with it.
 * Absolute dates with a `rebase` move with the campaign; without one they stay the document's.
 * Undated steps are absent unless overridden. Throws DueDateError on a cycle, an unknown step
 * or a bad date.
 */
export function resolveStepDueDates(
  def: Pick<TemplateDefinition, "steps" | "schedule">,
  campaign: CampaignDates,
): Record<string, Date> {
  const steps = new Map(def.steps.map((s) => [s.key, s]));
  const overrides = campaign.overrides ?? {};
  for (const key of Object.keys(overrides)) {
    if (!steps.has(key)) {
      throw new DueDateError("UNKNOWN_STEP", `Không có bước «${key}» để đặt hạn riêng.`, [key]);
    }
  }
  const end = dueInstant(def.schedule.dueRule, campaign.dueOn);
  dayNumber(campaign.startsOn); // refused even when no step is anchored on it

  // A loop is refused whatever the overrides: the template itself is broken.
  const state = new Map<string, "visiting" | "done">();
  const check = (key: string, path: string[]): void => {
    if (state.get(key) === "done") return;
    if (state.get(key) === "visiting") {
      const loop = [...path.slice(path.indexOf(key)), key];
      throw new DueDateError(
        "CYCLE",
        `Hạn của các bước tạo thành vòng lặp: ${loop.map((k) => `«${k}»`).join(" → ")}.`,
        loop,
      );
    }
    state.set(key, "visiting");
    const due = steps.get(key)?.due;
    if (due?.kind === "relative") {
      if (!steps.has(due.toStep)) {
        throw new DueDateError(
          "UNKNOWN_STEP",
          `Bước «${key}» tính hạn theo bước «${due.toStep}» không có trong mẫu.`,
          [key, due.toStep],
        );
      }
      check(due.toStep, [...path, key]);
    }
    state.set(key, "done");
  };
  for (const key of steps.keys()) check(key, []);

  const out: Record<string, Date> = {};
  const resolve = (key: string): Date | null => {
    if (key in out) return out[key] ?? null;
    const step = steps.get(key);
    if (!step) return null;
    const override = overrides[key];
    let at: Date | null;
    if (override !== undefined) {
      at = dueInstant(stepRule(def, step), override);
    } else {
      const due = step.due;
      switch (due.kind) {
        case "absolute": {
          const anchor =
            due.rebase?.anchor === "campaign-start" ? campaign.startsOn : campaign.dueOn;
          const date = due.rebase ? addDaysIct(anchor, due.rebase.offsetDays) : due.date;
          at = dueInstant(due.rule, date);
          break;
        }
        case "campaign-end":
          at = addDays(end, due.offsetDays ?? 0);
          break;
        case "relative": {
          const anchor = resolve(due.toStep);
          if (!anchor) {
            throw new DueDateError(
              "UNDATED_ANCHOR",
              `Bước «${key}» tính hạn theo bước «${due.toStep}» nhưng bước đó chưa có hạn.`,
              [key, due.toStep],
            );
          }
          at = addDays(anchor, due.offsetDays);
          break;
        }
        case "undated":
          at = null;
      }
    }
    if (at) out[key] = at;
    return at;
  };
  for (const key of steps.keys()) resolve(key);
  return out;
}
