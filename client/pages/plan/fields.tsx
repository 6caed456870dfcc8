// The controls of a form drawn from its template definition: one component per field type.
// Inputs are uncontrolled: each starts from the data as loaded and writes back through the
// form context on every change; the editor re-creates them all when it loads another
// version. Ids come from the field's path (lib/plan.ts), so a server error can find it.
import { For, Show, type Component, type JSX } from "solid-js";
import type { LeafField, SectionField } from "../../../schema/template";
import { fieldId, type Path } from "../../lib/plan";
import { Checklist } from "./checklist";
import { FormContext, type FormCtx } from "./form-context";
import { CellConfirmation, Commitment, DateInput, NumberInput } from "./parsed-fields";
import { Choice, LongText, ShortText } from "./text-fields";

export type { FormCtx } from "./form-context";

export function FormFields(props: { ctx: FormCtx }) {
  return (
    <FormContext.Provider value={props.ctx}>
      <For each={props.ctx.form.fields}>
        {(f) => (f.type === "section" ? <Section field={f} /> : <Leaf field={f} path={[f.key]} />)}
      </For>
    </FormContext.Provider>
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
  return <>{control(props.field, props.path)}</>;
}

/** A control for each field type. A new field type fails to compile here until it has one. */
const CONTROLS: {
  [K in LeafField["type"]]: Component<{ field: Extract<LeafField, { type: K }>; path: Path }>;
} = {
  shortText: ShortText,
  longText: LongText,
  choice: Choice,
  date: DateInput,
  number: NumberInput,
  checklist: Checklist,
  commitment: Commitment,
  cellConfirmation: CellConfirmation,
};

function control(field: LeafField, path: Path): JSX.Element {
  // The table pairs each type with its control; TypeScript cannot follow that through the
  // index, so the pair is widened here.
  const Control = CONTROLS[field.type] as Component<{ field: LeafField; path: Path }>;
  return <Control field={field} path={path} />;
}
