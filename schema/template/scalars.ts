// Scalars of the template language, and the vocabularies it shares with the rest of the
// product (schema/vocab). Only actions @valibot/to-json-schema can convert: the same schemas
// feed the OpenAPI document.
import * as v from "valibot";
import { KEY_RE } from "../rules/keys";

export { DueRule } from "../vocab/tasks";
export { MemberStatus } from "../vocab/people";
export { StepKind } from "../vocab/campaigns";
export { UnitKind } from "../vocab/people";

/** Machine keys are kebab-case ASCII so they are stable in URLs, CSV headers and SQL. */
export const Key = v.pipe(
  v.string(),
  v.regex(KEY_RE, "Khóa phải viết thường, không dấu, nối bằng gạch ngang"),
);
export type Key = v.InferOutput<typeof Key>;

/** YYYY-MM-DD, a calendar date in ICT that exists (schema/scalars.ts). */
export { IsoDate, TemplateUrl } from "../scalars";

export const Text = v.pipe(v.string(), v.nonEmpty());
/** Where in the source document a step, rule or form comes from, e.g. "000 §II.2 Bước 2". */
export const Cite = Text;
export const Int = v.pipe(v.number(), v.integer());
export const PositiveInt = v.pipe(v.number(), v.integer(), v.minValue(1));
