// Request bodies of the directive cascade (split from schema/api.ts, which holds the shared
// field schemas and the link and directive bodies they extend). The client may import them.
import * as v from "valibot";
import { AdoptBody, DirectiveBody, IsoDate } from "./api";

/** Adopting a parent's directive with the child's own adaptation: its name, number and dates
 *  (the due date no later than the directive's); left out, the directive's are kept. */
export const AdaptBody = v.strictObject({
  ...AdoptBody.entries,
  documentNo: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100))),
  startsOn: v.optional(IsoDate),
  dueOn: v.optional(IsoDate),
  /** Step key → that step's own due date, no later than the directive's due date. */
  overrides: v.optional(v.record(v.pipe(v.string(), v.maxLength(100)), IsoDate)),
});

/** A parent's directive passed down to this tenant's children: its own name, number and
 *  dates; the sections locked above stay locked, `lockedSections` adds to them. */
export const RepublishBody = v.strictObject({
  ...v.omit(DirectiveBody, ["templateKey"]).entries,
});
