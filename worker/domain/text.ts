// Vietnamese text rules: stated once in schema/rules/text.ts, shared with the client.
export { foldVietnamese } from "../../schema/rules/text";
