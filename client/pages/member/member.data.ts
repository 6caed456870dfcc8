// Reads and writes of one member /t/:tenant/dang-vien/:memberId and of the new-member form
// /t/:tenant/dang-vien/moi.
import { action, json, query, redirect, type RoutePreloadFuncArgs } from "@solidjs/router";
import {
  ApiError,
  createMember,
  getMember,
  updateMember,
  type MemberInput,
  type MemberStatus,
} from "../../api";
import { createInvitation } from "../../api-admin";
import { DAY_HINT, parseDay } from "../../lib/labels";
import { getInvitations } from "../accounts/accounts.data";
import { getUnitMembers } from "../roster/roster.data";
import { getUnits } from "../units/units.data";

export const getMemberDetail = query(getMember, "member-detail");

export function preloadMember(args: RoutePreloadFuncArgs): Promise<unknown> {
  const tenant = args.params.tenant ?? "";
  const id = args.params.memberId ?? "";
  return Promise.all([getUnits(tenant), id === "moi" ? null : getMemberDetail(tenant, id)]);
}

/** A rank at or above this is "no leading position" (the server's default is 100). */
export const NO_RANK = 100;

/** The form's fields as the API's member body. Empty optional fields become null. */
function memberBody(form: FormData | URLSearchParams): MemberInput {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const n = (k: string) => (s(k) === "" ? null : Number(s(k)));
  const since = s("statusSince") ? parseDay(s("statusSince")) : null;
  if (s("statusSince") && !since) {
    // Said next to the field, like the server's own 422 answers.
    throw new ApiError(422, "INVALID_BODY", "Dữ liệu chưa hợp lệ.", {
      statusSince: `Ngày không hợp lệ. ${DAY_HINT}`,
    });
  }
  return {
    fullName: s("fullName"),
    birthYear: n("birthYear"),
    email: s("email") || null,
    phone: s("phone") || null,
    unitId: s("unitId"),
    position: s("position") || null,
    leadershipRank: n("leadershipRank") ?? NO_RANK,
    status: s("status") as MemberStatus,
    statusSince: since,
    managedByStandingCommittee: form.get("managedByStandingCommittee") === "on",
    mustPublishPlan: form.get("mustPublishPlan") === "on",
  };
}

/** 409 VERSION_CONFLICT reaches the page as the submission's error; it offers a reload. */
export const saveMember = action(
  async (tenant: string, memberId: string, form: FormData | URLSearchParams) => {
    const member = await updateMember(tenant, memberId, {
      ...memberBody(form),
      version: Number(form.get("version")),
    });
    return json(
      { member, savedAt: Date.now() },
      {
        revalidate: [
          getMemberDetail.keyFor(tenant, memberId),
          getUnitMembers.key,
          getUnits.key, // member counts
        ],
      },
    );
  },
  "save-member",
);

export const addMember = action(async (tenant: string, form: FormData | URLSearchParams) => {
  const member = await createMember(tenant, memberBody(form));
  throw redirect(`/t/${tenant}/dang-vien/${member.id}`, {
    revalidate: [getUnitMembers.key, getUnits.key],
  });
}, "add-member");

/** An invitation with role `member` for the member's own email and unit. */
export const inviteMember = action(
  async (tenant: string, memberId: string, email: string, unitId: string) => {
    const link = await createInvitation(tenant, { memberId, email, role: "member", unitId });
    return json(link, { revalidate: [getInvitations.key] });
  },
  "invite-member",
);
