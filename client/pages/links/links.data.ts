// Reads and writes of /t/:tenant/lien-ket: the links to a parent đảng bộ and from children,
// the children's figures, and the directives (published here, or a parent's to adopt).
import { action, json, query, redirect, type RoutePreloadFuncArgs } from "@solidjs/router";
import { ApiError, listUnits, requireCampaign } from "../../api";
import { listTemplates } from "../../api-admin";
import {
  adoptDirective,
  approveLink,
  childrenProgress,
  directiveBehind,
  directiveHistory,
  editCampaign,
  listDirectives,
  listLinks,
  publishDirective,
  remindBehind,
  requestLink,
  revokeLink,
  type Directive,
} from "../../api-parents";
import { DAY_HINT, parseDay } from "../../lib/labels";
import { normaliseSlug, SLUG_RE } from "../../lib/slug";
import type { CampaignDetail } from "../../api";
import { getCampaignDetail, getCampaigns } from "../campaigns/campaigns.data";
import { readAdapt } from "./adapt";

export const getLinks = query((tenant: string) => listLinks(tenant), "links");
export const getChildren = query((tenant: string) => childrenProgress(tenant), "children");
export const getDirectives = query((tenant: string) => listDirectives(tenant), "directives");
export const getBehind = query(
  (tenant: string, directiveId: string) => directiveBehind(tenant, directiveId),
  "directive-behind",
);

export const getDirectiveHistory = query(
  (tenant: string, directiveId: string) => directiveHistory(tenant, directiveId),
  "directive-history",
);

/** "Nhắc": a notification to the behind đảng bộ's admins (once a day per directive). */
export const remind = action(async (tenant: string, directiveId: string, slug: string) => {
  const r = await remindBehind(tenant, directiveId, slug);
  return json({ slug, notice: `Đã nhắc ${r.tenant.name} (${r.notified} quản trị viên).` });
}, "remind-behind");

export const getTemplateChoices = query(
  (tenant: string) => listTemplates(tenant),
  "link-templates",
);

export function preloadLinks(args: RoutePreloadFuncArgs): Promise<unknown> {
  const tenant = args.params.tenant ?? "";
  return Promise.allSettled([getLinks(tenant), getChildren(tenant), getDirectives(tenant)]);
}

export const askParent = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const slug = normaliseSlug(String(form.get("parentSlug") ?? ""));
  if (!SLUG_RE.test(slug)) {
    throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
      parentSlug: "Mã đảng bộ gồm 3–40 chữ thường không dấu, số hoặc dấu gạch ngang.",
    });
  }
  await requestLink(tenant, slug);
  return json(
    { notice: "Đã gửi đề nghị liên kết. Chờ cấp trên duyệt." },
    {
      revalidate: [getLinks.keyFor(tenant)],
    },
  );
}, "ask-parent");

export const changeLink = action(
  async (tenant: string, linkId: string, op: "approve" | "revoke") => {
    if (op === "approve") await approveLink(tenant, linkId);
    else await revokeLink(tenant, linkId);
    return json(
      { op, notice: op === "approve" ? "Đã duyệt liên kết." : "Đã hủy liên kết." },
      {
        revalidate: [
          getLinks.keyFor(tenant),
          getChildren.keyFor(tenant),
          getDirectives.keyFor(tenant),
        ],
      },
    );
  },
  "change-link",
);

export const addDirective = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const startsOn = parseDay(s("startsOn"));
  const dueOn = parseDay(s("dueOn"));
  const fields: Record<string, string> = {};
  if (!s("templateKey")) fields.templateKey = "Hãy chọn mẫu.";
  if ([...s("name")].length < 3) fields.name = "Tên cần ít nhất 3 ký tự.";
  if (!startsOn) fields.startsOn = `Ngày không hợp lệ. ${DAY_HINT}`;
  if (!dueOn) fields.dueOn = `Ngày không hợp lệ. ${DAY_HINT}`;
  if (Object.keys(fields).length) {
    throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", fields);
  }
  await publishDirective(tenant, {
    templateKey: s("templateKey"),
    name: s("name"),
    documentNo: s("documentNo") || undefined,
    startsOn: startsOn!,
    dueOn: dueOn!,
  });
  return json(
    { notice: "Đã ban hành văn bản chỉ đạo cho cấp dưới." },
    {
      revalidate: [getDirectives.keyFor(tenant)],
    },
  );
}, "add-directive");

/** Adopts a parent's directive as adapted on the adopt screen, then opens the campaign (a
 *  draft: its dates and wording can still change before launch, the locks hold). */
export const adopt = action(
  async (tenant: string, directive: Directive, form: FormData | URLSearchParams) => {
    const { body, fields } = readAdapt(directive, form);
    if (Object.keys(fields).length)
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", fields);
    const created = await adoptDirective(tenant, directive.id, body);
    throw redirect(`/t/${tenant}/dot-sinh-hoat/${created.id}`, {
      revalidate: [getCampaigns.keyFor(tenant)],
    });
  },
  "adopt-directive",
);

export const getAdoptUnits = query((tenant: string) => listUnits(tenant), "adopt-units");

/** The draft the edit screen edits (its own key: the campaign page's read stays its own). */
export const getAdoptedDraft = query(requireCampaign, "adopted-draft");

export function preloadEditAdopted(args: RoutePreloadFuncArgs): Promise<unknown> {
  const tenant = args.params.tenant ?? "";
  return Promise.allSettled([
    getDirectives(tenant),
    getAdoptedDraft(tenant, args.params.campaignId ?? ""),
  ]);
}

/** Saves the edit of an adopted draft (EditAdopted.tsx) from the version it was read at,
 *  checked first as the adopt screen checks it; the draft is read again either way. */
export const saveAdopted = action(
  async (
    tenant: string,
    campaign: CampaignDetail,
    directive: Directive,
    form: FormData | URLSearchParams,
  ) => {
    const terms = { ...directive, name: campaign.name, definition: campaign.definition };
    const { body, fields } = readAdapt(terms, form);
    if (Object.keys(fields).length)
      throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", fields);
    const saved = await editCampaign(tenant, campaign.id, {
      ...body,
      documentNo: String(form.get("documentNo") ?? "").trim() || null,
      overrides: body.overrides ?? {},
      version: campaign.version,
    });
    return json(
      { version: saved.version, notice: "Đã lưu thay đổi." },
      {
        revalidate: [
          getAdoptedDraft.keyFor(tenant, campaign.id),
          getCampaignDetail.keyFor(tenant, campaign.id),
          getCampaigns.keyFor(tenant),
        ],
      },
    );
  },
  "save-adopted",
);
