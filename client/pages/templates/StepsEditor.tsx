// The steps of a tenant's template as the editor changes them: each step's title and guidance,
// and its deadline — the document's date (dd/mm/yyyy; a date that moves with the campaign keeps
// its rebase, recomputed so the two agree), the days before or after another step, or the days
// from the campaign's end. Each input shows the server's message for its own path
// ("steps.3.due.date") beside it.
import { For, Match, Switch } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { Due, TemplateDefinition } from "../../../schema/template";
import { dayNumber, isRealDate } from "../../../schema/rules/deadlines";
import { DUE_RULE_WORDS, DUE_RULES } from "../../../schema/vocab/tasks";
import { DAY_HINT, formatDay } from "../../lib/labels";
import { dueRuleText, OWNER_LABELS, stepKindLabel } from "../campaigns/steps";
import { DayInput, Field, Input, Select } from "../../components/Field";
import { ItemText, type ItemTextKind } from "./ItemText";

type SetDef = SetStoreFunction<TemplateDefinition>;

/** dd/mm/yyyy (or d/m/yyyy) as YYYY-MM-DD without judging the day: the server says whether
 *  it exists, beside the input. null when the text is not a date at all. */
export function dayFromText(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : null;
}

/** What a day typed wrong is told, beside its input. */
export const DAY_FORMAT = "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/01/2024.";

/** A section's message for a path: its own (a date typed wrong) before the server's. */
export const messageOf = (p: SectionProps) => (path: string) => p.local[path] || p.err(path);

/** A day typed as dd/mm/yyyy at `path`: its YYYY-MM-DD, or null with the format's message
 *  beside the input (cleared once it reads as a date). */
export function typedDay(p: SectionProps, path: string, text: string): string | null {
  const date = dayFromText(text);
  p.setLocal(path, date ? "" : DAY_FORMAT);
  return date;
}

/** What an editor section takes: the definition, its setter, and the messages by path. */
export interface SectionProps {
  def: TemplateDefinition;
  setDef: SetDef;
  /** The server's message for one path, "" when none. */
  err: (path: string) => string;
  /** Local messages (a date typed wrong), by path; shown before the server's. */
  local: Record<string, string>;
  setLocal: (path: string, message: string) => void;
}

/** Whole days, negative allowed; NaN when the text is not one. */
const wholeDays = (text: string) =>
  /^\s*[-−]?\d{1,4}\s*$/.test(text) ? Number(text.replace("−", "-")) : NaN;

const STEP_TEXT: ItemTextKind = {
  list: "steps",
  id: "step",
  titleLabel: "Tên bước",
  text: { key: "description", label: "Hướng dẫn", rows: 3 },
};

export default function StepsEditor(props: SectionProps) {
  const msg = messageOf(props);
  const setDue = (i: number, due: Due) => props.setDef("steps", i, "due", due);

  const onDate = (i: number, due: Extract<Due, { kind: "absolute" }>, text: string) => {
    const date = typedDay(props, `steps.${i}.due.date`, text);
    if (!date) return;
    const next: Due = { ...due, date };
    // The same date relative to the campaign, so another year's campaign moves it alike.
    if (due.rebase && isRealDate(date)) {
      const s = props.def.schedule;
      const anchor = due.rebase.anchor === "campaign-start" ? s.startsOn : s.dueOn;
      next.rebase = { ...due.rebase, offsetDays: dayNumber(date) - dayNumber(anchor) };
    }
    setDue(i, next);
  };

  const onDays = (i: number, text: string, apply: (n: number) => Due) => {
    const path = `steps.${i}.due.offsetDays`;
    const n = wholeDays(text);
    if (Number.isNaN(n)) {
      props.setLocal(path, "Nhập số ngày là số nguyên (âm là trước).");
      return;
    }
    props.setLocal(path, "");
    setDue(i, apply(n));
  };

  /** What a step's days count from: another step, or the campaign's end. */
  const offsetAnchor = (due: Due) =>
    due.kind === "relative"
      ? `bước «${props.def.steps.find((x) => x.key === due.toStep)?.title ?? due.toStep}»`
      : "hạn kết thúc đợt";

  const RuleSelect = (p: { i: number; due: Due & { rule?: string } }) => (
    <Field id={`step-${p.i}-rule`} label="Cách tính">
      <Select
        onChange={(e) =>
          setDue(p.i, {
            ...p.due,
            rule: e.currentTarget.value as keyof typeof DUE_RULE_WORDS,
          } as Due)
        }
      >
        <For each={DUE_RULES}>
          {(r) => (
            <option value={r} selected={(p.due.rule ?? "truoc-ngay") === r}>
              {DUE_RULE_WORDS[r]}
            </option>
          )}
        </For>
      </Select>
    </Field>
  );

  return (
    <section aria-labelledby="tpl-steps" class="stack">
      <h2 id="tpl-steps">Các bước và hạn</h2>
      <p class="muted">
        Lịch của văn bản: từ {formatDay(props.def.schedule.startsOn)} đến{" "}
        {formatDay(props.def.schedule.dueOn)}. Mỗi đợt tính lại hạn theo ngày bắt đầu và kết thúc
        của đợt.
      </p>
      <For each={props.def.steps}>
        {(s, i) => (
          <fieldset class="list-edit" data-step={s.key}>
            <legend>
              {i() + 1}. {s.title}
            </legend>
            <p class="hint">
              {OWNER_LABELS[s.owner]} · {stepKindLabel(s.kind)} ·{" "}
              {dueRuleText(s.due, props.def.steps)}
            </p>
            <ItemText of={STEP_TEXT} i={i()} item={s} editor={props} />
            <Switch>
              <Match when={s.due.kind === "absolute" && s.due}>
                {(due) => (
                  <div class="grid-2">
                    <Field
                      id={`step-${i()}-date`}
                      label="Hạn (ngày của văn bản)"
                      hint={DAY_HINT}
                      error={msg(`steps.${i()}.due.date`)}
                    >
                      <DayInput
                        value={formatDay(due().date)}
                        onChange={(e) => onDate(i(), due(), e.currentTarget.value)}
                      />
                    </Field>
                    <RuleSelect i={i()} due={due()} />
                  </div>
                )}
              </Match>
              <Match when={(s.due.kind === "relative" || s.due.kind === "campaign-end") && s.due}>
                {(due) => (
                  <div class="grid-2">
                    <Field
                      id={`step-${i()}-offset`}
                      label={`Số ngày so với ${offsetAnchor(due())} (âm là trước)`}
                      error={msg(`steps.${i()}.due.offsetDays`)}
                    >
                      <Input
                        type="text"
                        inputmode="numeric"
                        value={String(due().offsetDays ?? 0)}
                        onChange={(e) =>
                          onDays(i(), e.currentTarget.value, (n) => ({ ...due(), offsetDays: n }))
                        }
                      />
                    </Field>
                    <RuleSelect i={i()} due={due()} />
                  </div>
                )}
              </Match>
            </Switch>
          </fieldset>
        )}
      </For>
    </section>
  );
}
