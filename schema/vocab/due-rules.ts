// The two wordings of a deadline. "trước ngày D" is due at D 00:00 ICT; "đến hết ngày D" at
// D+1 00:00 ICT (DESIGN §3); schema/rules/deadlines.ts turns them into instants.
import * as v from "valibot";

export const DUE_RULES = ["truoc-ngay", "den-het-ngay"] as const;
export const DueRule = /* @__PURE__ */ v.picklist(DUE_RULES);
export type DueRule = (typeof DUE_RULES)[number];

export const DUE_RULE_WORDS: Readonly<Record<DueRule, string>> = {
  "truoc-ngay": "trước ngày",
  "den-het-ngay": "đến hết ngày",
};
