// Reads and writes of the supervisor's screens /t/:tenant/giam-sat/…: the confirmed plans
// routed to the supervising organisation, one of them read-only, and its góp ý.
import { action, json, query, type RoutePreloadFuncArgs } from "@solidjs/router";
import { ApiError, getSubmission } from "../../api";
import { addComment, listComments, listRoutedPlans } from "../../api-parents";
import { getCampaignDetail } from "../campaigns/campaigns.data";
import { preloadOf } from "../../lib/preload";

export const getRoutedPlans = query(
  (tenant: string, after?: string) => listRoutedPlans(tenant, { after }),
  "routed-plans",
);

export const getPlanComments = query(
  (tenant: string, submissionId: string) => listComments(tenant, submissionId),
  "plan-comments",
);

/** The plan with its campaign's form, for PlanDocument. */
export const getSupervisedPlan = query(async (tenant: string, submissionId: string) => {
  const read = await getSubmission(tenant, submissionId);
  const campaign = await getCampaignDetail(tenant, read.submission.campaignId);
  const routed = await listRoutedPlans(tenant, { id: submissionId }).catch(() => null);
  return {
    campaign,
    submission: read.submission,
    form: campaign.definition.forms.find((f) => f.key === read.submission.formKey) ?? null,
    routed: routed?.plans[0] ?? null,
  };
}, "supervised-plan");

export const preloadSupervision = preloadOf(getRoutedPlans, "tenant");

export function preloadSupervisedPlan(args: RoutePreloadFuncArgs): Promise<unknown> {
  const p = args.params;
  return Promise.all([
    getSupervisedPlan(p.tenant ?? "", p.submissionId ?? ""),
    getPlanComments(p.tenant ?? "", p.submissionId ?? ""),
  ]);
}

export const postComment = action(
  async (tenant: string, submissionId: string, form: FormData | URLSearchParams) => {
    const body = String(form.get("body") ?? "").trim();
    if ([...body].length < 2) {
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
        body: "Góp ý cần ít nhất 2 ký tự.",
      });
    }
    await addComment(tenant, submissionId, body);
    return json({ ok: true }, { revalidate: [getPlanComments.keyFor(tenant, submissionId)] });
  },
  "post-comment",
);
