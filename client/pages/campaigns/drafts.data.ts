// Writes of a draft campaign's way out (/t/:tenant/dot-sinh-hoat/:campaignId, admin): take
// the template again — its latest version or the đảng bộ's filled-in copy — or delete it.
import { action, json, redirect } from "@solidjs/router";
import { deleteDraftCampaign, refreshDraftCampaign } from "../../api-admin";
import { getCampaignDetail, getCampaigns } from "./campaigns.data";

export const refreshDraft = action(
  async (tenant: string, campaignId: string, version: number, form: FormData) => {
    const templateKey = String(form.get("templateKey") ?? "") || undefined;
    const r = await refreshDraftCampaign(tenant, campaignId, { version, templateKey });
    return json(r, {
      revalidate: [getCampaigns.key, getCampaignDetail.keyFor(tenant, campaignId)],
    });
  },
  "refresh-draft",
);

export const removeDraft = action(async (tenant: string, campaignId: string) => {
  await deleteDraftCampaign(tenant, campaignId);
  throw redirect(`/t/${tenant}/dot-sinh-hoat`, { revalidate: [getCampaigns.key] });
}, "remove-draft");
