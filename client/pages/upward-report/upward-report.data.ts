// Reads of /t/:tenant/dot-sinh-hoat/:campaignId/bao-cao-cap-tren: the report upward and the
// campaign's definition (its lists, for a form that has a checklist).
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { readUpwardReport } from "../../api-upward";
import { getCampaignDef } from "../unit-forms/unit-forms.data";

export const getUpwardReport = query(readUpwardReport, "upward-report");

export function preloadUpwardReport({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.allSettled([
    getUpwardReport(p.tenant ?? "", p.campaignId ?? ""),
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
  ]);
}
