// A member's own year-end input (issue 10): the level they assess themselves at and how they
// carried out their plan (the commitment), with the day. Filled by the member on their task,
// or by the cell's secretary for a member on the cell's follow-ups; the server checks the same.
import { revalidate } from "@solidjs/router";
import { REVIEW_RATING_LABELS, type ReviewRating } from "../../../schema/vocab/campaigns";
import { saveYearEndInput } from "../../api-steps";
import { DatedRecordForm } from "../../components/DatedRecordForm";
import { Field, SelectField, TextArea } from "../../components/Field";

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
  const id = (k: string) => `ye-${props.memberId ?? "mine"}-${k}`;
  const summary = () =>
    `${props.record ? "Sửa tự đánh giá" : props.forName ? "Ghi nhận thay" : "Tự đánh giá"}${props.forName ? ` — ${props.forName}` : ""}`;
  return (
    <DatedRecordForm
      summary={summary()}
      id={id}
      dayLabel="Ngày tự đánh giá"
      day={props.record?.doneOn}
      submitLabel="Lưu tự đánh giá"
      save={async (doneOn, text) => {
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
      }}
      reload={() => revalidate(props.revalidates)}
      before={(err) => (
        <>
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
            error={err("note")}
          >
            <TextArea name="note" rows={4} maxLength={2000} value={props.record?.note ?? ""} />
          </Field>
        </>
      )}
    />
  );
}
