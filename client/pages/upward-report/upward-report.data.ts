// Reads of /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao-cap-tren: the report upward and the
// campaign's definition (its lists, for a form that has a checklist).
import {
  createAsync,
  query,
  type RouteSectionProps,
  type RoutePreloadFuncArgs,
} from "@solidjs/router";
import { readUpwardReport } from "../../api-upward";
import { getMe } from "../shell/shell.data";
import { getCampaignDef } from "../unit-forms/unit-forms.data";

export const getUpwardReport = query(readUpwardReport, "upward-report");

export function preloadUpwardReport({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.allSettled([
    getUpwardReport(p.tenant ?? "", p.campaignId ?? ""),
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
  ]);
}

/** What the report's page and its paper read: the caller, the report, the campaign. */
export function useUpwardReport(props: RouteSectionProps) {
  const tenant = () => props.params.tenant ?? "";
  const campaignId = () => props.params.campaignId ?? "";
  return {
    tenant,
    campaignId,
    me: createAsync(() => getMe(tenant())),
    report: createAsync(() => getUpwardReport(tenant(), campaignId())),
    campaign: createAsync(() => getCampaignDef(tenant(), campaignId())),
  };
}
