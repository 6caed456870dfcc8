// The forms' wording and the meeting rules of a tenant's template: a form's title and its
// opening paragraph (what a member's printed plan begins with, so a copy can drop the seed's
// "Hướng dẫn của Quận ủy"), and each meeting's minimum length, materials lead time and notes.
// Errors for a path ("meetingRules.0.minDurationMinutes") show beside its input.
import { For, Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { TemplateDefinition } from "../../../schema/template";
import { Field, Input, TextArea } from "../../components/Field";
import { ItemText, type ItemTextKind } from "./ItemText";

/** A count typed in a box: undefined when empty (the rule is then not stated), NaN when not
 *  a whole number (the server answers it beside the box). */
export function countFromText(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return /^\d{1,6}$/.test(t) ? Number(t) : NaN;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const FORM_TEXT: ItemTextKind = {
  list: "forms",
  id: "form",
  titleLabel: "Tiêu đề",
  text: {
    key: "intro",
    label: "Đoạn mở đầu",
    hint: "In ở đầu bản kế hoạch; {nam} là năm của đợt.",
    rows: 4,
  },
};

export function FormsEditor(props: {
  def: TemplateDefinition;
  setDef: SetStoreFunction<TemplateDefinition>;
  err: (path: string) => string;
}) {
  return (
    <section aria-labelledby="tpl-forms" class="stack">
      <h2 id="tpl-forms">Biểu mẫu</h2>
      <For each={props.def.forms}>
        {(f, i) => (
          <fieldset class="list-edit">
            <legend>{f.title}</legend>
            <ItemText of={FORM_TEXT} i={i()} item={f} editor={props} />
          </fieldset>
        )}
      </For>
    </section>
  );
}

/** The counts of a meeting rule the editor offers, with their labels. */
const COUNTS = [
  ["minDurationMinutes", "Thời lượng tối thiểu (phút)"],
  ["materialsLeadDays", "Gửi tài liệu trước (ngày)"],
] as const;

export function MeetingRulesEditor(props: {
  def: TemplateDefinition;
  setDef: SetStoreFunction<TemplateDefinition>;
  err: (path: string) => string;
}) {
  return (
    <Show when={props.def.meetingRules.length > 0}>
      <section aria-labelledby="tpl-meetings" class="stack">
        <h2 id="tpl-meetings">Quy định cuộc họp</h2>
        <For each={props.def.meetingRules}>
          {(r, i) => {
            const path = (k: string) => `meetingRules.${i()}.${k}`;
            return (
              <fieldset class="list-edit">
                <legend>{r.title}</legend>
                <div class="grid-2">
                  <For
                    each={COUNTS.filter(
                      ([k]) => k !== "minDurationMinutes" || r.minDurationDays === undefined,
                    )}
                  >
                    {([key, label]) => (
                      <Field
                        id={`meeting-${i()}-${key}`}
                        label={label}
                        error={props.err(path(key))}
                      >
                        <Input
                          type="text"
                          inputmode="numeric"
                          value={r[key] ?? ""}
                          onChange={(e) =>
                            props.setDef(
                              "meetingRules",
                              i(),
                              key,
                              countFromText(e.currentTarget.value),
                            )
                          }
                        />
                      </Field>
                    )}
                  </For>
                </div>
                <Field
                  id={`meeting-${i()}-notes`}
                  label="Lưu ý (mỗi dòng một ý)"
                  error={props.err(path("notes"))}
                >
                  <TextArea
                    rows={3}
                    value={(r.notes ?? []).join("\n")}
                    onChange={(e) => {
                      const notes = lines(e.currentTarget.value);
                      props.setDef("meetingRules", i(), "notes", notes.length ? notes : undefined);
                    }}
                  />
                </Field>
              </fieldset>
            );
          }}
        </For>
      </section>
    </Show>
  );
}
