// Text and choice controls of the plan form.
import { createSignal, For, Show, untrack, type JSX } from "solid-js";
import type {
  ChoiceField,
  LongTextField,
  ShortTextField,
  TemplateList,
} from "../../../schema/template";
import { FieldError, Help, Input, Req, Select, TextArea, invalid } from "../../components/Field";
import { formatDay } from "../../lib/labels";
import { codePoints, getAt, type Path } from "../../lib/plan";
import { described, initialString, LeafBox, useLeaf } from "./form-context";

export function ShortText(props: { field: ShortTextField; path: Path }) {
  const leaf = useLeaf(props);
  const ctx = leaf.ctx;
  return (
    <LeafBox leaf={leaf} field={props.field}>
      <Input
        type="text"
        value={initialString(ctx.data, props.path)}
        maxLength={props.field.maxLength}
        autocomplete="off"
        onInput={(e) => ctx.set(props.path, e.currentTarget.value || undefined)}
      />
    </LeafBox>
  );
}

/** A textarea with a counter: code points against maxLength, as the server counts them. */
export function LongText(props: { field: LongTextField; path: Path }) {
  const leaf = useLeaf(props);
  const { ctx, id, err } = leaf;
  const [length, setLength] = createSignal(codePoints(initialString(ctx.data, props.path)));
  const over = () => length() - props.field.maxLength;
  return (
    <LeafBox leaf={leaf} field={props.field}>
      <TextArea
        rows={5}
        value={initialString(ctx.data, props.path)}
        aria-invalid={invalid(err() || over() > 0)}
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
      <For each={(props.field.refersTo ?? []).flatMap((k) => ctx.lists.filter((l) => l.key === k))}>
        {(list) => <RefList list={list} />}
      </For>
    </LeafBox>
  );
}

/** A list the answer is written against ("đối chiếu"), its items numbered as the document
 *  numbers them; a list whose items the unit has not entered shows its name and source. */
function RefList(props: { list: TemplateList }) {
  const items = () => props.list.groups.flatMap((g) => g.items);
  return (
    <details class="ref-list">
      <summary>Đối chiếu: {props.list.shortName}</summary>
      <Show
        when={items().length}
        fallback={
          <p class="hint">
            {props.list.source.document} ngày {formatDay(props.list.source.date)} của{" "}
            {props.list.source.issuer}.
          </p>
        }
      >
        <For each={props.list.groups}>
          {(g) => (
            <>
              <Show when={props.list.groups.length > 1}>
                <p class="label">{g.title}</p>
              </Show>
              <ol>
                <For each={g.items}>{(i) => <li value={i.no}>{i.text}</li>}</For>
              </ol>
            </>
          )}
        </For>
      </Show>
    </details>
  );
}

/** Radios for a few options, a select for many, checkboxes when several may be chosen. */
export function Choice(props: { field: ChoiceField; path: Path }) {
  const leaf = useLeaf(props);
  const { ctx, id, required, err } = leaf;
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
  // A tick toggles one value; the values go in the template's order, whatever order they
  // were ticked in.
  const toggle = (value: string, on: boolean) => {
    if (on) chosen.add(value);
    else chosen.delete(value);
    const values = props.field.options.map((x) => x.value).filter((v) => chosen.has(v));
    ctx.set(props.path, values.length ? values : undefined);
  };
  return (
    <Show
      when={props.field.multiple || props.field.options.length <= 6}
      fallback={
        <LeafBox leaf={leaf} field={props.field}>
          <Select onChange={(e) => ctx.set(props.path, e.currentTarget.value || undefined)}>
            <option value="">— Chọn —</option>
            <For each={props.field.options}>
              {(o) => (
                <option value={o.value} selected={chosen.has(o.value)}>
                  {o.label}
                </option>
              )}
            </For>
          </Select>
        </LeafBox>
      }
    >
      {group(
        <For each={props.field.options}>
          {(o, i) => (
            <label class="check">
              <input
                type={props.field.multiple ? "checkbox" : "radio"}
                id={optId(i())}
                name={props.field.multiple ? undefined : id}
                value={o.value}
                checked={chosen.has(o.value)}
                onChange={(e) =>
                  props.field.multiple
                    ? toggle(o.value, e.currentTarget.checked)
                    : ctx.set(props.path, o.value)
                }
              />
              {o.label}
            </label>
          )}
        </For>,
      )}
    </Show>
  );
}
