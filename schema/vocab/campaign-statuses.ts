// A campaign's life: drafted, launched (active), closed.
import * as v from "valibot";

export const CAMPAIGN_STATUS_LABELS = {
  draft: "Nháp — chưa phát động",
  active: "Đang diễn ra",
  closed: "Đã kết thúc",
} as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUS_LABELS;
/** In the order of the labels: the order screens list them in. */
export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS_LABELS) as [
  CampaignStatus,
  ...CampaignStatus[],
];
export const CampaignStatus = /* @__PURE__ */ v.picklist(CAMPAIGN_STATUSES);
