// A campaign's life: drafted, launched (active), closed.
import * as v from "valibot";

export const CAMPAIGN_STATUSES = ["draft", "active", "closed"] as const;
export const CampaignStatus = /* @__PURE__ */ v.picklist(CAMPAIGN_STATUSES);
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABELS: Readonly<Record<CampaignStatus, string>> = {
  draft: "Nháp — chưa phát động",
  active: "Đang diễn ra",
  closed: "Đã kết thúc",
};
