// The small folded form that records something done on a day: a step acknowledged on the
// member's task, a unit's follow-up, a member's year-end input. Its day is typed dd/mm/yyyy
// (today by default) and checked here before the server sees it; the server's refusal is shown
// on top and beside the fields it names. The fields around the day are the caller's.
import { Show, type JSX } from "solid-js";
import { ApiError } from "../http";
import { DAY_HINT, formatDay, todayIct } from "../lib/labels";
import { createSubmission, readForm } from "../lib/submission";
import { Alert } from "./Alert";
import { DayInput, Field } from "./Field";

/** The error of one field ("" when none), for the caller's own fields. */
export type FieldError = (name: string) => string;

export function DatedRecordForm(props: {
  summary: string;
  /** The id of a field of this form (ids are unique on the page). */
  id: (name: string) => string;
  dayLabel: string;
  /** The day already recorded (YYYY-MM-DD), if any. */
  day?: string | null;
  submitLabel: string;
  /** Sends the form: the day as YYYY-MM-DD and the form's trimmed text fields. */
  save: (doneOn: string, text: (name: string) => string) => Promise<unknown>;
  /** Reads the record again: after a save, and after a 409 (someone saved first), so the
   *  next try carries the version now on the server instead of failing again. */
  reload: () => Promise<unknown>;
  /** Fields above the day, and below it. */
  before?: (err: FieldError) => JSX.Element;
  after?: (err: FieldError) => JSX.Element;
}) {
  const { errors, setErrors, message, pending, run } = createSubmission();
  const err: FieldError = (name) => errors()[name] ?? "";
  const submit = async (e: SubmitEvent) => {
    const { text, day } = readForm(e);
    const doneOn = day("doneOn");
    if (!doneOn) return setErrors({ doneOn: `Ngày không hợp lệ. ${DAY_HINT}` });
    await run(async () => {
      try {
        await props.save(doneOn, text);
      } catch (x) {
        if (x instanceof ApiError && x.status === 409) await props.reload();
        throw x;
      }
      await props.reload();
    });
  };
  return (
    <details class="acknowledge">
      <summary>{props.summary}</summary>
      <form onSubmit={submit} novalidate>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        {props.before?.(err)}
        <Field
          id={props.id("doneOn")}
          label={props.dayLabel}
          required
          error={err("doneOn")}
          hint={DAY_HINT}
        >
          <DayInput name="doneOn" value={formatDay(props.day ?? todayIct())} />
        </Field>
        {props.after?.(err)}
        <button type="submit" class="button primary" disabled={pending()}>
          {pending() ? "Đang lưu…" : props.submitLabel}
        </button>
      </form>
    </details>
  );
}
