// "Ghi nhận đã làm": a task done by acknowledgement is marked done with the evidence its step
// asks for (the date always; a place, a note, a link or a document's reference as the step
// says), on the task itself. The server checks the same and answers 422 naming what is missing.
import { revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import type { MyTask } from "../../api";
import { recordStep } from "../../api-steps";
import { DatedRecordForm } from "../../components/DatedRecordForm";
import { Field, Input } from "../../components/Field";

export default function Acknowledge(props: { tenant: string; task: MyTask }) {
  const needs = () => props.task.evidence?.needs ?? [];
  const has = (part: string) => (needs() as readonly string[]).includes(part);
  const id = (k: string) => `ack-${props.task.campaignId}-${props.task.step}-${k}`;
  return (
    <DatedRecordForm
      summary="Ghi nhận đã làm"
      id={id}
      dayLabel="Ngày thực hiện"
      submitLabel="Ghi nhận"
      save={async (doneOn, text) => {
        const given = (k: string) => text(k) || undefined;
        await recordStep(props.tenant, props.task, {
          version: 0,
          doneOn,
          place: given("place"),
          note: given("note"),
          link: given("link"),
          fileRef: given("fileRef"),
        });
      }}
      reload={() => revalidate("my-tasks")}
      before={() => (
        <Show when={props.task.evidence?.what}>
          {(what) => <p class="hint">Minh chứng: {what()}</p>}
        </Show>
      )}
      after={(err) => (
        <>
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
        </>
      )}
    />
  );
}
