// A member's presence at a meeting's roll-call. Excused members leave the denominator.
import * as v from "valibot";

export const PRESENCE_LABELS = {
  present: "Có mặt",
  excused: "Vắng có lý do",
  absent: "Vắng không lý do",
} as const;
export type Presence = keyof typeof PRESENCE_LABELS;
/** In the order of the labels: the order screens list them in. */
export const PRESENCES = Object.keys(PRESENCE_LABELS) as [Presence, ...Presence[]];
export const Presence = /* @__PURE__ */ v.picklist(
  PRESENCES,
  "Có mặt, vắng có lý do hoặc vắng không lý do.",
);
