// Reads of the plan form /t/:tenant/dot-sinh-hoat/:campaignId/ke-hoach/:formKey (a member's
// own) and …/nhap-thay/:memberId/:formKey (a secretary entering it for a member without a
// phone), and of the print views. One loader gathers what the form needs: the campaign's
// frozen form, the submission, and — only when some prefilled field is still empty — the
// member's record and unit (two more requests, worth saving on 3G).
import { query, type RoutePreloadFuncArgs } from "@solidjs/router";
import type { Form, TemplateList } from "../../../schema/template";
import {
  getMember,
  getSubmission,
  listUnits,
  type CampaignDetail,
  type Submission,
} from "../../api";
import { prefillNeeded, type PrefillFacts } from "../../lib/plan";
import { getCampaignDetail, getCampaignQueue } from "../campaigns/campaigns.data";
import { getMe, getMeOrOffline } from "../shell/shell.data";
import { getMine, getMyTasks } from "../tasks/tasks.data";
import { preloadOf } from "../../lib/preload";

export interface PlanLoad {
  campaign: CampaignDetail;
  form: Form | null;
  lists: TemplateList[];
  submission: Submission | null;
  /** Whose plan: the member id when known (always for on-behalf entry). */
  memberId: string | null;
  /** The member's name where the page needs it (on-behalf banner, signatures). */
  memberName: string;
  facts: PrefillFacts | null;
  me: PlanReader;
}

/** Who opens the plan: from `/me`, or with no network from the task list the service worker
 *  kept (its user id names the drafts on this device; the names wait for the network). */
export interface PlanReader {
  user: { id: string; fullName?: string };
  tenant: { name?: string };
}

async function planReader(tenant: string): Promise<PlanReader> {
  const me = await getMeOrOffline(tenant);
  if (me) return me;
  const { userId } = await getMyTasks(tenant);
  return { user: { id: userId }, tenant: {} };
}

/** Where the member's record can be read from: their own, or one a secretary may see. */
async function prefillFacts(
  tenant: string,
  memberId: string | null,
  me: PlanReader,
  campaign: CampaignDetail,
  own: boolean,
): Promise<PrefillFacts> {
  const year = campaign.startsOn.slice(0, 4);
  if (!memberId) return { year, fullName: own ? me.user.fullName : undefined };
  const [detail, units] = await Promise.all([
    getMember(tenant, memberId).catch(() => null),
    listUnits(tenant).catch(() => []),
  ]);
  const m = detail?.member;
  const unit = units.find((u) => u.id === m?.unitId);
  // A member sees only their own unit, not its parent: the đảng bộ's name stands in.
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return {
    year,
    fullName: m?.fullName ?? (own ? me.user.fullName : undefined),
    birthYear: m?.birthYear ?? null,
    position: m?.position ?? null,
    unitName: unit?.name,
    parentUnitName: parent?.name ?? me.tenant.name,
  };
}

/**
 * Everything the form needs. `memberId` set means on-behalf entry by a secretary; `nonce`
 * only makes "load the newest version" a fresh read.
 */
export const getPlan = query(
  async (
    tenant: string,
    campaignId: string,
    formKey: string,
    memberId: string,
    nonce: number,
  ): Promise<PlanLoad> => {
    void nonce;
    const onBehalf = memberId !== "";
    const [campaign, me] = await Promise.all([
      getCampaignDetail(tenant, campaignId),
      planReader(tenant),
    ]);
    let submission: Submission | null;
    let ownId: string | null = null;
    let memberName: string;
    if (onBehalf) {
      // There is no read of a member's submission by campaign and form: the secretary's
      // queue names it (for the campaign's tracked form).
      const queue = await getCampaignQueue(tenant, campaignId, "");
      const entry = [
        ...queue.missing,
        ...queue.awaitingConfirmation,
        ...queue.confirmed,
        ...queue.excused,
      ].find((e) => e.memberId === memberId);
      memberName = entry?.fullName ?? "";
      submission = entry?.submission
        ? (await getSubmission(tenant, entry.submission.id)).submission
        : null;
      if (submission && submission.formKey !== formKey) submission = null;
    } else {
      const mine = await getMine(tenant, campaignId, formKey);
      submission = mine.submission;
      ownId = submission?.memberId ?? null;
      memberName = me.user.fullName ?? "";
    }
    const form = campaign.definition.forms.find((f) => f.key === formKey) ?? null;
    let facts: PrefillFacts | null = null;
    if (form && prefillNeeded(form, submission?.data ?? {})) {
      if (!onBehalf && !ownId) {
        // No submission yet: the member's id comes with their tasks.
        const tasks = await getMyTasks(tenant).then(
          (r) => r.tasks,
          () => [],
        );
        ownId = tasks.find((t) => t.campaignId === campaignId && t.memberId)?.memberId ?? null;
      }
      facts = await prefillFacts(tenant, onBehalf ? memberId : ownId, me, campaign, !onBehalf);
      if (onBehalf && !memberName) memberName = facts.fullName ?? "";
    }
    return {
      campaign,
      form,
      lists: campaign.definition.lists,
      submission,
      memberId: onBehalf ? memberId : ownId,
      memberName,
      facts,
      me,
    };
  },
  "plan",
);

export function preloadPlan(args: RoutePreloadFuncArgs): Promise<unknown> {
  const p = args.params;
  return getPlan(p.tenant ?? "", p.campaignId ?? "", p.formKey ?? "", p.memberId ?? "", 0);
}

/** A submission read by id, with its campaign: the secretary's review and its print view. */
export const getReview = query(async (tenant: string, campaignId: string, submissionId: string) => {
  const [campaign, read, me] = await Promise.all([
    getCampaignDetail(tenant, campaignId),
    getSubmission(tenant, submissionId),
    getMe(tenant),
  ]);
  const units = await listUnits(tenant).catch(() => []);
  const unit = units.find((u) => u.id === read.submission.unitId);
  const parent = unit?.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
  return {
    campaign,
    submission: read.submission,
    versions: read.versions,
    confirmation: read.confirmation,
    form: campaign.definition.forms.find((f) => f.key === read.submission.formKey) ?? null,
    unitName: unit?.name ?? "",
    parentUnitName: parent?.name ?? me.tenant.name,
    me,
  };
}, "review");

export const preloadReview = preloadOf(getReview, "tenant", "campaignId", "submissionId");

export { draftKey } from "../../lib/drafts";
