// The controls of a form drawn from its template definition: one component per field type.
// Inputs are uncontrolled: each starts from the data as loaded and writes back through the
// form context on every change; the editor re-creates them all when it loads another
// version. Ids come from the field's path (lib/plan.ts), so a server error can find it.
import { For, Show, type JSX } from "solid-js";
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

/** The control of one field type. A new field type fails to compile here until it has one. */
function control(field: LeafField, path: Path): JSX.Element {
  switch (field.type) {
    case "shortText":
      return <ShortText field={field} path={path} />;
    case "longText":
      return <LongText field={field} path={path} />;
    case "choice":
      return <Choice field={field} path={path} />;
    case "date":
      return <DateInput field={field} path={path} />;
    case "number":
      return <NumberInput field={field} path={path} />;
    case "checklist":
      return <Checklist field={field} path={path} />;
    case "commitment":
      return <Commitment field={field} path={path} />;
    case "cellConfirmation":
      return <CellConfirmation field={field} />;
    default: {
      const unknown: never = field;
      throw new Error(`No control for field ${JSON.stringify(unknown)}`);
    }
  }
}
