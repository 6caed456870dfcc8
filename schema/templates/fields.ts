// The field shape the directives' forms use most: a long written answer.
import type { LongTextField } from "../template";

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
