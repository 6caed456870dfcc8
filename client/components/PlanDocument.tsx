// A filled-in form as a document to read: the member's confirmed plan, the secretary's review
// and the print view. Labels and answers as text, in the form's order; nothing to edit.
import { For, Show } from "solid-js";
import type { Form, LeafField, TemplateList } from "../../schema/template";
import type { PlanData } from "../api";
import { formatDate } from "../lib/format";
import { formatDay } from "../lib/labels";
import { checklistGroups, getAt, type Path } from "../lib/plan";

export default function PlanDocument(props: {
  form: Form;
  lists: readonly TemplateList[];
  data: PlanData;
  confirmedAt: string | null;
  /** Paper: the commitment is the closing paragraph; the confirmation is a signature block. */
  print?: boolean;
}) {
  return (
    <div class="plan-doc">
      <For each={props.form.fields}>
        {(f) =>
          f.type === "section" ? (
            <section class="doc-section">
              <h2>{f.label}</h2>
              <Show when={f.intro}>
                <p>{f.intro}</p>
              </Show>
              <For each={f.fields}>
                {(x) => <Answer {...props} field={x} path={[f.key, x.key]} />}
              </For>
            </section>
          ) : (
            <Answer {...props} field={f} path={[f.key]} />
          )
        }
      </For>
    </div>
  );
}

const EMPTY = "(chưa điền)";

function Answer(props: {
  field: LeafField;
  path: Path;
  lists: readonly TemplateList[];
  data: PlanData;
  confirmedAt: string | null;
  print?: boolean;
}) {
  const value = () => getAt(props.data, props.path);
  const text = (): string => {
    const v = value();
    const f = props.field;
    if (v === undefined || v === null || v === "") return "";
    if (f.type === "date" && typeof v === "string") return formatDay(v);
    if (f.type === "choice") {
      const values = Array.isArray(v) ? v : [v];
      return values.map((x) => f.options.find((o) => o.value === x)?.label ?? String(x)).join(", ");
    }
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
  };
  const f = props.field;
  switch (f.type) {
    case "shortText":
    case "number":
    case "date":
    case "choice":
      return (
        <p class="doc-line">
          <span class="doc-label">{f.label}:</span> {text() || EMPTY}
        </p>
      );
    case "longText":
      return (
        <div class="doc-block">
          <p class="doc-label">{f.label}</p>
          <p class="doc-text" classList={{ empty: !text() }}>
            {text() || EMPTY}
          </p>
        </div>
      );
    case "commitment":
      return props.print ? (
        <p class="doc-commitment">{f.statement}</p>
      ) : (
        <p class="doc-line">
          <span aria-hidden="true">{value() === true ? "☑" : "☐"} </span>
          <span class="visually-hidden">
            {value() === true ? "Đã cam kết: " : "Chưa cam kết: "}
          </span>
          {f.statement}
        </p>
      );
    case "cellConfirmation":
      return props.print ? null : (
        <p class="doc-line">
          <span class="doc-label">{f.label}:</span>{" "}
          {props.confirmedAt
            ? `đã xác nhận ngày ${formatDate(props.confirmedAt)}`
            : "chưa xác nhận"}
        </p>
      );
    case "checklist": {
      const answer = (group: string, no: number) =>
        getAt(props.data, [...props.path, group, String(no)]) as
          { level?: string; note?: string } | undefined;
      const levelLabel = (l: string | undefined) =>
        f.levels.find((x) => x.value === l)?.label ?? "(chưa chọn)";
      return (
        <div class="doc-block">
          <p class="doc-label">{f.label}</p>
          <For each={checklistGroups(f, props.lists)}>
            {(g, gi) => (
              <>
                <p class="doc-group">
                  {gi() + 1}. {g.title}
                </p>
                <ol class="doc-checklist">
                  <For each={g.items}>
                    {(item) => (
                      <li value={item.no}>
                        {item.text} — <strong>{levelLabel(answer(g.key, item.no)?.level)}</strong>
                        <Show when={answer(g.key, item.no)?.note}>
                          {(note) => <span class="doc-note">. {note()}</span>}
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
              </>
            )}
          </For>
        </div>
      );
    }
  }
}

/** A submission read with its campaign and form, as the review screens get it. */
interface SubmissionRead {
  form: Form | null | undefined;
  campaign: { definition: { lists: readonly TemplateList[] } };
  submission: { data: PlanData; confirmedAt: string | null };
}

/** The read-only document of a submission, or a card saying its form is missing. */
export function SubmissionDocument(props: { read: SubmissionRead }) {
  return (
    <Show
      when={props.read.form}
      fallback={<p class="card">Không tìm thấy biểu mẫu của bản này.</p>}
    >
      {(form) => (
        <PlanDocument
          form={form()}
          lists={props.read.campaign.definition.lists}
          data={props.read.submission.data}
          confirmedAt={props.read.submission.confirmedAt}
        />
      )}
    </Show>
  );
}
