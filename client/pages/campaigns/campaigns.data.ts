// Reads and writes of the campaign screens /t/:tenant/dot-sinh-hoat/…: the list, one
// campaign with its progress, the secretary's queue, and the admin's create / launch / close.
import { action, json, query, redirect, type RoutePreloadFuncArgs } from "@solidjs/router";
import {
  ApiError,
  closeCampaign,
  confirmSubmission,
  createCampaign,
  requireCampaign,
  getProgress,
  getQueue,
  launchCampaign,
  listCampaigns,
  returnSubmission,
  type CampaignInput,
} from "../../api";
import { getHistory } from "../../api-meetings";
import { DAY_HINT, parseDay } from "../../lib/labels";
import { unitQuery } from "../../lib/unit-query";
import { getMyTasks } from "../tasks/tasks.data";
import { preloadOf } from "../../lib/preload";

export const getCampaigns = query(listCampaigns, "campaigns");

export const getCampaignDetail = query(requireCampaign, "campaign");

export const getCampaignProgress = unitQuery(getProgress, "campaign-progress");

export const getCampaignQueue = unitQuery(getQueue, "campaign-queue");

export const getCampaignHistory = unitQuery(getHistory, "campaign-history");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
export const unitParam = (q: Partial<Record<string, string | string[]>>) => one(q.unitId);

export const preloadCampaigns = preloadOf(getCampaigns, "tenant");

export const preloadCampaign = preloadOf(getCampaignDetail, "tenant", "campaignId");

export function preloadQueue(args: RoutePreloadFuncArgs): Promise<unknown> {
  const p = args.params;
  return Promise.all([
    getCampaignDetail(p.tenant ?? "", p.campaignId ?? ""),
    getCampaignQueue(p.tenant ?? "", p.campaignId ?? "", unitParam(args.location.query)),
  ]);
}

/** Creates the draft from the form of the "new campaign" page and opens it: launching is a
 *  separate, deliberate step. Dates are typed dd/mm/yyyy like everywhere else. */
export const addCampaign = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const startsOn = parseDay(s("startsOn"));
  const dueOn = parseDay(s("dueOn"));
  const unitIds = form.getAll("unitIds").map(String);
  const fields: Record<string, string> = {};
  if (!startsOn) fields.startsOn = `Ngày không hợp lệ. ${DAY_HINT}`;
  if (!dueOn) fields.dueOn = `Ngày không hợp lệ. ${DAY_HINT}`;
  if (unitIds.length === 0) fields.unitIds = "Cần chọn ít nhất một đơn vị.";
  if (Object.keys(fields).length) {
    throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", fields);
  }
  const input: CampaignInput = {
    templateKey: s("templateKey"),
    name: s("name"),
    startsOn: startsOn!,
    dueOn: dueOn!,
    unitIds,
    ...(s("documentNo") ? { documentNo: s("documentNo") } : {}),
  };
  const { id } = await createCampaign(tenant, input);
  throw redirect(`/t/${tenant}/dot-sinh-hoat/${id}`, { revalidate: [getCampaigns.key] });
}, "add-campaign");

/** Launch or close; every answer is non-empty so the page can show the outcome. */
export const changeCampaign = action(
  async (tenant: string, campaignId: string, op: "launch" | "close") => {
    const r = await (op === "launch" ? launchCampaign : closeCampaign)(tenant, campaignId);
    return json(
      { op, status: r.status },
      {
        revalidate: [
          getCampaigns.key,
          getCampaignDetail.keyFor(tenant, campaignId),
          getCampaignProgress.key,
          getMyTasks.key,
        ],
      },
    );
  },
  "change-campaign",
);

/**
 * The cell's decision on a submitted plan: confirm it, or return it with a comment. Answers
 * the notice for the queue; the page goes back there with it (in history state: no names in
 * URLs). "review" is getReview's key (plan.data.ts imports this module, not the reverse).
 */
export const decidePlan = action(
  async (
    tenant: string,
    submissionId: string,
    fullName: string,
    form: FormData | URLSearchParams,
  ) => {
    const op = form.get("op") === "return" ? "return" : "confirm";
    const comment = String(form.get("comment") ?? "").trim();
    if (op === "return" && [...comment].length < 3) {
      // Said next to the field, like the server's own 422.
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
        comment: "Hãy ghi lý do trả lại (ít nhất 3 ký tự).",
      });
    }
    const opinion = String(form.get("opinion") ?? "").trim();
    if (op === "confirm") await confirmSubmission(tenant, submissionId, opinion || undefined);
    else await returnSubmission(tenant, submissionId, comment);
    const notice =
      op === "confirm"
        ? `Đã xác nhận kế hoạch của ${fullName}.`
        : `Đã trả lại kế hoạch của ${fullName} kèm góp ý.`;
    return json(
      { op, notice },
      { revalidate: [getCampaignQueue.key, getCampaignProgress.key, "review", getMyTasks.key] },
    );
  },
  "decide-plan",
);
