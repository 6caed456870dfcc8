// Reads of the unit's own records: the campaign (its frozen definition holds the forms), a
// unit's record of a step, the checklist counts, the monthly reviews.
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import {
  getChecklistTally,
  getMonthlyReviews,
  getPeriodicReports,
  getUnitStep,
} from "../../api-steps";

/** The campaign screens' own query: one cache for the campaign's detail. */
export const getCampaignDef = getCampaignDetail;
export const getUnitStepRecords = query(getUnitStep, "unit-step");
export const getTally = query(getChecklistTally, "checklist-tally");
export const getReviews = query(getMonthlyReviews, "monthly-reviews");
export const getPeriodic = query(getPeriodicReports, "periodic-reports");

export function preloadUnitForm({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.all([
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
    p.stepKey
      ? getUnitStepRecords(p.tenant ?? "", p.campaignId ?? "", p.stepKey, p.unitId ?? "")
      : null,
  ]);
}

export function preloadTally({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.all([
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
    getTally(p.tenant ?? "", p.campaignId ?? "", p.stepKey ?? ""),
  ]);
}

export function preloadMonthly({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.all([
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
    getReviews(p.tenant ?? "", p.campaignId ?? "", p.unitId ?? ""),
  ]);
}

export function preloadPeriodic({ params: p }: RoutePreloadFuncArgs): Promise<unknown> {
  return Promise.all([
    getCampaignDef(p.tenant ?? "", p.campaignId ?? ""),
    getPeriodic(p.tenant ?? "", p.campaignId ?? "", p.reportKey ?? "", p.unitId ?? ""),
  ]);
}
