// Forms, and the lists their checklists ask about.
import * as v from "valibot";
import { Owner } from "../vocab/step-kinds";
import { Field } from "./fields";
import { Cite, IsoDate, Key, PositiveInt, Text } from "./scalars";

/**
 * `version` is stored with every submission, so a submission keeps the form it was written on
 * after the template changes. `{nam}` in title or intro stands for the campaign's year.
 */
export const Form = v.object({
  key: Key,
  version: PositiveInt,
  title: Text,
  intro: v.optional(Text),
  owner: Owner,
  fields: v.pipe(v.array(Field), v.minLength(1)),
  cite: Cite,
});
export type Form = v.InferOutput<typeof Form>;

// ---------------------------------------------------------------------------------------------
// Lists the directives cite (reference/README.md)

export const ListItem = v.object({ no: PositiveInt, text: Text });
export type ListItem = v.InferOutput<typeof ListItem>;

export const ListGroup = v.object({
  key: Key,
  title: Text,
  expectedCount: PositiveInt,
  /** Empty until the tenant enters the text from its copy of the document: never invented. */
  items: v.array(ListItem),
});
export type ListGroup = v.InferOutput<typeof ListGroup>;

export const ListSource = v.object({ document: Text, date: IsoDate, issuer: Text });
export type ListSource = v.InferOutput<typeof ListSource>;

export const TemplateList = v.object({
  key: Key,
  name: Text,
  /** Used in messages, e.g. "27 biểu hiện (NQ 04-NQ/TW)". */
  shortName: Text,
  source: ListSource,
  expectedCount: PositiveInt,
  groups: v.pipe(v.array(ListGroup), v.minLength(1)),
  note: v.optional(Text),
});
export type TemplateList = v.InferOutput<typeof TemplateList>;
