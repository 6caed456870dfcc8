// The checklist control: per group a fieldset; per item its text, a level, and a note.
import { createSignal, For, Show, untrack } from "solid-js";
import type { ChecklistField, ListGroup } from "../../../schema/template";
import { Field, FieldError, Help, Req, TextArea } from "../../components/Field";
import { checklistGroups, codePoints, fieldId, getAt, type Path } from "../../lib/plan";
import { useForm, useRequired } from "./form-context";

export function Checklist(props: { field: ChecklistField; path: Path }) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const required = useRequired(props.field);
  const groups = () => checklistGroups(props.field, ctx.lists);
  return (
    <div class="field checklist" id={id} tabindex="-1" aria-labelledby={`${id}-label`}>
      <p class="field-label" id={`${id}-label`}>
        {props.field.label}
        <Req when={required()} />
      </p>
      <Help id={`${id}-help`} text={props.field.help} />
      <FieldError id={`${id}-err`} text={ctx.error(props.path)} />
      <For each={groups()}>
        {(g, gi) => <ChecklistGroup field={props.field} path={props.path} group={g} index={gi()} />}
      </For>
    </div>
  );
}

function ChecklistGroup(props: {
  field: ChecklistField;
  path: Path;
  group: ListGroup;
  index: number;
}) {
  const ctx = useForm();
  const gpath = () => [...props.path, props.group.key];
  return (
    <fieldset class="checklist-group" id={fieldId(gpath())} tabindex="-1">
      <legend>
        {props.index + 1}. {props.group.title}
      </legend>
      <FieldError id={`${fieldId(gpath())}-err`} text={ctx.error(gpath())} />
      <Show
        when={props.group.items.length > 0}
        fallback={<p class="muted">Danh sách này chưa có nội dung.</p>}
      >
        <ol class="checklist-items">
          <For each={props.group.items}>
            {(item) => (
              <ChecklistItem field={props.field} path={[...gpath(), String(item.no)]} item={item} />
            )}
          </For>
        </ol>
      </Show>
    </fieldset>
  );
}

function ChecklistItem(props: {
  field: ChecklistField;
  path: Path;
  item: { no: number; text: string };
}) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const initial = untrack(() => getAt(ctx.data, props.path)) as
    { level?: string; note?: string } | undefined;
  const [level, setLevel] = createSignal(initial?.level ?? "");
  const [note, setNote] = createSignal(initial?.note ?? "");
  const noteRequired = () => !!props.field.noteRequiredFor?.includes(level());
  // A note where the level asks for one, or where one was already written.
  const showNote = () => noteRequired() || note() !== "";
  const write = () => {
    const answer: { level?: string; note?: string } = {};
    if (level()) answer.level = level();
    if (note()) answer.note = note();
    ctx.set(props.path, Object.keys(answer).length ? answer : undefined);
  };
  const levelErr = () => ctx.error([...props.path, "level"]) || ctx.error(props.path);
  const noteErr = () => ctx.error([...props.path, "note"]);
  const noteId = fieldId([...props.path, "note"]);
  const levelId = (i: number) => (i === 0 ? fieldId([...props.path, "level"]) : `${id}-l${i}`);
  const noteLength = () => codePoints(note());
  return (
    <li class="checklist-item" value={props.item.no}>
      <fieldset aria-invalid={levelErr() ? "true" : undefined} aria-describedby={`${id}-err`}>
        <legend>
          <span class="item-no">{props.item.no}.</span> {props.item.text}
        </legend>
        <div class="levels">
          <For each={props.field.levels}>
            {(l, i) => (
              <label class="check">
                <input
                  type="radio"
                  id={levelId(i())}
                  name={`${id}-level`}
                  value={l.value}
                  checked={level() === l.value}
                  onChange={() => {
                    setLevel(l.value);
                    write();
                  }}
                />
                {l.label}
              </label>
            )}
          </For>
        </div>
        <FieldError id={`${id}-err`} text={levelErr()} />
      </fieldset>
      <Show when={showNote()}>
        <Field
          id={noteId}
          class="note"
          label={props.field.noteLabel}
          required={noteRequired()}
          error={noteErr()}
        >
          <TextArea
            rows={2}
            value={untrack(note)}
            aria-describedby={`${noteId}-count ${noteId}-err`}
            onInput={(e) => {
              setNote(e.currentTarget.value);
              write();
            }}
          />
          <p
            id={`${noteId}-count`}
            class="counter"
            classList={{ over: noteLength() > props.field.noteMaxLength }}
          >
            {noteLength()}/{props.field.noteMaxLength} ký tự
          </p>
        </Field>
      </Show>
    </li>
  );
}
