// The context the plan form's controls share: the form, its data, and how a control writes
// back and finds its error.
import { createContext, untrack, useContext, type Accessor, type JSX } from "solid-js";
import type { Form, LeafField, TemplateList } from "../../../schema/template";
import type { PlanData } from "../../api";
import { Field } from "../../components/Field";
import { fieldId, getAt, isRequired, type Path } from "../../lib/plan";

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

export const FormContext = createContext<FormCtx>();

export const useForm = (): FormCtx => {
  const c = useContext(FormContext);
  if (!c) throw new Error("Form fields outside a form context");
  return c;
};

/** Whether the field is required now: requiredIf follows the other fields as they change. */
export function useRequired(field: LeafField): Accessor<boolean> {
  const ctx = useForm();
  return () => (ctx.tick(), isRequired(ctx.form, ctx.data, field));
}

/** ids of the help and error texts, for aria-describedby. */
export const described = (id: string, help: string | undefined, ...more: string[]) =>
  [help ? `${id}-help` : "", `${id}-err`, ...more].filter(Boolean).join(" ");

export const initialString = (data: PlanData, path: Path): string => {
  const v = untrack(() => getAt(data, path));
  return typeof v === "string" ? v : "";
};

/** What a leaf control starts from: the form, its id, whether it is required now, its error. */
export function useLeaf(props: { field: LeafField; path: Path }) {
  const ctx = useForm();
  return {
    ctx,
    id: fieldId(props.path),
    required: useRequired(props.field),
    err: () => ctx.error(props.path),
  };
}

/** The labelled Field of a leaf control, with its required mark, help and error. */
export function LeafBox(props: {
  leaf: ReturnType<typeof useLeaf>;
  field: LeafField;
  /** Instead of the field's help and the form's error, when the control has its own. */
  help?: string;
  error?: string;
  children: JSX.Element;
}) {
  return (
    <Field
      id={props.leaf.id}
      label={props.field.label}
      required={props.leaf.required()}
      help={props.help ?? props.field.help}
      error={props.error ?? props.leaf.err()}
    >
      {props.children}
    </Field>
  );
}
