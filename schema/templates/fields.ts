// The shapes the directives' forms repeat: a form at its first version, and the field they use
// most, a long written answer. Each builds its object in the key order the built-ins always
// had, so a built-in's JSON does not change (tests/schema/templates-unchanged.test.ts).
import type { Field, Form, LongTextField, SectionField } from "../template";

export const LONG = 5000;

/** A long answer of up to 5,000 characters, in the key order the built-ins always had. */
export const longText = (
  key: string,
  label: string,
  required: boolean,
  help?: string,
): LongTextField => ({
  type: "longText",
  key,
  label,
  ...(help === undefined ? {} : { help }),
  required,
  maxLength: LONG,
});

/** A directive's form at version 1: who fills it, its fields and where the document says so. */
export const form = (
  head: Pick<Form, "key" | "title" | "intro" | "owner">,
  fields: Field[],
  cite: string,
): Form => ({
  key: head.key,
  version: 1,
  title: head.title,
  ...(head.intro === undefined ? {} : { intro: head.intro }),
  owner: head.owner,
  fields,
  cite,
});

/** A titled group of fields. */
export const section = (
  key: string,
  label: string,
  fields: SectionField["fields"],
): SectionField => ({
  type: "section",
  key,
  label,
  fields,
});
