// How a person wants to hear of events (a plan submitted, returned, confirmed, a comment, a
// report filed): every notification is shown in the app; this chooses the e-mail beside it.
// Default `digest`: nobody gets more than one e-mail a day unless they ask for it — a cell
// secretary hears of thirty submissions in one message — and nothing is lost.
import * as v from "valibot";

export const NOTIFY_MODE_LABELS = {
  email: "Gửi thư điện tử ngay",
  digest: "Gửi thư tổng hợp mỗi ngày một lần",
  app: "Chỉ xem trong ứng dụng",
} as const;
export type NotifyMode = keyof typeof NOTIFY_MODE_LABELS;
export const NOTIFY_MODES = Object.keys(NOTIFY_MODE_LABELS) as [NotifyMode, ...NotifyMode[]];
export const DEFAULT_NOTIFY_MODE: NotifyMode = "digest";
export const NotifyMode = /* @__PURE__ */ v.picklist(
  NOTIFY_MODES,
  "Cách nhận thông báo không hợp lệ.",
);
