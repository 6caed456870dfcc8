/**
 * A campaign's deadlines: every step's due instant, from the template's rules, the campaign's
 * dates and its overrides. Pure: no I/O, no clock. The date arithmetic and the wording are
 * schema/rules/deadlines.ts, shared with the client; they are re-exported here so domain code
 * has one place to import deadlines from.
 */
import type { TemplateDefinition } from "../../schema/template";
import {
  addDays,
  addDaysIct,
  dayNumber,
  DueDateError,
  dueInstant,
  stepRule,
} from "../../schema/rules/deadlines";

export {
  addDays,
  addDaysIct,
  describeDue,
  DueDateError,
  dueDateFor,
  dueInstant,
  formatDateVi,
  ictDate,
  isOnTime,
  lastDayVi,
  stepRule,
  type DueDateErrorCode,
} from "../../schema/rules/deadlines";

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
          break;
        default: {
          const unknown: never = due;
          throw new Error(`Unknown due kind: ${JSON.stringify(unknown)}`);
        }
      }
    }
    if (at) out[key] = at;
    return at;
  };
  for (const key of steps.keys()) resolve(key);
  return out;
}
