// The two wordings of a deadline. "trước ngày D" is due at D 00:00 ICT; "đến hết ngày D" at
// D+1 00:00 ICT (DESIGN §3); schema/rules/deadlines.ts turns them into instants.
import * as v from "valibot";

export const DUE_RULE_WORDS = {
  "truoc-ngay": "trước ngày",
  "den-het-ngay": "đến hết ngày",
} as const;
export type DueRule = keyof typeof DUE_RULE_WORDS;
/** In the order of the labels: the order screens list them in. */
export const DUE_RULES = Object.keys(DUE_RULE_WORDS) as [DueRule, ...DueRule[]];
export const DueRule = /* @__PURE__ */ v.picklist(DUE_RULES);
