// The controls of a form drawn from its template definition: one component per field type.
// Inputs are uncontrolled: each starts from the data as loaded and writes back through the
// form context on every change; the editor re-creates them all when it loads another
// version. Ids come from the field's path (lib/plan.ts), so a server error can find it.
import {
  createContext,
  createSignal,
  For,
  Match,
  Show,
  Switch,
  untrack,
  useContext,
  type Accessor,
  type JSX,
} from "solid-js";
import type {
  CellConfirmationField,
  ChecklistField,
  ChoiceField,
  CommitmentField,
  DateField,
  Form,
  LeafField,
  ListGroup,
  LongTextField,
  NumberField,
  SectionField,
  ShortTextField,
  TemplateList,
} from "../../../schema/template";
import type { PlanData } from "../../api";
import { formatDate } from "../../lib/format";
import { DAY_HINT, formatDay, parseDay } from "../../lib/labels";
import { checklistGroups, codePoints, fieldId, getAt, isRequired, type Path } from "../../lib/plan";

export interface FormCtx {
  form: Form;
  lists: readonly TemplateList[];
  /** The current data; mutated in place by `set`. */
  data: PlanData;
  /** Moves on every change, for what depends on other fields (requiredIf). */
  tick: Accessor<number>;
  set(path: Path, value: unknown): void;
  error(path: Path | string): string;
  /** When the cell confirmed the plan, for cellConfirmation fields. */
  confirmedAt: Accessor<string | null>;
}

const Ctx = createContext<FormCtx>();
const useForm = (): FormCtx => {
  const c = useContext(Ctx);
  if (!c) throw new Error("Form fields outside a form context");
  return c;
};

export function FormFields(props: { ctx: FormCtx }) {
  return (
    <Ctx.Provider value={props.ctx}>
      <For each={props.ctx.form.fields}>
        {(f) => (f.type === "section" ? <Section field={f} /> : <Leaf field={f} path={[f.key]} />)}
      </For>
    </Ctx.Provider>
  );
}

function Section(props: { field: SectionField }) {
  const id = () => fieldId([props.field.key]);
  return (
    <fieldset class="form-section" id={id()} tabindex="-1">
      <legend>{props.field.label}</legend>
      <Show when={props.field.intro}>
        <p class="hint">{props.field.intro}</p>
      </Show>
      <For each={props.field.fields}>
        {(f) => <Leaf field={f} path={[props.field.key, f.key]} />}
      </For>
    </fieldset>
  );
}

function Leaf(props: { field: LeafField; path: Path }) {
  return (
    <Switch>
      <Match when={props.field.type === "shortText"}>
        <ShortText field={props.field as ShortTextField} path={props.path} />
      </Match>
      <Match when={props.field.type === "longText"}>
        <LongText field={props.field as LongTextField} path={props.path} />
      </Match>
      <Match when={props.field.type === "choice"}>
        <Choice field={props.field as ChoiceField} path={props.path} />
      </Match>
      <Match when={props.field.type === "date"}>
        <DateInput field={props.field as DateField} path={props.path} />
      </Match>
      <Match when={props.field.type === "number"}>
        <NumberInput field={props.field as NumberField} path={props.path} />
      </Match>
      <Match when={props.field.type === "checklist"}>
        <Checklist field={props.field as ChecklistField} path={props.path} />
      </Match>
      <Match when={props.field.type === "commitment"}>
        <Commitment field={props.field as CommitmentField} path={props.path} />
      </Match>
      <Match when={props.field.type === "cellConfirmation"}>
        <CellConfirmation field={props.field as CellConfirmationField} />
      </Match>
    </Switch>
  );
}

// ---- Pieces every field shares ----

function useRequired(field: LeafField): Accessor<boolean> {
  const ctx = useForm();
  return () => (ctx.tick(), isRequired(ctx.form, ctx.data, field));
}

function Req(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      <span class="req" aria-hidden="true">
        {" "}
        *
      </span>
    </Show>
  );
}

function Help(props: { id: string; text?: string }) {
  return (
    <Show when={props.text}>
      <p id={props.id} class="hint">
        {props.text}
      </p>
    </Show>
  );
}

function FieldError(props: { id: string; text: string }) {
  return (
    <p id={props.id} class="field-error">
      {props.text}
    </p>
  );
}

/** ids of the help and error texts, for aria-describedby. */
const described = (id: string, help: string | undefined, ...more: string[]) =>
  [help ? `${id}-help` : "", `${id}-err`, ...more].filter(Boolean).join(" ");

const initialString = (data: PlanData, path: Path): string => {
  const v = untrack(() => getAt(data, path));
  return typeof v === "string" ? v : "";
};

// ---- Text ----

function ShortText(props: { field: ShortTextField; path: Path }) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const required = useRequired(props.field);
  const err = () => ctx.error(props.path);
  return (
    <div class="field">
      <label for={id}>
        {props.field.label}
        <Req when={required()} />
      </label>
      <Help id={`${id}-help`} text={props.field.help} />
      <input
        id={id}
        type="text"
        value={initialString(ctx.data, props.path)}
        maxLength={props.field.maxLength}
        autocomplete="off"
        aria-required={required() ? "true" : undefined}
        aria-invalid={err() ? "true" : undefined}
        aria-describedby={described(id, props.field.help)}
        onInput={(e) => ctx.set(props.path, e.currentTarget.value || undefined)}
      />
      <FieldError id={`${id}-err`} text={err()} />
    </div>
  );
}

/** A textarea with a counter: code points against maxLength, as the server counts them. */
function LongText(props: { field: LongTextField; path: Path }) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const required = useRequired(props.field);
  const err = () => ctx.error(props.path);
  const [length, setLength] = createSignal(codePoints(initialString(ctx.data, props.path)));
  const over = () => length() - props.field.maxLength;
  return (
    <div class="field">
      <label for={id}>
        {props.field.label}
        <Req when={required()} />
      </label>
      <Help id={`${id}-help`} text={props.field.help} />
      <textarea
        id={id}
        rows={5}
        value={initialString(ctx.data, props.path)}
        aria-required={required() ? "true" : undefined}
        aria-invalid={err() || over() > 0 ? "true" : undefined}
        aria-describedby={described(id, props.field.help, `${id}-count`)}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setLength(codePoints(v));
          ctx.set(props.path, v || undefined);
        }}
      />
      <p id={`${id}-count`} class="counter" classList={{ over: over() > 0 }}>
        {length().toLocaleString("vi-VN")}/{props.field.maxLength.toLocaleString("vi-VN")} ký tự
        <Show when={over() > 0}> — thừa {over().toLocaleString("vi-VN")} ký tự, hãy rút gọn</Show>
      </p>
      <FieldError id={`${id}-err`} text={err()} />
    </div>
  );
}

// ---- Choice ----

/** Radios for a few options, a select for many, checkboxes when several may be chosen. */
function Choice(props: { field: ChoiceField; path: Path }) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const required = useRequired(props.field);
  const err = () => ctx.error(props.path);
  const initial = untrack(() => getAt(ctx.data, props.path));
  const chosen = new Set(
    Array.isArray(initial) ? initial.map(String) : typeof initial === "string" ? [initial] : [],
  );
  const optId = (i: number) => (i === 0 ? id : `${id}-${i}`);
  const group = (children: JSX.Element) => (
    <fieldset
      class="field choice"
      aria-describedby={described(id, props.field.help)}
      aria-invalid={err() ? "true" : undefined}
    >
      <legend>
        {props.field.label}
        <Req when={required()} />
      </legend>
      <Help id={`${id}-help`} text={props.field.help} />
      {children}
      <FieldError id={`${id}-err`} text={err()} />
    </fieldset>
  );
  return (
    <Switch>
      <Match when={props.field.multiple}>
        {group(
          <For each={props.field.options}>
            {(o, i) => (
              <label class="check">
                <input
                  type="checkbox"
                  id={optId(i())}
                  value={o.value}
                  checked={chosen.has(o.value)}
                  onChange={(e) => {
                    if (e.currentTarget.checked) chosen.add(o.value);
                    else chosen.delete(o.value);
                    // In the template's order, whatever order they were ticked in.
                    const values = props.field.options
                      .map((x) => x.value)
                      .filter((v) => chosen.has(v));
                    ctx.set(props.path, values.length ? values : undefined);
                  }}
                />
                {o.label}
              </label>
            )}
          </For>,
        )}
      </Match>
      <Match when={props.field.options.length <= 6}>
        {group(
          <For each={props.field.options}>
            {(o, i) => (
              <label class="check">
                <input
                  type="radio"
                  id={optId(i())}
                  name={id}
                  value={o.value}
                  checked={chosen.has(o.value)}
                  onChange={() => ctx.set(props.path, o.value)}
                />
                {o.label}
              </label>
            )}
          </For>,
        )}
      </Match>
      <Match when={true}>
        <div class="field">
          <label for={id}>
            {props.field.label}
            <Req when={required()} />
          </label>
          <Help id={`${id}-help`} text={props.field.help} />
          <select
            id={id}
            aria-required={required() ? "true" : undefined}
            aria-invalid={err() ? "true" : undefined}
            aria-describedby={described(id, props.field.help)}
            onChange={(e) => ctx.set(props.path, e.currentTarget.value || undefined)}
          >
            <option value="">— Chọn —</option>
            <For each={props.field.options}>
              {(o) => (
                <option value={o.value} selected={chosen.has(o.value)}>
                  {o.label}
                </option>
              )}
            </For>
          </select>
          <FieldError id={`${id}-err`} text={err()} />
        </div>
      </Match>
    </Switch>
  );
}

// ---- Date and number: typed as text, sent only once they are valid ----

/**
 * A value typed as text that is sent only when it parses: a half-typed date or number would
 * otherwise be refused by the server and hold back the autosave of everything else.
 */
function ParsedText(props: {
  field: DateField | NumberField;
  path: Path;
  initial: string;
  inputmode: "numeric" | "decimal";
  placeholder?: string;
  hint?: string;
  parse: (text: string) => { value: unknown } | { error: string };
}) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const required = useRequired(props.field);
  const [local, setLocal] = createSignal("");
  const [touched, setTouched] = createSignal(false);
  const err = () => (touched() && local()) || ctx.error(props.path);
  const hint = () => [props.field.help, props.hint].filter(Boolean).join(" ") || undefined;
  const onInput = (text: string) => {
    const s = text.trim();
    if (!s) {
      setLocal("");
      ctx.set(props.path, undefined);
      return;
    }
    const r = props.parse(s);
    if ("error" in r) {
      setLocal(r.error);
      ctx.set(props.path, undefined);
    } else {
      setLocal("");
      ctx.set(props.path, r.value);
    }
  };
  return (
    <div class="field">
      <label for={id}>
        {props.field.label}
        <Req when={required()} />
      </label>
      <Help id={`${id}-help`} text={hint()} />
      <input
        id={id}
        type="text"
        inputmode={props.inputmode}
        autocomplete="off"
        placeholder={props.placeholder}
        value={props.initial}
        aria-required={required() ? "true" : undefined}
        aria-invalid={err() ? "true" : undefined}
        aria-describedby={described(id, hint())}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => setTouched(true)}
      />
      <FieldError id={`${id}-err`} text={err()} />
    </div>
  );
}

function DateInput(props: { field: DateField; path: Path }) {
  const ctx = useForm();
  const v = untrack(() => getAt(ctx.data, props.path));
  return (
    <ParsedText
      field={props.field}
      path={props.path}
      initial={typeof v === "string" ? formatDay(v) : ""}
      inputmode="numeric"
      placeholder="dd/mm/yyyy"
      hint={DAY_HINT}
      parse={(s) => {
        const ymd = parseDay(s);
        return ymd ? { value: ymd } : { error: `Ngày không hợp lệ. ${DAY_HINT}` };
      }}
    />
  );
}

function NumberInput(props: { field: NumberField; path: Path }) {
  const ctx = useForm();
  const v = untrack(() => getAt(ctx.data, props.path));
  const f = props.field;
  return (
    <ParsedText
      field={f}
      path={props.path}
      initial={typeof v === "number" ? String(v) : ""}
      inputmode={f.integer ? "numeric" : "decimal"}
      parse={(s) => {
        const n = Number(s.replace(",", "."));
        if (!Number.isFinite(n)) return { error: "Phải là số." };
        if (f.integer && !Number.isInteger(n)) return { error: "Phải là số nguyên." };
        if (f.min !== undefined && n < f.min) return { error: `Không được nhỏ hơn ${f.min}.` };
        if (f.max !== undefined && n > f.max) return { error: `Không được lớn hơn ${f.max}.` };
        return { value: n };
      }}
    />
  );
}

// ---- Commitment and the cell's confirmation ----

function Commitment(props: { field: CommitmentField; path: Path }) {
  const ctx = useForm();
  const id = fieldId(props.path);
  const err = () => ctx.error(props.path);
  const required = useRequired(props.field);
  return (
    <fieldset class="field commitment" aria-invalid={err() ? "true" : undefined}>
      <legend>
        {props.field.label}
        <Req when={required()} />
      </legend>
      <p id={`${id}-statement`} class="statement">
        {props.field.statement}
      </p>
      <label class="check">
        <input
          type="checkbox"
          id={id}
          checked={untrack(() => getAt(ctx.data, props.path)) === true}
          aria-describedby={described(id, props.field.help, `${id}-statement`)}
          // Unticked is "absent", not false: the server refuses false even in a draft.
          onChange={(e) => ctx.set(props.path, e.currentTarget.checked ? true : undefined)}
        />
        Tôi cam kết như trên
      </label>
      <Help id={`${id}-help`} text={props.field.help} />
      <FieldError id={`${id}-err`} text={err()} />
    </fieldset>
  );
}

/** Filled by the cell when it confirms, never by the member: shown, not edited. */
function CellConfirmation(props: { field: CellConfirmationField }) {
  const ctx = useForm();
  return (
    <div class="field cell-confirmation">
      <p class="field-label">{props.field.label}</p>
      <Show when={props.field.statement}>
        <p class="statement">{props.field.statement}</p>
      </Show>
      <p class="muted">
        {ctx.confirmedAt()
          ? `Chi bộ xác nhận ngày ${formatDate(ctx.confirmedAt()!)}.`
          : "Chi bộ điền phần này khi xác nhận, sau khi bạn nộp."}
      </p>
    </div>
  );
}

// ---- Checklist: per group a fieldset; per item its text, a level, and a note ----

function Checklist(props: { field: ChecklistField; path: Path }) {
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
        <div class="field note">
          <label for={noteId}>
            {props.field.noteLabel}
            <Req when={noteRequired()} />
          </label>
          <textarea
            id={noteId}
            rows={2}
            value={untrack(note)}
            aria-required={noteRequired() ? "true" : undefined}
            aria-invalid={noteErr() ? "true" : undefined}
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
          <FieldError id={`${noteId}-err`} text={noteErr()} />
        </div>
      </Show>
    </li>
  );
}
