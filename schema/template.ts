/**
 * The campaign template definition language (DESIGN.md §3).
 *
 * A template is data, not code: a tenant clones a built-in one and edits it without a release,
 * so everything the five source directives ask for — steps and their deadlines, forms, the
 * checklists they cite, meeting rules, who is excused, who publishes or supervises whom, the
 * monthly follow-up and the reports upward — is expressed here as plain JSON.
 *
 * Two layers of checking:
 * - the valibot schemas below check shape only, and use only actions that
 *   @valibot/to-json-schema can convert, because the same schemas feed the OpenAPI document;
 * - `validateTemplate` checks what needs code: references between keys, cycles among deadlines,
 *   real calendar dates, consistent counts and NFC text.
 *
 * Dates are calendar dates in Asia/Ho_Chi_Minh; a deadline is a date plus a rule ("trước ngày D"
 * or "đến hết ngày D"); see schema/rules/deadlines.ts for how they become instants.
 */
export * from "./template/scalars";
export * from "./template/steps-forms";
export * from "./template/completion";
export * from "./template/definition";
export * from "./template/match";
export * from "./template/validate";
export * from "./template/launch";
