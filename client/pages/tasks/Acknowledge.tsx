// "Ghi nhận đã làm": a task done by acknowledgement is marked done with the evidence its step
// asks for (the date always; a place, a note, a link or a document's reference as the step
// says), on the task itself. The server checks the same and answers 422 naming what is missing.
import { revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import type { MyTask } from "../../api";
import { recordStep } from "../../api-steps";
import { Alert } from "../../components/Alert";
import { DayInput, Field, Input } from "../../components/Field";
import { DAY_HINT, formatDay, parseDay, todayIct } from "../../lib/labels";
import { createSubmission } from "../../lib/submission";

export default function Acknowledge(props: { tenant: string; task: MyTask }) {
  const { errors, setErrors, message, pending, run } = createSubmission();
  const needs = () => props.task.evidence?.needs ?? [];
  const has = (part: string) => (needs() as readonly string[]).includes(part);
  const err = (k: string) => errors()[k] ?? "";
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const text = (k: string) => String(f.get(k) ?? "").trim() || undefined;
    const doneOn = parseDay(text("doneOn") ?? "");
    if (!doneOn) return setErrors({ doneOn: `Ngày không hợp lệ. ${DAY_HINT}` });
    await run(async () => {
      await recordStep(props.tenant, props.task, {
        version: 0,
        doneOn,
        place: text("place"),
        note: text("note"),
        link: text("link"),
        fileRef: text("fileRef"),
      });
      await revalidate("my-tasks");
    });
  };
  const id = (k: string) => `ack-${props.task.campaignId}-${props.task.step}-${k}`;
  return (
    <details class="acknowledge">
      <summary>Ghi nhận đã làm</summary>
      <form onSubmit={submit} novalidate>
        <Show when={props.task.evidence?.what}>
          {(what) => <p class="hint">Minh chứng: {what()}</p>}
        </Show>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <Field
          id={id("doneOn")}
          label="Ngày thực hiện"
          required
          error={err("doneOn")}
          hint={DAY_HINT}
        >
          <DayInput name="doneOn" value={formatDay(todayIct())} />
        </Field>
        <Show when={has("place")}>
          <Field id={id("place")} label="Địa điểm" required error={err("place")}>
            <Input name="place" maxLength={300} />
          </Field>
        </Show>
        <Show when={has("note")}>
          <Field id={id("note")} label="Ghi chú" required error={err("note")}>
            <Input name="note" maxLength={2000} />
          </Field>
        </Show>
        <Show when={has("link") || has("link-or-file")}>
          <Field id={id("link")} label="Đường dẫn" required={has("link")} error={err("link")}>
            <Input name="link" type="url" inputmode="url" maxLength={1000} />
          </Field>
        </Show>
        <Show when={has("file") || has("link-or-file")}>
          <Field
            id={id("fileRef")}
            label="Số hiệu hoặc tên văn bản, tệp lưu"
            required={has("file")}
            error={err("fileRef")}
          >
            <Input name="fileRef" maxLength={300} />
          </Field>
        </Show>
        <button type="submit" class="button primary" disabled={pending()}>
          {pending() ? "Đang lưu…" : "Ghi nhận"}
        </button>
      </form>
    </details>
  );
}
