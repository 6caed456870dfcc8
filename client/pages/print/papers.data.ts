// The shared loader of the papers: what every paper's header prints and how it reads it.
// The issuing place (and body) is the campaign's template's, else the đảng bộ's
// (schema/rules/issuing.ts `issuingFor`), for all four papers alike: the plan reads it with
// `paperIssuing`, the unit papers (minutes, report upward, summary table) through
// `getPaperUnit`, which also reads the unit, the body above it and its figures from the
// server for that one unit (GET /campaigns/:id/units/:unitId/paper), never the unit list.
import { query } from "@solidjs/router";
import { issuingFor } from "../../../schema/rules/issuing";
import type { Issuing } from "../../../schema/template";
import { ApiError, getUnitPaper, type CampaignDetail, type Me, type UnitPaper } from "../../api";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import { getMe } from "../shell/shell.data";

/** The issuing body and place a campaign's papers print. */
export const paperIssuing = (
  campaign: { definition: { issuing?: Issuing | undefined } },
  me: Me,
): Issuing => issuingFor(campaign.definition, me.tenant.name);

export interface PaperUnit {
  me: Me;
  campaign: CampaignDetail;
  issuing: Issuing;
  /** The unit, the body above it ("" at the root) and its figures, a sheet's worth. */
  paper: UnitPaper;
}

/** The unit's paper, or null where there is no such unit in the caller's sight (404). */
export const getPaperUnit = query(
  async (tenant: string, campaignId: string, unitId: string): Promise<PaperUnit | null> => {
    const [me, campaign, paper] = await Promise.all([
      getMe(tenant),
      getCampaignDetail(tenant, campaignId),
      getUnitPaper(tenant, campaignId, unitId).catch((e: unknown) =>
        e instanceof ApiError && e.status === 404 ? null : Promise.reject(e),
      ),
    ]);
    return paper && { me, campaign, issuing: paperIssuing(campaign, me), paper };
  },
  "paper-unit",
);

/** The caller's name where they are the unit's secretary: they sign; else a space to sign. */
export const signerName = (p: PaperUnit, unitId: string): string =>
  p.me.grants.some((g) => g.role === "secretary" && g.unitId === unitId) ? p.me.user.fullName : "";
