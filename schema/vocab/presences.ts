// A member's presence at a meeting's roll-call. Excused members leave the denominator.
import * as v from "valibot";

export const PRESENCES = ["present", "excused", "absent"] as const;
export const Presence = /* @__PURE__ */ v.picklist(
  PRESENCES,
  "Có mặt, vắng có lý do hoặc vắng không lý do.",
);
export type Presence = (typeof PRESENCES)[number];

export const PRESENCE_LABELS: Readonly<Record<Presence, string>> = {
  present: "Có mặt",
  excused: "Vắng có lý do",
  absent: "Vắng không lý do",
};
