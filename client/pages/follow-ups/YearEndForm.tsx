// A member's own year-end input (issue 10): the level they assess themselves at and how they
// carried out their plan (the commitment), with the day. Filled by the member on their task,
// or by the cell's secretary for a member on the cell's follow-ups; the server checks the same.
import { revalidate } from "@solidjs/router";
import { Show } from "solid-js";
import { REVIEW_RATING_LABELS, type ReviewRating } from "../../../schema/vocab/campaigns";
import { saveYearEndInput } from "../../api-steps";
import { Alert } from "../../components/Alert";
import { DayInput, Field, SelectField, TextArea } from "../../components/Field";
import { DAY_HINT, formatDay, todayIct } from "../../lib/labels";
import { createSubmission, readForm } from "../../lib/submission";

const LEVELS = Object.entries(REVIEW_RATING_LABELS) as [ReviewRating, string][];

export interface YearEndRecord {
  version: number;
  level: string | null;
  note: string | null;
  doneOn: string | null;
}

export default function YearEndForm(props: {
  tenant: string;
  campaignId: string;
  unitId: string;
  /** The member recorded for, by the secretary; absent for the member's own. */
  memberId?: string;
  /** Whose it is, for the summary ("Ghi nhận thay Nguyễn Văn An"). */
  forName?: string;
  record: YearEndRecord | null;
  /** The query keys to read again once saved. */
  revalidates: string[];
}) {
  const { errors, setErrors, message, pending, run } = createSubmission();
  const id = (k: string) => `ye-${props.memberId ?? "mine"}-${k}`;
  const submit = async (e: SubmitEvent) => {
    const { text, day } = readForm(e);
    const doneOn = day("doneOn");
    if (!doneOn) return setErrors({ doneOn: `Ngày không hợp lệ. ${DAY_HINT}` });
    await run(async () => {
      await saveYearEndInput(
        props.tenant,
        { campaignId: props.campaignId, unitId: props.unitId, memberId: props.memberId },
        {
          version: props.record?.version ?? 0,
          level: text("level") as ReviewRating,
          doneOn,
          note: text("note"),
        },
      );
      await revalidate(props.revalidates);
    });
  };
  const summary = () =>
    `${props.record ? "Sửa tự đánh giá" : props.forName ? "Ghi nhận thay" : "Tự đánh giá"}${props.forName ? ` — ${props.forName}` : ""}`;
  return (
    <details class="acknowledge">
      <summary>{summary()}</summary>
      <form onSubmit={submit} novalidate>
        <Show when={message()}>
          <Alert>{message()}</Alert>
        </Show>
        <SelectField
          id={id("level")}
          label="Tự xếp loại mức hoàn thành nhiệm vụ"
          name="level"
          options={LEVELS}
          selected={props.record?.level ?? "hoan-thanh"}
          required
        />
        <Field
          id={id("note")}
          label="Kết quả thực hiện kế hoạch, cam kết"
          required
          error={errors().note ?? ""}
        >
          <TextArea name="note" rows={4} maxLength={2000} value={props.record?.note ?? ""} />
        </Field>
        <Field
          id={id("doneOn")}
          label="Ngày tự đánh giá"
          required
          error={errors().doneOn ?? ""}
          hint={DAY_HINT}
        >
          <DayInput name="doneOn" value={formatDay(props.record?.doneOn ?? todayIct())} />
        </Field>
        <button type="submit" class="button primary" disabled={pending()}>
          {pending() ? "Đang lưu…" : "Lưu tự đánh giá"}
        </button>
      </form>
    </details>
  );
}
