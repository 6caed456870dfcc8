// One labelled form control with its hint and its error: the 422 answer's per-field message
// is shown under the control it names, and tied to it with aria-describedby.
//
// Ids derive from the control's id: `<id>-hint` (after the control), `<id>-help` (before it,
// on the plan forms) and `<id>-err`. The error slot is rendered whenever `error` is given,
// even empty, so a screen reader finds it in the same place when it fills.
import { createContext, createSignal, For, Show, splitProps, useContext, type JSX } from "solid-js";

/** What the control inside a Field reads: its id and the ids that describe it. */
interface FieldWiring {
  readonly id: string;
  readonly invalid: "true" | undefined;
  readonly required: "true" | undefined;
  readonly describedBy: string | undefined;
}
const FieldContext = createContext<FieldWiring>();

export function Field(props: {
  id: string;
  label: JSX.Element;
  /** Shows the asterisk; the control itself says aria-required. */
  required?: boolean;
  /** A hint under the control. */
  hint?: JSX.Element;
  /** A hint between the label and the control (the plan forms' help texts). */
  help?: string;
  /** The field's error, "" when none; leave undefined for a field that never has one. */
  error?: string;
  class?: string;
  children: JSX.Element;
}) {
  const wiring: FieldWiring = {
    get id() {
      return props.id;
    },
    get invalid() {
      return invalid(props.error);
    },
    get required() {
      return props.required ? "true" : undefined;
    },
    get describedBy() {
      const ids = [
        props.help ? `${props.id}-help` : "",
        props.hint ? `${props.id}-hint` : "",
        props.error !== undefined ? `${props.id}-err` : "",
      ];
      return ids.filter(Boolean).join(" ") || undefined;
    },
  };
  return (
    <FieldContext.Provider value={wiring}>
      <div class={props.class ? `field ${props.class}` : "field"}>
        <label for={props.id}>
          {props.label}
          <Req when={!!props.required} />
        </label>
        <Help id={`${props.id}-help`} text={props.help} />
        {props.children}
        <Show when={props.hint}>
          <p id={`${props.id}-hint`} class="hint">
            {props.hint}
          </p>
        </Show>
        <Show when={props.error !== undefined}>
          <FieldError id={`${props.id}-err`} text={props.error ?? ""} />
        </Show>
      </div>
    </FieldContext.Provider>
  );
}

/** The required mark after a label or legend; hidden from screen readers, which hear
 *  aria-required instead. */
export function Req(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      <span class="req" aria-hidden="true">
        {" "}
        *
      </span>
    </Show>
  );
}

export function Help(props: { id: string; text?: string }) {
  return (
    <Show when={props.text}>
      <p id={props.id} class="hint">
        {props.text}
      </p>
    </Show>
  );
}

export function FieldError(props: { id: string; text: string }) {
  return (
    <p id={props.id} class="field-error">
      {props.text}
    </p>
  );
}

/** aria-invalid for an error text: "true" when there is one, absent otherwise. */
export const invalid = (error: unknown): "true" | undefined => (error ? "true" : undefined);

/* The controls of a Field: they take its id, aria-required, aria-invalid and
   aria-describedby (help, hint and error), unless given their own. */

/** The attributes a control takes from its Field; read live, so they follow the error. */
function useWiring(): Pick<
  JSX.HTMLAttributes<HTMLElement>,
  "id" | "aria-required" | "aria-invalid" | "aria-describedby"
> {
  const f = useContext(FieldContext);
  if (!f) throw new Error("A field control outside a Field");
  return {
    get id() {
      return f.id;
    },
    get "aria-required"() {
      return f.required;
    },
    get "aria-invalid"() {
      return f.invalid;
    },
    get "aria-describedby"() {
      return f.describedBy;
    },
  };
}

export function Input(props: JSX.InputHTMLAttributes<HTMLInputElement>) {
  return <input {...useWiring()} {...props} />;
}

/** A calendar date typed as dd/mm/yyyy, with the phone's digit keyboard. */
export function DayInput(props: JSX.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Input type="text" inputmode="numeric" autocomplete="off" placeholder="dd/mm/yyyy" {...props} />
  );
}

/** A required box for text taken exactly as typed (an address, a code): no spell check;
 *  `invalid` marks it when the form's last answer was an error. */
export function ExactInput(
  props: JSX.InputHTMLAttributes<HTMLInputElement> & { invalid: boolean },
) {
  const [own, rest] = splitProps(props, ["invalid"]);
  return (
    <Input spellcheck={false} required aria-invalid={own.invalid ? "true" : undefined} {...rest} />
  );
}

/** The six digits of an authenticator app (a space in the middle allowed), named `code`. */
export function OneTimeCodeInput(props: JSX.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Input
      name="code"
      inputmode="numeric"
      autocomplete="one-time-code"
      pattern="[0-9 ]{6,7}"
      maxlength="7"
      required
      {...props}
    />
  );
}

/** A required password box; `invalid` marks it when the form's last answer was an error. */
export function PasswordInput(
  props: JSX.InputHTMLAttributes<HTMLInputElement> & {
    autocomplete: "current-password" | "new-password";
    invalid: boolean;
  },
) {
  const [own, rest] = splitProps(props, ["invalid"]);
  return (
    <Input type="password" required aria-invalid={own.invalid ? "true" : undefined} {...rest} />
  );
}

export function Select(props: JSX.SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...useWiring()} {...props} />;
}

export function TextArea(props: JSX.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea {...useWiring()} {...props} />;
}

/** A Field whose control is a select of [value, label] options. */
export function SelectField(props: {
  id: string;
  label: string;
  name: string;
  options: readonly (readonly [string, string])[];
  /** The option selected at first; the first one when not given. */
  selected?: string;
  required?: boolean;
  onChange?: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <Select
        name={props.name}
        required={props.required}
        onChange={(e) => props.onChange?.(e.currentTarget.value)}
      >
        <For each={props.options}>
          {([value, label]) => (
            <option value={value} selected={value === props.selected}>
              {label}
            </option>
          )}
        </For>
      </Select>
    </Field>
  );
}

/** A choice among [value, label] options: the one picked, else the first. */
export interface Choice {
  readonly options: () => readonly (readonly [string, string])[];
  readonly chosen: () => string;
  readonly pick: (value: string) => void;
}

export function createChoice(options: Choice["options"]): Choice {
  const [picked, pick] = createSignal("");
  return { options, chosen: () => picked() || options()[0]?.[0] || "", pick };
}

/** A SelectField when there is a choice; when there is none, the one option travels as a
 *  hidden input. */
export function ChoiceField(props: { id: string; label: string; name: string; choice: Choice }) {
  return (
    <Show
      when={props.choice.options().length > 1}
      fallback={<input type="hidden" name={props.name} value={props.choice.chosen()} />}
    >
      <SelectField
        id={props.id}
        label={props.label}
        name={props.name}
        options={props.choice.options()}
        onChange={props.choice.pick}
      />
    </Show>
  );
}
