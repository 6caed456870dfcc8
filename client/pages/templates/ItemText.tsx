// A listed item's wording as the template editor offers it (a form, a step): its title
// (required, up to 300 characters) and its optional longer text (left out when emptied). The
// inputs' ids and error paths follow the item: `form-0-title` shows the error at
// `forms.0.title`.
import type { SetStoreFunction } from "solid-js/store";
import type { TemplateDefinition } from "../../../schema/template";
import { Field, Input, TextArea } from "../../components/Field";

/** Which list the item is in, what its title is called and which longer text it has. */
export interface ItemTextKind {
  list: "forms" | "steps";
  /** The prefix of the inputs' ids: "form", "step". */
  id: string;
  titleLabel: string;
  text: { key: "intro" | "description"; label: string; hint?: string; rows: number };
}

export function ItemText(props: {
  of: ItemTextKind;
  i: number;
  item: { title: string; intro?: string | undefined; description?: string | undefined };
  editor: {
    setDef: SetStoreFunction<TemplateDefinition>;
    /** The server's message for one path, "" when none. */
    err: (path: string) => string;
  };
}) {
  const id = (key: string) => `${props.of.id}-${props.i}-${key}`;
  const err = (key: string) => props.editor.err(`${props.of.list}.${props.i}.${key}`);
  // The store's setter, called with the item's list and key (both checked by ItemTextKind).
  const set = (key: string, value: string | undefined) =>
    (props.editor.setDef as (...path: unknown[]) => void)(props.of.list, props.i, key, value);
  const text = () => props.of.text;
  return (
    <>
      <Field id={id("title")} label={props.of.titleLabel} error={err("title")}>
        <Input
          type="text"
          value={props.item.title}
          maxLength={300}
          onInput={(e) => set("title", e.currentTarget.value)}
        />
      </Field>
      <Field id={id(text().key)} label={text().label} hint={text().hint} error={err(text().key)}>
        <TextArea
          rows={text().rows}
          value={props.item[text().key] ?? ""}
          onInput={(e) => set(text().key, e.currentTarget.value || undefined)}
        />
      </Field>
    </>
  );
}
